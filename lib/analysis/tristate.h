// Three-valued logic for verdicts over partly unknown infrastructure: true, false, unknown.
#pragma once

#include <cstdint>
#include <string_view>

namespace ztlint::analysis {

// Kleene logic: unknown never turns into a violation by itself.
enum class Tri : std::uint8_t { kFalse, kTrue, kUnknown };

constexpr Tri tri(bool value) {
  return value ? Tri::kTrue : Tri::kFalse;
}

constexpr Tri tri_not(Tri a) {
  if (a == Tri::kUnknown) return a;
  return a == Tri::kTrue ? Tri::kFalse : Tri::kTrue;
}

constexpr Tri tri_and(Tri a, Tri b) {
  if (a == Tri::kFalse || b == Tri::kFalse) return Tri::kFalse;
  if (a == Tri::kUnknown || b == Tri::kUnknown) return Tri::kUnknown;
  return Tri::kTrue;
}

constexpr Tri tri_or(Tri a, Tri b) {
  if (a == Tri::kTrue || b == Tri::kTrue) return Tri::kTrue;
  if (a == Tri::kUnknown || b == Tri::kUnknown) return Tri::kUnknown;
  return Tri::kFalse;
}

constexpr std::string_view to_string(Tri a) {
  switch (a) {
    case Tri::kFalse: return "false";
    case Tri::kTrue: return "true";
    case Tri::kUnknown: return "unknown";
  }
  return "unknown";
}

}  // namespace ztlint::analysis
