#include "lsp/server.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <set>
#include <utility>

#include "lsp/code_actions.h"
#include "lsp/convert.h"
#include "lsp/uri.h"

namespace ztlint::lsp {
namespace {

constexpr int kSyncIncremental = 2;
constexpr int kMessageTypeLog = 4;

// The document URI of a request's or notification's params, if well formed.
std::optional<std::string> document_uri(const Json& params) {
  if (!params.is_object()) return std::nullopt;
  const auto document = params.find("textDocument");
  if (document == params.end() || !document->is_object()) return std::nullopt;
  const auto uri = document->find("uri");
  if (uri == document->end() || !uri->is_string()) return std::nullopt;
  return uri->get<std::string>();
}

std::vector<std::string> string_list(const Json& json) {
  std::vector<std::string> out;
  if (!json.is_array()) return out;
  for (const Json& item : json) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

std::string absolute(const std::string& path, const std::string& base) {
  std::filesystem::path p(path);
  if (p.is_relative() && !base.empty()) p = std::filesystem::path(base) / p;
  return p.lexically_normal().string();
}

}  // namespace

Server::Server(Sink sink, ServerOptions options)
    : sink_(std::move(sink)), options_(options), worker_([this] { work(); }) {}

Server::~Server() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

bool Server::exited() const {
  std::lock_guard lock(mutex_);
  return exited_;
}

int Server::exit_code() const {
  std::lock_guard lock(mutex_);
  return shutdown_ ? 0 : 1;
}

void Server::wait_idle() {
  Lock lock(mutex_);
  wake_.wait(lock, [this] { return stop_ || (settled() && deferred_.empty()); });
}

void Server::log(const std::string& message) const {
  send(make_notification("window/logMessage", {{"type", kMessageTypeLog}, {"message", message}}));
}

void Server::handle(std::string_view body) {
  bool parse_error = false;
  const Incoming message = classify(body, &parse_error);
  if (parse_error) {
    send(make_error(nullptr, ErrorCode::kParseError, "the message is not valid JSON"));
    return;
  }
  Lock lock(mutex_);
  // Params of the wrong JSON type (a string "version", a non-object "event") make the JSON
  // accessors throw: the message is refused, the server stays up.
  try {
    switch (message.kind) {
      case Incoming::Kind::kInvalid:
        send(make_error(message.id, ErrorCode::kInvalidRequest, "not a JSON-RPC 2.0 message"));
        return;
      case Incoming::Kind::kResponse: return;  // answers to our own requests: nothing awaits them
      case Incoming::Kind::kRequest:
        handle_request(message.id, message.method, message.params, lock);
        return;
      case Incoming::Kind::kNotification:
        handle_notification(message.method, message.params, lock);
        return;
    }
  } catch (const Json::exception& error) {
    if (message.kind == Incoming::Kind::kRequest) {
      send(make_error(message.id, ErrorCode::kInvalidParams,
                      "invalid params for " + message.method + ": " + error.what()));
    } else {
      log("ignored " + message.method + ": invalid params: " + error.what());
    }
  }
}

void Server::handle_request(const Json& id, const std::string& method, const Json& params,
                            Lock& lock) {
  if (method == "initialize") {
    if (initialized_) {
      send(make_error(id, ErrorCode::kInvalidRequest, "initialize was already received"));
      return;
    }
    send(make_response(id, initialize(params)));
    return;
  }
  if (!initialized_) {
    send(make_error(id, ErrorCode::kServerNotInitialized, "the server is not initialized"));
    return;
  }
  if (shutdown_) {
    send(make_error(id, ErrorCode::kInvalidRequest, "the server is shutting down"));
    return;
  }
  if (method == "shutdown") {
    shutdown_ = true;
    send(make_response(id, nullptr));
    return;
  }
  if (method == "textDocument/hover" || method == "textDocument/codeAction" ||
      method == "textDocument/documentSymbol") {
    if (!settled()) {
      // Answered from the lint of the text as it is now, not of an older one.
      deferred_.push_back({id, method, params});
      return;
    }
    if (auto result = answer(method, params)) {
      send(make_response(id, std::move(*result)));
    } else {
      send(make_error(id, ErrorCode::kInvalidParams, "invalid params for " + method));
    }
    return;
  }
  (void)lock;
  send(make_error(id, ErrorCode::kMethodNotFound, "unknown method " + method));
}

Json Server::initialize(const Json& params) {
  if (params.is_object()) {
    const Json encodings =
        params.value("/capabilities/general/positionEncodings"_json_pointer, Json::array());
    if (std::find(encodings.begin(), encodings.end(), Json("utf-8")) != encodings.end()) {
      encoding_ = PositionEncoding::kUtf8;
    }
    if (const auto folders = params.find("workspaceFolders");
        folders != params.end() && folders->is_array()) {
      for (const Json& folder : *folders) {
        if (!folder.is_object() || !folder.contains("uri") || !folder["uri"].is_string()) continue;
        if (auto path = uri_to_path(folder["uri"].get<std::string>())) roots_.push_back(*path);
      }
    }
    if (roots_.empty()) {
      if (const auto root = params.find("rootUri"); root != params.end() && root->is_string()) {
        if (auto path = uri_to_path(root->get<std::string>())) roots_.push_back(*path);
      } else if (const auto root_path = params.find("rootPath");
                 root_path != params.end() && root_path->is_string()) {
        roots_.push_back(root_path->get<std::string>());
      }
    }
    for (std::string& root : roots_) root = absolute(root, std::filesystem::current_path());
    if (const auto options = params.find("initializationOptions"); options != params.end()) {
      apply_settings(*options);
    }
  }
  initialized_ = true;
  return Json{
      {"capabilities",
       {{"positionEncoding", encoding_ == PositionEncoding::kUtf8 ? "utf-8" : "utf-16"},
        {"textDocumentSync",
         {{"openClose", true}, {"change", kSyncIncremental}, {"save", {{"includeText", false}}}}},
        {"hoverProvider", true},
        {"codeActionProvider", {{"codeActionKinds", Json::array({"quickfix"})}}},
        {"documentSymbolProvider", true},
        {"workspace",
         {{"workspaceFolders", {{"supported", true}, {"changeNotifications", true}}}}}}},
      {"serverInfo", {{"name", "ztlint"}, {"version", ZTLINT_VERSION}}}};
}

void Server::apply_settings(const Json& settings) {
  if (!settings.is_object()) return;
  const Json& ours = settings.contains("ztlint") ? settings["ztlint"] : settings;
  if (!ours.is_object()) return;
  if (const auto strict = ours.find("strict"); strict != ours.end()) {
    settings_.strict =
        strict->is_boolean() ? std::optional<bool>(strict->get<bool>()) : std::nullopt;
  }
  if (ours.contains("policies")) settings_.policy_dirs = string_list(ours["policies"]);
  if (ours.contains("varFiles")) settings_.var_files = string_list(ours["varFiles"]);
}

void Server::handle_notification(const std::string& method, const Json& params, Lock& lock) {
  (void)lock;
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (method == "$/cancelRequest") {
    const Json id = params.is_object() ? params.value("id", Json()) : Json();
    const auto it = std::find_if(deferred_.begin(), deferred_.end(),
                                 [&](const Deferred& entry) { return entry.id == id; });
    if (it != deferred_.end()) {
      send(make_error(it->id, ErrorCode::kRequestCancelled, "the request was cancelled"));
      deferred_.erase(it);
      wake_.notify_all();
    }
    return;
  }
  if (!initialized_ || method.rfind("$/", 0) == 0) return;  // dropped, as the protocol says

  if (method == "initialized" || method == "workspace/didChangeWatchedFiles") {
    changed();
  } else if (method == "workspace/didChangeConfiguration") {
    if (params.is_object() && params.contains("settings")) apply_settings(params["settings"]);
    changed();
  } else if (method == "workspace/didChangeWorkspaceFolders") {
    const Json event = params.is_object() ? params.value("event", Json::object()) : Json::object();
    for (const Json& folder : event.value("removed", Json::array())) {
      if (!folder.is_object() || !folder.value("uri", Json()).is_string()) continue;
      if (auto path = uri_to_path(folder["uri"].get<std::string>())) std::erase(roots_, *path);
    }
    for (const Json& folder : event.value("added", Json::array())) {
      if (!folder.is_object() || !folder.value("uri", Json()).is_string()) continue;
      if (auto path = uri_to_path(folder["uri"].get<std::string>())) roots_.push_back(*path);
    }
    changed();
  } else if (method == "textDocument/didOpen") {
    const auto uri = document_uri(params);
    // Indexed only when present: a const operator[] on a missing key is undefined.
    const Json& document = uri ? params["textDocument"] : params;
    const auto path = uri ? uri_to_path(*uri) : std::nullopt;
    if (!path || !document.value("text", Json()).is_string()) {
      log("ignored didOpen: not a file document with text");
      return;
    }
    documents_.open(Document{*uri, *path, document.value("languageId", ""),
                             document.value("version", 0), document["text"].get<std::string>()});
    changed();
  } else if (method == "textDocument/didChange") {
    const auto uri = document_uri(params);
    const auto path = uri ? uri_to_path(*uri) : std::nullopt;
    Document* document = path ? documents_.find(*path) : nullptr;
    if (!document || !params.contains("contentChanges") || !params["contentChanges"].is_array()) {
      log("ignored didChange: the document is not open");
      return;
    }
    for (const Json& change : params["contentChanges"]) {
      if (!change.is_object() || !change.value("text", Json()).is_string()) continue;
      TextChange text_change{std::nullopt, change["text"].get<std::string>()};
      if (change.contains("range")) {
        text_change.range = range_from_json(change["range"]);
        if (!text_change.range) continue;  // a malformed range edits nothing
      }
      apply_change(document->text, text_change, encoding_);
    }
    document->version = params["textDocument"].value("version", document->version + 1);
    changed();
  } else if (method == "textDocument/didSave") {
    if (const auto uri = document_uri(params)) {
      const auto path = uri_to_path(*uri);
      Document* document = path ? documents_.find(*path) : nullptr;
      if (document && params.value("text", Json()).is_string()) {
        document->text = params["text"].get<std::string>();
      }
    }
    changed();
  } else if (method == "textDocument/didClose") {
    if (const auto uri = document_uri(params)) {
      if (auto path = uri_to_path(*uri)) documents_.close(*path);
    }
    changed();  // the disk's text counts again
  }
}

std::optional<Json> Server::answer(const std::string& method, const Json& params) const {
  const auto uri = document_uri(params);
  const auto path = uri ? uri_to_path(*uri) : std::nullopt;
  if (!path) return std::nullopt;
  const std::shared_ptr<const Snapshot> snapshot = snapshot_;
  if (method == "textDocument/documentSymbol") {
    return snapshot ? snapshot->document_symbols(*path) : Json::array();
  }
  if (method == "textDocument/hover") {
    const auto position = position_from_json(params.value("position", Json()));
    if (!position) return std::nullopt;
    return snapshot ? snapshot->hover(*path, *position) : Json();
  }
  const auto range = range_from_json(params.value("range", Json()));
  if (!range) return std::nullopt;
  return snapshot ? code_actions(*snapshot, *path, *uri, *range) : Json::array();
}

void Server::changed() {
  const auto now = std::chrono::steady_clock::now();
  ++generation_;
  immediate_ = !dirty_ && !running_ && now - last_change_ > options_.debounce;
  last_change_ = now;
  dirty_ = true;
  wake_.notify_all();
}

std::string Server::uri_for(const std::string& path) const {
  if (const Document* document = documents_.find(path)) return document->uri;
  return path_to_uri(path);
}

void Server::work() {
  Lock lock(mutex_);
  while (!stop_) {
    if (!dirty_ || shutdown_) {
      wake_.wait(lock);
      continue;
    }
    const auto due = immediate_ ? last_change_ : last_change_ + options_.debounce;
    if (std::chrono::steady_clock::now() < due) {
      wake_.wait_until(lock, due);
      continue;
    }
    // Take the inputs as they are now, and lint without the lock.
    lint::LintOptions options;
    const std::string base = roots_.empty() ? std::string() : roots_.front();
    options.load.paths = roots_;
    options.load.cache = &syntax_cache_;
    options.load.texts = &file_texts_;
    options.load.evaluations = &evaluations_;
    std::map<std::string, int> versions;
    std::map<std::string, std::string> uris;
    for (const auto& [path, document] : documents_.documents()) {
      options.load.overlays.emplace(path, document.text);
      versions.emplace(path, document.version);
      uris.emplace(path, document.uri);
      // Without a workspace folder, each open document's folder is the estate.
      const std::string folder = std::filesystem::path(path).parent_path().string();
      if (roots_.empty() && std::find(options.load.paths.begin(), options.load.paths.end(),
                                      folder) == options.load.paths.end()) {
        options.load.paths.push_back(folder);
      }
    }
    if (options.load.paths.empty()) {  // nothing to lint yet
      dirty_ = false;
      answer_deferred();
      wake_.notify_all();
      continue;
    }
    options.config_search_dir = base.empty() ? options.load.paths.front() : base;
    for (const std::string& dir : settings_.policy_dirs)
      options.policy_dirs.push_back(absolute(dir, base));
    for (const std::string& file : settings_.var_files)
      options.load.var_files.push_back(absolute(file, base));
    options.strict = settings_.strict;
    const std::uint64_t generation = generation_;
    const PositionEncoding encoding = encoding_;
    std::shared_ptr<const Snapshot> previous_snapshot = snapshot_;
    dirty_ = false;
    running_ = true;
    lock.unlock();

    std::shared_ptr<const Snapshot> snapshot;
    std::string failure;
    try {
      const auto name = [&uris](const std::string& path) {
        const auto it = uris.find(path);
        return it != uris.end() ? it->second : path_to_uri(path);
      };
      lint::LintResult linted = lint::lint(options);
      snapshot = std::make_shared<const Snapshot>(std::move(linted), encoding, name,
                                                  previous_snapshot.get());
    } catch (const std::exception& error) {
      failure = error.what();
    }

    lock.lock();
    running_ = false;
    std::shared_ptr<const Snapshot> previous;
    if (!snapshot) {
      log("ztlint could not lint the workspace: " + failure);
    } else if (generation == generation_) {
      // Published only while no document has changed since: never for an outdated version.
      previous = std::exchange(snapshot_, snapshot);
      publish(*snapshot, versions, uris);
      answer_deferred();
    }
    wake_.notify_all();
    // Freeing a whole estate takes a while.
    release_.release(std::move(previous));
    release_.release(std::move(previous_snapshot));
  }
}

void Server::publish(const Snapshot& snapshot, const std::map<std::string, int>& versions,
                     const std::map<std::string, std::string>& uris) {
  std::set<std::string> previous_sent;  // paths published in this round
  // The params are written around the snapshot's serialized array, keys in order as dump()
  // writes them: an edited file's hundreds of unchanged diagnostics are not copied and
  // serialized again.
  const auto send_for = [&](const std::string& path, std::string_view diagnostics) {
    std::string params = R"({"diagnostics":)";
    params += diagnostics;
    params += R"(,"uri":)";
    params += Json(uris.count(path) ? uris.at(path) : path_to_uri(path)).dump();
    if (const auto version = versions.find(path); version != versions.end()) {
      params += R"(,"version":)" + std::to_string(version->second);
    }
    params += '}';
    sink_(serialized_notification("textDocument/publishDiagnostics", params));
    previous_sent.insert(path);
  };
  const Snapshot::DiagnosticsTexts& texts = snapshot.diagnostics_texts();
  // Files whose diagnostics went away get an empty list.
  for (auto it = published_.begin(); it != published_.end();) {
    if (texts.count(it->first)) {
      ++it;
      continue;
    }
    send_for(it->first, "[]");
    it = published_.erase(it);
  }
  for (const auto& [path, text] : texts) {
    const auto previous = published_.find(path);
    // A text shared with the previous snapshot is unchanged without comparing it.
    if (previous != published_.end() && (previous->second == text || *previous->second == *text)) {
      continue;
    }
    send_for(path, *text);
    published_[path] = text;
  }
  // An open document hears about each version it was linted at, even when nothing changed,
  // so the editor knows its diagnostics are current.
  for (const auto& [path, version] : versions) {
    const auto seen = published_versions_.find(path);
    if (seen != published_versions_.end() && seen->second == version) continue;
    if (previous_sent.count(path) != 0) continue;
    const auto it = texts.find(path);
    send_for(path, it != texts.end() ? std::string_view(*it->second) : std::string_view("[]"));
  }
  published_versions_ = versions;
}

void Server::answer_deferred() {
  for (const Deferred& request : deferred_) {
    if (auto result = answer(request.method, request.params)) {
      send(make_response(request.id, std::move(*result)));
    } else {
      send(make_error(request.id, ErrorCode::kInvalidParams,
                      "invalid params for " + request.method));
    }
  }
  deferred_.clear();
}

}  // namespace ztlint::lsp
