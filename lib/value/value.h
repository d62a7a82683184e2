// The value model shared by every front end: JSON-like data plus Unknown and Ref.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "source/text_range.h"

namespace ztlint::value {

class Value;

// A value that cannot be known offline: a variable without a value, an attribute Azure
// computes at deployment time. Unknown is not absent: policies never report what depends
// on it (except as "cannot verify" under --strict).
struct Unknown {
  std::string reason;
  // Set for values that are unknown offline but stable within one deployment, such as
  // `uniqueString(resourceGroup().id)`: the canonical text of the expression. Two Unknowns
  // with the same non-empty symbol are equal (so a private endpoint's target resolves to
  // the storage account named by the same expression).
  std::string symbol;
};

// A reference to an attribute of a resource in the estate, e.g. the firewall's private IP.
// `target` is the resource's estate-unique address (graph::Resource::address).
struct Ref {
  std::string target;
  std::vector<std::string> path;  // attribute path below the resource, e.g. {"id"}
};

using List = std::vector<Value>;
// Insertion-ordered object. Lookups are ASCII case-insensitive, as ARM property names are.
using Map = std::vector<std::pair<std::string, Value>>;

// An immutable value that remembers where it was written. Copies are cheap: lists and maps
// are shared. Safe to read from several threads.
class Value {
 public:
  enum class Kind : std::uint8_t { kNull, kBool, kNumber, kString, kList, kMap, kUnknown, kRef };

  Value() = default;  // null, written nowhere
  Value(const Value&) = default;
  Value(Value&&) noexcept = default;
  // Copies before replacing: in `v = *v.get("key")` the right side lives inside `v`.
  Value& operator=(const Value& other) {
    if (this != &other) *this = Value(other);
    return *this;
  }
  Value& operator=(Value&&) noexcept = default;

  static Value null(source::Span span = {});
  static Value boolean(bool value, source::Span span = {});
  static Value number(double value, source::Span span = {});
  static Value string(std::string value, source::Span span = {});
  static Value list(List items, source::Span span = {});
  static Value map(Map entries, source::Span span = {});
  static Value unknown(std::string reason, source::Span span = {});
  static Value symbolic(std::string reason, std::string symbol, source::Span span = {});
  static Value ref(Ref ref, source::Span span = {});

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  bool is_bool() const { return kind_ == Kind::kBool; }
  bool is_number() const { return kind_ == Kind::kNumber; }
  bool is_string() const { return kind_ == Kind::kString; }
  bool is_list() const { return kind_ == Kind::kList; }
  bool is_map() const { return kind_ == Kind::kMap; }
  bool is_unknown() const { return kind_ == Kind::kUnknown; }
  bool is_ref() const { return kind_ == Kind::kRef; }
  // Neither Unknown nor Ref at the top level (a Ref's target is known, its value is not).
  bool is_concrete() const { return kind_ != Kind::kUnknown && kind_ != Kind::kRef; }
  // True when no Unknown occurs anywhere inside (Refs count as known).
  bool is_wholly_known() const;

  bool as_bool() const;
  double as_number() const;
  const std::string& as_string() const;
  const List& as_list() const;
  const Map& as_map() const;
  const Unknown& as_unknown() const;
  const Ref& as_ref() const;

  // Map member lookup (case-insensitive); nullptr when absent or not a map.
  const Value* get(std::string_view key) const;
  // Follows map keys and list indexes ("0", "1", ...) from this value; nullptr when absent.
  const Value* find_path(std::span<const std::string> path) const;
  // Dotted form: "properties.subnets.0.name".
  const Value* find_path(std::string_view dotted) const;

  // A copy with `value` stored at `path`, creating maps along the way (copy on write). An
  // index ("0") into an existing list replaces that item and keeps the list.
  Value with_path(std::span<const std::string> path, Value value) const;
  // A copy written elsewhere.
  Value with_span(source::Span span) const;

  source::Span span() const { return span_; }

  // Short human text for messages: strings unquoted, lists/maps as JSON, Unknown as
  // "(unknown: reason)", Ref as "${target.path}".
  std::string to_display() const;

  // The key a name or ID is indexed under: the lower-cased string, or for a symbolic
  // Unknown "\x01" + its symbol; empty when the value identifies nothing.
  std::string identity_key() const;

  // Whether this is a copy of `other`: the same kind and span, and the same stored list,
  // map, Unknown or Ref (or equal scalars). Values are immutable, so copies hold the same
  // content, spans included; false does not mean the contents differ.
  bool is_copy_of(const Value& other) const;

  // Structural equality of content (spans ignored; map keys case-insensitive).
  friend bool operator==(const Value& a, const Value& b);

 private:
  using Data = std::variant<std::monostate, bool, double, std::string, std::shared_ptr<const List>,
                            std::shared_ptr<const Map>, std::shared_ptr<const Unknown>,
                            std::shared_ptr<const Ref>>;
  Value(Kind kind, Data data, source::Span span)
      : kind_(kind), span_(span), data_(std::move(data)) {}

  Kind kind_ = Kind::kNull;
  source::Span span_;
  Data data_;
};

// ASCII case-insensitive comparison, as Azure compares types, names and property names.
bool iequals(std::string_view a, std::string_view b);
std::string to_lower(std::string_view text);

}  // namespace ztlint::value
