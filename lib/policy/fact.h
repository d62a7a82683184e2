// Derived facts: named questions about a resource that the analyses answer, for policies
// to select, filter and word (`fact: subnet.is_special`).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analysis/analyses.h"
#include "analysis/cidr.h"
#include "analysis/port_set.h"
#include "graph/resource_graph.h"
#include "policy/finding.h"

namespace ztlint::policy {

// The prefixes a subnet declares (addressPrefix and addressPrefixes).
struct SubnetPrefixes {
  std::vector<analysis::Cidr> cidrs;
  bool known = true;  // false when one of them is unknown or not a CIDR
  source::Span span;  // the first one written
};

// What facts read: the graph, its analyses, and a few estate-wide indexes built once.
struct FactContext {
  FactContext(const graph::ResourceGraph& graph, const analysis::Analyses& analyses);

  const graph::ResourceGraph& graph;
  const analysis::Analyses& analyses;
  // Resources covered by an enabled flow log (VNets and NSGs); `flow_logs_unknown` when a
  // flow log's target or state cannot be known offline.
  std::unordered_set<graph::ResourceIndex> flow_log_targets;
  bool flow_logs_unknown = false;
  std::vector<graph::ResourceIndex> bastions;
  std::vector<graph::ResourceIndex> virtual_machines;  // declared VMs, in graph order
  // Every subnet's prefixes, read once: overlap checks compare each subnet with each sibling.
  std::unordered_map<graph::ResourceIndex, SubnetPrefixes> subnet_prefixes;

  const SubnetPrefixes& prefixes_of(graph::ResourceIndex subnet) const;
};

// A fact's answer about one resource.
struct FactResult {
  // A bool, string, number or list; Unknown when it cannot be known offline.
  value::Value value;
  // For port facts: the ports (nullopt when unknown).
  std::optional<analysis::PortSet> ports;
  // Where the fact is written, when one attribute explains it (a finding may point here).
  source::Span span;
  // Words for the message's {detail} placeholder.
  std::string detail;
  // Resources that explain the answer (the hub firewall a route bypasses).
  std::vector<RelatedLocation> related;
};

using FactFunction = FactResult (*)(const FactContext& context, graph::ResourceIndex subject);

// One entry of the fact table.
struct FactDefinition {
  std::string_view name;         // "subnet.is_special"
  std::string_view description;  // one line, for policy authors
  FactFunction compute;
};

// The fact table, sorted by name.
std::span<const FactDefinition> fact_table();
const FactDefinition* find_fact(std::string_view name);

}  // namespace ztlint::policy
