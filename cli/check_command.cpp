#include "cli/check_command.h"

#include <fmt/format.h>

#include <chrono>
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
#include "timing/stage_timings.h"

namespace ztlint::cli {

CLI::App* add_check_command(CLI::App& app, CheckOptions& options) {
  CLI::App* command = app.add_subcommand("check", "Lint Terraform, ARM and Bicep files");
  add_estate_options(*command, options.estate);
  options.format_option =
      command
          ->add_option("--format", "Output format: text, json, sarif, junit or github (repeatable)")
          ->check(CLI::IsMember({"text", "json", "sarif", "junit", "github"}))
          ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
          ->expected(1);
  options.output_option = command->add_option("-o,--output", "Write the preceding --format to FILE")
                              ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
                              ->expected(1);
  command
      ->add_option("--policies", options.policy_dirs,
                   "Folder of extra policy YAML files (repeatable)")
      ->allow_extra_args(false);
  command
      ->add_option("--fail-on", options.fail_on,
                   "Lowest severity that makes the exit code 1 (default: any finding)")
      ->check(CLI::IsMember({"info", "low", "medium", "high", "critical"}));
  command->add_option("--baseline", options.baseline_file,
                      "Report only findings not recorded in this baseline file");
  command->add_option("--write-baseline", options.write_baseline_file,
                      "Record today's findings in this baseline file");
  command->add_flag("--strict", options.strict,
                    "Also report 'cannot verify' (info) where unknown values block a verdict");
  command->add_flag("--no-color", options.no_color, "Never colour the text output");
  command->add_flag("--timings", options.timings,
                    "Print the time spent in each stage to standard error");
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

// Stage times go to standard error, so they never mix with a report on standard output.
void print_timings(const timing::StageTimings& timings, std::chrono::nanoseconds wall) {
  const auto ms = [](std::chrono::nanoseconds n) { return n.count() / 1e6; };
  std::cerr << "ztlint timings (ms; stages summed over threads):\n";
  for (std::size_t i = 0; i < timing::kStageCount; ++i) {
    const auto stage = static_cast<timing::Stage>(i);
    std::cerr << fmt::format("  {:<9} {:>10.1f}\n", timing::stage_name(stage),
                             ms(timings.spent(stage)));
  }
  std::cerr << fmt::format("  {:<9} {:>10.1f}\n", "wall", ms(wall));
}

}  // namespace

// The process ends right after a check: freeing a large estate piece by piece would cost
// more than a tenth of the run for nothing. It stays reachable from this global (external,
// so the store is kept), and leak checkers agree.
lint::LintResult* g_kept_result = nullptr;

void keep_until_exit(lint::LintResult result) {
  g_kept_result = new lint::LintResult(std::move(result));
}

int run_check(const CLI::App& command, const CheckOptions& options) {
  std::string error;
  const std::vector<OutputTarget> targets =
      pair_outputs(command, options.format_option, options.output_option, &error);
  if (targets.empty()) {
    std::cerr << "ztlint: " << error << "\n";
    return 2;
  }

  const auto started = std::chrono::steady_clock::now();
  timing::StageTimings timings;
  timing::ScopedTimings recording(&timings);
  lint::LintOptions lint_options = to_lint_options(options.estate);
  lint_options.policy_dirs = options.policy_dirs;
  if (options.strict) lint_options.strict = true;
  if (!options.baseline_file.empty()) lint_options.baseline_file = options.baseline_file;
  lint::LintResult result = lint::lint(lint_options);

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
  {
    timing::ScopedStage reporting(timing::Stage::kReport);
    for (const OutputTarget& target : targets) {
      const bool color = target.path.empty() && !options.no_color && want_color(stdout);
      if (!write_output(target, render(target.format, run, color), &error)) {
        std::cerr << "ztlint: " << error << "\n";
        status = 2;
      }
    }
  }
  if (options.timings) print_timings(timings, std::chrono::steady_clock::now() - started);
  keep_until_exit(std::move(result));
  return status;
}

}  // namespace ztlint::cli
