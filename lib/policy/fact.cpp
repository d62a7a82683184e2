#include "policy/fact.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "analysis/arm_types.h"
#include "analysis/cidr.h"
#include "analysis/property.h"

namespace ztlint::policy {

namespace {

using analysis::NextHop;
using analysis::Tri;
using analysis::VnetRole;
using graph::ResourceIndex;
using value::Value;
namespace types = analysis::types;

Value from_tri(Tri answer, std::string_view why = "depends on values not known offline") {
  if (answer == Tri::kUnknown) return Value::unknown(std::string(why));
  return Value::boolean(answer == Tri::kTrue);
}

FactResult answer(Tri truth) {
  return FactResult{from_tri(truth), {}, {}, {}, {}};
}

bool is_type(const FactContext& context, ResourceIndex index, std::string_view type) {
  return value::iequals(context.graph.resource(index).type, type);
}

std::string display_name(const FactContext& context, ResourceIndex index) {
  const graph::Resource& resource = context.graph.resource(index);
  std::string name = analysis::leaf_name(resource);
  return name.empty() ? resource.address : name;
}

RelatedLocation related(const FactContext& context, ResourceIndex index, std::string message) {
  return RelatedLocation{analysis::resource_span(context.graph, index), std::move(message)};
}

SubnetPrefixes read_subnet_prefixes(const graph::Resource& subnet) {
  SubnetPrefixes out;
  for (std::string_view path : {"properties.addressPrefix", "properties.addressPrefixes"}) {
    const analysis::Lookup found = analysis::lookup(subnet, path);
    if (found.unknown) out.known = false;
    for (const Value* v : found.values) {
      if (v->is_null()) continue;
      if (!out.span.valid()) out.span = v->span();
      auto add = [&](const Value& item) {
        auto cidr = item.is_string() ? analysis::parse_cidr(item.as_string()) : std::nullopt;
        if (cidr) {
          out.cidrs.push_back(*cidr);
        } else {
          out.known = false;
        }
      };
      if (v->is_list()) {
        for (const Value& item : v->as_list()) add(item);
      } else {
        add(*v);
      }
    }
  }
  return out;
}

Tri role_is(const FactContext& context, std::optional<ResourceIndex> vnet, VnetRole role) {
  if (!vnet) return Tri::kUnknown;
  const VnetRole actual = context.analyses.topology.role(*vnet);
  if (actual == VnetRole::kExternal) return Tri::kUnknown;
  return analysis::tri(actual == role);
}

// A hub for the purposes of "peered to a hub": declared hubs, Virtual WAN hubs, and VNets
// known only by ID (a hub owned by another team counts as existing).
Tri is_hubish(const FactContext& context, ResourceIndex vnet) {
  const VnetRole role = context.analyses.topology.role(vnet);
  if (role == VnetRole::kHub || role == VnetRole::kVirtualWanHub) return Tri::kTrue;
  if (role == VnetRole::kExternal) return Tri::kTrue;
  if (context.analyses.topology.vnet(vnet) == nullptr) return Tri::kUnknown;
  return Tri::kFalse;
}

// Subnets --------------------------------------------------------------------------------

FactResult subnet_is_special(const FactContext& context, ResourceIndex subnet) {
  return answer(context.analyses.topology.subnet_is_special(subnet));
}

FactResult subnet_in_spoke(const FactContext& context, ResourceIndex subnet) {
  FactResult result =
      answer(role_is(context, context.analyses.topology.vnet_of_subnet(subnet), VnetRole::kSpoke));
  if (auto vnet = context.analyses.topology.vnet_of_subnet(subnet)) {
    result.related.push_back(related(context, *vnet, "the spoke VNet"));
  }
  return result;
}

FactResult subnet_prefix_outside_vnet(const FactContext& context, ResourceIndex subnet) {
  const auto vnet_index = context.analyses.topology.vnet_of_subnet(subnet);
  const analysis::VnetInfo* vnet =
      vnet_index ? context.analyses.topology.vnet(*vnet_index) : nullptr;
  if (!vnet || context.graph.resource(vnet->index).reference_only) return answer(Tri::kUnknown);
  const SubnetPrefixes& prefixes = context.prefixes_of(subnet);
  FactResult result;
  result.span = prefixes.span;
  for (const analysis::Cidr& cidr : prefixes.cidrs) {
    const bool inside = std::any_of(
        vnet->address_space.begin(), vnet->address_space.end(),
        [&](const analysis::Cidr& space) { return analysis::cidr_contains(space, cidr); });
    if (!inside && vnet->address_space_known) {
      result.value = Value::boolean(true);
      std::string spaces;
      for (const auto& space : vnet->address_space) {
        spaces += (spaces.empty() ? "" : ", ") + space.to_string();
      }
      result.detail = fmt::format("{} is outside the VNet's address space ({})", cidr.to_string(),
                                  spaces.empty() ? "none" : spaces);
      result.related.push_back(related(context, vnet->index, "the VNet and its address space"));
      return result;
    }
  }
  result.value =
      from_tri(prefixes.known && vnet->address_space_known ? Tri::kFalse : Tri::kUnknown);
  return result;
}

// Reported once per pair: at the later subnet, with the earlier one related.
FactResult subnet_overlaps_sibling(const FactContext& context, ResourceIndex subnet) {
  const auto vnet_index = context.analyses.topology.vnet_of_subnet(subnet);
  const analysis::VnetInfo* vnet =
      vnet_index ? context.analyses.topology.vnet(*vnet_index) : nullptr;
  if (!vnet) return answer(Tri::kUnknown);
  const SubnetPrefixes& mine = context.prefixes_of(subnet);
  FactResult result;
  result.span = mine.span;
  bool unknown = !mine.known;
  for (ResourceIndex sibling : vnet->subnets) {
    if (sibling >= subnet) continue;
    const SubnetPrefixes& theirs = context.prefixes_of(sibling);
    if (!theirs.known) unknown = true;
    for (const auto& a : mine.cidrs) {
      for (const auto& b : theirs.cidrs) {
        if (!analysis::cidr_overlaps(a, b)) continue;
        result.value = Value::boolean(true);
        result.detail = fmt::format("{} overlaps {} of subnet '{}'", a.to_string(), b.to_string(),
                                    display_name(context, sibling));
        result.related.push_back(related(context, sibling, "the overlapping subnet"));
        return result;
      }
    }
  }
  result.value = from_tri(unknown ? Tri::kUnknown : Tri::kFalse);
  return result;
}

// The hubs a spoke is peered with that are declared in the estate.
std::vector<ResourceIndex> declared_hubs_of(const FactContext& context, ResourceIndex vnet) {
  std::vector<ResourceIndex> hubs;
  for (ResourceIndex neighbour : context.analyses.topology.neighbours(vnet)) {
    const VnetRole role = context.analyses.topology.role(neighbour);
    if (role == VnetRole::kHub || role == VnetRole::kVirtualWanHub) hubs.push_back(neighbour);
  }
  return hubs;
}

bool peered_with_external(const FactContext& context, ResourceIndex vnet) {
  for (ResourceIndex neighbour : context.analyses.topology.neighbours(vnet)) {
    if (context.analyses.topology.role(neighbour) == VnetRole::kExternal) return true;
  }
  for (const auto& peering_index : context.analyses.topology.vnet(vnet)
                                       ? context.analyses.topology.vnet(vnet)->peerings
                                       : std::vector<ResourceIndex>{}) {
    const auto* peering = context.analyses.topology.peering(peering_index);
    if (peering && peering->remote_known == Tri::kUnknown) return true;
  }
  return false;
}

FactResult subnet_egress_bypasses_firewall(const FactContext& context, ResourceIndex subnet) {
  const analysis::SubnetRouting* routing = context.analyses.routing.subnet(subnet);
  if (!routing) return answer(Tri::kUnknown);
  FactResult result;
  const auto vnet = context.analyses.topology.vnet_of_subnet(subnet);
  std::vector<ResourceIndex> hubs;
  if (vnet) hubs = declared_hubs_of(context, *vnet);
  auto relate_hub_firewalls = [&] {
    for (ResourceIndex hub : hubs) {
      if (const auto* info = context.analyses.topology.vnet(hub)) {
        for (ResourceIndex appliance : info->appliances) {
          result.related.push_back(
              related(context, appliance, "the hub firewall egress should use"));
        }
      }
    }
  };
  if (routing->route_table) {
    result.related.push_back(related(context, *routing->route_table, "the subnet's route table"));
  }
  const source::Span route_span =
      routing->default_route
          ? [&] {
              const graph::Resource& route = context.graph.resource(*routing->default_route);
              const analysis::StringLookup hop =
                  routing->next_hop == NextHop::kUnresolvedIp
                      ? analysis::string_property(route, "properties.nextHopIpAddress")
                      : analysis::string_property(route, "properties.nextHopType");
              return hop.span.valid() ? hop.span : analysis::resource_span(context.graph,
                                                                           *routing->default_route);
            }()
          : source::Span{};
  switch (routing->next_hop) {
    case NextHop::kFirewall:
    case NextHop::kNva: result.value = Value::boolean(false); return result;
    case NextHop::kUnknown:
      result.value = Value::unknown("the subnet's route to 0.0.0.0/0 is not known offline");
      return result;
    case NextHop::kNoRouteTable:
      result.value = Value::boolean(true);
      result.detail = "it has no route table";
      break;
    case NextHop::kNoDefaultRoute:
      result.value = Value::boolean(true);
      result.detail = "its route table has no route for 0.0.0.0/0";
      result.span = routing->route_table_span;
      break;
    case NextHop::kOtherType:
      result.value = Value::boolean(true);
      result.detail =
          fmt::format("its 0.0.0.0/0 route goes to next hop '{}'", routing->next_hop_type);
      result.span = route_span;
      break;
    case NextHop::kUnresolvedIp:
      // An IP that matches no firewall is provably wrong only when the hub is in the estate.
      if (hubs.empty() || (vnet && peered_with_external(context, *vnet))) {
        result.value =
            Value::unknown("the next hop IP may belong to a firewall outside the estate");
        return result;
      }
      result.value = Value::boolean(true);
      result.detail = fmt::format(
          "its 0.0.0.0/0 route goes to {}, which is no firewall or appliance of its hub",
          routing->next_hop_ip.empty() ? "an IP address" : routing->next_hop_ip);
      result.span = route_span;
      break;
  }
  relate_hub_firewalls();
  return result;
}

// GatewaySubnet of a hub with a firewall must send every peered spoke's space to it.
FactResult subnet_gateway_bypasses_firewall(const FactContext& context, ResourceIndex subnet) {
  const graph::Resource& resource = context.graph.resource(subnet);
  if (!value::iequals(analysis::leaf_name(resource), "GatewaySubnet")) return answer(Tri::kFalse);
  const auto vnet_index = context.analyses.topology.vnet_of_subnet(subnet);
  const analysis::VnetInfo* hub =
      vnet_index ? context.analyses.topology.vnet(*vnet_index) : nullptr;
  if (!hub || hub->role != VnetRole::kHub || hub->appliances.empty()) return answer(Tri::kFalse);
  const analysis::SubnetRouting* routing = context.analyses.routing.subnet(subnet);
  if (!routing) return answer(Tri::kUnknown);
  FactResult result;
  for (ResourceIndex appliance : hub->appliances) {
    result.related.push_back(related(context, appliance, "the hub firewall"));
  }
  if (routing->has_route_table == Tri::kUnknown ||
      (routing->route_table && context.graph.resource(*routing->route_table).reference_only)) {
    return answer(Tri::kUnknown);
  }
  bool unknown = false;
  std::vector<std::string> missing;
  for (ResourceIndex neighbour : context.analyses.topology.neighbours(hub->index)) {
    const analysis::VnetInfo* spoke = context.analyses.topology.vnet(neighbour);
    if (!spoke || spoke->role != VnetRole::kSpoke) continue;
    if (!spoke->address_space_known) unknown = true;
    for (const analysis::Cidr& space : spoke->address_space) {
      bool routed = false;
      if (routing->route_table) {
        for (const analysis::RouteInfo& route :
             context.analyses.routing.routes(*routing->route_table)) {
          if (route.prefix_unknown) unknown = true;
          if (!route.prefix || !analysis::cidr_contains(*route.prefix, space)) continue;
          if (route.next_hop == NextHop::kFirewall || route.next_hop == NextHop::kNva)
            routed = true;
          if (route.next_hop == NextHop::kUnknown) unknown = true;
        }
      }
      if (!routed) {
        missing.push_back(space.to_string());
        result.related.push_back(
            related(context, neighbour, "a spoke whose traffic is not inspected"));
      }
    }
  }
  if (!missing.empty()) {
    result.value = Value::boolean(true);
    std::string list;
    for (const auto& item : missing) list += (list.empty() ? "" : ", ") + item;
    result.detail = routing->route_table
                        ? fmt::format("its route table does not send {} to the firewall", list)
                        : fmt::format("it has no route table sending {} to the firewall", list);
    if (routing->route_table) result.span = routing->route_table_span;
    return result;
  }
  result.value = from_tri(unknown ? Tri::kUnknown : Tri::kFalse);
  result.related.clear();
  return result;
}

FactResult subnet_holds_private_endpoints(const FactContext& context, ResourceIndex subnet) {
  FactResult result =
      answer(analysis::tri(!context.analyses.private_access.endpoints_in(subnet).empty()));
  for (ResourceIndex endpoint : context.analyses.private_access.endpoints_in(subnet)) {
    result.related.push_back(related(context, endpoint, "a private endpoint in the subnet"));
  }
  return result;
}

FactResult subnet_name(const FactContext& context, ResourceIndex subnet) {
  const std::string name = analysis::leaf_name(context.graph.resource(subnet));
  FactResult result;
  result.value =
      name.empty() ? Value::unknown("the name is not known offline") : Value::string(name);
  return result;
}

// Virtual networks --------------------------------------------------------------------------

FactResult vnet_role(const FactContext& context, ResourceIndex vnet) {
  const VnetRole role = context.analyses.topology.role(vnet);
  FactResult result;
  result.value = role == VnetRole::kExternal
                     ? Value::unknown("declared outside the estate")
                     : Value::string(std::string(analysis::to_string(role)));
  return result;
}

FactResult vnet_peered_to_hub(const FactContext& context, ResourceIndex vnet) {
  Tri peered = Tri::kFalse;
  for (ResourceIndex neighbour : context.analyses.topology.neighbours(vnet)) {
    peered = analysis::tri_or(peered, is_hubish(context, neighbour));
  }
  if (const analysis::VnetInfo* info = context.analyses.topology.vnet(vnet)) {
    for (ResourceIndex peering_index : info->peerings) {
      const analysis::PeeringInfo* peering = context.analyses.topology.peering(peering_index);
      if (peering && !peering->remote) peered = analysis::tri_or(peered, Tri::kUnknown);
    }
  }
  return answer(peered);
}

FactResult vnet_has_appliance(const FactContext& context, ResourceIndex vnet) {
  const analysis::VnetInfo* info = context.analyses.topology.vnet(vnet);
  if (!info) return answer(Tri::kUnknown);
  return answer(analysis::tri(!info->appliances.empty()));
}

FactResult vnet_holds_public_ips(const FactContext& context, ResourceIndex vnet) {
  const analysis::VnetInfo* info = context.analyses.topology.vnet(vnet);
  if (!info) return answer(Tri::kUnknown);
  FactResult result = answer(analysis::tri(!info->public_ip_holders.empty()));
  for (ResourceIndex holder : info->public_ip_holders) {
    result.related.push_back(related(context, holder, "has a public IP in this VNet"));
  }
  return result;
}

FactResult vnet_has_flow_log(const FactContext& context, ResourceIndex vnet) {
  if (context.flow_log_targets.count(vnet)) return answer(Tri::kTrue);
  return answer(context.flow_logs_unknown ? Tri::kUnknown : Tri::kFalse);
}

// NSGs and their rules ---------------------------------------------------------------------

FactResult nsg_rule_internet_inbound_ports(const FactContext& context, ResourceIndex rule) {
  const analysis::RuleExposure* exposure = context.analyses.exposure.exposure(rule);
  FactResult result;
  if (!exposure) {
    result.value = Value::boolean(false);
    result.ports = analysis::PortSet();
    return result;
  }
  result.span = exposure->ports_span;
  if (exposure->admits_internet == Tri::kFalse) {
    result.value = Value::string("");
    result.ports = analysis::PortSet();
    return result;
  }
  if (exposure->admits_internet == Tri::kUnknown || !exposure->ports) {
    result.value = Value::unknown("the rule's source, access or ports are not known offline");
    return result;
  }
  result.ports = exposure->ports;
  result.value = Value::string(exposure->ports->to_string());
  result.detail =
      exposure->ports->covers_all() ? "all ports" : "ports " + exposure->ports->to_string();
  if (const analysis::RuleInfo* info = context.analyses.exposure.rule(rule); info && info->nsg) {
    result.related.push_back(related(context, *info->nsg, "the network security group"));
  }
  return result;
}

FactResult nsg_attached_to_spoke_subnet(const FactContext& context, ResourceIndex nsg) {
  FactResult result;
  Tri attached = Tri::kFalse;
  for (std::uint32_t edge_index : context.graph.in_edges(nsg)) {
    const graph::Edge& edge = context.graph.edges()[edge_index];
    if (!is_type(context, edge.from, types::kSubnet)) continue;
    if (edge.path.rfind("properties.networkSecurityGroup", 0) != 0) continue;
    const Tri spoke = analysis::tri_and(
        role_is(context, context.analyses.topology.vnet_of_subnet(edge.from), VnetRole::kSpoke),
        analysis::tri_not(context.analyses.topology.subnet_is_special(edge.from)));
    if (spoke == Tri::kTrue) {
      result.related.push_back(related(context, edge.from, "a spoke subnet the NSG protects"));
    }
    attached = analysis::tri_or(attached, spoke);
  }
  result.value = from_tri(attached);
  return result;
}

FactResult nsg_has_deny_all_inbound(const FactContext& context, ResourceIndex nsg) {
  Tri found = Tri::kFalse;
  for (ResourceIndex rule : context.analyses.exposure.rules_of(nsg)) {
    const analysis::RuleInfo* info = context.analyses.exposure.rule(rule);
    if (!info) continue;
    Tri qualifies = analysis::tri_and(info->inbound, analysis::tri_not(info->allow));
    qualifies = analysis::tri_and(qualifies, info->source_is_any_or_vnet);
    qualifies = analysis::tri_and(qualifies, info->destination_is_any);
    qualifies = analysis::tri_and(
        qualifies, info->protocol.empty() ? Tri::kUnknown : analysis::tri(info->protocol == "*"));
    qualifies = analysis::tri_and(
        qualifies, info->ports ? analysis::tri(info->ports->covers_all()) : Tri::kUnknown);
    qualifies = analysis::tri_and(
        qualifies, info->priority ? analysis::tri(*info->priority < 65000) : Tri::kUnknown);
    found = analysis::tri_or(found, qualifies);
  }
  return answer(found);
}

FactResult nsg_has_flow_log(const FactContext& context, ResourceIndex nsg) {
  if (context.flow_log_targets.count(nsg)) return answer(Tri::kTrue);
  // A VNet flow log covers every NSG attached to that VNet's subnets.
  for (std::uint32_t edge_index : context.graph.in_edges(nsg)) {
    const graph::Edge& edge = context.graph.edges()[edge_index];
    if (!is_type(context, edge.from, types::kSubnet)) continue;
    if (auto vnet = context.analyses.topology.vnet_of_subnet(edge.from);
        vnet && context.flow_log_targets.count(*vnet)) {
      return answer(Tri::kTrue);
    }
  }
  return answer(context.flow_logs_unknown ? Tri::kUnknown : Tri::kFalse);
}

// Peerings ---------------------------------------------------------------------------------

// Pairs are reported once: at the peering with the lower index when both sides exist.
bool reported_at_other_side(const analysis::PeeringInfo& peering) {
  return peering.reverse && *peering.reverse != peering.index && *peering.reverse < peering.index;
}

FactResult peering_connects_spokes(const FactContext& context, ResourceIndex index) {
  const analysis::PeeringInfo* peering = context.analyses.topology.peering(index);
  if (!peering || !peering->local) return answer(Tri::kUnknown);
  if (!peering->remote) {
    return answer(peering->remote_known == Tri::kUnknown ? Tri::kUnknown : Tri::kFalse);
  }
  const Tri both = analysis::tri_and(role_is(context, peering->local, VnetRole::kSpoke),
                                     role_is(context, peering->remote, VnetRole::kSpoke));
  if (both == Tri::kTrue && reported_at_other_side(*peering)) return answer(Tri::kFalse);
  FactResult result = answer(both);
  if (both == Tri::kTrue) {
    result.detail =
        fmt::format("'{}' and '{}' are both spokes", display_name(context, *peering->local),
                    display_name(context, *peering->remote));
    if (peering->reverse && *peering->reverse != index) {
      result.related.push_back(related(context, *peering->reverse, "the peering back"));
    }
    result.related.push_back(related(context, *peering->remote, "the remote spoke VNet"));
  }
  return result;
}

// The remote VNet may peer back in a way no offline reading can match: its own peering
// points at a VNet that cannot be known, or at another reference whose name is unknown
// while ours is too (two `existing` declarations of the same hub, named by parameters).
bool remote_may_peer_back(const FactContext& context, const analysis::PeeringInfo& peering) {
  const analysis::VnetInfo* remote = context.analyses.topology.vnet(*peering.remote);
  if (!remote) return false;
  const graph::Resource& local = context.graph.resource(*peering.local);
  const bool local_unnamed = local.reference_only && local.name.identity_key().empty();
  for (ResourceIndex back_index : remote->peerings) {
    const analysis::PeeringInfo* back = context.analyses.topology.peering(back_index);
    if (!back) continue;
    if (!back->remote && back->remote_known == Tri::kUnknown) return true;
    if (back->remote && local_unnamed) {
      const graph::Resource& other = context.graph.resource(*back->remote);
      if (other.reference_only && other.name.identity_key().empty()) return true;
    }
  }
  return false;
}

FactResult peering_one_sided(const FactContext& context, ResourceIndex index) {
  const analysis::PeeringInfo* peering = context.analyses.topology.peering(index);
  if (!peering || !peering->local) return answer(Tri::kUnknown);
  if (!peering->remote) {
    return answer(peering->remote_known == Tri::kUnknown ? Tri::kUnknown : Tri::kFalse);
  }
  const graph::Resource& remote = context.graph.resource(*peering->remote);
  if (remote.reference_only || !value::iequals(remote.type, types::kVirtualNetwork)) {
    return answer(Tri::kFalse);  // the other side is not ours to see
  }
  if (!peering->reverse && remote_may_peer_back(context, *peering)) {
    return answer(Tri::kUnknown);
  }
  FactResult result = answer(analysis::tri(!peering->reverse));
  if (!peering->reverse) {
    result.detail =
        fmt::format("'{}' has no peering back to '{}'", display_name(context, *peering->remote),
                    display_name(context, *peering->local));
    result.related.push_back(
        related(context, *peering->remote, "the remote VNet, without a peering back"));
  }
  return result;
}

FactResult peering_address_overlap(const FactContext& context, ResourceIndex index) {
  const analysis::PeeringInfo* peering = context.analyses.topology.peering(index);
  if (!peering) return answer(Tri::kUnknown);
  if (peering->overlap == Tri::kTrue && reported_at_other_side(*peering))
    return answer(Tri::kFalse);
  FactResult result = answer(peering->overlap);
  if (peering->overlap == Tri::kTrue && peering->remote && peering->local) {
    result.detail = fmt::format("'{}' and '{}' have overlapping address spaces",
                                display_name(context, *peering->local),
                                display_name(context, *peering->remote));
    result.related.push_back(related(context, *peering->local, "the local VNet"));
    result.related.push_back(related(context, *peering->remote, "the remote VNet"));
  }
  return result;
}

// Route tables -----------------------------------------------------------------------------

FactResult route_table_attached_to_spoke_subnet(const FactContext& context, ResourceIndex table) {
  Tri attached = Tri::kFalse;
  FactResult result;
  for (ResourceIndex subnet : context.analyses.routing.subnets_of(table)) {
    const Tri spoke = analysis::tri_and(
        role_is(context, context.analyses.topology.vnet_of_subnet(subnet), VnetRole::kSpoke),
        analysis::tri_not(context.analyses.topology.subnet_is_special(subnet)));
    if (spoke == Tri::kTrue) {
      result.related.push_back(related(context, subnet, "a spoke subnet using the route table"));
    }
    attached = analysis::tri_or(attached, spoke);
  }
  result.value = from_tri(attached);
  return result;
}

// Firewalls --------------------------------------------------------------------------------

FactResult firewall_threat_intel_mode(const FactContext& context, ResourceIndex firewall) {
  const graph::Resource& resource = context.graph.resource(firewall);
  FactResult result;
  const analysis::Target policy =
      analysis::reference_property(context.graph, resource, "properties.firewallPolicy");
  if (policy.present == Tri::kUnknown) {
    result.value = Value::unknown("the firewall policy is not known offline");
    return result;
  }
  if (policy.present == Tri::kTrue) {
    // The policy's mode governs; Azure ignores the firewall's classic setting then.
    if (!policy.index || context.graph.resource(*policy.index).reference_only) {
      result.value = Value::unknown("the firewall policy is declared outside the estate");
      return result;
    }
    const analysis::StringLookup mode = analysis::string_property(
        context.graph.resource(*policy.index), "properties.threatIntelMode");
    result.related.push_back(related(context, *policy.index, "the firewall policy"));
    result.span = mode.span.valid() ? mode.span : policy.span;
    if (mode.present == Tri::kUnknown) {
      result.value = Value::unknown("the policy's threat-intelligence mode is not known offline");
    } else {
      result.value = Value::string(mode.present == Tri::kTrue ? mode.text : "Alert");
    }
    return result;
  }
  const analysis::StringLookup mode =
      analysis::string_property(resource, "properties.threatIntelMode");
  result.span = mode.span;
  if (mode.present == Tri::kUnknown) {
    result.value = Value::unknown("the threat-intelligence mode is not known offline");
  } else {
    result.value = Value::string(mode.present == Tri::kTrue ? mode.text : "Alert");
  }
  return result;
}

FactResult firewall_policy_used(const FactContext& context, ResourceIndex policy) {
  FactResult result;
  Tri used = Tri::kFalse;
  for (std::uint32_t edge_index : context.graph.in_edges(policy)) {
    const graph::Edge& edge = context.graph.edges()[edge_index];
    if (is_type(context, edge.from, types::kFirewall)) {
      used = Tri::kTrue;
      result.related.push_back(related(context, edge.from, "a firewall using the policy"));
    }
  }
  result.value = from_tri(used);
  return result;
}

// Bastion and VMs -------------------------------------------------------------------------

FactResult bastion_in_bastion_subnet(const FactContext& context, ResourceIndex bastion) {
  auto subnet = context.analyses.topology.subnet_of(bastion);
  if (!subnet) return answer(Tri::kUnknown);
  const std::string name = analysis::leaf_name(context.graph.resource(*subnet));
  if (name.empty()) return answer(Tri::kUnknown);
  FactResult result = answer(analysis::tri(value::iequals(name, "AzureBastionSubnet")));
  result.related.push_back(related(context, *subnet, "the Bastion host's subnet"));
  return result;
}

// "The estate has VMs but no Bastion": reported once, at the first VM.
FactResult vm_estate_without_bastion(const FactContext& context, ResourceIndex vm) {
  if (!context.bastions.empty()) return answer(Tri::kFalse);
  if (context.virtual_machines.empty() || context.virtual_machines.front() != vm) {
    return answer(Tri::kFalse);
  }
  // A VM in a spoke peered to a hub known only by ID may be served by a Bastion there.
  for (ResourceIndex any_vm : context.virtual_machines) {
    for (std::uint32_t edge_index : context.graph.out_edges(any_vm)) {
      const graph::Edge& edge = context.graph.edges()[edge_index];
      if (!is_type(context, edge.to, types::kNetworkInterface)) continue;
      auto subnet = context.analyses.topology.subnet_of(edge.to);
      auto vnet = subnet ? context.analyses.topology.vnet_of_subnet(*subnet) : std::nullopt;
      if (!vnet || peered_with_external(context, *vnet)) return answer(Tri::kUnknown);
    }
  }
  FactResult result = answer(Tri::kTrue);
  result.detail = fmt::format("the estate has {} virtual machine(s) and no Azure Bastion host",
                              context.virtual_machines.size());
  return result;
}

FactResult nic_attached_to_vm(const FactContext& context, ResourceIndex nic) {
  FactResult result;
  for (std::uint32_t edge_index : context.graph.in_edges(nic)) {
    const graph::Edge& edge = context.graph.edges()[edge_index];
    if (is_type(context, edge.from, types::kVirtualMachine)) {
      result.value = Value::boolean(true);
      result.related.push_back(related(context, edge.from, "the virtual machine"));
      return result;
    }
  }
  result.value = Value::boolean(false);
  return result;
}

FactResult nic_in_spoke(const FactContext& context, ResourceIndex nic) {
  auto subnet = context.analyses.topology.subnet_of(nic);
  if (!subnet) {
    const analysis::Lookup refs = analysis::lookup(
        context.graph.resource(nic), "properties.ipConfigurations.*.properties.subnet");
    return answer(refs.values.empty() && !refs.unknown ? Tri::kFalse : Tri::kUnknown);
  }
  return answer(analysis::tri_and(
      role_is(context, context.analyses.topology.vnet_of_subnet(*subnet), VnetRole::kSpoke),
      analysis::tri_not(context.analyses.topology.subnet_is_special(*subnet))));
}

FactResult nic_has_asg(const FactContext& context, ResourceIndex nic) {
  const analysis::Lookup groups =
      analysis::lookup(context.graph.resource(nic),
                       "properties.ipConfigurations.*.properties.applicationSecurityGroups");
  Tri has = Tri::kFalse;
  for (const Value* v : groups.values) {
    if (v->is_list() && !v->as_list().empty()) has = Tri::kTrue;
    if (!v->is_list() && !v->is_null()) has = analysis::tri_or(has, Tri::kUnknown);
  }
  if (groups.unknown) has = analysis::tri_or(has, Tri::kUnknown);
  return answer(has);
}

// Private access ---------------------------------------------------------------------------

FactResult paas_has_private_endpoint(const FactContext& context, ResourceIndex resource) {
  FactResult result = answer(context.analyses.private_access.has_private_endpoint(resource));
  for (ResourceIndex endpoint : context.analyses.private_access.endpoints_of(resource)) {
    result.related.push_back(related(context, endpoint, "a private endpoint to the resource"));
  }
  return result;
}

// Public network access of a PaaS resource: publicNetworkAccess (default Enabled) and, for
// types that have one, a network ACL default action (Deny closes it).
FactResult paas_public_network_access_open(const FactContext& context, ResourceIndex index) {
  const graph::Resource& resource = context.graph.resource(index);
  FactResult result;
  const analysis::StringLookup access =
      analysis::string_property(resource, "properties.publicNetworkAccess");
  result.span = access.span;
  if (access.present == Tri::kUnknown) {
    result.value = Value::unknown("publicNetworkAccess is not known offline");
    return result;
  }
  if (access.present == Tri::kTrue && value::iequals(access.text, "Disabled")) {
    result.value = Value::boolean(false);
    return result;
  }
  // Types whose firewall has a default action; the others have no such gate.
  static constexpr std::array<std::string_view, 2> kAclPaths = {
      "properties.networkAcls.defaultAction", "properties.networkRuleSet.defaultAction"};
  const bool has_acl = value::iequals(resource.type, "Microsoft.Storage/storageAccounts") ||
                       value::iequals(resource.type, "Microsoft.KeyVault/vaults") ||
                       value::iequals(resource.type, "Microsoft.ContainerRegistry/registries") ||
                       value::iequals(resource.type, "Microsoft.EventHub/namespaces") ||
                       value::iequals(resource.type, "Microsoft.ServiceBus/namespaces");
  if (has_acl) {
    for (std::string_view path : kAclPaths) {
      const analysis::StringLookup action = analysis::string_property(resource, path);
      if (action.present == Tri::kUnknown) {
        result.value = Value::unknown("the network ACL default action is not known offline");
        return result;
      }
      if (action.present == Tri::kTrue) {
        if (value::iequals(action.text, "Deny")) {
          result.value = Value::boolean(false);
          return result;
        }
        if (!result.span.valid()) result.span = action.span;
        break;
      }
    }
  }
  result.value = Value::boolean(true);
  result.detail = access.present == Tri::kTrue ? "public network access is " + access.text
                                               : "public network access is enabled by default";
  return result;
}

FactResult private_endpoint_has_dns_zone_group(const FactContext& context, ResourceIndex endpoint) {
  const analysis::EndpointInfo* info = context.analyses.private_access.endpoint(endpoint);
  return answer(info ? info->has_dns_zone_group : Tri::kUnknown);
}

// Storage defaults changed with API versions: anonymous blob access is off by default from
// 2023-01-01 on, and was on before.
FactResult storage_blob_public_access(const FactContext& context, ResourceIndex account) {
  const graph::Resource& resource = context.graph.resource(account);
  FactResult result;
  const analysis::Lookup found = analysis::lookup(resource, "properties.allowBlobPublicAccess");
  if (const Value* v = found.first(); v && !v->is_null()) {
    result.span = v->span();
    result.value = v->is_bool() ? *v : Value::unknown("allowBlobPublicAccess is not known offline");
    return result;
  }
  if (found.unknown) return answer(Tri::kUnknown);
  const bool modern = !resource.api_version.empty() && resource.api_version >= "2023-01-01";
  result.value = Value::boolean(!modern);
  result.detail = modern ? "" : "allowBlobPublicAccess defaults to true before API 2023-01-01";
  return result;
}

constexpr FactDefinition kFacts[] = {
    {"bastion.in_bastion_subnet", "a Bastion host sits in a subnet named AzureBastionSubnet",
     &bastion_in_bastion_subnet},
    {"firewall.threat_intel_mode",
     "the firewall's effective threat-intelligence mode (its policy's when it has one; default "
     "Alert)",
     &firewall_threat_intel_mode},
    {"firewall_policy.used", "some Azure Firewall in the estate uses this policy",
     &firewall_policy_used},
    {"nic.attached_to_vm", "a virtual machine uses this network interface", &nic_attached_to_vm},
    {"nic.has_asg", "an IP configuration of the NIC is in an application security group",
     &nic_has_asg},
    {"nic.in_spoke", "the NIC sits in a non-special subnet of a spoke VNet", &nic_in_spoke},
    {"nsg.attached_to_spoke_subnet", "the NSG is attached to a non-special subnet of a spoke",
     &nsg_attached_to_spoke_subnet},
    {"nsg.has_deny_all_inbound",
     "an inbound Deny from */VirtualNetwork to * on all ports and protocols, priority < 65000",
     &nsg_has_deny_all_inbound},
    {"nsg.has_flow_log", "an enabled NSG or VNet flow log covers the NSG", &nsg_has_flow_log},
    {"nsg_rule.internet_inbound_ports",
     "the destination ports an inbound Allow rule opens to the Internet, after higher-priority "
     "Deny rules",
     &nsg_rule_internet_inbound_ports},
    {"paas.has_private_endpoint", "a private endpoint targets the resource",
     &paas_has_private_endpoint},
    {"paas.public_network_access_open",
     "public network access is not Disabled and no network ACL default action Deny closes it",
     &paas_public_network_access_open},
    {"peering.address_overlap", "the two peered VNets' address spaces overlap (once per pair)",
     &peering_address_overlap},
    {"peering.connects_spokes", "the peering connects two spokes (once per pair)",
     &peering_connects_spokes},
    {"peering.one_sided", "the remote VNet is in the estate and has no peering back",
     &peering_one_sided},
    {"private_endpoint.has_dns_zone_group", "the private endpoint has a private DNS zone group",
     &private_endpoint_has_dns_zone_group},
    {"route_table.attached_to_spoke_subnet",
     "the route table is attached to a non-special subnet of a spoke",
     &route_table_attached_to_spoke_subnet},
    {"storage.blob_public_access", "anonymous blob access is allowed (API-version default)",
     &storage_blob_public_access},
    {"subnet.egress_bypasses_firewall",
     "the subnet's 0.0.0.0/0 traffic does not go to a firewall or NVA of its hub",
     &subnet_egress_bypasses_firewall},
    {"subnet.gateway_bypasses_firewall",
     "a hub's GatewaySubnet does not route every peered spoke's space to the hub firewall",
     &subnet_gateway_bypasses_firewall},
    {"subnet.holds_private_endpoints", "private endpoints are placed in the subnet",
     &subnet_holds_private_endpoints},
    {"subnet.in_spoke", "the subnet's VNet is a spoke", &subnet_in_spoke},
    {"subnet.is_special",
     "GatewaySubnet, AzureFirewallSubnet, AzureFirewallManagementSubnet, RouteServerSubnet or "
     "AzureBastionSubnet",
     &subnet_is_special},
    {"subnet.name", "the subnet's own name (last segment)", &subnet_name},
    {"subnet.overlaps_sibling", "the subnet's prefix overlaps an earlier subnet of its VNet",
     &subnet_overlaps_sibling},
    {"subnet.prefix_outside_vnet", "a prefix of the subnet is outside its VNet's address space",
     &subnet_prefix_outside_vnet},
    {"vm.estate_without_bastion",
     "the estate has VMs and no Bastion host (answered at the first VM only)",
     &vm_estate_without_bastion},
    {"vnet.has_appliance", "the VNet holds an Azure Firewall or NVA", &vnet_has_appliance},
    {"vnet.has_flow_log", "an enabled VNet flow log covers the VNet", &vnet_has_flow_log},
    {"vnet.holds_public_ips", "a public IP is attached to something in the VNet's subnets",
     &vnet_holds_public_ips},
    {"vnet.peered_to_hub", "the VNet is peered with a hub (declared, Virtual WAN, or by ID only)",
     &vnet_peered_to_hub},
    {"vnet.role", "hub, spoke, virtual-wan-hub or none (unknown for VNets outside the estate)",
     &vnet_role},
};

}  // namespace

FactContext::FactContext(const graph::ResourceGraph& graph_in,
                         const analysis::Analyses& analyses_in)
    : graph(graph_in), analyses(analyses_in) {
  for (ResourceIndex index : graph.of_type("Microsoft.Network/networkWatchers/flowLogs")) {
    if (graph.canonical(index) != index || graph.resource(index).reference_only) continue;
    const graph::Resource& flow_log = graph.resource(index);
    const Tri enabled = analysis::bool_property(flow_log, "properties.enabled", true);
    const analysis::Target target =
        analysis::reference_property(graph, flow_log, "properties.targetResourceId");
    if (enabled == Tri::kUnknown || target.present == Tri::kUnknown ||
        (target.present == Tri::kTrue && !target.index)) {
      flow_logs_unknown = true;
      continue;
    }
    if (enabled == Tri::kTrue && target.index) flow_log_targets.insert(*target.index);
  }
  for (ResourceIndex index : graph.of_type(types::kBastion)) {
    if (graph.canonical(index) == index && !graph.resource(index).reference_only) {
      bastions.push_back(index);
    }
  }
  for (ResourceIndex index : graph.of_type(types::kVirtualMachine)) {
    if (graph.canonical(index) == index && !graph.resource(index).reference_only) {
      virtual_machines.push_back(index);
    }
  }
  for (ResourceIndex index : graph.of_type(types::kSubnet)) {
    subnet_prefixes.emplace(index, read_subnet_prefixes(graph.resource(index)));
  }
}

const SubnetPrefixes& FactContext::prefixes_of(ResourceIndex subnet) const {
  // Every subnet of the graph is read in the constructor; anything else declares none.
  static const SubnetPrefixes kNone{{}, false, {}};
  const auto it = subnet_prefixes.find(subnet);
  return it != subnet_prefixes.end() ? it->second : kNone;
}

std::span<const FactDefinition> fact_table() {
  return kFacts;
}

const FactDefinition* find_fact(std::string_view name) {
  for (const FactDefinition& fact : kFacts) {
    if (fact.name == name) return &fact;
  }
  return nullptr;
}

}  // namespace ztlint::policy
