// Checking an estate against a set of policies: the findings of one run.
#pragma once

#include <vector>

#include "estate/estate.h"
#include "graph/resource_graph.h"
#include "policy/finding.h"
#include "policy/policy_set.h"

namespace ztlint::policy {

struct EvaluationOptions {
  // Also report "cannot verify" findings (severity info) where Unknown blocked a verdict.
  bool strict = false;
  unsigned jobs = 0;  // threads judging policies; 0: one per core. Results do not depend on it.
};

// Findings in a deterministic order: by file path, position, rule id, resource address.
std::vector<Finding> evaluate(const estate::Estate& estate, const PolicySet& policies,
                              const EvaluationOptions& options);

// The same over a bare linked graph (tests, tools without files): ordered by file id and
// position instead of path.
std::vector<Finding> evaluate_graph(const graph::ResourceGraph& graph, const PolicySet& policies,
                                    const EvaluationOptions& options);

}  // namespace ztlint::policy
