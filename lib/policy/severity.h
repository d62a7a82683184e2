// Policy severities, ordered from least to most severe.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace ztlint::policy {

enum class Severity { kInfo, kLow, kMedium, kHigh, kCritical };

inline constexpr std::array<Severity, 5> kAllSeverities{Severity::kInfo, Severity::kLow,
                                                        Severity::kMedium, Severity::kHigh,
                                                        Severity::kCritical};

// Header-only so that emitters can name severities without linking the policy engine.
constexpr std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::kInfo: return "info";
    case Severity::kLow: return "low";
    case Severity::kMedium: return "medium";
    case Severity::kHigh: return "high";
    case Severity::kCritical: return "critical";
  }
  return "info";
}

// Case-insensitive: "HIGH" and "high" both parse.
constexpr std::optional<Severity> parse_severity(std::string_view text) {
  for (Severity severity : kAllSeverities) {
    const std::string_view name = to_string(severity);
    if (name.size() != text.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size(); ++i) {
      char c = text[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = same && c == name[i];
    }
    if (same) return severity;
  }
  return std::nullopt;
}

}  // namespace ztlint::policy
