// Marking suppressed findings, and reporting directives that are wrong or stale.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "estate/estate.h"
#include "policy/finding.h"
#include "policy/policy.h"
#include "suppression/ignore_directive.h"

namespace ztlint::suppression {

// The info-level rules that judge directives themselves.
inline constexpr std::string_view kMissingReasonRule = "ZT-IGNORE-001";
inline constexpr std::string_view kUnknownPolicyRule = "ZT-IGNORE-002";
inline constexpr std::string_view kUnusedRule = "ZT-IGNORE-003";
std::vector<policy::PolicyInfo> directive_rules();

// Sets Finding::suppressed on every finding that a directive with a reason covers: the
// directive names its rule and is attached to the finding's resource, or to a block whose
// range holds the finding. Returns info findings for directives without a reason (they
// suppress nothing), naming unknown policies, or suppressing nothing.
std::vector<policy::Finding> apply_suppressions(const estate::Estate& estate,
                                                const std::vector<IgnoreDirective>& directives,
                                                const std::set<std::string>& known_ids,
                                                std::vector<policy::Finding>& findings);

}  // namespace ztlint::suppression
