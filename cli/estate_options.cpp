#include "cli/estate_options.h"

namespace ztlint::cli {

void add_estate_options(CLI::App& command, EstateOptions& options) {
  command.add_option("paths", options.paths, "Files and folders to lint (default: .)");
  // One value per flag: `--var-file a.tfvars infra/` lints infra/.
  command.add_option("--var-file", options.var_files, "Terraform variable file (repeatable)")
      ->allow_extra_args(false);
  command
      .add_option("--parameters", options.parameter_files,
                  "ARM or Bicep parameters file (repeatable)")
      ->allow_extra_args(false);
  command.add_option("--config", options.config_file,
                     "Configuration file (default: .ztlint.yaml in this folder or above, up to "
                     "the repository root)");
  command
      .add_option("-j,--jobs", options.jobs,
                  "Threads that parse files (default: one per core); output is the same")
      ->check(CLI::Range(0u, 256u));
}

lint::LintOptions to_lint_options(const EstateOptions& options) {
  lint::LintOptions lint_options;
  lint_options.load.paths = options.paths;
  lint_options.load.var_files = options.var_files;
  lint_options.load.parameter_files = options.parameter_files;
  lint_options.load.jobs = options.jobs;
  if (!options.config_file.empty()) lint_options.config_file = options.config_file;
  return lint_options;
}

}  // namespace ztlint::cli
