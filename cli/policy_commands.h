// `ztlint policies` and `ztlint explain ID`: the policy library, listed and documented.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace ztlint::cli {

struct PolicyCommandOptions {
  std::vector<std::string> policy_dirs;
  std::string format = "text";  // policies: text | json
  std::string id;               // explain
};

CLI::App* add_policies_command(CLI::App& app, PolicyCommandOptions& options);
CLI::App* add_explain_command(CLI::App& app, PolicyCommandOptions& options);

int run_policies(const PolicyCommandOptions& options);
int run_explain(const PolicyCommandOptions& options);

}  // namespace ztlint::cli
