// The azurerm → ARM mapping table: per azurerm type its ARM type, arguments and defaults.
#pragma once

#include <span>
#include <string_view>

#include "graph/resource.h"
#include "terraform/evaluated_resource.h"

namespace ztlint::terraform::mapping {

class ObjectBuilder;

// How a Terraform value becomes the ARM value. Unknown values and Refs are never converted
// (an Unknown bool does not become "Enabled"); they are stored as they are.
enum class Convert : unsigned char {
  kCopy,      // as written
  kEnabled,   // true → "Enabled", false → "Disabled"
  kDisabled,  // inverted flag: true → "Disabled", false → "Enabled"
  kNot,       // boolean negation (bgp_route_propagation_enabled → disableBgpRoutePropagation)
  kWrap,      // x → {wrap: x} (subnet_id → subnet: {id: x})
  kWrapEach,  // [x, y] → [{wrap: x}, {wrap: y}]; a comma-separated string counts as a list
  kJoin,      // ["AzureServices", "Logging"] → "AzureServices, Logging"
  kList,      // x → [x] (a VM's `zone` → `zones`)
};

// How a nested block's instances land in the ARM object.
enum class Shape : unsigned char {
  kList,    // each instance → one item of the list at `path` (security_rule → securityRules[])
  kInline,  // the instance's fields write into the enclosing object (network_rules)
  kObject,  // the first instance → the object at `path`, created even when empty
};

struct Object;

// One Terraform argument or nested block. `path` is dotted and relative to the object the
// enclosing Object builds (the resource body, or one item of a block list).
struct Field {
  std::string_view argument;
  std::string_view path;
  Convert convert = Convert::kCopy;
  std::string_view wrap = {};  // kWrap / kWrapEach: the dotted key path each value goes under
  const Object* block = nullptr;
  Shape shape = Shape::kList;
};

// A constant written where nothing was mapped: a provider default (the provider sends it
// when the argument is absent), or a marker such as a VM's osType.
struct Literal {
  enum class Kind : unsigned char { kBool, kString } kind = Kind::kBool;
  bool boolean = false;
  std::string_view text = {};
};

struct Default {
  std::string_view path;
  Literal value;
  // 0: every provider major version; 3: azurerm 3.x (and older); 4: azurerm 4.x and newer
  // (also used when the module declares no version).
  int major = 0;
};

struct Object {
  std::span<const Field> fields;
  std::span<const Default> defaults = {};
  // Fields several objects share (a VM's, whatever its OS), mapped before `fields`.
  std::span<const Field> shared = {};
};

// An association resource: it sets a property of another resource instead of being one.
struct Association {
  std::string_view target_argument;  // the associated resource: subnet_id
  std::string_view patch_path;       // where the patch writes on it
  std::string_view value_path;       // what the mapped arguments hold to write there
  bool append = false;               // append into a list (NIC ↔ ASG) instead of replacing
};

// A nested block that ARM models as a child resource of its own.
struct ChildBlock {
  std::string_view block;
  std::string_view arm_type;
  const Object* body;
};

// What a row cannot say as data (values combined from several arguments).
using PostHook = void (*)(const EvaluatedResource& resource, ObjectBuilder& body);

struct TypeMapping {
  std::string_view azurerm_type;
  std::string_view arm_type;  // empty for associations
  const Object* body;
  // Child types: the argument naming the parent ("virtual_network_name"); the full name
  // becomes "<parent>/<name>", or `parent` a Ref when the argument is a reference.
  std::string_view parent_name_argument = {};
  // Child types whose parent is given by ID or reference ("virtual_hub_id").
  std::string_view parent_id_argument = {};
  const Association* association = nullptr;
  std::span<const ChildBlock> children = {};
  PostHook post = nullptr;
};

// The row for an azurerm type (resource and data source alike); nullptr when not mapped.
const TypeMapping* find_type(std::string_view azurerm_type);

// Arguments every azurerm resource shares (location, tags, zones, identity).
const Object& common_object();

// Every row, for tests that check the table as a whole.
std::span<const TypeMapping> all_types();

}  // namespace ztlint::terraform::mapping
