// Which NSG inbound rules admit traffic from the Internet, on which ports, once rule
// priority is honoured (a higher-priority Deny shadows a later Allow).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/port_set.h"
#include "analysis/tristate.h"
#include "graph/resource_graph.h"

namespace ztlint::analysis {

// An NSG security rule as written (ARM property names), its fields decoded.
struct RuleInfo {
  graph::ResourceIndex rule = 0;
  std::optional<graph::ResourceIndex> nsg;
  Tri inbound = Tri::kUnknown;
  Tri allow = Tri::kUnknown;
  std::optional<double> priority;          // nullopt when unknown
  std::string protocol;                    // lower case; "*" when absent; empty when unknown
  Tri source_is_internet = Tri::kUnknown;  // Internet, *, Any, 0.0.0.0/0, ::/0 among sources
  // Source is "anything in or out of the VNet" (`*`, Any, VirtualNetwork, 0.0.0.0/0).
  Tri source_is_any_or_vnet = Tri::kUnknown;
  Tri destination_is_any = Tri::kUnknown;
  std::optional<PortSet> ports;  // destination ports; nullopt when unknown
};

// The exposure of one inbound Allow rule to the Internet.
struct RuleExposure {
  // kTrue: an inbound Allow from the Internet; kUnknown: cannot tell.
  Tri admits_internet = Tri::kFalse;
  // Destination ports the rule admits from the Internet once higher-priority Deny rules
  // are taken away; nullopt when unknown.
  std::optional<PortSet> ports;
  source::Span ports_span;  // where the destination ports are written
};

// Computed once per run; immutable afterwards.
class Exposure {
 public:
  static Exposure compute(const graph::ResourceGraph& graph);

  const RuleInfo* rule(graph::ResourceIndex index) const;
  const RuleExposure* exposure(graph::ResourceIndex rule) const;
  // The rules of an NSG, by priority.
  const std::vector<graph::ResourceIndex>& rules_of(graph::ResourceIndex nsg) const;

  // Source / port decoding, for tests and for facts.
  static Tri is_internet_source(const value::Value& prefix);

 private:
  std::unordered_map<graph::ResourceIndex, RuleInfo> rules_;
  std::unordered_map<graph::ResourceIndex, RuleExposure> exposures_;
  std::unordered_map<graph::ResourceIndex, std::vector<graph::ResourceIndex>> by_nsg_;
};

}  // namespace ztlint::analysis
