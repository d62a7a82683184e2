#include "suppression/apply_suppressions.h"

#include <fmt/format.h>

namespace ztlint::suppression {

namespace {

policy::PolicyInfo directive_rule(std::string_view id, std::string name, std::string summary,
                                  std::string what, std::string fix) {
  policy::PolicyInfo info;
  info.id = std::string(id);
  info.name = std::move(name);
  info.severity = policy::Severity::kInfo;
  info.principles = {"verify-explicitly"};
  info.source_path = "builtin:suppression";
  info.docs.summary = std::move(summary);
  info.docs.what = std::move(what);
  info.docs.why =
      "A suppression is a recorded exception to a Zero Trust control. Without a reason nobody "
      "can review it; one that names no real policy or covers nothing hides nothing and "
      "misleads the reader, so stale exceptions get cleaned up.";
  info.docs.example = "# ztlint:ignore ZT-NET-001\nresource \"azurerm_subnet\" \"legacy\" { ... }";
  info.docs.fix = std::move(fix);
  return info;
}

policy::Finding directive_finding(const estate::Estate& estate, const IgnoreDirective& directive,
                                  std::string_view rule, std::string name, std::string message) {
  policy::Finding finding;
  finding.rule_id = std::string(rule);
  finding.rule_name = std::move(name);
  finding.severity = policy::Severity::kInfo;
  finding.principles = {"verify-explicitly"};
  finding.message = std::move(message);
  finding.span = directive.span;
  if (!directive.targets.empty()) {
    const graph::Resource& resource = estate.graph.resource(directive.targets.front());
    finding.resource_address = resource.address;
    finding.resource_type = resource.type;
  }
  return finding;
}

bool names(const IgnoreDirective& directive, const std::string& rule_id) {
  for (const std::string& id : directive.ids) {
    if (value::iequals(id, rule_id)) return true;
  }
  return false;
}

// The directive is attached to the finding's resource, or to a block holding the finding.
bool covers(const estate::Estate& estate, const IgnoreDirective& directive,
            const policy::Finding& finding) {
  const auto finding_resource = estate.graph.find_address(finding.resource_address);
  for (graph::ResourceIndex target : directive.targets) {
    if (finding_resource &&
        (*finding_resource == target || estate.graph.canonical(*finding_resource) == target)) {
      return true;
    }
    const source::Span block = estate.graph.resource(target).range;
    if (block.file == finding.span.file && block.range.contains(finding.span.range)) return true;
  }
  return false;
}

}  // namespace

std::vector<policy::PolicyInfo> directive_rules() {
  return {
      directive_rule(kMissingReasonRule, "suppression-without-reason",
                     "A ztlint:ignore directive gives no reason",
                     "Every suppression must say why after `--`; one without a reason suppresses "
                     "nothing.",
                     "Write the reason: `# ztlint:ignore ZT-NET-001 -- legacy subnet, removed in Q3`."),
      directive_rule(kUnknownPolicyRule, "suppression-of-unknown-policy",
                     "A ztlint:ignore directive names a policy that does not exist",
                     "Each ID in a suppression must name a policy of the library (`ztlint "
                     "policies`).",
                     "Correct the ID, or remove the directive."),
      directive_rule(kUnusedRule, "suppression-without-effect",
                     "A ztlint:ignore directive suppresses nothing",
                     "A suppression that matches no finding is stale: the code was fixed, or the "
                     "directive is not attached to the declaration it was meant for.",
                     "Remove the directive, or move it to the line above the declaration."),
  };
}

std::vector<policy::Finding> apply_suppressions(const estate::Estate& estate,
                                                const std::vector<IgnoreDirective>& directives,
                                                const std::set<std::string>& known_ids,
                                                std::vector<policy::Finding>& findings) {
  std::vector<policy::Finding> reports;
  for (const IgnoreDirective& directive : directives) {
    bool valid = true;
    if (directive.ids.empty()) {
      reports.push_back(directive_finding(estate, directive, kUnknownPolicyRule,
                                          "suppression-of-unknown-policy",
                                          "ztlint:ignore names no policy ID"));
      continue;
    }
    for (const std::string& id : directive.ids) {
      if (!known_ids.count(id)) {
        reports.push_back(directive_finding(estate, directive, kUnknownPolicyRule,
                                            "suppression-of-unknown-policy",
                                            fmt::format("ztlint:ignore names unknown policy '{}'", id)));
        valid = false;
      }
    }
    if (directive.reason.empty()) {
      reports.push_back(directive_finding(
          estate, directive, kMissingReasonRule, "suppression-without-reason",
          "ztlint:ignore gives no reason (write one after `--`); it suppresses nothing"));
      continue;
    }
    bool used = false;
    for (policy::Finding& finding : findings) {
      if (!names(directive, finding.rule_id) || !covers(estate, directive, finding)) continue;
      if (!finding.suppressed) finding.suppressed = policy::Suppression{directive.reason, directive.span};
      used = true;
    }
    if (!used && valid) {
      reports.push_back(directive_finding(
          estate, directive, kUnusedRule, "suppression-without-effect",
          directive.targets.empty()
              ? "ztlint:ignore is not attached to a declaration (put it on the line above)"
              : "ztlint:ignore suppresses nothing here"));
    }
  }
  return reports;
}

}  // namespace ztlint::suppression
