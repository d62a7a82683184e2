// A Terraform resource or data source instance after evaluation, still in azurerm shape.
#pragma once

#include <string>

#include "source/text_range.h"
#include "value/value.h"

namespace ztlint::terraform {

// What the evaluator hands to the azurerm→ARM mapping: one instance of one resource block
// (count/for_each already expanded), its arguments evaluated.
struct EvaluatedResource {
  bool is_data_source = false;  // `data "azurerm_x" "y"`
  std::string type;             // "azurerm_subnet"
  // Estate-unique address: `module.spoke["a"].azurerm_subnet.this[0]`; data sources carry
  // their `data.` prefix. An instance whose key cannot be known ends in `[*]`.
  std::string address;
  // Arguments by name in Terraform shape: attributes as values (span = the whole
  // `name = expr` attribute), nested blocks as a list of maps under the block type name
  // (span of each map = the block), dynamic blocks expanded like static ones.
  // References to computed attributes of other resources are value::Ref with `target` the
  // referenced instance's address and `path` the Terraform attribute path ({"id"},
  // {"ip_configuration", "0", "private_ip_address"}); references to configured attributes
  // evaluate to the configured value.
  value::Value arguments;
  source::Span range;  // the resource block
  // Major version of the azurerm provider the module declares (required_providers version
  // constraint, e.g. "~> 3.100" → 3), or 0 when it declares none; picks version-dependent
  // defaults.
  int azurerm_major_version = 0;
};

}  // namespace ztlint::terraform
