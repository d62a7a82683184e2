// The language server's logic: LSP lifecycle, documents, and linting on a worker thread.
// Speaks serialized JSON; framing and processes belong to the transport and the CLI.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "estate/file_text_cache.h"
#include "estate/syntax_cache.h"
#include "lsp/document_store.h"
#include "lsp/json_rpc.h"
#include "lsp/snapshot.h"
#include "parallel/background_release.h"
#include "terraform/evaluation_cache.h"

namespace ztlint::lsp {

struct ServerOptions {
  // Quiet time after a change in a burst of changes before linting; the first change after
  // a quiet period is linted at once.
  std::chrono::milliseconds debounce{60};
};

// User settings: initializationOptions and didChangeConfiguration, {"ztlint": {...}}.
struct Settings {
  std::optional<bool> strict;
  std::vector<std::string> policy_dirs;  // relative ones are read from the first root
  std::vector<std::string> var_files;
};

class Server {
 public:
  // Sends one message, its body serialized; thread-safe.
  using Sink = std::function<void(std::string_view body)>;

  explicit Server(Sink sink, ServerOptions options = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Handles one message body as read from the transport. Never blocks on linting.
  void handle(std::string_view body);

  bool exited() const;
  // 0 after shutdown then exit (or end of input after shutdown), 1 otherwise.
  int exit_code() const;
  // Blocks until no lint is due or running and every deferred request is answered.
  void wait_idle();

 private:
  struct Deferred {
    Json id;
    std::string method;
    Json params;
  };
  using Lock = std::unique_lock<std::mutex>;

  void handle_request(const Json& id, const std::string& method, const Json& params, Lock& lock);
  void handle_notification(const std::string& method, const Json& params, Lock& lock);
  Json initialize(const Json& params);
  // Answers a document request from the current snapshot; nullopt when the params are
  // wrong.
  std::optional<Json> answer(const std::string& method, const Json& params) const;
  void apply_settings(const Json& settings);
  void changed();  // inputs changed: a lint is due
  void send(const Json& message) const { sink_(message.dump()); }
  void log(const std::string& message) const;

  void work();
  void publish(const Snapshot& snapshot, const std::map<std::string, int>& versions,
               const std::map<std::string, std::string>& uris);
  void answer_deferred();
  bool settled() const { return !dirty_ && !running_; }
  std::string uri_for(const std::string& path) const;

  Sink sink_;
  ServerOptions options_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;  // worker: a lint may be due; waiters: idle
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
  bool stop_ = false;
  PositionEncoding encoding_ = PositionEncoding::kUtf16;
  std::vector<std::string> roots_;  // absolute paths of the workspace folders
  Settings settings_;
  DocumentStore documents_;

  std::uint64_t generation_ = 0;  // bumped by every change of inputs
  bool dirty_ = false;
  bool running_ = false;
  bool immediate_ = false;  // the pending change came after a quiet period
  std::chrono::steady_clock::time_point last_change_{};

  // Parses of unchanged files, reused by the next lint (the worker's alone).
  estate::SyntaxCache syntax_cache_;
  estate::FileTextCache file_texts_;        // texts of unchanged files on disk, likewise
  terraform::EvaluationCache evaluations_;  // evaluations of unchanged blocks, likewise
  std::shared_ptr<const Snapshot> snapshot_;
  // path -> the diagnostics last sent, serialized
  std::map<std::string, std::shared_ptr<const std::string>> published_;
  std::map<std::string, int> published_versions_;  // open document -> version last published
  std::vector<Deferred> deferred_;                 // requests waiting for a fresh snapshot
  // Old snapshots are freed off the worker thread: the next lint need not wait for that.
  parallel::BackgroundRelease release_;

  std::thread worker_;
};

}  // namespace ztlint::lsp
