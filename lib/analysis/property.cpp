#include "analysis/property.h"

namespace ztlint::analysis {

namespace {

void walk(const value::Value& current, const std::vector<std::string_view>& segments,
          std::size_t position, Lookup& out) {
  if (current.is_unknown()) {
    out.unknown = true;
    return;
  }
  if (position == segments.size()) {
    out.values.push_back(&current);
    return;
  }
  const std::string_view segment = segments[position];
  if (current.is_list()) {
    const auto& items = current.as_list();
    if (segment == "*") {
      for (const auto& item : items) walk(item, segments, position + 1, out);
      return;
    }
    std::size_t index = 0;
    for (char c : segment) {
      if (c < '0' || c > '9') return;
      index = index * 10 + static_cast<std::size_t>(c - '0');
    }
    if (!segment.empty() && index < items.size()) walk(items[index], segments, position + 1, out);
    return;
  }
  if (current.is_map()) {
    if (const value::Value* next = current.get(segment)) walk(*next, segments, position + 1, out);
  }
}

}  // namespace

Lookup lookup(const value::Value& root, std::string_view dotted) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  while (start <= dotted.size() && !dotted.empty()) {
    const auto dot = dotted.find('.', start);
    segments.push_back(dotted.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  Lookup out;
  walk(root, segments, 0, out);
  return out;
}

Tri bool_property(const graph::Resource& resource, std::string_view dotted, bool default_value) {
  const Lookup found = lookup(resource, dotted);
  if (const value::Value* v = found.first()) {
    if (v->is_bool()) return tri(v->as_bool());
    if (v->is_null()) return tri(default_value);
    if (v->is_string()) {
      if (value::iequals(v->as_string(), "true")) return Tri::kTrue;
      if (value::iequals(v->as_string(), "false")) return Tri::kFalse;
    }
    return Tri::kUnknown;
  }
  return found.unknown ? Tri::kUnknown : tri(default_value);
}

StringLookup string_property(const graph::Resource& resource, std::string_view dotted) {
  StringLookup out;
  const Lookup found = lookup(resource, dotted);
  if (const value::Value* v = found.first()) {
    out.span = v->span();
    if (v->is_string()) {
      out.present = Tri::kTrue;
      out.text = v->as_string();
    } else if (v->is_number()) {
      out.present = Tri::kTrue;
      out.text = v->to_display();
    } else if (!v->is_null()) {
      out.present = Tri::kUnknown;
    }
    return out;
  }
  out.present = found.unknown ? Tri::kUnknown : Tri::kFalse;
  return out;
}

std::string leaf_name(const graph::Resource& resource) {
  if (!resource.name.is_string()) return {};
  const std::string& name = resource.name.as_string();
  const auto slash = name.rfind('/');
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

Target reference_property(const graph::ResourceGraph& graph, const graph::Resource& resource,
                          std::string_view dotted) {
  Target out;
  const Lookup found = lookup(resource, dotted);
  const value::Value* v = found.first();
  if (!v) {
    out.present = found.unknown ? Tri::kUnknown : Tri::kFalse;
    return out;
  }
  out.span = v->span();
  if (v->is_null()) return out;
  const value::Value* id = v->is_map() ? v->get("id") : v;
  if (!id || id->is_null()) {
    // `{id: <unknown>}` written as a map whose id is missing: nothing is referenced.
    out.present = (v->is_map() && !v->is_wholly_known()) ? Tri::kUnknown : Tri::kFalse;
    return out;
  }
  if (id->is_unknown()) {
    out.present = Tri::kUnknown;
    return out;
  }
  out.present = Tri::kTrue;
  out.index = graph.resolve(*id);
  return out;
}

source::Span resource_span(const graph::ResourceGraph& graph, graph::ResourceIndex index) {
  for (int depth = 0; depth < 8; ++depth) {
    const graph::Resource& resource = graph.resource(index);
    if (resource.range.valid()) return resource.range;
    auto parent = graph.parent(index);
    if (!parent) break;
    index = *parent;
  }
  return graph.resource(index).range;
}

}  // namespace ztlint::analysis
