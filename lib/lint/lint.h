// One lint run end to end: estate, policies, configuration, suppressions, baseline.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "estate/estate.h"
#include "policy/finding.h"
#include "policy/policy.h"
#include "policy/policy_set.h"

namespace ztlint::lint {

struct LintOptions {
  estate::LoadOptions load;                 // paths, var files, parameter files
  std::vector<std::string> policy_dirs;     // --policies
  std::optional<std::string> config_file;   // --config; else .ztlint.yaml is searched for
  std::string config_search_dir = ".";      // where the search for .ztlint.yaml starts
  std::optional<bool> strict;               // --strict (overrides the configuration)
  std::optional<std::string> baseline_file; // --baseline: report only findings not in it
};

// The outcome of a run. Owns the estate its findings point into.
struct LintResult {
  std::unique_ptr<estate::Estate> estate;
  policy::PolicySet policies;
  config::Config config;
  // Enabled policies with configured severities, plus the directive rules: what the
  // findings may name (SARIF's tool.driver.rules).
  std::vector<policy::PolicyInfo> rules;
  // Reported findings, suppressed ones included (marked); in a deterministic order.
  std::vector<policy::Finding> findings;
  std::size_t baselined = 0;  // findings the baseline removed
};

LintResult lint(const LintOptions& options);

// The exit status of a run: 2 when an input could not be read or parsed (or the
// configuration is wrong), 1 when an unsuppressed finding is at least `fail_on` (default:
// the configuration's fail-on, else any severity), 0 otherwise.
int exit_status(const LintResult& result, std::optional<policy::Severity> fail_on);

}  // namespace ztlint::lint
