// Where each subnet's traffic to the Internet goes: its route table, the effective
// 0.0.0.0/0 route, and what that route's next hop resolves to.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/topology.h"
#include "analysis/tristate.h"
#include "graph/resource_graph.h"

namespace ztlint::analysis {

enum class NextHop {
  kNoRouteTable,    // no route table on the subnet
  kNoDefaultRoute,  // a route table without a route for 0.0.0.0/0
  kFirewall,        // VirtualAppliance at an Azure Firewall's private IP (by Ref or literal)
  kNva,             // VirtualAppliance at a network virtual appliance's NIC
  kUnresolvedIp,    // VirtualAppliance at a literal IP that matches nothing in the estate
  kOtherType,       // Internet, VnetLocal, VirtualNetworkGateway, None
  kUnknown,         // something on the way cannot be known offline
};
std::string_view to_string(NextHop hop);

struct SubnetRouting {
  graph::ResourceIndex subnet = 0;
  std::optional<graph::ResourceIndex> route_table;
  Tri has_route_table = Tri::kFalse;
  source::Span route_table_span;  // where the subnet's route table is set (association)
  std::optional<graph::ResourceIndex> default_route;  // the route resource for 0.0.0.0/0
  // Whether the route table lets BGP routes propagate (Azure's default: yes).
  Tri bgp_propagation = Tri::kUnknown;
  NextHop next_hop = NextHop::kNoRouteTable;
  std::string next_hop_type;                           // as written ("VirtualAppliance")
  std::string next_hop_ip;                             // literal IP when written
  std::optional<graph::ResourceIndex> appliance;       // the firewall or NVA NIC
  std::optional<graph::ResourceIndex> appliance_vnet;  // the VNet / virtual hub holding it
};

// A route of a route table, as the analyses read it.
struct RouteInfo {
  graph::ResourceIndex route = 0;
  std::optional<Cidr> prefix;  // nullopt: not a CIDR (service tag) or unknown
  bool prefix_unknown = false;
  std::string next_hop_type;
  NextHop next_hop = NextHop::kUnknown;
  std::string next_hop_ip;
  std::optional<graph::ResourceIndex> appliance;
};

// Computed once per run; immutable afterwards.
class Routing {
 public:
  static Routing compute(const graph::ResourceGraph& graph, const Topology& topology);

  // Routing of a declared subnet (nullptr for anything else).
  const SubnetRouting* subnet(graph::ResourceIndex index) const;
  // The routes of a route table (its child route resources).
  const std::vector<RouteInfo>& routes(graph::ResourceIndex route_table) const;
  // The subnets a route table is attached to.
  const std::vector<graph::ResourceIndex>& subnets_of(graph::ResourceIndex route_table) const;
  // The firewall / NVA a literal private IP belongs to, if any.
  std::optional<graph::ResourceIndex> appliance_at(const std::string& ip) const;

 private:
  std::unordered_map<graph::ResourceIndex, SubnetRouting> subnets_;
  std::unordered_map<graph::ResourceIndex, std::vector<RouteInfo>> routes_;
  std::unordered_map<graph::ResourceIndex, std::vector<graph::ResourceIndex>> table_subnets_;
  std::unordered_map<std::string, graph::ResourceIndex> appliance_by_ip_;
};

}  // namespace ztlint::analysis
