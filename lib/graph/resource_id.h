// Parsing and formatting ARM resource IDs (/subscriptions/.../providers/Type/name/...).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ztlint::graph {

// The provider part of an ARM resource ID, which is what identifies a resource within an
// estate: "Microsoft.Network/virtualNetworks/subnets" and "hub/app". Segments before
// `providers/` (subscription, resource group) are kept as written, possibly symbolic.
struct ResourceIdParts {
  std::string type;            // full type, child segments joined with '/'
  std::string name;            // full name, segments joined with '/'
  std::string resource_group;  // empty when the ID does not name one
  std::string subscription;    // empty when the ID does not name one
};

// Parses an ID of the form [/subscriptions/S][/resourceGroups/G]/providers/NS/T/N[/T2/N2...].
// Extension resources (…/providers/X/y/providers/NS/T/N) yield the innermost resource.
// Resource groups and subscriptions themselves parse as types
// "Microsoft.Resources/resourceGroups" and "Microsoft.Resources/subscriptions".
std::optional<ResourceIdParts> parse_resource_id(std::string_view id);

// True when the text looks like an ARM resource ID (starts with /subscriptions/ or
// /providers/, case-insensitive).
bool looks_like_resource_id(std::string_view text);

}  // namespace ztlint::graph
