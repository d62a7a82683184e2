#include "cli/lsp_command.h"

#include <iostream>
#include <string>

#include "lsp/server.h"
#include "lsp/transport.h"

namespace ztlint::cli {

CLI::App* add_lsp_command(CLI::App& app, LspOptions& options) {
  CLI::App* command = app.add_subcommand(
      "lsp", "Run the language server (LSP over stdio) for editors: findings while typing");
  // Editors commonly pass --stdio; it is the only transport, so it is accepted and ignored.
  command->add_flag("--stdio", options.stdio,
                    "Use standard input and output (the default and only transport)");
  return command;
}

int run_lsp() {
  // stdout carries only framed messages; nothing else may write to it.
  std::ios::sync_with_stdio(false);
  lsp::MessageWriter writer(std::cout);
  lsp::Server server([&writer](std::string_view body) { writer.write(body); });
  lsp::MessageReader reader(std::cin);
  std::string body;
  while (!server.exited() && reader.read(body) == lsp::MessageReader::Status::kMessage) {
    server.handle(body);
  }
  return server.exit_code();
}

}  // namespace ztlint::cli
