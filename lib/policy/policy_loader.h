// Reading one policy YAML file into a Policy, with errors that name file, line and cause.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "policy/policy.h"
#include "source/diagnostic.h"

namespace ztlint::policy {

// Parses the text of one policy file. `path` names it in errors and in
// PolicyInfo::source_path. On any problem (bad YAML, unknown key, wrong type, unknown fact
// or operator, bad regex) appends kConfig diagnostics and returns nullopt. Never throws.
std::optional<Policy> parse_policy(std::string_view text, const std::string& path,
                                   source::Diagnostics& errors);

}  // namespace ztlint::policy
