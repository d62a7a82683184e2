// The shape of the network: each VNet's role (hub, spoke, Virtual WAN hub, external),
// peerings with their reverse, and address-space overlaps between peered VNets.
#pragma once

#include <optional>
#include <unordered_map>
#include <vector>

#include "analysis/cidr.h"
#include "analysis/tristate.h"
#include "graph/resource_graph.h"

namespace ztlint::analysis {

enum class VnetRole {
  kNone,           // no subnet that is not special, and nothing that makes it a hub
  kHub,            // holds AzureFirewallSubnet or GatewaySubnet, or a firewall / NVA
  kSpoke,          // any other VNet with a subnet that is not special
  kVirtualWanHub,  // Microsoft.Network/virtualHubs
  kExternal,       // referenced by ID only: it exists, its role is unknown
};
std::string_view to_string(VnetRole role);

// True for GatewaySubnet, AzureFirewallSubnet, AzureFirewallManagementSubnet,
// RouteServerSubnet and AzureBastionSubnet (case-insensitive).
bool is_special_subnet_name(std::string_view name);

struct VnetInfo {
  graph::ResourceIndex index = 0;
  VnetRole role = VnetRole::kNone;
  std::vector<graph::ResourceIndex> subnets;
  // Azure Firewalls and NVAs (NICs with IP forwarding, network virtual appliances) in it.
  std::vector<graph::ResourceIndex> appliances;
  std::vector<Cidr> address_space;
  bool address_space_known = true;             // false when a prefix is Unknown or unparsable
  std::vector<graph::ResourceIndex> peerings;  // peerings / hub connections from this VNet
  bool has_firewall_subnet = false;
  bool has_gateway_subnet = false;
  // Resources in its subnets with a public IP (a VM's NIC, a firewall, a Bastion host...).
  std::vector<graph::ResourceIndex> public_ip_holders;
};

// A VNet peering, or a Virtual WAN hub connection seen as the VNet's peering to its hub.
struct PeeringInfo {
  graph::ResourceIndex index = 0;
  std::optional<graph::ResourceIndex> local;   // the VNet it is declared on
  std::optional<graph::ResourceIndex> remote;  // the remote VNet / virtual hub
  Tri remote_known = Tri::kTrue;  // kUnknown: the remote reference cannot be known offline
  // The peering declared on the remote VNet back to the local one (a hub connection is its
  // own reverse).
  std::optional<graph::ResourceIndex> reverse;
  // The two VNets' address spaces overlap (kUnknown when either is not known).
  Tri overlap = Tri::kFalse;
};

// Computed once per run over a linked graph; immutable afterwards.
class Topology {
 public:
  static Topology compute(const graph::ResourceGraph& graph);

  const std::vector<VnetInfo>& vnets() const { return vnets_; }
  const std::vector<PeeringInfo>& peerings() const { return peerings_; }
  const VnetInfo* vnet(graph::ResourceIndex index) const;
  const PeeringInfo* peering(graph::ResourceIndex index) const;
  // Role of a VNet or virtual hub; kExternal for reference-only ones, kNone when not a VNet.
  VnetRole role(graph::ResourceIndex vnet) const;
  // The VNet a subnet belongs to.
  std::optional<graph::ResourceIndex> vnet_of_subnet(graph::ResourceIndex subnet) const;
  // kTrue when the subnet is special; kUnknown when its name is not known.
  Tri subnet_is_special(graph::ResourceIndex subnet) const;
  // VNets peered with this one in either direction (declared peerings on either side).
  const std::vector<graph::ResourceIndex>& neighbours(graph::ResourceIndex vnet) const;
  // The VNet (or virtual hub) holding a firewall or NVA.
  std::optional<graph::ResourceIndex> vnet_of_appliance(graph::ResourceIndex appliance) const;
  // The subnet a firewall / NIC / Bastion / endpoint sits in (first IP configuration).
  std::optional<graph::ResourceIndex> subnet_of(graph::ResourceIndex resource) const;

 private:
  const graph::ResourceGraph* graph_ = nullptr;
  std::vector<VnetInfo> vnets_;
  std::vector<PeeringInfo> peerings_;
  std::unordered_map<graph::ResourceIndex, std::size_t> vnet_slot_;
  std::unordered_map<graph::ResourceIndex, std::size_t> peering_slot_;
  std::unordered_map<graph::ResourceIndex, graph::ResourceIndex> subnet_vnet_;
  std::unordered_map<graph::ResourceIndex, graph::ResourceIndex> appliance_vnet_;
  std::unordered_map<graph::ResourceIndex, graph::ResourceIndex> resource_subnet_;
  std::unordered_map<graph::ResourceIndex, std::vector<graph::ResourceIndex>> neighbours_;
};

}  // namespace ztlint::analysis
