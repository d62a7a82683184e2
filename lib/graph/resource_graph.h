// The estate as one graph: resources of every language, linked by references.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/patch.h"
#include "graph/resource.h"
#include "source/diagnostic.h"

namespace ztlint::graph {

using ResourceIndex = std::uint32_t;

// A reference from one resource's body (or parent link) to another resource, labelled by
// the property path that holds it ("properties.networkSecurityGroup.id", or "parent").
struct Edge {
  ResourceIndex from = 0;
  ResourceIndex to = 0;
  std::string path;
  source::Span span;  // where the reference is written
};

// Owns the resources of one run. Built single-threaded: add() and add_patch() for every
// resource, then link() once; after link() it is immutable and safe to read from any
// thread. Lookups by type and name are case-insensitive, as Azure compares them.
class ResourceGraph {
 public:
  ResourceIndex add(Resource resource);
  void add_patch(Patch patch);

  // Resolves parents (composing child names), aliases reference-only resources to the one
  // declared resource of the same type and name, applies patches, turns Refs and ID strings
  // into edges (an ID naming nothing declared becomes an external reference-only resource),
  // and builds the indexes. Duplicate addresses are reported to `diagnostics`.
  void link(source::Diagnostics& diagnostics);

  std::size_t size() const { return resources_.size(); }
  const Resource& resource(ResourceIndex index) const { return resources_[index]; }
  const std::vector<Resource>& resources() const { return resources_; }

  // Every resource of the type, in the order added (declared and reference-only).
  std::span<const ResourceIndex> of_type(std::string_view type) const;
  // The resource with this type and full name: the declared one when there is one.
  std::optional<ResourceIndex> find(std::string_view type, const value::Value& name) const;
  std::optional<ResourceIndex> find_address(std::string_view address) const;
  // What a Ref, an ARM ID string, or a map holding `id` points at, through aliases.
  std::optional<ResourceIndex> resolve(const value::Value& reference) const;
  // A reference-only resource that names a declared one stands for it; others are their own.
  ResourceIndex canonical(ResourceIndex index) const { return canonical_[index]; }

  std::optional<ResourceIndex> parent(ResourceIndex index) const;
  std::span<const ResourceIndex> children(ResourceIndex index) const;

  std::span<const Edge> edges() const { return edges_; }
  // Indexes into edges() of the edges leaving / entering a resource (canonical indexes).
  std::span<const std::uint32_t> out_edges(ResourceIndex index) const;
  std::span<const std::uint32_t> in_edges(ResourceIndex index) const;

  bool linked() const { return linked_; }

 private:
  static std::string type_key(std::string_view type);
  static std::string type_name_key(std::string_view type, const value::Value& name);
  std::optional<ResourceIndex> resolve_id_string(const std::string& id, bool create_external);
  std::optional<ResourceIndex> resolve_for_link(const value::Value& reference);
  // Composes a child's full name from its parent's; notes in `renamed` whom it renamed.
  void compose_name(ResourceIndex index, int depth, std::vector<ResourceIndex>& renamed);
  // Indexes every resource by type and by type and name; `keys` gets each one's name key.
  void index_names(std::vector<std::string>& keys);
  // Moves the renamed resources to their new name keys.
  void reindex_names(const std::vector<ResourceIndex>& renamed, std::vector<std::string>& keys);
  void collect_edges(ResourceIndex from, const value::Value& value, std::string& path);

  std::vector<Resource> resources_;
  std::vector<Patch> patches_;
  std::vector<ResourceIndex> canonical_;
  std::vector<std::optional<ResourceIndex>> parent_;
  std::vector<std::vector<ResourceIndex>> children_;
  std::vector<Edge> edges_;
  std::vector<std::vector<std::uint32_t>> out_edges_;
  std::vector<std::vector<std::uint32_t>> in_edges_;
  std::unordered_map<std::string, ResourceIndex> by_address_;
  std::unordered_map<std::string, std::vector<ResourceIndex>> by_type_;
  std::unordered_map<std::string, std::vector<ResourceIndex>> by_type_name_;
  bool linked_ = false;
};

}  // namespace ztlint::graph
