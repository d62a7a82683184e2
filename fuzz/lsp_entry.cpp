// Fuzz target: the bytes are what a client writes to the language server: framing, JSON-RPC,
// and every method the server handles, each message processed to completion in turn.
#include <filesystem>
#include <sstream>

#include "entry_points.h"
#include "fuzz_support.h"
#include "lsp/server.h"
#include "lsp/transport.h"
#include "lsp/uri.h"

namespace ztlint::fuzz {
namespace {

using lsp::Json;

// A path from the input, moved into the scratch folder: the server lints what the client
// names, and a fuzzer must not have it read the machine's folders.
std::string confined_path(const std::string& path) {
  std::string name = std::filesystem::path(path).lexically_normal().filename().string();
  if (name.empty() || name == "." || name == "..") name = "workspace";
  return scratch_dir() + "/" + name;
}

// Keys whose string values the server reads as URIs or paths.
void confine(Json& json) {
  if (json.is_array()) {
    for (Json& item : json) confine(item);
    return;
  }
  if (!json.is_object()) return;
  for (auto& [key, value] : json.items()) {
    if ((key == "uri" || key == "rootUri") && value.is_string()) {
      if (auto path = lsp::uri_to_path(value.get<std::string>())) {
        value = lsp::path_to_uri(confined_path(*path));
      }
    } else if (key == "rootPath" && value.is_string()) {
      value = confined_path(value.get<std::string>());
    } else if ((key == "policies" || key == "varFiles") && value.is_array()) {
      for (Json& item : value) {
        if (item.is_string()) item = confined_path(item.get<std::string>());
      }
    } else {
      confine(value);
    }
  }
}

std::string confined_body(const std::string& body) {
  Json json = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return body;  // the server's own parse error handling
  confine(json);
  return json.dump(-1, ' ', false, Json::error_handler_t::strict);
}

}  // namespace

int lsp_entry(const std::uint8_t* data, std::size_t size) {
  std::istringstream in{std::string(as_text(data, size))};
  std::ostringstream out;
  {
    // As `ztlint lsp` wires it, without a quiet period so each change is linted at once.
    lsp::MessageWriter writer(out);
    lsp::Server server([&writer](std::string_view body) { writer.write(body); },
                       lsp::ServerOptions{std::chrono::milliseconds(0)});
    lsp::MessageReader reader(in);
    std::string body;
    while (!server.exited() && reader.read(body) == lsp::MessageReader::Status::kMessage) {
      server.handle(confined_body(body));
      // After shutdown nothing is linted any more, so there is nothing to wait for.
      if (server.exit_code() != 0) server.wait_idle();
    }
  }

  // What the server wrote reads back as framed JSON-RPC 2.0 messages.
  std::istringstream written(out.str());
  lsp::MessageReader reader(written);
  std::string body;
  while (reader.read(body) == lsp::MessageReader::Status::kMessage) {
    const Json message = Json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (!message.is_object() || message.value("jsonrpc", "") != "2.0") {
      fail("the server wrote a message that is not JSON-RPC 2.0: " + body.substr(0, 200));
    }
  }
  return 0;
}

}  // namespace ztlint::fuzz
