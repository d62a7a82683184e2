// The options every command that reads an estate shares: paths, variables, parameters,
// configuration and parallelism.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "lint/lint.h"

namespace ztlint::cli {

struct EstateOptions {
  std::vector<std::string> paths;
  std::vector<std::string> var_files;
  std::vector<std::string> parameter_files;
  std::string config_file;
  unsigned jobs = 0;  // 0: one thread per core
};

void add_estate_options(CLI::App& command, EstateOptions& options);

// The lint options these stand for; the command adds its own.
lint::LintOptions to_lint_options(const EstateOptions& options);

}  // namespace ztlint::cli
