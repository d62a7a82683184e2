// The azurerm/azapi → ARM mapping: Terraform resources into ARM-shaped graph resources.
#pragma once

#include "graph/fragment.h"
#include "source/diagnostic.h"
#include "terraform/evaluated_resource.h"

namespace ztlint::terraform {

// Lowers one evaluated instance into `out`: zero or more graph::Resources in ARM type and
// property shape, and Patches for association resources (which fold into the resource
// they associate, keeping their own span). azapi_resource passes its ARM type and body
// through. Types the table does not know keep their Terraform type and arguments (no policy
// judges them, but their references still link). Never throws on user input.
void lower_to_arm(const EvaluatedResource& resource, graph::Fragment& out,
                  source::Diagnostics& diagnostics);

// The ARM type an azurerm type maps to ("" when not in the table); for data sources too.
std::string_view arm_type_of(std::string_view azurerm_type);

}  // namespace ztlint::terraform
