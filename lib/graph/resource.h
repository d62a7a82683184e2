// A resource of the estate, in ARM type and property shape whatever language declared it.
#pragma once

#include <string>
#include <vector>

#include "graph/language.h"
#include "source/text_range.h"
#include "value/value.h"

namespace ztlint::graph {

// A declared (or referenced) Azure resource. Front ends build these; the ResourceGraph owns
// them after ResourceGraph::add. Plain data: no invariants beyond the field comments.
struct Resource {
  // Estate-unique, language-native address: `azurerm_subnet.app["web"]`,
  // `module.spoke["a"].azurerm_subnet.this`, an ARM template's `Microsoft.Network/
  // virtualNetworks/subnets/hub/app` prefixed by its file, a Bicep symbolic name.
  // An instance whose repetition key cannot be known ends in `[*]`.
  std::string address;
  // Canonical ARM type, e.g. "Microsoft.Network/virtualNetworks/subnets". Compared
  // case-insensitively.
  std::string type;
  // The type as the user wrote it ("azurerm_subnet", "Microsoft.Network/virtualNetworks").
  std::string source_type;
  std::string api_version;
  // Full ARM name: "hub/app" for a subnet of VNet "hub". A string, a symbolic Unknown, or
  // Unknown. For child resources whose parent is given by `parent` (Terraform, Bicep
  // `parent:`), front ends may give only the last segment and set `parent`; the linker
  // then composes the full name.
  value::Value name;
  // Ref (or ARM ID string) of the parent resource for a child type; null otherwise.
  value::Value parent;
  // The resource body in ARM shape: a map with `properties`, `sku`, `location`, `tags`,
  // `kind`, `zones`, `identity`, ... Property names follow the ARM REST API.
  value::Value body;
  // The declaring block: what a finding about the resource as a whole points at.
  source::Span range;
  Language language = Language::kTerraform;
  // Not declared here: a Terraform data source, a Bicep `existing` resource, or a resource
  // known only by an ID. Its properties are unknown unless it aliases a declared resource.
  bool reference_only = false;
};

}  // namespace ztlint::graph
