// Builds small linked resource graphs by hand for analysis and policy unit tests.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "graph/resource_graph.h"
#include "value/value.h"

namespace ztlint::testing {

// JSON to Value, with two escapes in strings: "@ref:ADDRESS" is a Ref to that resource and
// "@unknown" an Unknown. Each value is given a distinct span in file 0 so tests can tell
// where a finding points.
class GraphBuilder {
 public:
  value::Value from_json(const nlohmann::json& json) {
    const source::Span span{0, {next_offset_, next_offset_ + 1}};
    ++next_offset_;
    switch (json.type()) {
      case nlohmann::json::value_t::null: return value::Value::null(span);
      case nlohmann::json::value_t::boolean: return value::Value::boolean(json.get<bool>(), span);
      case nlohmann::json::value_t::number_integer:
      case nlohmann::json::value_t::number_unsigned:
      case nlohmann::json::value_t::number_float:
        return value::Value::number(json.get<double>(), span);
      case nlohmann::json::value_t::string: {
        const std::string text = json.get<std::string>();
        if (text.rfind("@ref:", 0) == 0) return value::Value::ref({text.substr(5), {"id"}}, span);
        if (text == "@unknown") return value::Value::unknown("a test input", span);
        return value::Value::string(text, span);
      }
      case nlohmann::json::value_t::array: {
        value::List items;
        for (const auto& item : json) items.push_back(from_json(item));
        return value::Value::list(std::move(items), span);
      }
      case nlohmann::json::value_t::object: {
        value::Map entries;
        for (const auto& [key, item] : json.items()) entries.emplace_back(key, from_json(item));
        return value::Value::map(std::move(entries), span);
      }
      default: return value::Value::null(span);
    }
  }

  // Adds a resource; `parent` is an address ("" for none). Returns its address.
  std::string add(std::string address, std::string type, std::string name,
                  const nlohmann::json& body = nlohmann::json::object(), std::string parent = "",
                  bool reference_only = false) {
    graph::Resource resource;
    resource.address = address;
    resource.type = std::move(type);
    resource.source_type = resource.type;
    resource.name = name == "@unknown" ? value::Value::unknown("a test input")
                                       : value::Value::string(std::move(name));
    resource.body = from_json(body);
    if (!parent.empty()) resource.parent = value::Value::ref({parent, {}});
    resource.range = source::Span{0, {next_offset_, next_offset_ + 1}};
    ++next_offset_;
    resource.reference_only = reference_only;
    graph_.add(std::move(resource));
    return address;
  }

  graph::ResourceGraph& link() {
    source::Diagnostics diagnostics;
    graph_.link(diagnostics);
    return graph_;
  }

  graph::ResourceGraph& graph() { return graph_; }

 private:
  graph::ResourceGraph graph_;
  std::uint32_t next_offset_ = 1000;
};

inline const std::string kVnet = "Microsoft.Network/virtualNetworks";
inline const std::string kSubnet = "Microsoft.Network/virtualNetworks/subnets";
inline const std::string kPeering = "Microsoft.Network/virtualNetworks/virtualNetworkPeerings";
inline const std::string kFirewall = "Microsoft.Network/azureFirewalls";
inline const std::string kNic = "Microsoft.Network/networkInterfaces";
inline const std::string kNsg = "Microsoft.Network/networkSecurityGroups";
inline const std::string kRule = "Microsoft.Network/networkSecurityGroups/securityRules";
inline const std::string kRouteTable = "Microsoft.Network/routeTables";
inline const std::string kRoute = "Microsoft.Network/routeTables/routes";
inline const std::string kPrivateEndpoint = "Microsoft.Network/privateEndpoints";
inline const std::string kStorage = "Microsoft.Storage/storageAccounts";
inline const std::string kVm = "Microsoft.Compute/virtualMachines";

// A VNet with address space and subnets {name, prefix}.
inline void add_vnet(GraphBuilder& builder, const std::string& address, const std::string& name,
                     const std::string& space,
                     std::initializer_list<std::pair<std::string, std::string>> subnets) {
  builder.add(address, kVnet, name,
              {{"properties", {{"addressSpace", {{"addressPrefixes", {space}}}}}}});
  for (const auto& [subnet, prefix] : subnets) {
    builder.add(address + "/" + subnet, kSubnet, subnet,
                {{"properties", {{"addressPrefixes", {prefix}}}}}, address);
  }
}

inline void add_peering(GraphBuilder& builder, const std::string& from, const std::string& to) {
  builder.add(from + "->" + to, kPeering, "to-" + to,
              {{"properties", {{"remoteVirtualNetwork", {{"id", "@ref:" + to}}}}}}, from);
}

// The index of the resource declared at `address`, which the test knows exists.
inline graph::ResourceIndex at(const graph::ResourceGraph& graph, const std::string& address) {
  return *graph.find_address(address);
}

}  // namespace ztlint::testing
