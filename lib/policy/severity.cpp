#include "policy/severity.h"

#include "value/value.h"

namespace ztlint::policy {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::kInfo: return "info";
    case Severity::kLow: return "low";
    case Severity::kMedium: return "medium";
    case Severity::kHigh: return "high";
    case Severity::kCritical: return "critical";
  }
  return "info";
}

std::optional<Severity> parse_severity(std::string_view text) {
  for (Severity severity : {Severity::kInfo, Severity::kLow, Severity::kMedium, Severity::kHigh,
                            Severity::kCritical}) {
    if (value::iequals(text, to_string(severity))) return severity;
  }
  return std::nullopt;
}

}  // namespace ztlint::policy
