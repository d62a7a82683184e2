// Entry point of the Terraform plan front end: `terraform show -json` output into the graph.
#pragma once

#include <string_view>
#include <vector>

#include "graph/fragment.h"
#include "source/diagnostic.h"
#include "source/source_set.h"

namespace ztlint::terraform_plan {

// True when the JSON text is a Terraform plan or state rendering (`format_version` and
// `terraform_version` near the top, with planned_values or resource_changes).
bool looks_like_plan(std::string_view text);

// Reads plans: every resource instance of resource_changes (planned_values when a plan has
// none), except those being deleted, with `after` as its arguments and `after_unknown` as
// Unknown. Where a value is unknown until apply (a new resource's `id`), the plan's
// configuration section says which resource the expression references; that becomes a
// Ref, so associations and routes link as they do from .tf files. Resources are lowered
// through the same azurerm→ARM mapping as .tf files, addressed as the plan addresses them
// (`module.spoke["a"].azurerm_subnet.this[0]`), and point at their entry in the plan.
// Files that are not plans are left alone.
void load(source::SourceSet& sources, const std::vector<source::FileId>& json_files,
          graph::Fragment& out, source::Diagnostics& diagnostics);

}  // namespace ztlint::terraform_plan
