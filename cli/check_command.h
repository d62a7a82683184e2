// `ztlint check [PATH...]`: lint an estate and report findings.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "cli/estate_options.h"

namespace ztlint::cli {

struct CheckOptions {
  EstateOptions estate;
  std::vector<std::string> policy_dirs;
  std::string fail_on;
  std::string baseline_file;
  std::string write_baseline_file;
  bool strict = false;
  bool no_color = false;
  bool timings = false;
  CLI::Option* format_option = nullptr;
  CLI::Option* output_option = nullptr;
};

// Registers the subcommand; `run` is called when it was chosen.
CLI::App* add_check_command(CLI::App& app, CheckOptions& options);

// Exit code: 0 no findings, 1 findings, 2 usage error or unreadable/unparsable input.
int run_check(const CLI::App& command, const CheckOptions& options);

// Keeps a finished run's result allocated until the process exits (see run_check).
void keep_until_exit(lint::LintResult result);

}  // namespace ztlint::cli
