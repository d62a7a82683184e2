#include "lsp/server.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "lsp_client.h"
#include "scratch_workspace.h"

namespace ztlint::lsp {
namespace {

using testing::kAssociationTf;
using testing::kSpokeTf;
using testing::LspClient;
using testing::ScratchWorkspace;

constexpr std::uint32_t kSubnetLine = 7;

Json open_params(const std::string& uri, const std::string& text, int version = 1) {
  return {{"textDocument",
           {{"uri", uri}, {"languageId", "terraform"}, {"version", version}, {"text", text}}}};
}

Json init_params(const ScratchWorkspace& workspace, Json extra = Json::object()) {
  Json params{
      {"processId", nullptr}, {"rootUri", workspace.root_uri()}, {"capabilities", Json::object()}};
  params.update(extra);
  return params;
}

std::vector<Json> with_code(const Json& published, const std::string& code) {
  std::vector<Json> out;
  if (published.is_null()) return out;
  for (const Json& diagnostic : published["diagnostics"]) {
    if (diagnostic.value("code", "") == code) out.push_back(diagnostic);
  }
  return out;
}

int error_code(const Json& message) {
  return message.contains("error") ? message["error"].value("code", 0) : 0;
}

TEST(ServerLifecycle, AnswersRequestsBeforeInitializeWithServerNotInitialized) {
  LspClient client;
  const int id = client.request("textDocument/hover", Json::object());
  EXPECT_EQ(error_code(client.wait_response(id)), -32002);
}

TEST(ServerLifecycle, AnnouncesIncrementalSyncAndNegotiatesTheEncoding) {
  LspClient utf16;
  Json result = utf16.initialize();
  EXPECT_EQ(result["capabilities"]["textDocumentSync"]["change"], 2);
  EXPECT_EQ(result["capabilities"]["positionEncoding"], "utf-16");
  EXPECT_EQ(result["serverInfo"]["name"], "ztlint");

  LspClient utf8;
  result = utf8.initialize(
      {{"capabilities", {{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}}}});
  EXPECT_EQ(result["capabilities"]["positionEncoding"], "utf-8");
}

TEST(ServerLifecycle, AnswersProtocolErrorsAndStaysUp) {
  LspClient client;
  client.initialize();
  int id = client.request("ztlint/noSuchMethod", Json::object());
  EXPECT_EQ(error_code(client.wait_response(id)), -32601);
  client.raw(R"({"jsonrpc": "2.0", "id": 999, "method": )");
  auto parse_error = client.wait_for([](const Json& m) { return m.contains("error"); });
  ASSERT_TRUE(parse_error);
  EXPECT_EQ(error_code(*parse_error), -32700);
  EXPECT_TRUE((*parse_error)["id"].is_null());
  id = client.request("textDocument/hover", {{"textDocument", 5}});
  EXPECT_EQ(error_code(client.wait_response(id)), -32602);
  client.notify("$/setTrace", {{"value", "off"}});  // ignored, never answered
  id = client.request("shutdown", nullptr);
  EXPECT_TRUE(client.wait_response(id).contains("result"));
  id = client.request("textDocument/documentSymbol", Json::object());
  EXPECT_EQ(error_code(client.wait_response(id)), -32600);
  client.notify("exit", nullptr);
  EXPECT_TRUE(client.server().exited());
  EXPECT_EQ(client.server().exit_code(), 0);
}

TEST(ServerLifecycle, ExitWithoutShutdownGivesExitCodeOne) {
  LspClient client;
  client.initialize();
  client.notify("exit", nullptr);
  EXPECT_TRUE(client.server().exited());
  EXPECT_EQ(client.server().exit_code(), 1);
}

class ServerWorkspace : public ::testing::Test {
 protected:
  ScratchWorkspace workspace_;
  LspClient client_;
};

TEST_F(ServerWorkspace, PublishesTheSubnetFindingWithItsPolicyDetails) {
  workspace_.write("main.tf", kSpokeTf);
  client_.initialize(init_params(workspace_));
  client_.notify("textDocument/didOpen", open_params(workspace_.uri("main.tf"), kSpokeTf));
  const Json published = client_.latest_diagnostics(workspace_.uri("main.tf"));
  const auto findings = with_code(published, "ZT-NET-001");
  ASSERT_EQ(findings.size(), 1u) << published.dump(2);
  const Json& diagnostic = findings.front();
  EXPECT_EQ(diagnostic["source"], "ztlint");
  EXPECT_EQ(diagnostic["severity"], 1);  // high -> Error
  EXPECT_LE(diagnostic["range"]["start"]["line"].get<int>(), static_cast<int>(kSubnetLine) + 5);
  EXPECT_GE(diagnostic["range"]["end"]["line"].get<int>(), static_cast<int>(kSubnetLine));
  EXPECT_TRUE(diagnostic["codeDescription"]["href"].get<std::string>().starts_with("https://"));
  EXPECT_EQ(published["version"], 1);
}

TEST_F(ServerWorkspace, FixingTheAssociationInAnotherFileClearsTheSubnetDiagnostic) {
  workspace_.write("main.tf", kSpokeTf);
  client_.initialize(init_params(workspace_));
  client_.server().wait_idle();
  // Indexed at start: the closed file's findings are published too.
  EXPECT_EQ(with_code(client_.latest_diagnostics(workspace_.uri("main.tf")), "ZT-NET-001").size(),
            1u);
  const std::string uri = workspace_.uri("nsg.tf");
  client_.notify("textDocument/didOpen", open_params(uri, ""));
  client_.server().wait_idle();
  client_.take_all();
  const Json at_start{{"line", 0}, {"character", 0}};
  Json change{{"range", {{"start", at_start}, {"end", at_start}}}, {"text", kAssociationTf}};
  client_.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                            {"contentChanges", Json::array({change})}});
  const Json cleared = client_.latest_diagnostics(workspace_.uri("main.tf"));
  ASSERT_FALSE(cleared.is_null()) << "no publish for the other file";
  EXPECT_TRUE(with_code(cleared, "ZT-NET-001").empty()) << cleared.dump(2);
}

