#include "lsp/json_rpc.h"

namespace ztlint::lsp {

Incoming classify(std::string_view body, bool* parse_error) {
  Incoming incoming;
  *parse_error = false;
  Json message = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) {
    *parse_error = true;
    return incoming;
  }
  if (!message.is_object()) return incoming;
  const auto id = message.find("id");
  const bool has_id = id != message.end();
  if (has_id && (id->is_string() || id->is_number_integer())) incoming.id = *id;
  const bool valid_id = has_id && !incoming.id.is_null();
  const auto method = message.find("method");
  if (const auto params = message.find("params"); params != message.end()) {
    incoming.params = *params;
  }
  if (method != message.end()) {
    if (!method->is_string()) return incoming;
    incoming.method = method->get<std::string>();
    if (has_id && !valid_id) return incoming;  // an id of the wrong type
    incoming.kind = valid_id ? Incoming::Kind::kRequest : Incoming::Kind::kNotification;
    return incoming;
  }
  if (valid_id && (message.contains("result") || message.contains("error"))) {
    incoming.kind = Incoming::Kind::kResponse;
    incoming.params = message.contains("result") ? message["result"] : message["error"];
  }
  return incoming;
}

Json make_response(const Json& id, Json result) {
  return Json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

Json make_error(const Json& id, ErrorCode code, std::string message) {
  return Json{{"jsonrpc", "2.0"},
              {"id", id},
              {"error", {{"code", static_cast<int>(code)}, {"message", std::move(message)}}}};
}

Json make_notification(std::string method, Json params) {
  return Json{{"jsonrpc", "2.0"}, {"method", std::move(method)}, {"params", std::move(params)}};
}

std::string serialized_notification(std::string_view method, std::string_view params) {
  std::string body = R"({"jsonrpc":"2.0","method":)";
  body += Json(method).dump();
  body += R"(,"params":)";
  body += params;
  body += '}';
  return body;
}

Json make_request(const Json& id, std::string method, Json params) {
  return Json{
      {"jsonrpc", "2.0"}, {"id", id}, {"method", std::move(method)}, {"params", std::move(params)}};
}

}  // namespace ztlint::lsp
