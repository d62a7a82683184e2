#include "analysis/analyses.h"

namespace ztlint::analysis {

Analyses analyse(const graph::ResourceGraph& graph) {
  Analyses analyses;
  analyses.graph = &graph;
  analyses.topology = Topology::compute(graph);
  analyses.routing = Routing::compute(graph, analyses.topology);
  analyses.exposure = Exposure::compute(graph);
  analyses.private_access = PrivateAccess::compute(graph);
  return analyses;
}

}  // namespace ztlint::analysis