TEST_F(ServerWorkspace, OpenBuffersTakePrecedenceAndClosingFallsBackToTheDisk) {
  workspace_.write("main.tf", kSpokeTf);
  client_.initialize(init_params(workspace_));
  const std::string uri = workspace_.uri("main.tf");
  client_.notify("textDocument/didOpen", open_params(uri, std::string(kSpokeTf) + kAssociationTf));
  EXPECT_TRUE(with_code(client_.latest_diagnostics(uri), "ZT-NET-001").empty());
  client_.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
  EXPECT_EQ(with_code(client_.latest_diagnostics(uri), "ZT-NET-001").size(), 1u);
}

TEST_F(ServerWorkspace, WatchedFileChangesKeepTheIndexCurrent) {
  workspace_.write("main.tf", kSpokeTf);
  client_.initialize(init_params(workspace_));
  EXPECT_EQ(with_code(client_.latest_diagnostics(workspace_.uri("main.tf")), "ZT-NET-001").size(),
            1u);
  workspace_.write("nsg.tf", kAssociationTf);
  client_.notify("workspace/didChangeWatchedFiles",
                 {{"changes", {{{"uri", workspace_.uri("nsg.tf")}, {"type", 1}}}}});
  const Json published = client_.latest_diagnostics(workspace_.uri("main.tf"));
  ASSERT_FALSE(published.is_null());
  EXPECT_TRUE(with_code(published, "ZT-NET-001").empty());
}

TEST_F(ServerWorkspace, HonoursTheConfigurationFileAndSettings) {
  workspace_.write("main.tf", kSpokeTf);
  workspace_.write(".ztlint.yaml", "policies:\n  disable: [ZT-NET-001]\n");
  client_.initialize(init_params(workspace_));
  const std::string uri = workspace_.uri("main.tf");
  client_.server().wait_idle();
  EXPECT_TRUE(with_code(client_.latest_diagnostics(uri), "ZT-NET-001").empty());
  workspace_.write(".ztlint.yaml", "policies:\n  disable: []\n");
  client_.notify("workspace/didChangeConfiguration",
                 {{"settings", {{"ztlint", {{"strict", true}}}}}});
  EXPECT_EQ(with_code(client_.latest_diagnostics(uri), "ZT-NET-001").size(), 1u);
}

