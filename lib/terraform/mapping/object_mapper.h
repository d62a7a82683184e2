// Applies one table Object (fields, blocks, defaults) to Terraform arguments.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "source/text_range.h"
#include "terraform/mapping/object_builder.h"
#include "terraform/mapping/type_table.h"
#include "value/value.h"

namespace ztlint::terraform::mapping {

// The provider major version whose defaults apply: 0 (not declared) and 4+ → 4, else 3.
int effective_major(int declared);

// Maps `arguments` (a Terraform-shaped map) into `out` below `prefix`, then writes the
// Object's defaults for `major` where nothing was mapped, with `defaults_span`.
void map_object(const Object& spec, const value::Value& arguments, ObjectBuilder& out,
                const std::vector<std::string>& prefix, source::Span defaults_span, int major);

// Rewrites Refs inside `value` whose Terraform attribute path the table knows into the ARM
// path of the referenced resource (`ip_configuration.0.private_ip_address` of a firewall →
// `properties.ipConfigurations.0.properties.privateIPAddress`). Targets never change.
value::Value translate_refs(const value::Value& value);

// The ARM path of an attribute of an azurerm type; nullopt when the table cannot tell (and
// for `id` and `name`, which stay as they are).
std::optional<std::vector<std::string>> arm_path_of(std::string_view azurerm_type,
                                                    std::span<const std::string> terraform_path);

// The azurerm type named by a resource address (`module.a["x"].azurerm_subnet.app[0]` →
// `azurerm_subnet`); empty when the address names none.
std::string_view type_of_address(std::string_view address);

}  // namespace ztlint::terraform::mapping
