#include "report/github_report.h"

#include <fmt/format.h>

#include "report/location.h"

namespace ztlint::report {

namespace {

// Workflow-command escaping: the message may not hold raw newlines or '%'; property values
// additionally may not hold ':' or ','.
std::string escape_data(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  for (char c : escape_data(text)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view command_for(policy::Severity severity) {
  switch (severity) {
    case policy::Severity::kCritical:
    case policy::Severity::kHigh: return "error";
    case policy::Severity::kMedium: return "warning";
    case policy::Severity::kLow:
    case policy::Severity::kInfo: return "notice";
  }
  return "notice";
}

}  // namespace

std::string render_github(const RunResult& run) {
  std::string out;
  for (const policy::Finding& finding : run.findings) {
    const Location where = locate(run.estate.sources, finding.span);
    const std::string title = finding.rule_id + " " + finding.rule_name;
    out += fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                       command_for(finding.severity), escape_property(where.file), where.start.line,
                       where.start.column, where.end.line, where.end.column,
                       escape_property(title),
                       escape_data(fmt::format("{} [{}] ({})", finding.message,
                                               policy::to_string(finding.severity),
                                               finding.resource_address)));
  }
  for (const source::Diagnostic& error : run.estate.diagnostics) {
    const std::string title = fmt::format("ztlint {} error", source::to_string(error.kind));
    if (error.span.valid()) {
      const Location where = locate(run.estate.sources, error.span);
      out += fmt::format("::error file={},line={},col={},title={}::{}\n",
                         escape_property(where.file), where.start.line, where.start.column,
                         escape_property(title), escape_data(error.message));
    } else {
      out += fmt::format("::error file={},title={}::{}\n", escape_property(display_path(error.path)),
                         escape_property(title), escape_data(error.message));
    }
  }
  return out;
}

}  // namespace ztlint::report