TEST_F(ServerWorkspace, SyntaxErrorsBecomeDiagnostics) {
  client_.initialize(init_params(workspace_));
  const std::string uri = workspace_.uri("broken.tf");
  client_.notify("textDocument/didOpen", open_params(uri, "resource \"azurerm_subnet\" {\n"));
  const Json published = client_.latest_diagnostics(uri);
  ASSERT_FALSE(published.is_null());
  ASSERT_FALSE(published["diagnostics"].empty());
  EXPECT_EQ(published["diagnostics"][0]["code"], "syntax");
  EXPECT_EQ(published["diagnostics"][0]["severity"], 1);
}

TEST_F(ServerWorkspace, RapidEditsPublishOnlyTheLatestVersion) {
  workspace_.write("main.tf", kSpokeTf);
  client_.initialize(init_params(workspace_));
  const std::string uri = workspace_.uri("main.tf");
  client_.notify("textDocument/didOpen", open_params(uri, kSpokeTf));
  for (int version = 2; version <= 12; ++version) {
    const std::string text = version % 2 ? std::string(kSpokeTf) + kAssociationTf : kSpokeTf;
    client_.notify("textDocument/didChange",
                   {{"textDocument", {{"uri", uri}, {"version", version}}},
                    {"contentChanges", {{{"text", text}}}}});
  }
  client_.server().wait_idle();
  int last_version = 0;
  for (const Json& message : client_.take_all()) {
    if (message.value("method", "") != "textDocument/publishDiagnostics" ||
        message["params"]["uri"] != uri) {
      continue;
    }
    const int version = message["params"]["version"];
    EXPECT_GT(version, last_version) << "versions go back";
    last_version = version;
  }
  EXPECT_EQ(last_version, 12);
}

TEST_F(ServerWorkspace, AfterEditsTheDiagnosticsAreWhatAFreshServerPublishes) {
  // Diagnostics of unchanged findings are kept across edits: those below an edit, above
  // it, and inside a finding's range must all end up where a fresh conversion puts them.
  workspace_.write("main.tf", kSpokeTf);
  client_.initialize(init_params(workspace_));
  const std::string uri = workspace_.uri("main.tf");
  std::string text = kSpokeTf;
  int version = 1;
  client_.notify("textDocument/didOpen", open_params(uri, text, version));
  client_.server().wait_idle();
  // Positions of ASCII text: its bytes are its UTF-16 code units.
  const auto position_of = [&](std::size_t offset) {
    const auto line = std::count(text.begin(), text.begin() + offset, '\n');
    const std::size_t line_start = offset == 0 ? std::string::npos : text.rfind('\n', offset - 1);
    return Json{{"line", line},
                {"character", line_start == std::string::npos ? offset : offset - line_start - 1}};
  };
  const auto replace = [&](std::size_t offset, std::size_t removed, const std::string& inserted) {
    const Json range{{"start", position_of(offset)}, {"end", position_of(offset + removed)}};
    text.replace(offset, removed, inserted);
    client_.notify("textDocument/didChange",
                   {{"textDocument", {{"uri", uri}, {"version", ++version}}},
                    {"contentChanges", {{{"range", range}, {"text", inserted}}}}});
    client_.server().wait_idle();
  };
  replace(text.size(), 0, "\n# below everything\n");
  replace(0, 0, "# above everything\n");
  replace(text.find("snet-app"), 0, "\xC3\xA4");  // two bytes, one UTF-16 unit
  // A blank line becomes a space: every later line moves up, no byte offset changes.
  replace(text.find("}\n\nresource \"azurerm_subnet\"") + 1, 1, " ");
  const Json edited = client_.latest_diagnostics(uri);
  ASSERT_FALSE(edited.is_null());
  ASSERT_FALSE(edited["diagnostics"].empty());

  LspClient fresh;
  fresh.initialize(init_params(workspace_));
  fresh.notify("textDocument/didOpen", open_params(uri, text, version));
  const Json expected = fresh.latest_diagnostics(uri);
  EXPECT_EQ(edited["diagnostics"], expected["diagnostics"]) << edited.dump(1) << "\n"
                                                            << expected.dump(1);
}

