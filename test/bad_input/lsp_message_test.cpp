// Language-server messages with wrong types, unknown URIs and edits out of range: each is
// answered or ignored as the protocol says, and the server keeps serving (a later valid
// didOpen still gets its diagnostics).
#include <gtest/gtest.h>

#include <string>

#include "bad_input/flawed_subnet.h"
#include "lsp/lsp_client.h"
#include "lsp/scratch_workspace.h"

namespace ztlint::testing {
namespace {

using lsp::Json;

int error_code(const Json& message) {
  return message.contains("error") ? message["error"].value("code", 0) : 0;
}

class LspBadMessage : public ::testing::Test {
 protected:
  void SetUp() override {
    workspace_.write("main.tf", kFlawedTf);
    client_.initialize({{"rootUri", workspace_.root_uri()}, {"capabilities", Json::object()}});
  }

  void open(const std::string& name, const std::string& text, int version = 1) {
    client_.notify("textDocument/didOpen", {{"textDocument",
                                             {{"uri", workspace_.uri(name)},
                                              {"languageId", "terraform"},
                                              {"version", version},
                                              {"text", text}}}});
  }

  // How many ZT-NET-001 diagnostics the newest publication for `name` holds (-1: none came).
  int subnet_findings(const std::string& name) {
    return subnet_findings_in(client_.latest_diagnostics(workspace_.uri(name)));
  }
  static int subnet_findings_in(const Json& published) {
    if (published.is_null()) return -1;
    int count = 0;
    for (const Json& diagnostic : published["diagnostics"]) {
      if (diagnostic.value("code", "") == "ZT-NET-001") ++count;
    }
    return count;
  }

  // The proof that the server still serves: a fresh document is linted and published.
  void expect_still_serving() {
    open("later.tf", kFlawedTf);
    EXPECT_EQ(subnet_findings("later.tf"), 1) << "a later valid didOpen gets no diagnostics";
  }

