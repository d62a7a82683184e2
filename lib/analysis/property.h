// Reading ARM properties of a resource with three-valued answers: present, absent, unknown.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/tristate.h"
#include "graph/resource.h"
#include "graph/resource_graph.h"
#include "value/value.h"

namespace ztlint::analysis {

// The values found at a dotted path below a value. A `*` segment steps into every item of
// a list ("properties.ipConfigurations.*.properties.subnet"). `unknown` is set when an
// Unknown stood in the way (the answer may be incomplete), so absence is not proven.
struct Lookup {
  std::vector<const value::Value*> values;
  bool unknown = false;
  // The first value, or nullptr.
  const value::Value* first() const { return values.empty() ? nullptr : values.front(); }
};

Lookup lookup(const value::Value& root, std::string_view dotted);
inline Lookup lookup(const graph::Resource& resource, std::string_view dotted) {
  return lookup(resource.body, dotted);
}

// A boolean property with its documented default when absent; unknown when not knowable.
Tri bool_property(const graph::Resource& resource, std::string_view dotted, bool default_value);

// The string at a path (case kept), or nullopt-like empty with `known` false.
struct StringLookup {
  Tri present = Tri::kFalse;  // kUnknown when the value cannot be known offline
  std::string text;
  source::Span span;
};
StringLookup string_property(const graph::Resource& resource, std::string_view dotted);

// The last segment of a resource's name ("snet-app" of "vnet-hub/snet-app"); empty when the
// name is not a known string.
std::string leaf_name(const graph::Resource& resource);

// The resource a reference-holding property points at, through the graph's aliases.
struct Target {
  Tri present = Tri::kFalse;  // the property holds a reference (kUnknown: cannot tell)
  std::optional<graph::ResourceIndex> index;  // when it resolves
  source::Span span;
};
Target reference_property(const graph::ResourceGraph& graph, const graph::Resource& resource,
                          std::string_view dotted);

// The span to show for a resource: its declaring range, or its parent's when it has none.
source::Span resource_span(const graph::ResourceGraph& graph, graph::ResourceIndex index);

}  // namespace ztlint::analysis
