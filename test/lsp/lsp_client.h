// An in-process LSP client for tests: drives a Server without processes or framing.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lsp/server.h"

namespace ztlint::testing {

class LspClient {
 public:
  explicit LspClient(lsp::ServerOptions options = {std::chrono::milliseconds(20)})
      : server_([this](std::string_view body) { receive(lsp::Json::parse(body)); }, options) {}

  lsp::Server& server() { return server_; }

  // Sends a request; returns its id.
  int request(const std::string& method, lsp::Json params) {
    const int id = ++next_id_;
    server_.handle(lsp::make_request(id, method, std::move(params)).dump());
    return id;
  }
  void notify(const std::string& method, lsp::Json params) {
    server_.handle(lsp::make_notification(method, std::move(params)).dump());
  }
  void raw(const std::string& body) { server_.handle(body); }

  // initialize (with the given extra params) and initialized; returns the initialize result.
  lsp::Json initialize(lsp::Json params = lsp::Json::object()) {
    const int id = request("initialize", std::move(params));
    lsp::Json response = wait_response(id);
    notify("initialized", lsp::Json::object());
    return response.value("result", lsp::Json());
  }

  // The first message received (since the last take) that satisfies `match`, waiting up to
  // five seconds. Earlier non-matching messages stay for later waits.
  std::optional<lsp::Json> wait_for(const std::function<bool(const lsp::Json&)>& match,
                                    std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    std::unique_lock lock(mutex_);
    std::optional<lsp::Json> found;
    arrived_.wait_for(lock, timeout, [&] {
      for (auto it = messages_.begin(); it != messages_.end(); ++it) {
        if (match(*it)) {
          found = *it;
          messages_.erase(it);
          return true;
        }
      }
      return false;
    });
    return found;
  }
  lsp::Json wait_response(int id) {
    auto message = wait_for([id](const lsp::Json& m) { return m.value("id", lsp::Json()) == id; });
    return message.value_or(lsp::Json{{"timeout", true}});
  }
  // The newest publishDiagnostics for `uri` once the server is idle (null when none came).
  lsp::Json latest_diagnostics(const std::string& uri) {
    server_.wait_idle();
    lsp::Json latest;
    while (auto message = wait_for(
               [&uri](const lsp::Json& m) {
                 return m.value("method", "") == "textDocument/publishDiagnostics" &&
                        m["params"].value("uri", "") == uri;
               },
               std::chrono::milliseconds(0))) {
      latest = (*message)["params"];
    }
    return latest;
  }
  // Every message received so far, taken.
  std::vector<lsp::Json> take_all() {
    std::lock_guard lock(mutex_);
    std::vector<lsp::Json> all = std::move(messages_);
    messages_.clear();
    return all;
  }

 private:
  void receive(const lsp::Json& message) {
    {
      std::lock_guard lock(mutex_);
      messages_.push_back(message);
    }
    arrived_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<lsp::Json> messages_;
  int next_id_ = 0;
  lsp::Server server_;  // last: destroyed (and its worker joined) before the queue
};

}  // namespace ztlint::testing
