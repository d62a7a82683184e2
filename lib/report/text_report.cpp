#include "report/text_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "report/location.h"

namespace ztlint::report {

namespace {

struct Palette {
  bool on;
  std::string paint(std::string_view text, std::string_view code) const {
    if (!on) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
  }
  std::string severity(policy::Severity level, std::string_view text) const {
    switch (level) {
      case policy::Severity::kCritical: return paint(text, "1;31");
      case policy::Severity::kHigh: return paint(text, "31");
      case policy::Severity::kMedium: return paint(text, "33");
      case policy::Severity::kLow: return paint(text, "34");
      case policy::Severity::kInfo: return paint(text, "36");
    }
    return std::string(text);
  }
};

// Columns are code points; tabs keep their width by being echoed under the caret line.
std::string caret_line(std::string_view line, std::uint32_t start_column, std::uint32_t end_column) {
  std::string out;
  std::uint32_t column = 1;
  for (std::size_t i = 0; i < line.size() && column < start_column; ++i) {
    const auto byte = static_cast<unsigned char>(line[i]);
    if ((byte & 0xC0) == 0x80) continue;
    out += line[i] == '\t' ? '\t' : ' ';
    ++column;
  }
  const std::uint32_t width = end_column > start_column ? end_column - start_column : 1;
  out.append(width, '^');
  return out;
}

std::uint32_t code_points(std::string_view text) {
  std::uint32_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

// Lines longer than this are shown as a window around the range (plan JSON is one line).
constexpr std::uint32_t kMaxFrameWidth = 120;
constexpr std::uint32_t kContextBefore = 30;

// Byte offset of the code point `column` (1-based) in `line`.
std::size_t byte_of_column(std::string_view line, std::uint32_t column) {
  std::uint32_t current = 1;
  std::size_t i = 0;
  while (i < line.size() && current < column) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
    ++current;
  }
  return i;
}

void render_frame(std::string& out, const source::SourceFile& file, source::TextRange range,
                  const Palette& palette) {
  const source::LineColumn start = file.line_column(range.begin);
  const source::LineColumn end = file.line_column(range.end);
  std::string_view line = file.line_text(start.line - 1);
  if (start.line == 1) line.remove_prefix(file.content_begin());  // columns follow a BOM
  const std::uint32_t line_end_column = code_points(line) + 1;
  std::uint32_t caret_start = start.column;
  std::uint32_t caret_end = end.line == start.line ? end.column : line_end_column;
  std::string prefix;
  std::string suffix;
  if (line_end_column - 1 > kMaxFrameWidth) {
    const std::uint32_t first = caret_start > kContextBefore ? caret_start - kContextBefore : 1;
    const std::uint32_t last = std::min(line_end_column, first + kMaxFrameWidth);
    const std::size_t from = byte_of_column(line, first);
    const std::size_t to = byte_of_column(line, last);
    if (first > 1) prefix = "...";
    if (last < line_end_column) suffix = "...";
    line = line.substr(from, to - from);
    caret_start = caret_start - first + 1 + static_cast<std::uint32_t>(prefix.size());
    caret_end = std::min(caret_end, last) - first + 1 + static_cast<std::uint32_t>(prefix.size());
  }
  const std::string shown = prefix + std::string(line) + suffix;
  const std::string number = std::to_string(start.line);
  const std::string gutter(number.size(), ' ');
  out += fmt::format("{} {}\n", gutter, palette.paint("|", "34"));
  out += fmt::format("{} {} {}\n", palette.paint(number, "34"), palette.paint("|", "34"), shown);
  std::string carets = caret_line(shown, caret_start, std::max(caret_end, caret_start + 1));
  if (end.line > start.line) carets += fmt::format(" (through line {})", end.line);
  out += fmt::format("{} {} {}\n", gutter, palette.paint("|", "34"), palette.paint(carets, "1;31"));
}

}  // namespace

std::string render_text(const RunResult& run, const TextOptions& options) {
  const Palette palette{options.color};
  const source::SourceSet& sources = run.estate.sources;
  std::string out;

  std::vector<const policy::Finding*> ordered;
  std::size_t suppressed = 0;
  for (const policy::Finding& finding : run.findings) {
    // Suppressed findings stay in the machine formats; people see only their count.
    if (finding.suppressed) {
      ++suppressed;
      continue;
    }
    ordered.push_back(&finding);
  }
  std::stable_sort(ordered.begin(), ordered.end(), [&](const auto* a, const auto* b) {
    const std::string pa = a->span.valid() ? sources.file(a->span.file).path() : "";
    const std::string pb = b->span.valid() ? sources.file(b->span.file).path() : "";
    if (pa != pb) return pa < pb;
    if (a->span.range.begin != b->span.range.begin) return a->span.range.begin < b->span.range.begin;
    return a->rule_id < b->rule_id;
  });

  std::string current_file;
  std::map<policy::Severity, int> by_severity;
  for (const policy::Finding* finding : ordered) {
    const Location location = locate(sources, finding->span);
    if (location.file != current_file) {
      out += palette.paint(location.file, "1") + "\n";
      current_file = location.file;
    }
    ++by_severity[finding->severity];
    const std::string severity(policy::to_string(finding->severity));
    out += fmt::format("{}:{}:{}: {} {} {}\n", location.file, location.start.line,
                       location.start.column, palette.paint(finding->rule_id, "1"),
                       palette.severity(finding->severity, "[" + severity + "]"), finding->message);
    if (finding->span.valid()) {
      render_frame(out, sources.file(finding->span.file), finding->span.range, palette);
    }
    out += fmt::format("  = resource: {} ({})\n", finding->resource_address, finding->resource_type);
    for (const policy::RelatedLocation& place : finding->related) {
      const Location where = locate(sources, place.span);
      out += fmt::format("  = related: {}:{}:{}: {}\n", where.file, where.start.line,
                         where.start.column, place.message);
    }
    out += fmt::format("  = help: ztlint explain {}\n\n", finding->rule_id);
  }

  if (!run.estate.diagnostics.empty()) {
    for (const source::Diagnostic& error : run.estate.diagnostics) {
      const std::string kind(source::to_string(error.kind));
      if (error.span.valid()) {
        const Location where = locate(sources, error.span);
        out += fmt::format("{}:{}:{}: {} {}\n", where.file, where.start.line, where.start.column,
                           palette.paint("error[" + kind + "]", "1;31"), error.message);
        render_frame(out, sources.file(error.span.file), error.span.range, palette);
        out += "\n";
      } else {
        out += fmt::format("{}: {} {}\n", display_path(error.path),
                           palette.paint("error[" + kind + "]", "1;31"), error.message);
      }
    }
  }

  int resources = 0;
  for (const estate::FileSummary& file : run.estate.files) resources += file.resources;
  std::string breakdown;
  for (auto it = by_severity.rbegin(); it != by_severity.rend(); ++it) {
    breakdown += fmt::format("{}{} {}", breakdown.empty() ? "" : ", ", it->second,
                             policy::to_string(it->first));
  }
  if (!out.empty() && out.back() != '\n') out += "\n";
  if (!out.empty() && out.compare(out.size() - 2, 2, "\n\n") != 0) out += "\n";
  out += fmt::format("{} {} finding{}{} in {} file{} ({} resources), {} error{}{}\n",
                     ordered.empty() ? palette.paint("ok:", "1;32") : palette.paint("Found", "1"),
                     ordered.size(), ordered.size() == 1 ? "" : "s",
                     breakdown.empty() ? "" : " (" + breakdown + ")", run.estate.files.size(),
                     run.estate.files.size() == 1 ? "" : "s", resources,
                     run.estate.diagnostics.size(), run.estate.diagnostics.size() == 1 ? "" : "s",
                     suppressed ? fmt::format(", {} suppressed", suppressed) : "");
  return out;
}

}  // namespace ztlint::report
