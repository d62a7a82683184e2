#include "cli/check_command.h"

#include <fmt/format.h>

#include <iostream>

#include "baseline/baseline.h"
#include "cli/output_targets.h"
#include "cli/terminal.h"
#include "lint/lint.h"
#include "report/github_report.h"
#include "report/json_report.h"
#include "report/junit_report.h"
#include "report/sarif_report.h"
#include "report/text_report.h"

namespace ztlint::cli {

CLI::App* add_check_command(CLI::App& app, CheckOptions& options) {
  CLI::App* command = app.add_subcommand("check", "Lint Terraform, ARM and Bicep files");
  command->add_option("paths", options.paths, "Files and folders to lint (default: .)");
  options.format_option =
      command->add_option("--format", "Output format: text, json, sarif, junit or github (repeatable)")
          ->check(CLI::IsMember({"text", "json", "sarif", "junit", "github"}))
          ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
          ->expected(1);
  options.output_option =
      command->add_option("-o,--output", "Write the preceding --format to FILE")
          ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
          ->expected(1);
  command->add_option("--var-file", options.var_files, "Terraform variable file (repeatable)");
  command->add_option("--parameters", options.parameter_files,
                      "ARM or Bicep parameters file (repeatable)");
  command->add_option("--policies", options.policy_dirs,
                      "Folder of extra policy YAML files (repeatable)");
  command->add_option("--config", options.config_file,
                      "Configuration file (default: .ztlint.yaml in this folder or above, up to "
                      "the repository root)");
  command->add_option("--fail-on", options.fail_on,
                      "Lowest severity that makes the exit code 1 (default: any finding)")
      ->check(CLI::IsMember({"info", "low", "medium", "high", "critical"}));
  command->add_option("--baseline", options.baseline_file,
                      "Report only findings not recorded in this baseline file");
  command->add_option("--write-baseline", options.write_baseline_file,
                      "Record today's findings in this baseline file");
  command->add_flag("--strict", options.strict,
                    "Also report 'cannot verify' (info) where unknown values block a verdict");
  command->add_flag("--no-color", options.no_color, "Never colour the text output");
  return command;
}

namespace {

std::string render(const std::string& format, const report::RunResult& run, bool color) {
  if (format == "json") return report::render_json(run);
  if (format == "sarif") return report::render_sarif(run);
  if (format == "junit") return report::render_junit(run);
  if (format == "github") return report::render_github(run);
  return report::render_text(run, report::TextOptions{color});
}

}  // namespace

int run_check(const CLI::App& command, const CheckOptions& options) {
  std::string error;
  const std::vector<OutputTarget> targets =
      pair_outputs(command, options.format_option, options.output_option, &error);
  if (targets.empty()) {
    std::cerr << "ztlint: " << error << "\n";
    return 2;
  }

  lint::LintOptions lint_options;
  lint_options.load.paths = options.paths;
  lint_options.load.var_files = options.var_files;
  lint_options.load.parameter_files = options.parameter_files;
  lint_options.policy_dirs = options.policy_dirs;
  if (!options.config_file.empty()) lint_options.config_file = options.config_file;
  if (options.strict) lint_options.strict = true;
  if (!options.baseline_file.empty()) lint_options.baseline_file = options.baseline_file;
  const lint::LintResult result = lint::lint(lint_options);

  const report::RunResult run{*result.estate, result.findings, result.rules};
  int status = lint::exit_status(result, policy::parse_severity(options.fail_on));
  if (!options.write_baseline_file.empty()) {
    const OutputTarget baseline_target{"baseline", options.write_baseline_file};
    if (!write_output(baseline_target,
                      baseline::render_baseline(result.estate->sources, result.findings), &error)) {
      std::cerr << "ztlint: " << error << "\n";
      return 2;
    }
    // Recording the baseline is the job: today's findings are accepted.
    if (status == 1) status = 0;
  }
  for (const OutputTarget& target : targets) {
    const bool color = target.path.empty() && !options.no_color && want_color(stdout);
    if (!write_output(target, render(target.format, run, color), &error)) {
      std::cerr << "ztlint: " << error << "\n";
      status = 2;
    }
  }
  return status;
}

}  // namespace ztlint::cli
