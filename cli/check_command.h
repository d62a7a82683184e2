// `ztlint check [PATH...]`: lint an estate and report findings.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace ztlint::cli {

struct CheckOptions {
  std::vector<std::string> paths;
  std::vector<std::string> var_files;
  std::vector<std::string> parameter_files;
  std::vector<std::string> policy_dirs;
  std::string config_file;
  std::string fail_on;
  std::string baseline_file;
  std::string write_baseline_file;
  bool strict = false;
  bool no_color = false;
  CLI::Option* format_option = nullptr;
  CLI::Option* output_option = nullptr;
};

// Registers the subcommand; `run` is called when it was chosen.
CLI::App* add_check_command(CLI::App& app, CheckOptions& options);

// Exit code: 0 no findings, 1 findings, 2 usage error or unreadable/unparsable input.
int run_check(const CLI::App& command, const CheckOptions& options);

}  // namespace ztlint::cli
