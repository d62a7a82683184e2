#include "analysis/private_access.h"

#include <algorithm>

#include "analysis/arm_types.h"
#include "analysis/property.h"

namespace ztlint::analysis {

namespace {
using graph::ResourceIndex;
}  // namespace

PrivateAccess PrivateAccess::compute(const graph::ResourceGraph& graph) {
  PrivateAccess access;
  for (ResourceIndex index : graph.of_type(types::kPrivateEndpoint)) {
    if (graph.canonical(index) != index || graph.resource(index).reference_only) continue;
    const graph::Resource& resource = graph.resource(index);
    EndpointInfo info;
    info.endpoint = index;
    for (std::string_view path : {"properties.privateLinkServiceConnections",
                                  "properties.manualPrivateLinkServiceConnections"}) {
      const Lookup connections = lookup(resource, path);
      if (connections.unknown) info.target_unknown = true;
      const Lookup ids = lookup(resource, std::string(path) + ".*.properties.privateLinkServiceId");
      if (ids.unknown) info.target_unknown = true;
      for (const value::Value* id : ids.values) {
        auto target = graph.resolve(*id);
        if (target) {
          if (std::find(info.targets.begin(), info.targets.end(), *target) == info.targets.end()) {
            info.targets.push_back(*target);
          }
        } else {
          info.target_unknown = true;
        }
      }
    }
    // Zone groups: ARM child resources, or written inline by a front end.
    const Lookup inline_groups = lookup(resource, "properties.privateDnsZoneGroups");
    if (const value::Value* groups = inline_groups.first();
        groups && groups->is_list() && !groups->as_list().empty()) {
      info.has_dns_zone_group = Tri::kTrue;
    } else if (inline_groups.unknown) {
      info.has_dns_zone_group = Tri::kUnknown;
    }
    for (ResourceIndex child : graph.children(index)) {
      if (value::iequals(graph.resource(child).type, types::kPrivateDnsZoneGroup)) {
        info.has_dns_zone_group = Tri::kTrue;
      }
    }
    const Target subnet = reference_property(graph, resource, "properties.subnet");
    info.subnet = subnet.index;
    if (info.subnet) access.by_subnet_[*info.subnet].push_back(index);
    for (ResourceIndex target : info.targets) access.by_target_[target].push_back(index);
    if (info.target_unknown) access.any_target_unknown_ = true;
    access.endpoints_.emplace(index, std::move(info));
  }
  // Zone groups declared on their own, pointing at their endpoint by parent.
  for (ResourceIndex index : graph.of_type(types::kPrivateDnsZoneGroup)) {
    if (auto parent = graph.parent(index)) {
      if (auto it = access.endpoints_.find(*parent); it != access.endpoints_.end()) {
        it->second.has_dns_zone_group = Tri::kTrue;
      }
    }
  }
  return access;
}

const EndpointInfo* PrivateAccess::endpoint(ResourceIndex index) const {
  auto it = endpoints_.find(index);
  return it == endpoints_.end() ? nullptr : &it->second;
}

const std::vector<ResourceIndex>& PrivateAccess::endpoints_of(ResourceIndex target) const {
  static const std::vector<ResourceIndex> kNone;
  auto it = by_target_.find(target);
  return it == by_target_.end() ? kNone : it->second;
}

Tri PrivateAccess::has_private_endpoint(ResourceIndex target) const {
  if (!endpoints_of(target).empty()) return Tri::kTrue;
  return any_target_unknown_ ? Tri::kUnknown : Tri::kFalse;
}

const std::vector<ResourceIndex>& PrivateAccess::endpoints_in(ResourceIndex subnet) const {
  static const std::vector<ResourceIndex> kNone;
  auto it = by_subnet_.find(subnet);
  return it == by_subnet_.end() ? kNone : it->second;
}

}  // namespace ztlint::analysis
