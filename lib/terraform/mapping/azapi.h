// azapi_resource: an ARM type and body written directly, passed through to the graph.
#pragma once

#include "graph/fragment.h"
#include "source/diagnostic.h"
#include "terraform/evaluated_resource.h"

namespace ztlint::terraform::mapping {

// True for the azapi types lower_azapi handles (resource and data source).
bool is_azapi_type(std::string_view type);

// `type = "Microsoft.Network/virtualNetworks@2023-05-01"` gives the ARM type and API
// version, `body` (a map, or a jsonencode()d string) the ARM body with `name`, `location`
// and `tags` merged in, `parent_id` the parent of a child type. A body that is not JSON is
// reported and left Unknown. azapi_update_resource becomes patches on the resource it
// updates (`resource_id`, or `parent_id` + `name`), one per property its body sets.
void lower_azapi(const EvaluatedResource& resource, graph::Fragment& out,
                 source::Diagnostics& diagnostics);

}  // namespace ztlint::terraform::mapping
