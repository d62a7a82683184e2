// ztlint: an offline Zero Trust linter for Azure infrastructure-as-code.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/check_command.h"
#include "cli/graph_command.h"
#include "cli/lsp_command.h"
#include "cli/policy_commands.h"

int main(int argc, char** argv) {
  using namespace ztlint::cli;
  CLI::App app{"ztlint: an offline Zero Trust linter for Azure Terraform, ARM and Bicep", "ztlint"};
  app.set_version_flag("-V,--version", std::string("ztlint ") + ZTLINT_VERSION);
  app.require_subcommand(1);

  CheckOptions check;
  CLI::App* check_command = add_check_command(app, check);
  PolicyCommandOptions policy_options;
  CLI::App* policies_command = add_policies_command(app, policy_options);
  CLI::App* explain_command = add_explain_command(app, policy_options);
  GraphOptions graph;
  CLI::App* graph_command = add_graph_command(app, graph);
  LspOptions lsp_options;
  CLI::App* lsp_command = add_lsp_command(app, lsp_options);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // Help and version exit 0; usage errors exit 2, as the exit-code contract says.
    const int code = app.exit(error);
    return code == 0 ? 0 : 2;
  }
  if (check_command->parsed()) return run_check(*check_command, check);
  if (policies_command->parsed()) return run_policies(policy_options);
  if (explain_command->parsed()) return run_explain(policy_options);
  if (graph_command->parsed()) return run_graph(graph);
  if (lsp_command->parsed()) return run_lsp();
  return 2;
}
