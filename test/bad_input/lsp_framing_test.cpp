// The real `ztlint lsp` over pipes, fed broken framing: a Content-Length that is too short,
// too long, not a number, or missing. Each broken frame is dropped or answered with a parse
// error, and a later valid didOpen still gets its diagnostics.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "bad_input/flawed_subnet.h"
#include "lsp/scratch_workspace.h"
#include "lsp/transport.h"

extern char** environ;

namespace ztlint::testing {
namespace {

using nlohmann::json;

// `ztlint lsp` as a child process with its standard input and output on pipes.
class LspProcess {
 public:
  LspProcess() {
    ::signal(SIGPIPE, SIG_IGN);  // a server that died must fail the test, not kill it
    int to_child[2];
    int from_child[2];
    if (::pipe(to_child) != 0 || ::pipe(from_child) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, to_child[0], 0);
    posix_spawn_file_actions_adddup2(&actions, from_child[1], 1);
    posix_spawn_file_actions_addclose(&actions, to_child[1]);
    posix_spawn_file_actions_addclose(&actions, from_child[0]);
    std::string binary = ZTLINT_BINARY;
    std::string command = "lsp";
    char* argv[] = {binary.data(), command.data(), nullptr};
    if (posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv, environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    ::close(to_child[0]);
    ::close(from_child[1]);
    in_ = to_child[1];
    out_ = from_child[0];
  }
  ~LspProcess() {
    close_input();
    if (out_ >= 0) ::close(out_);
    if (pid_ > 0 && !exit_code_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  LspProcess(const LspProcess&) = delete;
  LspProcess& operator=(const LspProcess&) = delete;

  bool started() const { return pid_ > 0 && in_ >= 0 && out_ >= 0; }

  void send_bytes(const std::string& bytes) {
    std::size_t written = 0;
    while (written < bytes.size()) {
      const ssize_t n = ::write(in_, bytes.data() + written, bytes.size() - written);
      if (n <= 0) return;
      written += static_cast<std::size_t>(n);
    }
  }
  void send(const json& message) { send_bytes(lsp::frame(message.dump())); }
  void close_input() {
    if (in_ >= 0) ::close(in_);
    in_ = -1;
  }

  // The first message from the server that satisfies `match`; every message read on the
  // way is kept in received().
  template <typename Match>
  std::optional<json> wait_for(Match match, std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      while (auto message = next_buffered()) {
        received_.push_back(*message);
        if (match(*message)) return message;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return std::nullopt;
      pollfd fd{out_, POLLIN, 0};
      if (::poll(&fd, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
      char chunk[65536];
      const ssize_t n = ::read(out_, chunk, sizeof chunk);
      if (n <= 0) return std::nullopt;
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }

  // Waits for the process to end; its exit status, or nullopt when it had to be killed.
  std::optional<int> wait_exit(std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_code_;
      }
      ::usleep(20000);
    }
    return std::nullopt;
  }

  const std::vector<json>& received() const { return received_; }

 private:
  // One whole framed message from the buffer, if there is one (the server frames properly).
  std::optional<json> next_buffered() {
    const std::size_t blank = buffer_.find("\r\n\r\n");
    if (blank == std::string::npos) return std::nullopt;
    const std::size_t colon = buffer_.find(':');
    if (colon == std::string::npos || colon > blank) return std::nullopt;
    const std::size_t length = std::stoul(buffer_.substr(colon + 1, blank - colon - 1));
    if (buffer_.size() < blank + 4 + length) return std::nullopt;
    json message = json::parse(buffer_.substr(blank + 4, length), nullptr, false);
    buffer_.erase(0, blank + 4 + length);
    return message;
  }

  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
  std::string buffer_;
  std::vector<json> received_;
  std::optional<int> exit_code_;
};

// Generous: the sanitizer build lints far slower than the release one.
constexpr std::chrono::seconds kTimeout{60};

class LspFraming : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.started());
    workspace_.write("main.tf", kFlawedTf);
    server_.send(
        {{"jsonrpc", "2.0"},
         {"id", 1},
         {"method", "initialize"},
         {"params", {{"rootUri", workspace_.root_uri()}, {"capabilities", json::object()}}}});
    ASSERT_TRUE(
        server_.wait_for([](const json& m) { return m.value("id", json()) == 1; }, kTimeout));
    server_.send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  }

  json did_open(const std::string& name, int version) const {
    return {{"jsonrpc", "2.0"},
            {"method", "textDocument/didOpen"},
            {"params",
             {{"textDocument",
               {{"uri", workspace_.uri(name)},
                {"languageId", "terraform"},
                {"version", version},
                {"text", kFlawedTf}}}}}};
  }

  // Opens `name` and waits for its diagnostics at that version; true when ZT-NET-001 came.
  bool open_gets_diagnostics(const std::string& name, int version = 1) {
    server_.send(did_open(name, version));
    const std::string uri = workspace_.uri(name);
    auto published = server_.wait_for(
        [&](const json& m) {
          return m.value("method", "") == "textDocument/publishDiagnostics" &&
                 m["params"].value("uri", "") == uri && m["params"].value("version", 0) == version;
        },
        kTimeout);
    if (!published) return false;
    for (const json& diagnostic : (*published)["params"]["diagnostics"]) {
      if (diagnostic.value("code", "") == "ZT-NET-001") return true;
    }
    return false;
  }

  // A clean shutdown: the server answers, exits with status 0, and never crashed.
  void expect_clean_shutdown() {
    server_.send({{"jsonrpc", "2.0"}, {"id", 99}, {"method", "shutdown"}});
    EXPECT_TRUE(
        server_.wait_for([](const json& m) { return m.value("id", json()) == 99; }, kTimeout));
    server_.send({{"jsonrpc", "2.0"}, {"method", "exit"}});
    server_.close_input();
    EXPECT_EQ(server_.wait_exit(kTimeout), 0);
  }

  bool parse_error_answered() const {
    for (const json& message : server_.received()) {
      if (message.contains("error") && message["error"].value("code", 0) == -32700) return true;
    }
    return false;
  }

  ScratchWorkspace workspace_;
  LspProcess server_;
};

TEST_F(LspFraming, ContentLengthTooShortIsAParseErrorAndTheNextMessageIsServed) {
  const std::string body = did_open("short.tf", 1).dump();
  server_.send_bytes("Content-Length: 20\r\n\r\n" + body + "\r\n");
  EXPECT_TRUE(open_gets_diagnostics("main.tf"));
  EXPECT_TRUE(parse_error_answered());
  expect_clean_shutdown();
}

TEST_F(LspFraming, ContentLengthTooLongSwallowsTheNextFrameButNotTheOneAfter) {
  // The declared length runs into the following frame, which is lost with it: the server
  // answers a parse error and resynchronises on the header after that.
  server_.send_bytes("Content-Length: 80\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}");
  server_.send(did_open("swallowed.tf", 1));
  EXPECT_TRUE(open_gets_diagnostics("main.tf"));
  EXPECT_TRUE(parse_error_answered());
  expect_clean_shutdown();
}

TEST_F(LspFraming, NonNumericNegativeAndAbsurdLengthsAreDropped) {
  const std::string body = did_open("dropped.tf", 1).dump();
  server_.send_bytes("Content-Length: twelve\r\n\r\n" + body + "\r\n");
  server_.send_bytes("Content-Length: -5\r\n\r\n" + body + "\r\n");
  server_.send_bytes("Content-Length: 99999999999999999999\r\n\r\n" + body + "\r\n");
  EXPECT_TRUE(open_gets_diagnostics("main.tf"));
  expect_clean_shutdown();
}

TEST_F(LspFraming, MissingContentLengthIsDropped) {
  const std::string body = did_open("dropped.tf", 1).dump();
  server_.send_bytes("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + body +
                     "\r\n");
  server_.send_bytes(body + "\r\n\r\n");  // no header at all
  EXPECT_TRUE(open_gets_diagnostics("main.tf"));
  // Neither dropped body was taken for a document.
  for (const json& message : server_.received()) {
    if (message.value("method", "") != "textDocument/publishDiagnostics") continue;
    EXPECT_EQ(message["params"]["uri"].get<std::string>().find("dropped.tf"), std::string::npos);
  }
  expect_clean_shutdown();
}

TEST_F(LspFraming, BodiesThatAreNotJsonRpcAreAnsweredAndServingGoesOn) {
  for (const std::string body : {"[1,2,3]", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":5}",
                                 "\"just a string\"", "{\"id\": 8, \"method\": \"x\", "}) {
    server_.send_bytes(lsp::frame(body));
  }
  server_.send({{"jsonrpc", "2.0"}, {"id", 9}, {"method", "no/suchMethod"}});
  const auto unknown =
      server_.wait_for([](const json& m) { return m.value("id", json()) == 9; }, kTimeout);
  ASSERT_TRUE(unknown);
  EXPECT_EQ((*unknown)["error"]["code"], -32601);
  EXPECT_TRUE(open_gets_diagnostics("main.tf"));
  EXPECT_TRUE(parse_error_answered());
  expect_clean_shutdown();
}

TEST_F(LspFraming, DidOpenWithParamsOfTheWrongTypesDoesNotBringTheServerDown) {
  json bad = did_open("typed.tf", 1);
  bad["params"]["textDocument"]["version"] = "one";
  server_.send(bad);
  bad = did_open("typed2.tf", 1);
  bad["params"]["textDocument"]["languageId"] = 5;
  server_.send(bad);
  EXPECT_TRUE(open_gets_diagnostics("main.tf"));
  expect_clean_shutdown();
}

}  // namespace
}  // namespace ztlint::testing
