// A property that one resource sets on another: how association resources fold in.
#pragma once

#include <string>
#include <vector>

#include "source/text_range.h"
#include "value/value.h"

namespace ztlint::graph {

// `azurerm_subnet_network_security_group_association` becomes a Patch that sets the
// subnet's `properties.networkSecurityGroup` to {id: Ref(nsg)}. The linker applies patches
// after every resource is known, so the association may sit in another file or module.
// The value keeps the association's span, so a finding about it points there.
struct Patch {
  value::Value target;              // Ref or ARM ID string of the resource to patch
  std::vector<std::string> path;    // where to set, e.g. {"properties", "networkSecurityGroup"}
  value::Value value;               // what to set
  // When set, `value` is appended to the list at `path` instead of replacing it
  // (NIC ↔ ASG associations, several per NIC).
  bool append = false;
  std::string origin_address;       // the association resource's own address
  source::Span origin_range;        // the association's declaring block
};

}  // namespace ztlint::graph
