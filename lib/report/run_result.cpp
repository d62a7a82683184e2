#include "report/run_result.h"

namespace ztlint::report {

bool has_input_errors(const estate::Estate& estate) {
  for (const source::Diagnostic& diagnostic : estate.diagnostics) {
    switch (diagnostic.kind) {
      case source::DiagnosticKind::kSyntax:
      case source::DiagnosticKind::kIo:
      case source::DiagnosticKind::kConfig: return true;
      case source::DiagnosticKind::kEvaluation:
      case source::DiagnosticKind::kUnsupported: break;
    }
  }
  return false;
}

}  // namespace ztlint::report
