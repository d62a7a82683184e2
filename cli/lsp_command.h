// `ztlint lsp`: the language server over stdio.
#pragma once

#include <CLI/CLI.hpp>

namespace ztlint::cli {

struct LspOptions {
  bool stdio = false;  // --stdio, what editors pass; stdio is the only transport
};

// Registers the subcommand.
CLI::App* add_lsp_command(CLI::App& app, LspOptions& options);

// Serves until `exit` or the end of input: 0 after shutdown, 1 otherwise.
int run_lsp();

}  // namespace ztlint::cli
