#include "analysis/routing.h"

#include "analysis/arm_types.h"
#include "analysis/property.h"

namespace ztlint::analysis {

namespace {

using graph::ResourceIndex;

// Azure reserves the first four addresses of a subnet; a firewall gets the next one.
constexpr std::uint32_t kFirewallAddressOffset = 4;

bool declared(const graph::ResourceGraph& graph, ResourceIndex index) {
  return graph.canonical(index) == index && !graph.resource(index).reference_only;
}

}  // namespace

std::string_view to_string(NextHop hop) {
  switch (hop) {
    case NextHop::kNoRouteTable: return "no-route-table";
    case NextHop::kNoDefaultRoute: return "no-default-route";
    case NextHop::kFirewall: return "firewall";
    case NextHop::kNva: return "nva";
    case NextHop::kUnresolvedIp: return "unresolved-ip";
    case NextHop::kOtherType: return "other";
    case NextHop::kUnknown: return "unknown";
  }
  return "unknown";
}

Routing Routing::compute(const graph::ResourceGraph& graph, const Topology& topology) {
  Routing routing;

  // Literal private IPs of firewalls (from their AzureFirewallSubnet, or written) and NICs.
  for (ResourceIndex index : graph.of_type(types::kFirewall)) {
    if (!declared(graph, index)) continue;
    const graph::Resource& firewall = graph.resource(index);
    for (const value::Value* ip :
         lookup(firewall, "properties.ipConfigurations.*.properties.privateIPAddress").values) {
      if (ip->is_string()) routing.appliance_by_ip_.emplace(ip->as_string(), index);
    }
    for (const value::Value* ip :
         lookup(firewall, "properties.hubIPAddresses.privateIPAddress").values) {
      if (ip->is_string()) routing.appliance_by_ip_.emplace(ip->as_string(), index);
    }
    auto subnet = topology.subnet_of(index);
    if (!subnet) continue;
    for (const value::Value* prefix :
         lookup(graph.resource(*subnet), "properties.addressPrefixes.*").values) {
      if (!prefix->is_string()) continue;
      if (auto cidr = parse_cidr(prefix->as_string())) {
        if (auto ip = ipv4_host(*cidr, kFirewallAddressOffset)) {
          routing.appliance_by_ip_.emplace(*ip, index);
        }
      }
    }
    if (const value::Value* prefix =
            lookup(graph.resource(*subnet), "properties.addressPrefix").first();
        prefix && prefix->is_string()) {
      if (auto cidr = parse_cidr(prefix->as_string())) {
        if (auto ip = ipv4_host(*cidr, kFirewallAddressOffset)) {
          routing.appliance_by_ip_.emplace(*ip, index);
        }
      }
    }
  }
  for (ResourceIndex index : graph.of_type(types::kNetworkInterface)) {
    if (!declared(graph, index)) continue;
    for (const value::Value* ip :
         lookup(graph.resource(index), "properties.ipConfigurations.*.properties.privateIPAddress")
             .values) {
      if (ip->is_string()) routing.appliance_by_ip_.emplace(ip->as_string(), index);
    }
  }

  auto classify_appliance = [&](ResourceIndex target, RouteInfo& route) {
    const std::string& type = graph.resource(target).type;
    route.appliance = target;
    if (value::iequals(type, types::kFirewall)) {
      route.next_hop = NextHop::kFirewall;
    } else if (value::iequals(type, types::kNetworkInterface) ||
               value::iequals(type, types::kNetworkVirtualAppliance) ||
               value::iequals(type, types::kVirtualMachine) ||
               value::iequals(type, "Microsoft.Network/loadBalancers")) {
      route.next_hop = NextHop::kNva;
    } else {
      route.next_hop = NextHop::kUnresolvedIp;
      route.appliance.reset();
    }
  };

  for (ResourceIndex table : graph.of_type(types::kRouteTable)) {
    if (graph.canonical(table) != table) continue;
    routing.routes_[table];
  }
  for (ResourceIndex index : graph.of_type(types::kRoute)) {
    if (!declared(graph, index)) continue;
    auto table = graph.parent(index);
    if (!table) continue;
    const graph::Resource& resource = graph.resource(index);
    RouteInfo route;
    route.route = index;
    const StringLookup prefix = string_property(resource, "properties.addressPrefix");
    if (prefix.present == Tri::kTrue) {
      route.prefix = parse_cidr(prefix.text);
    } else {
      route.prefix_unknown = true;
    }
    const StringLookup type = string_property(resource, "properties.nextHopType");
    route.next_hop_type = type.text;
    if (type.present != Tri::kTrue) {
      route.next_hop = NextHop::kUnknown;
    } else if (!value::iequals(type.text, "VirtualAppliance")) {
      route.next_hop = NextHop::kOtherType;
    } else {
      const Lookup ip = lookup(resource, "properties.nextHopIpAddress");
      const value::Value* v = ip.first();
      if (!v) {
        route.next_hop = ip.unknown ? NextHop::kUnknown : NextHop::kUnresolvedIp;
      } else if (v->is_ref()) {
        if (auto target = graph.resolve(*v)) {
          classify_appliance(*target, route);
        } else {
          route.next_hop = NextHop::kUnknown;
        }
      } else if (v->is_string()) {
        route.next_hop_ip = v->as_string();
        if (auto it = routing.appliance_by_ip_.find(v->as_string());
            it != routing.appliance_by_ip_.end()) {
          classify_appliance(it->second, route);
        } else {
          route.next_hop = NextHop::kUnresolvedIp;
        }
      } else {
        route.next_hop = NextHop::kUnknown;
      }
    }
    routing.routes_[*table].push_back(std::move(route));
  }

  for (ResourceIndex index : graph.of_type(types::kSubnet)) {
    if (!declared(graph, index)) continue;
    SubnetRouting info;
    info.subnet = index;
    const Target table = reference_property(graph, graph.resource(index), "properties.routeTable");
    info.has_route_table = table.present;
    info.route_table_span = table.span;
    info.route_table = table.index;
    if (table.present == Tri::kFalse) {
      info.next_hop = NextHop::kNoRouteTable;
    } else if (!table.index || graph.resource(*table.index).reference_only) {
      // A route table known by ID only, or not resolvable: its routes are unknown.
      info.next_hop = NextHop::kUnknown;
      if (table.index) routing.table_subnets_[*table.index].push_back(index);
    } else {
      routing.table_subnets_[*table.index].push_back(index);
      const graph::Resource& route_table = graph.resource(*table.index);
      info.bgp_propagation =
          tri_not(bool_property(route_table, "properties.disableBgpRoutePropagation", false));
      // The effective route for Internet traffic: the longest prefix containing 0.0.0.0
      // that covers everything, i.e. 0.0.0.0/0 itself; an unknown prefix might be it.
      const RouteInfo* best = nullptr;
      bool unknown_prefix = false;
      for (const RouteInfo& route : routing.routes_[*table.index]) {
        if (route.prefix_unknown) unknown_prefix = true;
        if (route.prefix && !route.prefix->v6 && route.prefix->prefix == 0) best = &route;
      }
      if (best) {
        info.default_route = best->route;
        info.next_hop = best->next_hop;
        info.next_hop_type = best->next_hop_type;
        info.next_hop_ip = best->next_hop_ip;
        info.appliance = best->appliance;
      } else {
        info.next_hop = unknown_prefix ? NextHop::kUnknown : NextHop::kNoDefaultRoute;
      }
    }
    if (info.appliance) info.appliance_vnet = topology.vnet_of_appliance(*info.appliance);
    routing.subnets_.emplace(index, std::move(info));
  }
  return routing;
}

const SubnetRouting* Routing::subnet(ResourceIndex index) const {
  auto it = subnets_.find(index);
  return it == subnets_.end() ? nullptr : &it->second;
}

const std::vector<RouteInfo>& Routing::routes(ResourceIndex route_table) const {
  static const std::vector<RouteInfo> kNone;
  auto it = routes_.find(route_table);
  return it == routes_.end() ? kNone : it->second;
}

const std::vector<ResourceIndex>& Routing::subnets_of(ResourceIndex route_table) const {
  static const std::vector<ResourceIndex> kNone;
  auto it = table_subnets_.find(route_table);
  return it == table_subnets_.end() ? kNone : it->second;
}

std::optional<ResourceIndex> Routing::appliance_at(const std::string& ip) const {
  auto it = appliance_by_ip_.find(ip);
  if (it == appliance_by_ip_.end()) return std::nullopt;
  return it->second;
}

}  // namespace ztlint::analysis
