// A mutable tree that the mapping fills path by path before freezing it into a value::Value.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "source/text_range.h"
#include "value/value.h"

namespace ztlint::terraform::mapping {

// Builds one ARM object (a resource body, or one item of a block list). Maps created along
// a path take the span of the object being built (the resource or block it comes from);
// stored values keep their own spans. Single-threaded, owned by one lowering call.
class ObjectBuilder {
 public:
  explicit ObjectBuilder(source::Span span);
  ObjectBuilder(ObjectBuilder&&) noexcept;
  ObjectBuilder& operator=(ObjectBuilder&&) noexcept;
  ~ObjectBuilder();

  // Stores `value` at the dotted path (replacing what was there).
  void set(std::span<const std::string> path, value::Value value);
  // Removes what is stored at the path, if anything.
  void erase(std::span<const std::string> path);
  // Makes sure a map exists at the path; a new one takes `span`.
  void ensure_map(std::span<const std::string> path, source::Span span);
  // True when something was stored at or below the path, or the path lies below a value
  // that is not a map (an Unknown object hides what it would hold).
  bool has(std::span<const std::string> path) const;
  // The value stored at the path (frozen), or a null Value when absent.
  value::Value get(std::span<const std::string> path) const;

  value::Value build() const;
  source::Span span() const { return span_; }

 private:
  struct Node;
  Node* descend(std::span<const std::string> path, source::Span span);

  source::Span span_;
  std::unique_ptr<Node> root_;
};

// "properties.addressSpace.addressPrefixes" → {"properties", "addressSpace", ...}.
std::vector<std::string> split_path(std::string_view dotted);
// "account_name/pool_name" → {"account_name", "pool_name"}.
std::vector<std::string> split_path_segments(std::string_view slashed);

}  // namespace ztlint::terraform::mapping
