// Turning inline arrays (VNet subnets, NSG rules, routes) into child resources.
#pragma once

#include "graph/fragment.h"

namespace ztlint::graph {

// ARM lets a parent carry children inline (`properties.subnets[]` of a VNet,
// `properties.securityRules[]` of an NSG, `properties.routes[]` of a route table,
// `properties.virtualNetworkPeerings[]`), and Terraform has inline blocks that the mapping
// lowers to the same arrays. This moves every such item out into a child resource of the
// same shape as the stand-alone form (type "<parent type>/subnets", name "<parent>/<item>",
// parent = Ref to the parent, range = the item as written), and removes the array from the
// parent's body, so policies see one form whatever the language. Items that are not
// objects, and arrays that are Unknown, are left where they are.
void explode_inline_children(Fragment& fragment);

}  // namespace ztlint::graph
