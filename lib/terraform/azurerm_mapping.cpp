// Lowering one evaluated azurerm/azapi instance through the mapping table.
#include "terraform/azurerm_mapping.h"

#include <string>
#include <vector>

#include "graph/resource_id.h"
#include "terraform/mapping/azapi.h"
#include "terraform/mapping/object_builder.h"
#include "terraform/mapping/object_mapper.h"
#include "terraform/mapping/type_table.h"

namespace ztlint::terraform {

using value::Value;

namespace {

// The resource's own name: a string, or Unknown (a name computed by another resource is
// not known offline either).
Value own_name(const Value& arguments, source::Span range) {
  const Value* name = arguments.get("name");
  if (!name || name->is_null()) return Value::unknown("the resource has no name", range);
  if (name->is_ref()) return Value::unknown("the name is computed at deployment", name->span());
  return *name;
}

// Sets `name` (full ARM name where it can be known) and `parent` for child types.
void name_resource(const mapping::TypeMapping& row, const Value& arguments,
                   graph::Resource& lowered) {
  Value name = own_name(arguments, lowered.range);
  if (!row.parent_name_argument.empty()) {
    // "account_name/pool_name": one argument per ancestor, outermost first.
    std::string prefix;
    bool known = true;
    bool given = false;
    const Value* single = nullptr;
    for (const auto& argument : mapping::split_path_segments(row.parent_name_argument)) {
      const Value* parent = arguments.get(argument);
      single = parent;
      given = given || (parent && !parent->is_null());
      if (parent && parent->is_string()) {
        prefix += parent->as_string() + "/";
      } else {
        known = false;
      }
    }
    const bool one_parent = row.parent_name_argument.find('/') == std::string_view::npos;
    if (!given) {
      // Named through parent_id_argument instead (azurerm 4.x *_id arguments), or invalid.
    } else if (known && name.is_string()) {
      name = Value::string(prefix + name.as_string(), name.span());
    } else if (one_parent && single && single->is_ref()) {
      // The linker composes the full name from the parent it points at.
      lowered.parent = Value::ref(value::Ref{single->as_ref().target, {}}, single->span());
    } else if (!known && name.is_string()) {
      name = Value::unknown("the parent's name is not known", name.span());
    }
  }
  if (!row.parent_id_argument.empty()) {
    const Value* parent = arguments.get(row.parent_id_argument);
    if (parent && parent->is_string()) {
      lowered.parent = *parent;
      if (auto parts = graph::parse_resource_id(parent->as_string()); parts && name.is_string()) {
        name = Value::string(parts->name + "/" + name.as_string(), name.span());
      }
    } else if (parent && parent->is_ref()) {
      lowered.parent = Value::ref(value::Ref{parent->as_ref().target, {}}, parent->span());
    } else if (parent && !parent->is_null() && name.is_string()) {
      name = Value::unknown("the parent's name is not known", name.span());
    }
  }
  lowered.name = std::move(name);
}

void lower_association(const EvaluatedResource& resource, const mapping::TypeMapping& row,
                       graph::Fragment& out) {
  const Value* target = resource.arguments.get(row.association->target_argument);
  // Only a reference or an ID names the associated resource.
  if (!target || !(target->is_ref() || target->is_string())) return;
  mapping::ObjectBuilder builder(resource.range);
  mapping::map_object(*row.body, resource.arguments, builder, {}, resource.range,
                      mapping::effective_major(resource.azurerm_major_version));
  const Value value = builder.get(mapping::split_path(row.association->value_path));
  if (value.is_null()) return;
  graph::Patch patch;
  patch.target = *target;
  patch.path = mapping::split_path(row.association->patch_path);
  patch.value = value.with_span(resource.range);
  patch.append = row.association->append;
  patch.origin_address = resource.address;
  patch.origin_range = resource.range;
  out.patches.push_back(std::move(patch));
}

// Nested blocks that ARM models as child resources (a private endpoint's DNS zone group).
void lower_child_blocks(const EvaluatedResource& resource, const mapping::TypeMapping& row,
                        int major, graph::Fragment& out) {
  for (const auto& child : row.children) {
    const Value* blocks = resource.arguments.get(child.block);
    if (!blocks || !blocks->is_list()) continue;
    std::size_t position = 0;
    for (const auto& item : blocks->as_list()) {
      const std::size_t index = position++;
      if (!item.is_map()) continue;
      graph::Resource lowered;
      lowered.name = own_name(item, item.span());
      // Addressed like the children the graph splits out of inline arrays.
      const std::string_view type_segment = child.arm_type.substr(child.arm_type.rfind('/') + 1);
      lowered.address =
          resource.address + "/" + std::string(type_segment) + "/" +
          (lowered.name.is_string() ? lowered.name.as_string() : std::to_string(index));
      lowered.type = std::string(child.arm_type);
      lowered.source_type = resource.type;
      lowered.range = item.span();
      lowered.language = graph::Language::kTerraform;
      lowered.parent = Value::ref(value::Ref{resource.address, {}}, item.span());
      mapping::ObjectBuilder body(item.span());
      mapping::map_object(*child.body, item, body, {}, item.span(), major);
      lowered.body = body.build();
      out.resources.push_back(std::move(lowered));
    }
  }
}

// A type the table does not map (random_string, azurerm_monitor_diagnostic_setting...):
// it still reaches the graph under its own Terraform type, so its references become edges
// and the file counts as read. No policy names such a type, so none judges it.
void lower_unmapped(const EvaluatedResource& resource, graph::Fragment& out) {
  graph::Resource lowered;
  lowered.address = resource.address;
  lowered.type = resource.type;
  lowered.source_type = resource.type;
  lowered.range = resource.range;
  lowered.language = graph::Language::kTerraform;
  lowered.reference_only = resource.is_data_source;
  const Value* name = resource.arguments.get("name");
  lowered.name = name && name->is_string() ? *name : Value::unknown("no name", resource.range);
  lowered.body = resource.is_data_source
                     ? Value::unknown("a data source's properties are read from its provider",
                                      resource.range)
                     : resource.arguments;
  out.resources.push_back(std::move(lowered));
}

}  // namespace

std::string_view arm_type_of(std::string_view azurerm_type) {
  const mapping::TypeMapping* row = mapping::find_type(azurerm_type);
  return row ? row->arm_type : std::string_view{};
}

void lower_to_arm(const EvaluatedResource& resource, graph::Fragment& out,
                  source::Diagnostics& diagnostics) {
  if (mapping::is_azapi_type(resource.type)) {
    mapping::lower_azapi(resource, out, diagnostics);
    return;
  }
  const mapping::TypeMapping* row = mapping::find_type(resource.type);
  if (!row) {
    lower_unmapped(resource, out);
    return;
  }
  if (row->association) {
    if (!resource.is_data_source) lower_association(resource, *row, out);
    return;
  }
  const int major = mapping::effective_major(resource.azurerm_major_version);

  graph::Resource lowered;
  lowered.address = resource.address;
  lowered.type = std::string(row->arm_type);
  lowered.source_type = resource.type;
  lowered.range = resource.range;
  lowered.language = graph::Language::kTerraform;
  lowered.reference_only = resource.is_data_source;
  name_resource(*row, resource.arguments, lowered);

  if (resource.is_data_source) {
    // Read from Azure at plan time: nothing about it is known offline, and the provider's
    // creation defaults say nothing about an existing resource.
    lowered.body = Value::unknown("a data source's properties are read from Azure", resource.range);
    out.resources.push_back(std::move(lowered));
    return;
  }
  mapping::ObjectBuilder body(resource.range);
  mapping::map_object(mapping::common_object(), resource.arguments, body, {}, resource.range,
                      major);
  mapping::map_object(*row->body, resource.arguments, body, {}, resource.range, major);
  if (row->post) row->post(resource, body);
  lowered.body = body.build();
  out.resources.push_back(std::move(lowered));
  lower_child_blocks(resource, *row, major, out);
}

}  // namespace ztlint::terraform
