// Every analysis of one run, computed once over the linked graph for policies to read.
#pragma once

#include "analysis/exposure.h"
#include "analysis/private_access.h"
#include "analysis/routing.h"
#include "analysis/topology.h"
#include "graph/resource_graph.h"

namespace ztlint::analysis {

// Immutable after analyse(); safe to read from several threads. Refers to the graph it was
// computed over, which must outlive it.
struct Analyses {
  const graph::ResourceGraph* graph = nullptr;
  Topology topology;
  Routing routing;
  Exposure exposure;
  PrivateAccess private_access;
};

// Each analysis runs in time linear in the graph (hash indexes, no pairwise loops).
Analyses analyse(const graph::ResourceGraph& graph);

}  // namespace ztlint::analysis
