// Engine results in LSP terms: spans as ranges in the negotiated encoding, severities.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "lsp/json_rpc.h"
#include "lsp/position.h"
#include "policy/severity.h"
#include "source/diagnostic.h"
#include "source/source_set.h"

namespace ztlint::lsp {

// LSP DiagnosticSeverity values.
enum class DiagnosticSeverity { kError = 1, kWarning = 2, kInformation = 3, kHint = 4 };

// critical/high -> Error, medium -> Warning, low -> Information, info -> Hint.
DiagnosticSeverity to_lsp_severity(policy::Severity severity);
// Syntax, io and config problems are errors; what could not be followed is a warning.
DiagnosticSeverity to_lsp_severity(source::DiagnosticKind kind);

Json to_json(Position position);
Json to_json(const Range& range);
// Reads {"line", "character"}; nullopt when the shape is wrong.
std::optional<Position> position_from_json(const Json& json);
std::optional<Range> range_from_json(const Json& json);

// Converts spans of one SourceSet, indexing each file's lines once, when first asked.
// Threads may share one.
class SpanConverter {
 public:
  SpanConverter(const source::SourceSet& sources, PositionEncoding encoding);
  Range range(source::Span span) const;
  const LineIndex& index(source::FileId file) const;

 private:
  const source::SourceSet& sources_;
  PositionEncoding encoding_;
  // By file id; a set's files are fixed once it is linted.
  mutable std::vector<std::unique_ptr<LineIndex>> indexes_;
  mutable std::unique_ptr<std::once_flag[]> indexed_;
};

}  // namespace ztlint::lsp
