#include "analysis/topology.h"

#include <algorithm>
#include <array>
#include <map>
#include <string>

#include "analysis/arm_types.h"
#include "analysis/property.h"

namespace ztlint::analysis {

namespace {

using graph::ResourceIndex;

constexpr std::array<std::string_view, 5> kSpecialSubnets = {
    "GatewaySubnet", "AzureFirewallSubnet", "AzureFirewallManagementSubnet", "RouteServerSubnet",
    "AzureBastionSubnet"};

bool is_canonical(const graph::ResourceGraph& graph, ResourceIndex index) {
  return graph.canonical(index) == index;
}

// Where the IP configurations of a resource say it sits: the subnet references.
constexpr std::array<std::string_view, 3> kSubnetPaths = {
    "properties.ipConfigurations.*.properties.subnet", "properties.subnet",
    "properties.ipConfiguration.properties.subnet"};

}  // namespace

std::string_view to_string(VnetRole role) {
  switch (role) {
    case VnetRole::kNone: return "none";
    case VnetRole::kHub: return "hub";
    case VnetRole::kSpoke: return "spoke";
    case VnetRole::kVirtualWanHub: return "virtual-wan-hub";
    case VnetRole::kExternal: return "external";
  }
  return "none";
}

bool is_special_subnet_name(std::string_view name) {
  return std::any_of(kSpecialSubnets.begin(), kSpecialSubnets.end(),
                     [&](std::string_view special) { return value::iequals(name, special); });
}

Topology Topology::compute(const graph::ResourceGraph& graph) {
  Topology topology;
  topology.graph_ = &graph;

  auto add_vnet = [&](ResourceIndex index, VnetRole role) {
    topology.vnet_slot_[index] = topology.vnets_.size();
    VnetInfo info;
    info.index = index;
    info.role = role;
    const graph::Resource& resource = graph.resource(index);
    const Lookup prefixes = lookup(resource, "properties.addressSpace.addressPrefixes.*");
    if (prefixes.unknown || resource.reference_only) info.address_space_known = false;
    for (const value::Value* prefix : prefixes.values) {
      auto cidr = prefix->is_string() ? parse_cidr(prefix->as_string()) : std::nullopt;
      if (cidr) {
        info.address_space.push_back(*cidr);
      } else {
        info.address_space_known = false;
      }
    }
    topology.vnets_.push_back(std::move(info));
  };
  for (ResourceIndex index : graph.of_type(types::kVirtualNetwork)) {
    if (!is_canonical(graph, index)) continue;
    add_vnet(index, graph.resource(index).reference_only ? VnetRole::kExternal : VnetRole::kNone);
  }
  for (ResourceIndex index : graph.of_type(types::kVirtualHub)) {
    if (is_canonical(graph, index)) add_vnet(index, VnetRole::kVirtualWanHub);
  }

  for (ResourceIndex index : graph.of_type(types::kSubnet)) {
    if (!is_canonical(graph, index)) continue;
    auto parent = graph.parent(index);
    if (!parent) continue;
    auto slot = topology.vnet_slot_.find(*parent);
    if (slot == topology.vnet_slot_.end()) continue;
    topology.subnet_vnet_[index] = *parent;
    VnetInfo& vnet = topology.vnets_[slot->second];
    vnet.subnets.push_back(index);
    const std::string name = leaf_name(graph.resource(index));
    if (value::iequals(name, "AzureFirewallSubnet")) vnet.has_firewall_subnet = true;
    if (value::iequals(name, "GatewaySubnet")) vnet.has_gateway_subnet = true;
  }

  // Where firewalls, NICs, Bastion hosts, endpoints and gateways sit.
  auto place = [&](ResourceIndex index) -> std::optional<ResourceIndex> {
    const graph::Resource& resource = graph.resource(index);
    for (std::string_view path : kSubnetPaths) {
      const Lookup found = lookup(resource, path);
      for (const value::Value* v : found.values) {
        if (auto subnet = graph.resolve(*v)) {
          topology.resource_subnet_[index] = *subnet;
          return *subnet;
        }
      }
    }
    return std::nullopt;
  };
  for (ResourceIndex index = 0; index < graph.size(); ++index) {
    if (!is_canonical(graph, index) || graph.resource(index).reference_only) continue;
    const std::string& type = graph.resource(index).type;
    if (value::iequals(type, types::kVirtualNetwork) || value::iequals(type, types::kSubnet)) {
      continue;
    }
    auto subnet = place(index);
    if (!subnet) continue;
    const Lookup ips =
        lookup(graph.resource(index), "properties.ipConfigurations.*.properties.publicIPAddress");
    const bool public_ip = std::any_of(ips.values.begin(), ips.values.end(),
                                       [](const value::Value* v) { return !v->is_null(); });
    if (!public_ip) continue;
    if (auto vnet = topology.subnet_vnet_.find(*subnet); vnet != topology.subnet_vnet_.end()) {
      topology.vnets_[topology.vnet_slot_.at(vnet->second)].public_ip_holders.push_back(index);
    }
  }

  auto add_appliance = [&](ResourceIndex appliance, ResourceIndex vnet) {
    auto slot = topology.vnet_slot_.find(vnet);
    if (slot == topology.vnet_slot_.end()) return;
    topology.appliance_vnet_[appliance] = vnet;
    topology.vnets_[slot->second].appliances.push_back(appliance);
  };
  for (ResourceIndex index : graph.of_type(types::kFirewall)) {
    if (!is_canonical(graph, index)) continue;
    if (auto subnet = topology.subnet_of(index)) {
      if (auto vnet = topology.vnet_of_subnet(*subnet)) add_appliance(index, *vnet);
    } else if (auto hub = reference_property(graph, graph.resource(index), "properties.virtualHub");
               hub.index) {
      add_appliance(index, *hub.index);
    }
  }
  for (ResourceIndex index : graph.of_type(types::kNetworkInterface)) {
    if (!is_canonical(graph, index)) continue;
    if (bool_property(graph.resource(index), "properties.enableIPForwarding", false) !=
        Tri::kTrue) {
      continue;
    }
    if (auto subnet = topology.subnet_of(index)) {
      if (auto vnet = topology.vnet_of_subnet(*subnet)) add_appliance(index, *vnet);
    }
  }
  for (ResourceIndex index : graph.of_type(types::kNetworkVirtualAppliance)) {
    if (!is_canonical(graph, index)) continue;
    if (auto hub = reference_property(graph, graph.resource(index), "properties.virtualHub");
        hub.index) {
      add_appliance(index, *hub.index);
    }
  }

  for (VnetInfo& vnet : topology.vnets_) {
    if (vnet.role != VnetRole::kNone) continue;
    if (vnet.has_firewall_subnet || vnet.has_gateway_subnet || !vnet.appliances.empty()) {
      vnet.role = VnetRole::kHub;
      continue;
    }
    for (ResourceIndex subnet : vnet.subnets) {
      if (topology.subnet_is_special(subnet) != Tri::kTrue) {
        vnet.role = VnetRole::kSpoke;
        break;
      }
    }
  }

  // Peerings, keyed by (local, remote) to find each one's reverse in one pass.
  std::map<std::pair<ResourceIndex, ResourceIndex>, ResourceIndex> by_pair;
  for (ResourceIndex index : graph.of_type(types::kPeering)) {
    if (!is_canonical(graph, index) || graph.resource(index).reference_only) continue;
    PeeringInfo info;
    info.index = index;
    info.local = graph.parent(index);
    const Target remote =
        reference_property(graph, graph.resource(index), "properties.remoteVirtualNetwork");
    info.remote = remote.index;
    info.remote_known =
        remote.present == Tri::kUnknown ? Tri::kUnknown : tri(remote.index.has_value());
    if (info.local && info.remote) by_pair.emplace(std::pair{*info.local, *info.remote}, index);
    topology.peering_slot_[index] = topology.peerings_.size();
    topology.peerings_.push_back(std::move(info));
  }
  for (ResourceIndex index : graph.of_type(types::kHubConnection)) {
    if (!is_canonical(graph, index) || graph.resource(index).reference_only) continue;
    PeeringInfo info;
    info.index = index;
    const Target vnet =
        reference_property(graph, graph.resource(index), "properties.remoteVirtualNetwork");
    info.local = vnet.index;
    info.remote = graph.parent(index);
    info.remote_known = tri(info.remote.has_value());
    info.reverse = index;
    topology.peering_slot_[index] = topology.peerings_.size();
    topology.peerings_.push_back(std::move(info));
  }
  for (PeeringInfo& peering : topology.peerings_) {
    if (peering.local) {
      if (auto slot = topology.vnet_slot_.find(*peering.local); slot != topology.vnet_slot_.end()) {
        topology.vnets_[slot->second].peerings.push_back(peering.index);
      }
    }
    if (!peering.local || !peering.remote) continue;
    if (!peering.reverse) {
      if (auto it = by_pair.find({*peering.remote, *peering.local}); it != by_pair.end()) {
        peering.reverse = it->second;
      }
    }
    auto& mine = topology.neighbours_[*peering.local];
    if (std::find(mine.begin(), mine.end(), *peering.remote) == mine.end()) {
      mine.push_back(*peering.remote);
    }
    auto& theirs = topology.neighbours_[*peering.remote];
    if (std::find(theirs.begin(), theirs.end(), *peering.local) == theirs.end()) {
      theirs.push_back(*peering.local);
    }
    const VnetInfo* a = topology.vnet(*peering.local);
    const VnetInfo* b = topology.vnet(*peering.remote);
    if (!a || !b) {
      peering.overlap = Tri::kUnknown;
      continue;
    }
    bool overlap = false;
    for (const Cidr& x : a->address_space) {
      for (const Cidr& y : b->address_space) overlap = overlap || cidr_overlaps(x, y);
    }
    peering.overlap =
        overlap ? Tri::kTrue
                : (a->address_space_known && b->address_space_known ? Tri::kFalse : Tri::kUnknown);
  }
  return topology;
}

const VnetInfo* Topology::vnet(ResourceIndex index) const {
  auto it = vnet_slot_.find(index);
  return it == vnet_slot_.end() ? nullptr : &vnets_[it->second];
}

const PeeringInfo* Topology::peering(ResourceIndex index) const {
  auto it = peering_slot_.find(index);
  return it == peering_slot_.end() ? nullptr : &peerings_[it->second];
}

VnetRole Topology::role(ResourceIndex vnet_index) const {
  const VnetInfo* info = vnet(vnet_index);
  return info ? info->role : VnetRole::kNone;
}

std::optional<ResourceIndex> Topology::vnet_of_subnet(ResourceIndex subnet) const {
  auto it = subnet_vnet_.find(subnet);
  if (it != subnet_vnet_.end()) return it->second;
  // A subnet known by ID only: its parent VNet (possibly external) still tells the role.
  if (graph_) return graph_->parent(subnet);
  return std::nullopt;
}

Tri Topology::subnet_is_special(ResourceIndex subnet) const {
  const std::string name = leaf_name(graph_->resource(subnet));
  if (name.empty()) return Tri::kUnknown;
  return tri(is_special_subnet_name(name));
}

const std::vector<ResourceIndex>& Topology::neighbours(ResourceIndex vnet) const {
  static const std::vector<ResourceIndex> kNone;
  auto it = neighbours_.find(vnet);
  return it == neighbours_.end() ? kNone : it->second;
}

std::optional<ResourceIndex> Topology::vnet_of_appliance(ResourceIndex appliance) const {
  auto it = appliance_vnet_.find(appliance);
  if (it == appliance_vnet_.end()) return std::nullopt;
  return it->second;
}

std::optional<ResourceIndex> Topology::subnet_of(ResourceIndex resource) const {
  auto it = resource_subnet_.find(resource);
  if (it == resource_subnet_.end()) return std::nullopt;
  return it->second;
}

}  // namespace ztlint::analysis
