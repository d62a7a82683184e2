// `ztlint graph [PATH...] --format json|dot|mermaid`: the estate's network as a picture.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "cli/estate_options.h"

namespace ztlint::cli {

struct GraphOptions {
  EstateOptions estate;
  std::string format = "mermaid";
  std::string output;
};

CLI::App* add_graph_command(CLI::App& app, GraphOptions& options);

// Exit code 0, or 2 when an input could not be read or the output not written.
int run_graph(const GraphOptions& options);

}  // namespace ztlint::cli