  ScratchWorkspace workspace_;
  LspClient client_;
};

TEST_F(LspBadMessage, DidOpenWithAVersionOfTheWrongTypeIsIgnoredOrAcceptedAndServingGoesOn) {
  client_.notify("textDocument/didOpen", {{"textDocument",
                                           {{"uri", workspace_.uri("a.tf")},
                                            {"languageId", "terraform"},
                                            {"version", "one"},
                                            {"text", kFlawedTf}}}});
  client_.notify("textDocument/didOpen", {{"textDocument",
                                           {{"uri", workspace_.uri("b.tf")},
                                            {"languageId", 5},
                                            {"version", 1},
                                            {"text", kFlawedTf}}}});
  expect_still_serving();
}

TEST_F(LspBadMessage, DidOpenWithParamsOfTheWrongShapeIsIgnored) {
  client_.notify("textDocument/didOpen", Json::object());
  client_.notify("textDocument/didOpen", Json::array({1, 2}));
  client_.notify("textDocument/didOpen", {{"textDocument", 5}});
  client_.notify("textDocument/didOpen", {{"textDocument", {{"uri", 5}, {"text", "x"}}}});
  client_.notify("textDocument/didOpen",
                 {{"textDocument", {{"uri", workspace_.uri("c.tf")}, {"text", 42}}}});
  expect_still_serving();
  EXPECT_EQ(subnet_findings("c.tf"), -1) << "a document without text is not opened";
}

TEST_F(LspBadMessage, DidChangeWithAVersionOfTheWrongTypeKeepsServing) {
  open("main.tf", kFlawedTf);
  ASSERT_EQ(subnet_findings("main.tf"), 1);
  client_.notify("textDocument/didChange",
                 {{"textDocument", {{"uri", workspace_.uri("main.tf")}, {"version", "two"}}},
                  {"contentChanges", Json::array({{{"text", kFlawedTf}}})}});
  expect_still_serving();
}

TEST_F(LspBadMessage, UnknownAndNonFileUrisAreIgnoredOrAnsweredEmpty) {
  client_.notify("textDocument/didOpen", {{"textDocument",
                                           {{"uri", "https://example.com/remote.tf"},
                                            {"languageId", "terraform"},
                                            {"version", 1},
                                            {"text", kFlawedTf}}}});
  client_.notify("textDocument/didOpen", {{"textDocument",
                                           {{"uri", "untitled:Untitled-1"},
                                            {"languageId", "terraform"},
                                            {"version", 1},
                                            {"text", kFlawedTf}}}});
  // A change or close of a document that was never opened.
  client_.notify("textDocument/didChange",
                 {{"textDocument", {{"uri", workspace_.uri("never.tf")}, {"version", 2}}},
                  {"contentChanges", Json::array({{{"text", "x"}}})}});
  client_.notify("textDocument/didClose",
                 {{"textDocument", {{"uri", workspace_.uri("never.tf")}}}});
  // Requests on a file that is not in the workspace: empty answers, not errors.
  int id =
      client_.request("textDocument/hover", {{"textDocument", {{"uri", "file:///nowhere/x.tf"}}},
                                             {"position", {{"line", 0}, {"character", 0}}}});
  Json response = client_.wait_response(id);
  EXPECT_TRUE(response.contains("result")) << response.dump();
  EXPECT_TRUE(response["result"].is_null()) << response.dump();
  id = client_.request("textDocument/documentSymbol",
                       {{"textDocument", {{"uri", "file:///nowhere/x.tf"}}}});
  response = client_.wait_response(id);
  EXPECT_EQ(response["result"], Json::array()) << response.dump();
  // A URI that is no file at all cannot name a document: invalid params.
  id = client_.request("textDocument/documentSymbol", {{"textDocument", {{"uri", "untitled:x"}}}});
  EXPECT_EQ(error_code(client_.wait_response(id)), -32602);
  expect_still_serving();
}

TEST_F(LspBadMessage, RequestParamsOfTheWrongTypeAreInvalidParams) {
  const Json document{{"uri", workspace_.uri("main.tf")}};
  const Json cases[] = {
      Json::array({1, 2}),
      {{"textDocument", document}, {"position", {{"line", "x"}, {"character", 0}}}},
      {{"textDocument", document}, {"position", {{"line", -1}, {"character", 0}}}},
      {{"textDocument", document}, {"position", {{"line", 1.5}, {"character", 0}}}},
      {{"textDocument", document}, {"position", nullptr}},
  };
  for (const Json& params : cases) {
    const int id = client_.request("textDocument/hover", params);
    EXPECT_EQ(error_code(client_.wait_response(id)), -32602) << params.dump();
  }
  const int id = client_.request(
      "textDocument/codeAction",
      {{"textDocument", document}, {"range", {{"start", {{"line", 0}}}}}, {"context", 5}});
  EXPECT_EQ(error_code(client_.wait_response(id)), -32602);
  expect_still_serving();
}

TEST_F(LspBadMessage, PositionsPastTheEndOfTheDocumentAreAnsweredNotRefused) {
  open("main.tf", kFlawedTf);
  ASSERT_EQ(subnet_findings("main.tf"), 1);
  const Json document{{"uri", workspace_.uri("main.tf")}};
  int id = client_.request("textDocument/hover",
                           {{"textDocument", document},
                            {"position", {{"line", 4000000000u}, {"character", 4000000000u}}}});
  EXPECT_TRUE(client_.wait_response(id).contains("result"));
  id = client_.request("textDocument/codeAction",
                       {{"textDocument", document},
                        {"range",
                         {{"start", {{"line", 9999}, {"character", 9999}}},
                          {"end", {{"line", 0}, {"character", 0}}}}},
                        {"context", {{"diagnostics", Json::array()}}}});
  const Json actions = client_.wait_response(id);
  EXPECT_TRUE(actions.contains("result")) << actions.dump();
  expect_still_serving();
}

TEST_F(LspBadMessage, EditsOutOfRangeAreClampedToTheDocument) {
  open("main.tf", kFlawedTf);
  ASSERT_EQ(subnet_findings("main.tf"), 1);
  // Appending far past the end lands at the end: the document gains a second subnet.
  const std::string second =
      "\nresource \"azurerm_subnet\" \"db\" {\n  name = \"snet-db\"\n"
      "  resource_group_name = \"rg\"\n  virtual_network_name = \"v\"\n"
      "  address_prefixes = [\"10.1.2.0/24\"]\n}\n";
  client_.notify("textDocument/didChange",
                 {{"textDocument", {{"uri", workspace_.uri("main.tf")}, {"version", 2}}},
                  {"contentChanges", Json::array({{{"range",
                                                    {{"start", {{"line", 500}, {"character", 7}}},
                                                     {"end", {{"line", 600}, {"character", 0}}}}},
                                                   {"text", second}}})}});
  EXPECT_EQ(subnet_findings("main.tf"), 2);
  // A character past the end of a line stops at the line's end; a reversed range inserts at
  // its start; a negative position is malformed and edits nothing.
  client_.notify("textDocument/didChange",
                 {{"textDocument", {{"uri", workspace_.uri("main.tf")}, {"version", 3}}},
                  {"contentChanges", Json::array({{{"range",
                                                    {{"start", {{"line", 0}, {"character", 9999}}},
                                                     {"end", {{"line", 0}, {"character", 3}}}}},
                                                   {"text", "\n"}},
                                                  {{"range",
                                                    {{"start", {{"line", -1}, {"character", -5}}},
                                                     {"end", {{"line", 0}, {"character", 1}}}}},
                                                   {"text", "garbage"}}})}});
  const Json published = client_.latest_diagnostics(workspace_.uri("main.tf"));
  EXPECT_EQ(subnet_findings_in(published), 2) << published.dump();
  EXPECT_EQ(published.value("version", 0), 3) << published.dump();
  expect_still_serving();
}

TEST_F(LspBadMessage, SettingsOfTheWrongTypeAreIgnored) {
  client_.notify(
      "workspace/didChangeConfiguration",
      {{"settings", {{"ztlint", {{"policies", 5}, {"varFiles", {1, 2}}, {"strict", "yes"}}}}}});
  client_.notify("workspace/didChangeWorkspaceFolders",
                 {{"event", {{"added", "x"}, {"removed", Json::array({{{"uri", 5}}})}}}});
  client_.notify("$/cancelRequest", 5);
  expect_still_serving();
}

}  // namespace
}  // namespace ztlint::testing
