// JSON-RPC 2.0 messages: classifying what arrives and building what is sent.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace ztlint::lsp {

using Json = nlohmann::json;

// Error codes of JSON-RPC 2.0 and LSP 3.17.
enum class ErrorCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
  kRequestCancelled = -32800,
};

// One incoming message, classified. A request has an id and a method; a notification only
// a method; a response an id and a result or error.
struct Incoming {
  enum class Kind { kRequest, kNotification, kResponse, kInvalid } kind = Kind::kInvalid;
  Json id;  // null for notifications (and invalid messages without a usable id)
  std::string method;
  Json params;  // null when absent
};

// Parses a body. A body that is not JSON gives nullopt-like kInvalid with `parse_error` set.
Incoming classify(std::string_view body, bool* parse_error);

Json make_response(const Json& id, Json result);
Json make_error(const Json& id, ErrorCode code, std::string message);
Json make_notification(std::string method, Json params);
// make_notification(method, params).dump() for params already serialized (an object, its
// keys in order): a large params need not be built as a Json value only to be dumped.
std::string serialized_notification(std::string_view method, std::string_view params);
Json make_request(const Json& id, std::string method, Json params);

}  // namespace ztlint::lsp
