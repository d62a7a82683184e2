#include "terraform/mapping/object_builder.h"

#include <optional>
#include <vector>

namespace ztlint::terraform::mapping {

using value::Value;

// A node is either a leaf (a stored value) or a map of children, never both.
struct ObjectBuilder::Node {
  source::Span span;
  std::optional<Value> leaf;
  std::vector<std::pair<std::string, std::unique_ptr<Node>>> children;

  Node* child(std::string_view key) const {
    for (const auto& [name, node] : children) {
      if (value::iequals(name, key)) return node.get();
    }
    return nullptr;
  }

  // A stored map becomes children so a later path can write inside it.
  void open_leaf() {
    if (!leaf) return;
    if (leaf->is_map()) {
      span = leaf->span();
      for (const auto& [key, item] : leaf->as_map()) {
        auto node = std::make_unique<Node>();
        node->span = item.span();
        node->leaf = item;
        children.emplace_back(key, std::move(node));
      }
    }
    leaf.reset();
  }

  Value freeze() const {
    if (leaf) return *leaf;
    value::Map entries;
    entries.reserve(children.size());
    for (const auto& [name, node] : children) entries.emplace_back(name, node->freeze());
    return Value::map(std::move(entries), span);
  }
};

ObjectBuilder::ObjectBuilder(source::Span span) : span_(span), root_(std::make_unique<Node>()) {
  root_->span = span;
}
ObjectBuilder::ObjectBuilder(ObjectBuilder&&) noexcept = default;
ObjectBuilder& ObjectBuilder::operator=(ObjectBuilder&&) noexcept = default;
ObjectBuilder::~ObjectBuilder() = default;

ObjectBuilder::Node* ObjectBuilder::descend(std::span<const std::string> path, source::Span span) {
  Node* current = root_.get();
  for (const auto& key : path) {
    current->open_leaf();
    Node* next = current->child(key);
    if (!next) {
      auto node = std::make_unique<Node>();
      node->span = span;
      next = node.get();
      current->children.emplace_back(key, std::move(node));
    }
    current = next;
  }
  return current;
}

void ObjectBuilder::set(std::span<const std::string> path, Value value) {
  if (path.empty()) {
    // The whole object: a map merges in, anything else replaces it.
    if (value.is_map()) {
      for (const auto& [key, item] : value.as_map()) {
        const std::string key_path[] = {key};
        set(key_path, item);
      }
      return;
    }
    root_->children.clear();
    root_->leaf = std::move(value);
    return;
  }
  Node* node = descend(path, span_);
  node->children.clear();
  node->span = value.span();
  node->leaf = std::move(value);
}

void ObjectBuilder::erase(std::span<const std::string> path) {
  if (path.empty()) return;
  Node* current = root_.get();
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    current->open_leaf();
    current = current->child(path[i]);
    if (!current) return;
  }
  current->open_leaf();
  std::erase_if(current->children,
                [&](const auto& entry) { return value::iequals(entry.first, path.back()); });
}

void ObjectBuilder::ensure_map(std::span<const std::string> path, source::Span span) {
  Node* node = descend(path, span);
  node->open_leaf();
}

bool ObjectBuilder::has(std::span<const std::string> path) const {
  const Node* current = root_.get();
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (current->leaf) {
      if (!current->leaf->is_map()) return true;
      return current->leaf->find_path(path.subspan(i)) != nullptr;
    }
    current = current->child(path[i]);
    if (!current) return false;
  }
  return true;
}

Value ObjectBuilder::get(std::span<const std::string> path) const {
  const Node* current = root_.get();
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (current->leaf) {
      const Value* found = current->leaf->find_path(path.subspan(i));
      return found ? *found : Value();
    }
    current = current->child(path[i]);
    if (!current) return Value();
  }
  return current->freeze();
}

Value ObjectBuilder::build() const {
  return root_->freeze();
}

namespace {
std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  while (!text.empty()) {
    const auto at = text.find(separator);
    parts.emplace_back(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return parts;
}
}  // namespace

std::vector<std::string> split_path(std::string_view dotted) {
  return split(dotted, '.');
}

std::vector<std::string> split_path_segments(std::string_view slashed) {
  return split(slashed, '/');
}

}  // namespace ztlint::terraform::mapping
