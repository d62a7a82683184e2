#include "report/json_report.h"

#include "report/location.h"

namespace ztlint::report {

namespace {

nlohmann::json range_json(const Location& location) {
  return {{"start", {{"line", location.start.line}, {"column", location.start.column}}},
          {"end", {{"line", location.end.line}, {"column", location.end.column}}}};
}

std::string diagnostic_path(const source::SourceSet& sources, const source::Diagnostic& error) {
  if (error.span.valid()) return locate(sources, error.span).file;
  return display_path(error.path);
}

}  // namespace

nlohmann::json to_json(const RunResult& run) {
  const source::SourceSet& sources = run.estate.sources;
  auto findings = nlohmann::json::array();
  std::size_t unsuppressed = 0;
  for (const policy::Finding& finding : run.findings) {
    const Location location = locate(sources, finding.span);
    auto related = nlohmann::json::array();
    for (const policy::RelatedLocation& place : finding.related) {
      const Location where = locate(sources, place.span);
      related.push_back(
          {{"file", where.file}, {"range", range_json(where)}, {"message", place.message}});
    }
    nlohmann::json entry = {{"rule", finding.rule_id},
                            {"name", finding.rule_name},
                            {"severity", policy::to_string(finding.severity)},
                            {"principles", finding.principles},
                            {"message", finding.message},
                            {"file", location.file},
                            {"range", range_json(location)},
                            {"resource", finding.resource_address},
                            {"resource_type", finding.resource_type},
                            {"related", std::move(related)}};
    if (finding.cannot_verify) entry["cannot_verify"] = true;
    if (finding.suppressed) {
      const Location where = locate(sources, finding.suppressed->span);
      entry["suppressed"] = {{"reason", finding.suppressed->reason},
                             {"file", where.file},
                             {"range", range_json(where)}};
    } else {
      ++unsuppressed;
    }
    findings.push_back(std::move(entry));
  }
  auto errors = nlohmann::json::array();
  for (const source::Diagnostic& error : run.estate.diagnostics) {
    nlohmann::json entry = {{"file", diagnostic_path(sources, error)},
                            {"kind", source::to_string(error.kind)},
                            {"message", error.message}};
    if (error.span.valid()) entry["range"] = range_json(locate(sources, error.span));
    errors.push_back(std::move(entry));
  }
  auto files = nlohmann::json::array();
  int resources = 0;
  for (const estate::FileSummary& file : run.estate.files) {
    files.push_back({{"file", display_path(sources.file(file.file).path())},
                     {"language", graph::to_string(file.language)},
                     {"resources", file.resources}});
    resources += file.resources;
  }
  return {{"version", 1},
          {"tool", {{"name", "ztlint"}, {"version", ZTLINT_VERSION}}},
          {"findings", std::move(findings)},
          {"errors", std::move(errors)},
          {"files", std::move(files)},
          {"summary",
           {{"files", run.estate.files.size()},
            {"resources", resources},
            {"findings", unsuppressed},
            {"suppressed", run.findings.size() - unsuppressed},
            {"errors", run.estate.diagnostics.size()}}}};
}

std::string render_json(const RunResult& run) {
  return to_json(run).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace ztlint::report
