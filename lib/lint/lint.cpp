#include "lint/lint.h"

#include <algorithm>
#include <set>

#include "baseline/baseline.h"
#include "policy/evaluate.h"
#include "report/run_result.h"
#include "suppression/apply_suppressions.h"
#include "timing/stage_timings.h"

namespace ztlint::lint {

LintResult lint(const LintOptions& options) {
  LintResult result;
  source::Diagnostics setup_errors;
  result.config = config::load_config(options.config_file, options.config_search_dir, setup_errors);

  estate::LoadOptions load = options.load;
  if (load.paths.empty()) load.paths = {"."};
  for (const std::string& file : result.config.var_files) load.var_files.push_back(file);
  for (const std::string& file : result.config.parameter_files) load.parameter_files.push_back(file);
  const config::Config& config = result.config;
  if (!config.exclude.empty()) {
    load.exclude = [&config](const std::string& path) { return config.is_excluded(path); };
  }
  result.estate = estate::load_estate(load);
  source::Diagnostics& diagnostics = result.estate->diagnostics;
  diagnostics.insert(diagnostics.begin(), setup_errors.begin(), setup_errors.end());

  result.policies = policy::PolicySet::builtin(diagnostics);
  for (const std::string& dir : options.policy_dirs) result.policies.load_directory(dir, diagnostics);
  std::set<std::string> known_ids;
  for (const policy::Policy& entry : result.policies.policies()) known_ids.insert(entry.info.id);
  config::validate_policy_ids(config, known_ids, diagnostics);

  result.policies.retain(
      [&](const policy::Policy& entry) { return config.is_enabled(entry.info.id); });
  for (const policy::Policy& entry : result.policies.policies()) {
    policy::PolicyInfo info = entry.info;
    if (info.resource_types.empty()) info.resource_types = entry.rule.resource_types;
    if (auto it = config.severity.find(info.id); it != config.severity.end()) {
      info.severity = it->second;
    }
    result.rules.push_back(std::move(info));
  }

  policy::EvaluationOptions evaluation;
  evaluation.strict = options.strict.value_or(config.strict.value_or(false));
  evaluation.jobs = options.load.jobs;
  std::vector<policy::Finding> findings =
      policy::evaluate(*result.estate, result.policies, evaluation);
  for (policy::Finding& finding : findings) {
    if (auto it = config.severity.find(finding.rule_id);
        it != config.severity.end() && !finding.cannot_verify) {
      finding.severity = it->second;
    }
  }

  timing::ScopedStage evaluating(timing::Stage::kEvaluate);  // suppressions and baseline
  const auto directives = suppression::collect_directives(*result.estate);
  std::vector<policy::Finding> directive_findings =
      suppression::apply_suppressions(*result.estate, directives, known_ids, findings);
  for (policy::Finding& finding : directive_findings) findings.push_back(std::move(finding));
  if (!directive_findings.empty() || !directives.empty()) {
    for (policy::PolicyInfo& info : suppression::directive_rules()) {
      result.rules.push_back(std::move(info));
    }
  }

  if (options.baseline_file) {
    if (auto baseline = baseline::read_baseline(*options.baseline_file, diagnostics)) {
      result.baselined = baseline::remove_baselined(result.estate->sources, *baseline, findings);
    }
  }
  result.findings = std::move(findings);
  return result;
}

int exit_status(const LintResult& result, std::optional<policy::Severity> fail_on) {
  if (report::has_input_errors(*result.estate)) return 2;
  const policy::Severity threshold =
      fail_on.value_or(result.config.fail_on.value_or(policy::Severity::kInfo));
  for (const policy::Finding& finding : result.findings) {
    if (!finding.suppressed && finding.severity >= threshold) return 1;
  }
  return 0;
}

}  // namespace ztlint::lint
