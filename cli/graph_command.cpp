#include "cli/graph_command.h"

#include <iostream>

#include "analysis/analyses.h"
#include "cli/output_targets.h"
#include "lint/lint.h"
#include "report/network_picture.h"
#include "report/run_result.h"

namespace ztlint::cli {

CLI::App* add_graph_command(CLI::App& app, GraphOptions& options) {
  CLI::App* command = app.add_subcommand(
      "graph", "Draw the estate's network: VNets, subnets, peerings, routes, firewalls, "
               "Bastion, private endpoints, with violations marked");
  add_estate_options(*command, options.estate);
  command->add_option("--format", options.format, "json, dot or mermaid (default)")
      ->check(CLI::IsMember({"json", "dot", "mermaid"}));
  command->add_option("-o,--output", options.output, "Write to FILE instead of standard output");
  return command;
}

int run_graph(const GraphOptions& options) {
  const lint::LintResult result = lint::lint(to_lint_options(options.estate));

  const analysis::Analyses analyses = analysis::analyse(result.estate->graph);
  const report::RunResult run{*result.estate, result.findings, result.rules};
  const report::NetworkPicture picture = report::build_picture(run, analyses);
  std::string text;
  if (options.format == "json") text = report::render_picture_json(picture);
  else if (options.format == "dot") text = report::render_picture_dot(picture);
  else text = report::render_picture_mermaid(picture);

  std::string error;
  if (!write_output(OutputTarget{options.format, options.output}, text, &error)) {
    std::cerr << "ztlint: " << error << "\n";
    return 2;
  }
  for (const source::Diagnostic& diagnostic : result.estate->diagnostics) {
    std::cerr << "ztlint: " << (diagnostic.path.empty() ? "" : diagnostic.path + ": ")
              << diagnostic.message << "\n";
  }
  return report::has_input_errors(*result.estate) ? 2 : 0;
}

}  // namespace ztlint::cli
