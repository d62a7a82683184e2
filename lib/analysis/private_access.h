// Which private endpoints target which PaaS resources, and their private DNS zone groups.
#pragma once

#include <optional>
#include <unordered_map>
#include <vector>

#include "analysis/tristate.h"
#include "graph/resource_graph.h"

namespace ztlint::analysis {

struct EndpointInfo {
  graph::ResourceIndex endpoint = 0;
  std::vector<graph::ResourceIndex> targets;  // resolved PaaS resources
  bool target_unknown = false;                // a connection's target cannot be known or resolved
  Tri has_dns_zone_group = Tri::kFalse;
  std::optional<graph::ResourceIndex> subnet;
};

// Computed once per run; immutable afterwards.
class PrivateAccess {
 public:
  static PrivateAccess compute(const graph::ResourceGraph& graph);

  const EndpointInfo* endpoint(graph::ResourceIndex index) const;
  // The private endpoints targeting a resource.
  const std::vector<graph::ResourceIndex>& endpoints_of(graph::ResourceIndex target) const;
  // kTrue when some endpoint targets the resource; kUnknown when none provably does but an
  // endpoint's target cannot be known; kFalse otherwise.
  Tri has_private_endpoint(graph::ResourceIndex target) const;
  // The private endpoints placed in a subnet.
  const std::vector<graph::ResourceIndex>& endpoints_in(graph::ResourceIndex subnet) const;

 private:
  std::unordered_map<graph::ResourceIndex, EndpointInfo> endpoints_;
  std::unordered_map<graph::ResourceIndex, std::vector<graph::ResourceIndex>> by_target_;
  std::unordered_map<graph::ResourceIndex, std::vector<graph::ResourceIndex>> by_subnet_;
  bool any_target_unknown_ = false;
};

}  // namespace ztlint::analysis
