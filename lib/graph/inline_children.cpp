#include "graph/inline_children.h"

#include <array>
#include <string_view>

namespace ztlint::graph {

namespace {

struct InlineArray {
  std::string_view parent_type;
  std::string_view property;    // under `properties`
  std::string_view child_type;  // last type segment of the child
};

// The inline forms ARM accepts, each matching a stand-alone child type.
constexpr std::array<InlineArray, 4> kInlineArrays{{
    {"Microsoft.Network/virtualNetworks", "subnets", "subnets"},
    {"Microsoft.Network/virtualNetworks", "virtualNetworkPeerings", "virtualNetworkPeerings"},
    {"Microsoft.Network/networkSecurityGroups", "securityRules", "securityRules"},
    {"Microsoft.Network/routeTables", "routes", "routes"},
}};

value::Value without_property(const value::Value& body, std::string_view property) {
  const value::Value* properties = body.get("properties");
  value::Map kept;
  for (const auto& [key, item] : properties->as_map()) {
    if (!value::iequals(key, property)) kept.emplace_back(key, item);
  }
  const std::string path[] = {"properties"};
  return body.with_path(path, value::Value::map(std::move(kept), properties->span()));
}

}  // namespace

void explode_inline_children(Fragment& fragment) {
  std::vector<Resource> children;
  for (Resource& parent : fragment.resources) {
    if (parent.reference_only || !parent.body.is_map()) continue;
    for (const InlineArray& form : kInlineArrays) {
      if (!value::iequals(parent.type, form.parent_type)) continue;
      const value::Value* properties = parent.body.get("properties");
      if (!properties || !properties->is_map()) continue;
      const value::Value* items = properties->get(form.property);
      if (!items || !items->is_list()) continue;
      std::size_t position = 0;
      for (const value::Value& item : items->as_list()) {
        const std::size_t index = position++;
        if (!item.is_map()) continue;
        Resource child;
        child.type = parent.type + "/" + std::string(form.child_type);
        child.source_type = parent.source_type;
        child.api_version = parent.api_version;
        child.language = parent.language;
        const value::Value* name = item.get("name");
        child.name = name ? *name : value::Value::unknown("inline child without a name");
        const std::string key =
            name && name->is_string() ? name->as_string() : std::to_string(index);
        child.address = parent.address + "/" + std::string(form.child_type) + "/" + key;
        child.parent = value::Value::ref(value::Ref{parent.address, {"id"}}, item.span());
        child.body = item;
        child.range = item.span().valid() ? item.span() : parent.range;
        children.push_back(std::move(child));
      }
      parent.body = without_property(parent.body, form.property);
    }
  }
  for (Resource& child : children) fragment.resources.push_back(std::move(child));
}

}  // namespace ztlint::graph
