#include "lsp/convert.h"

#include <stdexcept>

namespace ztlint::lsp {

DiagnosticSeverity to_lsp_severity(policy::Severity severity) {
  switch (severity) {
    case policy::Severity::kCritical:
    case policy::Severity::kHigh: return DiagnosticSeverity::kError;
    case policy::Severity::kMedium: return DiagnosticSeverity::kWarning;
    case policy::Severity::kLow: return DiagnosticSeverity::kInformation;
    case policy::Severity::kInfo: return DiagnosticSeverity::kHint;
  }
  return DiagnosticSeverity::kHint;
}

DiagnosticSeverity to_lsp_severity(source::DiagnosticKind kind) {
  switch (kind) {
    case source::DiagnosticKind::kSyntax:
    case source::DiagnosticKind::kIo:
    case source::DiagnosticKind::kConfig: return DiagnosticSeverity::kError;
    case source::DiagnosticKind::kEvaluation:
    case source::DiagnosticKind::kUnsupported: return DiagnosticSeverity::kWarning;
  }
  return DiagnosticSeverity::kError;
}

Json to_json(Position position) {
  return Json{{"line", position.line}, {"character", position.character}};
}

Json to_json(const Range& range) {
  return Json{{"start", to_json(range.start)}, {"end", to_json(range.end)}};
}

std::optional<Position> position_from_json(const Json& json) {
  if (!json.is_object()) return std::nullopt;
  const auto line = json.find("line");
  const auto character = json.find("character");
  if (line == json.end() || character == json.end() || !line->is_number_unsigned() ||
      !character->is_number_unsigned()) {
    return std::nullopt;
  }
  return Position{line->get<std::uint32_t>(), character->get<std::uint32_t>()};
}

std::optional<Range> range_from_json(const Json& json) {
  if (!json.is_object() || !json.contains("start") || !json.contains("end")) return std::nullopt;
  const auto start = position_from_json(json["start"]);
  const auto end = position_from_json(json["end"]);
  if (!start || !end) return std::nullopt;
  return Range{*start, *end};
}

SpanConverter::SpanConverter(const source::SourceSet& sources, PositionEncoding encoding)
    : sources_(sources),
      encoding_(encoding),
      indexes_(sources.size()),
      indexed_(std::make_unique<std::once_flag[]>(sources.size())) {}

const LineIndex& SpanConverter::index(source::FileId file) const {
  if (file >= indexes_.size()) throw std::out_of_range("no such file in the converted set");
  std::call_once(indexed_[file], [&] {
    indexes_[file] = std::make_unique<LineIndex>(sources_.file(file).text(), encoding_);
  });
  return *indexes_[file];
}

Range SpanConverter::range(source::Span span) const {
  const LineIndex& lines = index(span.file);
  return Range{lines.position_of(span.range.begin), lines.position_of(span.range.end)};
}

}  // namespace ztlint::lsp
