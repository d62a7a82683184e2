#include "terraform/mapping/azapi.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "graph/resource_id.h"
#include "terraform/mapping/object_mapper.h"

namespace ztlint::terraform::mapping {

using value::Value;

namespace {

constexpr int kMaxJsonDepth = 256;

// JSON decoded from one attribute: every part is written where the attribute is.
Value from_json(const nlohmann::json& json, source::Span span, int depth) {
  if (depth > kMaxJsonDepth) return Value::unknown("the JSON body nests too deeply", span);
  switch (json.type()) {
    case nlohmann::json::value_t::boolean: return Value::boolean(json.get<bool>(), span);
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: return Value::number(json.get<double>(), span);
    case nlohmann::json::value_t::string: return Value::string(json.get<std::string>(), span);
    case nlohmann::json::value_t::array: {
      value::List items;
      for (const auto& item : json) items.push_back(from_json(item, span, depth + 1));
      return Value::list(std::move(items), span);
    }
    case nlohmann::json::value_t::object: {
      value::Map entries;
      for (const auto& [key, item] : json.items()) {
        entries.emplace_back(key, from_json(item, span, depth + 1));
      }
      return Value::map(std::move(entries), span);
    }
    default: return Value::null(span);
  }
}

// A child type has more than one segment after the namespace ("A.B/x/y").
bool is_child_type(std::string_view type) {
  return std::count(type.begin(), type.end(), '/') >= 2;
}

Value decode_body(const Value& body, source::Diagnostics& diagnostics) {
  if (!body.is_string()) return body;
  nlohmann::json json = nlohmann::json::parse(body.as_string(), nullptr, false);
  if (json.is_discarded()) {
    diagnostics.push_back({source::DiagnosticKind::kEvaluation,
                           "the azapi_resource body is not valid JSON",
                           body.span(),
                           {}});
    return Value::unknown("the body is not valid JSON", body.span());
  }
  return from_json(json, body.span(), 0);
}

// Every leaf below `value` (maps are walked; lists and scalars are leaves).
void collect_leaves(const Value& value, std::vector<std::string>& path,
                    std::vector<std::pair<std::vector<std::string>, Value>>& leaves) {
  if (value.is_map() && !value.as_map().empty()) {
    for (const auto& [key, item] : value.as_map()) {
      path.push_back(key);
      collect_leaves(item, path, leaves);
      path.pop_back();
    }
    return;
  }
  if (!path.empty()) leaves.emplace_back(path, value);
}

// The resource azapi_update_resource changes: resource_id, or parent_id plus type and name.
Value update_target(const Value& arguments, std::string_view type) {
  if (const Value* id = arguments.get("resource_id"); id && (id->is_string() || id->is_ref())) {
    return *id;
  }
  const Value* parent = arguments.get("parent_id");
  const Value* name = arguments.get("name");
  if (!parent || !parent->is_string() || !name || !name->is_string()) return Value();
  if (is_child_type(type)) {
    const std::string_view last = type.substr(type.rfind('/') + 1);
    return Value::string(parent->as_string() + "/" + std::string(last) + "/" + name->as_string(),
                         parent->span());
  }
  return Value::string(
      parent->as_string() + "/providers/" + std::string(type) + "/" + name->as_string(),
      parent->span());
}

// azapi_update_resource sets properties of a resource declared elsewhere: one patch per
// property it writes, each pointing at the update's block.
void lower_update(const EvaluatedResource& resource, std::string_view type, graph::Fragment& out,
                  source::Diagnostics& diagnostics) {
  const Value target = update_target(resource.arguments, type);
  const Value* body = resource.arguments.get("body");
  if (target.is_null() || !body || body->is_null()) return;
  const Value decoded = translate_refs(decode_body(*body, diagnostics));
  std::vector<std::string> path;
  std::vector<std::pair<std::vector<std::string>, Value>> leaves;
  collect_leaves(decoded, path, leaves);
  for (auto& [leaf_path, value] : leaves) {
    graph::Patch patch;
    patch.target = target;
    patch.path = std::move(leaf_path);
    patch.value = std::move(value);
    patch.origin_address = resource.address;
    patch.origin_range = resource.range;
    out.patches.push_back(std::move(patch));
  }
}

}  // namespace

bool is_azapi_type(std::string_view type) {
  return type == "azapi_resource" || type == "azapi_update_resource";
}

void lower_azapi(const EvaluatedResource& resource, graph::Fragment& out,
                 source::Diagnostics& diagnostics) {
  const Value& arguments = resource.arguments;
  const Value* type = arguments.get("type");
  if (!type || !type->is_string()) return;  // without a known type there is nothing to judge
  const std::string& written = type->as_string();
  const auto at = written.find('@');
  if (resource.type == "azapi_update_resource") {
    if (!resource.is_data_source) lower_update(resource, written.substr(0, at), out, diagnostics);
    return;
  }

  graph::Resource lowered;
  lowered.address = resource.address;
  lowered.type = written.substr(0, at);
  if (at != std::string::npos) lowered.api_version = written.substr(at + 1);
  lowered.source_type = resource.type;
  lowered.range = resource.range;
  lowered.language = graph::Language::kTerraform;
  lowered.reference_only = resource.is_data_source;

  const Value* name = arguments.get("name");
  lowered.name =
      name && !name->is_null() && !name->is_ref()
          ? *name
          : Value::unknown("the name is not known", name ? name->span() : resource.range);
  if (const Value* parent = arguments.get("parent_id"); parent && is_child_type(lowered.type)) {
    if (parent->is_string()) {
      lowered.parent = *parent;
      if (auto parts = graph::parse_resource_id(parent->as_string());
          parts && lowered.name.is_string()) {
        lowered.name =
            Value::string(parts->name + "/" + lowered.name.as_string(), lowered.name.span());
      }
    } else if (parent->is_ref()) {
      lowered.parent = Value::ref(value::Ref{parent->as_ref().target, {}}, parent->span());
    }
  }

  if (resource.is_data_source) {
    lowered.body = Value::unknown("a data source's properties are read from Azure", resource.range);
  } else {
    const Value* body = arguments.get("body");
    Value decoded = body && !body->is_null() ? translate_refs(decode_body(*body, diagnostics))
                                             : Value::map({}, resource.range);
    if (decoded.is_map()) {
      ObjectBuilder builder(resource.range);
      builder.set({}, decoded);
      // location, tags and identity written as arguments, unless the body has them.
      ObjectBuilder common(resource.range);
      map_object(common_object(), arguments, common, {}, resource.range,
                 effective_major(resource.azurerm_major_version));
      const Value common_body = common.build();
      for (const auto& [key, given] : common_body.as_map()) {
        const std::vector<std::string> path = {key};
        if (!builder.has(path)) builder.set(path, given);
      }
      decoded = builder.build();
    }
    lowered.body = std::move(decoded);
  }
  out.resources.push_back(std::move(lowered));
}

}  // namespace ztlint::terraform::mapping
