#include "graph/resource_graph.h"

#include <fmt/format.h>

#include <algorithm>

#include "graph/resource_id.h"

namespace ztlint::graph {

namespace {

constexpr int kMaxParentDepth = 64;

// The parent type of a child type: "A/b/c" -> "A/b"; empty for a top-level type.
std::string_view parent_type_of(std::string_view type) {
  const auto first = type.find('/');
  const auto last = type.rfind('/');
  if (first == std::string_view::npos || first == last) return {};
  return type.substr(0, last);
}

// Later declarations win property by property: what a second deployment of the same
// resource sets is what Azure ends up with.
value::Value merge_declarations(const value::Value& base, const value::Value& overlay) {
  if (!base.is_map() || !overlay.is_map()) return overlay;
  value::Map merged = base.as_map();
  for (const auto& [key, item] : overlay.as_map()) {
    bool replaced = false;
    for (auto& [existing_key, existing] : merged) {
      if (value::iequals(existing_key, key)) {
        existing = merge_declarations(existing, item);
        replaced = true;
        break;
      }
    }
    if (!replaced) merged.emplace_back(key, item);
  }
  return value::Value::map(std::move(merged), base.span());
}

// ARM and Bicep deploy by PUT: declaring a resource again in another template (the way an
// NSG is attached from a separate template) updates the same resource.
bool redeploys(Language language) {
  return language == Language::kArm || language == Language::kBicep;
}

}  // namespace

std::string ResourceGraph::type_key(std::string_view type) {
  return value::to_lower(type);
}

std::string ResourceGraph::type_name_key(std::string_view type, const value::Value& name) {
  const std::string name_key = name.identity_key();
  if (name_key.empty()) return {};
  return value::to_lower(type) + '|' + name_key;
}

ResourceIndex ResourceGraph::add(Resource resource) {
  resources_.push_back(std::move(resource));
  return static_cast<ResourceIndex>(resources_.size() - 1);
}

void ResourceGraph::add_patch(Patch patch) {
  patches_.push_back(std::move(patch));
}

std::span<const ResourceIndex> ResourceGraph::of_type(std::string_view type) const {
  if (auto it = by_type_.find(type_key(type)); it != by_type_.end()) return it->second;
  return {};
}

std::optional<ResourceIndex> ResourceGraph::find(std::string_view type,
                                                 const value::Value& name) const {
  const std::string key = type_name_key(type, name);
  if (key.empty()) return std::nullopt;
  auto it = by_type_name_.find(key);
  if (it == by_type_name_.end() || it->second.empty()) return std::nullopt;
  for (ResourceIndex index : it->second) {
    if (!resources_[index].reference_only) return index;
  }
  return it->second.front();
}

std::optional<ResourceIndex> ResourceGraph::find_address(std::string_view address) const {
  if (auto it = by_address_.find(std::string(address)); it != by_address_.end()) return it->second;
  return std::nullopt;
}

std::optional<ResourceIndex> ResourceGraph::resolve(const value::Value& reference) const {
  if (reference.is_ref()) {
    if (auto index = find_address(reference.as_ref().target)) return canonical_[*index];
    return std::nullopt;
  }
  if (reference.is_string()) {
    auto parts = parse_resource_id(reference.as_string());
    if (!parts) return std::nullopt;
    if (auto index = find(parts->type, value::Value::string(parts->name))) {
      return canonical_[*index];
    }
    return std::nullopt;
  }
  if (reference.is_map()) {
    if (const value::Value* id = reference.get("id")) return resolve(*id);
  }
  return std::nullopt;
}

std::optional<ResourceIndex> ResourceGraph::parent(ResourceIndex index) const {
  return parent_[index];
}

std::span<const ResourceIndex> ResourceGraph::children(ResourceIndex index) const {
  return children_[index];
}

std::span<const std::uint32_t> ResourceGraph::out_edges(ResourceIndex index) const {
  return out_edges_[index];
}

std::span<const std::uint32_t> ResourceGraph::in_edges(ResourceIndex index) const {
  return in_edges_[index];
}

void ResourceGraph::index_names(std::vector<std::string>& keys) {
  by_type_.clear();
  by_type_name_.clear();
  keys.assign(resources_.size(), std::string());
  for (ResourceIndex i = 0; i < resources_.size(); ++i) {
    const Resource& resource = resources_[i];
    by_type_[type_key(resource.type)].push_back(i);
    keys[i] = type_name_key(resource.type, resource.name);
    if (!keys[i].empty()) by_type_name_[keys[i]].push_back(i);
  }
}

void ResourceGraph::reindex_names(const std::vector<ResourceIndex>& renamed,
                                  std::vector<std::string>& keys) {
  // Each key's list stays in index order, as index_names builds it.
  for (ResourceIndex i : renamed) {
    std::string key = type_name_key(resources_[i].type, resources_[i].name);
    if (key == keys[i]) continue;
    if (!keys[i].empty()) {
      const auto old = by_type_name_.find(keys[i]);
      std::erase(old->second, i);
      if (old->second.empty()) by_type_name_.erase(old);
    }
    if (!key.empty()) {
      std::vector<ResourceIndex>& now = by_type_name_[key];
      now.insert(std::lower_bound(now.begin(), now.end(), i), i);
    }
    keys[i] = std::move(key);
  }
}

std::optional<ResourceIndex> ResourceGraph::resolve_id_string(const std::string& id,
                                                              bool create_external) {
  auto parts = parse_resource_id(id);
  if (!parts) return std::nullopt;
  const value::Value name = value::Value::string(parts->name);
  if (auto index = find(parts->type, name)) return *index;
  if (!create_external) return std::nullopt;
  // Referenced by ID only (a hub owned by another team): it exists, properties unknown.
  Resource external;
  external.address = id;
  external.type = parts->type;
  external.source_type = parts->type;
  external.name = name;
  external.body = value::Value::unknown("declared outside the estate");
  external.reference_only = true;
  external.language = Language::kArm;
  const ResourceIndex index = add(std::move(external));
  canonical_.push_back(index);
  parent_.emplace_back();
  by_address_.emplace(id, index);
  by_type_[type_key(parts->type)].push_back(index);
  by_type_name_[type_name_key(parts->type, name)].push_back(index);
  return index;
}

std::optional<ResourceIndex> ResourceGraph::resolve_for_link(const value::Value& reference) {
  if (reference.is_ref()) {
    if (auto it = by_address_.find(reference.as_ref().target); it != by_address_.end()) {
      return canonical_[it->second];
    }
    return std::nullopt;
  }
  if (reference.is_string()) {
    if (auto index = resolve_id_string(reference.as_string(), true)) return canonical_[*index];
    return std::nullopt;
  }
  if (reference.is_map()) {
    if (const value::Value* id = reference.get("id")) return resolve_for_link(*id);
  }
  return std::nullopt;
}

void ResourceGraph::compose_name(ResourceIndex index, int depth,
                                 std::vector<ResourceIndex>& renamed) {
  Resource& resource = resources_[index];
  if (depth > kMaxParentDepth || resource.parent.is_null()) return;
  std::optional<ResourceIndex> parent_index;
  if (resource.parent.is_ref()) {
    if (auto it = by_address_.find(resource.parent.as_ref().target); it != by_address_.end()) {
      parent_index = it->second;
    }
  } else if (resource.parent.is_string()) {
    parent_index = resolve_id_string(resource.parent.as_string(), false);
  }
  if (!parent_index || *parent_index == index) return;
  compose_name(*parent_index, depth + 1, renamed);
  const Resource& parent = resources_[*parent_index];
  parent_[index] = *parent_index;
  renamed.push_back(index);  // its name may change below: re-indexing looks
  // A child written with only its own segment gets the parent's name in front.
  if (resource.name.is_string() && parent.name.is_string() &&
      resource.name.as_string().find('/') == std::string::npos) {
    resource.name = value::Value::string(parent.name.as_string() + "/" + resource.name.as_string(),
                                         resource.name.span());
  } else if (!resource.name.is_string()) {
    resource.name = value::Value::unknown("the child's name is not known", resource.name.span());
  } else if (!parent.name.is_string() && resource.name.as_string().find('/') == std::string::npos) {
    // Under a parent named by a deployment-stable expression the child's name is stable too,
    // so two declarations of the same child still meet in the index.
    if (parent.name.is_unknown() && !parent.name.as_unknown().symbol.empty()) {
      resource.name = value::Value::symbolic(
          "the parent's name is known only at deployment",
          parent.name.as_unknown().symbol + "/" + resource.name.as_string(), resource.name.span());
    } else {
      resource.name = value::Value::unknown("the parent's name is not known", resource.name.span());
    }
  }
}

void ResourceGraph::collect_edges(ResourceIndex from, const value::Value& value,
                                  std::string& path) {
  auto add_edge = [&](ResourceIndex to) {
    if (to == canonical_[from]) return;
    edges_.push_back(Edge{canonical_[from], to, path, value.span()});
  };
  switch (value.kind()) {
    case value::Value::Kind::kRef:
      if (auto to = resolve_for_link(value)) add_edge(*to);
      break;
    case value::Value::Kind::kString:
      if (looks_like_resource_id(value.as_string())) {
        if (auto to = resolve_for_link(value)) add_edge(*to);
      }
      break;
    case value::Value::Kind::kList: {
      const std::size_t base = path.size();
      std::size_t position = 0;
      for (const auto& item : value.as_list()) {
        path += fmt::format("{}{}", base ? "." : "", position++);
        collect_edges(from, item, path);
        path.resize(base);
      }
      break;
    }
    case value::Value::Kind::kMap: {
      const std::size_t base = path.size();
      for (const auto& [key, item] : value.as_map()) {
        if (base) path += '.';
        path += key;
        collect_edges(from, item, path);
        path.resize(base);
      }
      break;
    }
    default: break;
  }
}

void ResourceGraph::link(source::Diagnostics& diagnostics) {
  if (linked_) return;
  const std::size_t declared_count = resources_.size();
  canonical_.resize(declared_count);
  parent_.assign(declared_count, std::nullopt);
  for (ResourceIndex i = 0; i < declared_count; ++i) {
    canonical_[i] = i;
    auto [it, inserted] = by_address_.emplace(resources_[i].address, i);
    if (!inserted) {
      diagnostics.push_back(source::Diagnostic{
          source::DiagnosticKind::kEvaluation,
          fmt::format("duplicate resource address '{}' (first declared elsewhere); the later "
                      "declaration is linted on its own",
                      resources_[i].address),
          resources_[i].range,
          {}});
    }
  }

  // Parents first: child names are composed from them, and names key the index.
  std::vector<std::string> name_keys;
  index_names(name_keys);
  std::vector<ResourceIndex> renamed;
  for (ResourceIndex i = 0; i < declared_count; ++i) compose_name(i, 0, renamed);
  reindex_names(renamed, name_keys);
  // Top-level children written as "vnet/subnet" find their parent by type and name prefix.
  for (ResourceIndex i = 0; i < declared_count; ++i) {
    if (parent_[i] || !resources_[i].parent.is_null()) continue;
    const std::string_view parent_type = parent_type_of(resources_[i].type);
    if (parent_type.empty() || !resources_[i].name.is_string()) continue;
    const std::string& full = resources_[i].name.as_string();
    const auto slash = full.rfind('/');
    if (slash == std::string::npos) continue;
    if (auto parent = find(parent_type, value::Value::string(full.substr(0, slash)))) {
      parent_[i] = *parent;
    }
  }

  // A template that declares a resource again updates it: fold the later declaration into
  // the first, which then stands for both.
  for (auto& [key, indexes] : by_type_name_) {
    std::optional<ResourceIndex> first;
    for (ResourceIndex candidate : indexes) {
      Resource& resource = resources_[candidate];
      if (resource.reference_only || !redeploys(resource.language)) continue;
      if (!first) {
        first = candidate;
        continue;
      }
      Resource& kept = resources_[*first];
      kept.body = merge_declarations(kept.body, resource.body);
      resource.reference_only = true;
    }
  }

  // A data source / `existing` resource stands for the one declared resource it names.
  // One pass per (type, name) group: many files may each name the same hub resource.
  for (const auto& [key, indexes] : by_type_name_) {
    std::optional<ResourceIndex> only;
    int declared = 0;
    for (ResourceIndex candidate : indexes) {
      if (!resources_[candidate].reference_only) {
        only = candidate;
        ++declared;
      }
    }
    if (declared != 1) continue;
    for (ResourceIndex candidate : indexes) {
      if (candidate < declared_count && resources_[candidate].reference_only) {
        canonical_[candidate] = *only;
      }
    }
  }
  for (ResourceIndex i = 0; i < declared_count; ++i) {
    if (parent_[i]) parent_[i] = canonical_[*parent_[i]];
  }

  for (Patch& patch : patches_) {
    auto target = resolve_for_link(patch.target);
    if (!target) continue;
    Resource& resource = resources_[*target];
    if (!resource.body.is_map() && !resource.body.is_null()) continue;  // external: unknown
    value::Value to_set = patch.value;
    if (patch.append) {
      value::List items;
      if (const value::Value* existing = resource.body.find_path(patch.path);
          existing && existing->is_list()) {
        items = existing->as_list();
      }
      items.push_back(patch.value);
      to_set = value::Value::list(std::move(items), patch.origin_range);
    }
    resource.body = resource.body.with_path(patch.path, std::move(to_set));
  }

  children_.assign(resources_.size(), {});
  for (ResourceIndex i = 0; i < parent_.size(); ++i) {
    if (parent_[i]) children_[*parent_[i]].push_back(i);
  }

  std::string path;
  const std::size_t with_externals = resources_.size();
  for (ResourceIndex i = 0; i < with_externals; ++i) {
    path.clear();
    // A copy: resolving an ID may add an external resource and move resources_.
    const value::Value body = resources_[i].body;
    collect_edges(i, body, path);
    if (parent_[i]) {
      edges_.push_back(Edge{canonical_[i], *parent_[i], "parent", resources_[i].parent.span()});
    }
  }
  // External resources made while collecting edges need their per-index slots too.
  canonical_.resize(resources_.size());
  parent_.resize(resources_.size());
  children_.resize(resources_.size());
  out_edges_.assign(resources_.size(), {});
  in_edges_.assign(resources_.size(), {});
  for (std::uint32_t e = 0; e < edges_.size(); ++e) {
    out_edges_[edges_[e].from].push_back(e);
    in_edges_[edges_[e].to].push_back(e);
  }
  linked_ = true;
}

}  // namespace ztlint::graph