TEST_F(ServerWorkspace, ARelatedLocationIsNamedByTheURIOfItsDocumentOnceOpened) {
  // The VNet, the subnet finding's related location, is in another file. Opened under a URI
  // of the client's own spelling, it is named by that URI: a kept diagnostic must not keep
  // the one it had while the file was closed.
  const std::string spoke = kSpokeTf;
  const std::size_t subnet = spoke.find("resource \"azurerm_subnet\"");
  workspace_.write("network.tf", spoke.substr(0, subnet));
  workspace_.write("main.tf", spoke.substr(subnet));
  client_.initialize(init_params(workspace_));
  const std::string main_uri = workspace_.uri("main.tf");
  client_.notify("textDocument/didOpen", open_params(main_uri, spoke.substr(subnet)));
  const auto related_uri = [&] {
    const auto found = with_code(client_.latest_diagnostics(main_uri), "ZT-NET-001");
    if (found.size() != 1 || !found[0].contains("relatedInformation")) return std::string();
    return found[0]["relatedInformation"][0]["location"]["uri"].get<std::string>();
  };
  const std::string on_disk = workspace_.uri("network.tf");
  EXPECT_EQ(related_uri(), on_disk);

  // The same path, spelt with an escaped dot.
  const std::string spelt = on_disk.substr(0, on_disk.size() - 3) + "%2Etf";
  client_.notify("textDocument/didOpen", open_params(spelt, spoke.substr(0, subnet)));
  client_.server().wait_idle();
  EXPECT_EQ(related_uri(), spelt);
  client_.notify("textDocument/didClose", {{"textDocument", {{"uri", spelt}}}});
  client_.server().wait_idle();
  EXPECT_EQ(related_uri(), on_disk);
}

TEST_F(ServerWorkspace, HoverShowsThePolicyDocumentation) {
  workspace_.write("main.tf", kSpokeTf);
  client_.initialize(init_params(workspace_));
  const std::string uri = workspace_.uri("main.tf");
  client_.notify("textDocument/didOpen", open_params(uri, kSpokeTf));
  const auto finding = with_code(client_.latest_diagnostics(uri), "ZT-NET-001");
  ASSERT_EQ(finding.size(), 1u);
  const int id = client_.request(
      "textDocument/hover",
      {{"textDocument", {{"uri", uri}}}, {"position", finding[0]["range"]["start"]}});
  const Json response = client_.wait_response(id);
  const Json hover = response.value("result", Json());
  ASSERT_TRUE(hover.is_object()) << response.dump() << "\n" << finding[0].dump();
  EXPECT_EQ(hover["contents"]["kind"], "markdown");
  const std::string text = hover["contents"]["value"];
  EXPECT_NE(text.find("ZT-NET-001"), std::string::npos);
  EXPECT_NE(text.find("**Why it matters:**"), std::string::npos);
  EXPECT_NE(text.find("**Fix:**"), std::string::npos);
  const int outside = client_.request(
      "textDocument/hover",
      {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 6}, {"character", 0}}}});
  EXPECT_TRUE(client_.wait_response(outside)["result"].is_null());
}

