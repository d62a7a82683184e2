// Policy severities, ordered from least to most severe.
#pragma once

#include <optional>
#include <string_view>

namespace ztlint::policy {

enum class Severity { kInfo, kLow, kMedium, kHigh, kCritical };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

}  // namespace ztlint::policy
