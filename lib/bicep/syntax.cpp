#include "bicep/syntax.h"

#include <array>

namespace ztlint::bicep {

std::string_view to_string(NodeKind kind) {
  static constexpr std::array<std::string_view, 47> kNames = {
      "program",         "targetScope", "metadata",    "param",         "var",
      "resource",        "module",      "output",      "type",          "func",
      "func parameter",  "import",      "import item", "extension",     "using",
      "extends",         "assert",      "decorator",   "error",         "string",
      "number",          "bool",        "null",        "identifier",    "array",
      "object",          "property",    "spread",      "member",        "index",
      "resource access", "call",        "unary",       "binary",        "ternary",
      "lambda",          "for",         "if",          "parenthesized", "non-null",
      "type name",       "union type",  "array type",  "nullable type", "object type",
      "tuple type",      "type member"};
  static_assert(kNames.size() == static_cast<std::size_t>(NodeKind::kTypeMember) + 1,
                "one name per node kind");
  const auto index = static_cast<std::size_t>(kind);
  return index < kNames.size() ? kNames[index] : "node";
}

}  // namespace ztlint::bicep