TEST_F(ServerWorkspace, SuppressActionInsertsTheIgnoreCommentThatSilencesTheFinding) {
  workspace_.write("main.tf", kSpokeTf);
  client_.initialize(init_params(workspace_));
  const std::string uri = workspace_.uri("main.tf");
  client_.notify("textDocument/didOpen", open_params(uri, kSpokeTf));
  const auto finding = with_code(client_.latest_diagnostics(uri), "ZT-NET-001");
  ASSERT_EQ(finding.size(), 1u);
  const int id =
      client_.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                                  {"range", finding[0]["range"]},
                                                  {"context", {{"diagnostics", Json::array()}}}});
  Json suppress;
  const Json actions = client_.wait_response(id).value("result", Json::array());
  for (const Json& action : actions) {
    if (action["title"] == "Suppress ZT-NET-001 with a reason") suppress = action;
  }
  ASSERT_TRUE(suppress.is_object()) << actions.dump(1);
  EXPECT_EQ(suppress["kind"], "quickfix");
  EXPECT_EQ(suppress["diagnostics"][0]["code"], "ZT-NET-001");
  const Json edit = suppress["edit"]["changes"][uri][0];
  EXPECT_EQ(edit["range"]["start"]["line"], kSubnetLine);
  EXPECT_EQ(edit["newText"], "# ztlint:ignore ZT-NET-001 -- \n");

  // Applied as the editor would, it asks for the reason and suppresses nothing yet.
  client_.notify("textDocument/didChange",
                 {{"textDocument", {{"uri", uri}, {"version", 2}}},
                  {"contentChanges", {{{"range", edit["range"]}, {"text", edit["newText"]}}}}});
  const Json pending = client_.latest_diagnostics(uri);
  EXPECT_EQ(with_code(pending, "ZT-NET-001").size(), 1u);
  EXPECT_EQ(with_code(pending, "ZT-IGNORE-001").size(), 1u) << pending.dump(1);
  // Once the person writes the reason, the finding is silenced.
  const std::string& inserted = edit["newText"].get_ref<const std::string&>();
  Json end_of_comment = edit["range"]["start"];
  end_of_comment["character"] = static_cast<int>(inserted.size()) - 1;
  client_.notify("textDocument/didChange",
                 {{"textDocument", {{"uri", uri}, {"version", 3}}},
                  {"contentChanges",
                   {{{"range", {{"start", end_of_comment}, {"end", end_of_comment}}},
                     {"text", "legacy subnet, removed in Q3"}}}}});
  EXPECT_TRUE(with_code(client_.latest_diagnostics(uri), "ZT-NET-001").empty());
  EXPECT_TRUE(with_code(client_.latest_diagnostics(uri), "ZT-IGNORE-001").empty());
}

TEST_F(ServerWorkspace, DocumentSymbolsListTheResourcesOfTheFile) {
  workspace_.write("main.tf", kSpokeTf);
  client_.initialize(init_params(workspace_));
  const std::string uri = workspace_.uri("main.tf");
  client_.notify("textDocument/didOpen", open_params(uri, kSpokeTf));
  const int id = client_.request("textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}});
  const Json symbols = client_.wait_response(id)["result"];
  std::vector<std::string> names;
  for (const Json& symbol : symbols) {
    names.push_back(symbol["name"]);
    EXPECT_EQ(symbol["selectionRange"]["start"], symbol["range"]["start"]);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"azurerm_virtual_network.spoke", "azurerm_subnet.app",
                                             "azurerm_network_security_group.app"}));
  EXPECT_EQ(symbols[1]["range"]["start"]["line"], kSubnetLine);
}

TEST_F(ServerWorkspace, CancelledRequestsWaitingForALintAreAnsweredAsCancelled) {
  workspace_.write("main.tf", kSpokeTf);
  // A long debounce keeps the lint pending while the request is cancelled.
  LspClient slow(ServerOptions{std::chrono::milliseconds(3000)});
  slow.initialize(init_params(workspace_));
  slow.server().wait_idle();
  const std::string uri = workspace_.uri("main.tf");
  slow.notify("textDocument/didOpen", open_params(uri, kSpokeTf));
  slow.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                         {"contentChanges", {{{"text", kSpokeTf}}}}});
  const int id = slow.request("textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}});
  slow.notify("$/cancelRequest", {{"id", id}});
  EXPECT_EQ(error_code(slow.wait_response(id)), -32800);
}

}  // namespace
}  // namespace ztlint::lsp
