#include "source/diagnostic.h"

namespace ztlint::source {

std::string_view to_string(DiagnosticKind kind) {
  switch (kind) {
    case DiagnosticKind::kSyntax: return "syntax";
    case DiagnosticKind::kIo: return "io";
    case DiagnosticKind::kEvaluation: return "evaluation";
    case DiagnosticKind::kUnsupported: return "unsupported";
    case DiagnosticKind::kConfig: return "config";
  }
  return "syntax";
}

}  // namespace ztlint::source
