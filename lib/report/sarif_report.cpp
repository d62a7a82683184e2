#include "report/sarif_report.h"

#include <fmt/format.h>

#include <cctype>
#include <map>

#include "report/fingerprint.h"
#include "report/location.h"

namespace ztlint::report {

namespace {

std::string sarif_level(policy::Severity severity) {
  switch (severity) {
    case policy::Severity::kCritical:
    case policy::Severity::kHigh: return "error";
    case policy::Severity::kMedium: return "warning";
    case policy::Severity::kLow:
    case policy::Severity::kInfo: return "note";
  }
  return "note";
}

nlohmann::json region(const Location& location) {
  return {{"startLine", location.start.line},
          {"startColumn", location.start.column},
          {"endLine", location.end.line},
          {"endColumn", location.end.column}};
}

// A relative URI reference: path characters kept, everything else percent-encoded.
std::string uri_reference(std::string_view path) {
  std::string out;
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", byte);
    }
  }
  return out;
}

nlohmann::json physical_location(const Location& location) {
  return {{"physicalLocation",
           {{"artifactLocation", {{"uri", uri_reference(location.file)}}},
            {"region", region(location)}}}};
}

std::string help_markdown(const policy::PolicyInfo& info) {
  std::string text = fmt::format("**{}** ({})\n\n", info.name, info.id);
  auto section = [&](std::string_view title, const std::string& body) {
    if (!body.empty()) text += fmt::format("### {}\n\n{}\n\n", title, body);
  };
  section("What it checks", info.docs.what);
  section("Why it matters", info.docs.why);
  section("Example", info.docs.example.empty() ? "" : "```\n" + info.docs.example + "\n```");
  section("Fix", info.docs.fix);
  if (!info.docs.references.empty()) {
    text += "### References\n\n";
    for (const std::string& reference : info.docs.references) text += "- " + reference + "\n";
  }
  return text;
}

std::string help_text(const policy::PolicyInfo& info) {
  std::string text = info.docs.what;
  if (!info.docs.fix.empty()) text += (text.empty() ? "" : "\n\nFix: ") + info.docs.fix;
  return text.empty() ? info.docs.summary : text;
}

nlohmann::json rule_json(const policy::PolicyInfo& info) {
  const std::string summary = info.docs.summary.empty() ? info.name : info.docs.summary;
  const std::string full = info.docs.what.empty() ? summary : info.docs.what;
  nlohmann::json rule = {
      {"id", info.id},
      {"name", info.name},
      {"shortDescription", {{"text", summary}}},
      {"fullDescription", {{"text", full}}},
      {"help", {{"text", help_text(info)}, {"markdown", help_markdown(info)}}},
      {"defaultConfiguration", {{"level", sarif_level(info.severity)}}},
      {"properties",
       {{"security-severity", security_severity(info.severity)},
        {"tags", info.principles},
        {"precision", "high"},
        {"problem.severity", sarif_level(info.severity) == "note" ? "recommendation"
                                                                   : sarif_level(info.severity)}}}};
  if (!info.help_uri().empty()) rule["helpUri"] = info.help_uri();
  return rule;
}

}  // namespace

std::string security_severity(policy::Severity severity) {
  switch (severity) {
    case policy::Severity::kCritical: return "9.5";
    case policy::Severity::kHigh: return "8.0";
    case policy::Severity::kMedium: return "5.5";
    case policy::Severity::kLow: return "3.0";
    case policy::Severity::kInfo: return "1.0";
  }
  return "1.0";
}

nlohmann::json to_sarif(const RunResult& run) {
  const source::SourceSet& sources = run.estate.sources;
  auto rules = nlohmann::json::array();
  std::map<std::string, std::size_t> rule_index;
  for (const policy::PolicyInfo& info : run.rules) {
    rule_index[info.id] = rules.size();
    rules.push_back(rule_json(info));
  }
  auto results = nlohmann::json::array();
  for (const policy::Finding& finding : run.findings) {
    const Location location = locate(sources, finding.span);
    nlohmann::json result = {
        {"ruleId", finding.rule_id},
        {"level", sarif_level(finding.severity)},
        {"message", {{"text", finding.message}}},
        {"locations", nlohmann::json::array({physical_location(location)})},
        {"partialFingerprints", {{"ztlintFindingHash/v1", finding_fingerprint(sources, finding)}}},
        {"properties", {{"resource", finding.resource_address},
                        {"resourceType", finding.resource_type},
                        {"severity", policy::to_string(finding.severity)}}}};
    if (auto it = rule_index.find(finding.rule_id); it != rule_index.end()) {
      result["ruleIndex"] = it->second;
    }
    if (location.file.empty()) result.erase("locations");
    if (finding.suppressed) {
      result["suppressions"] = nlohmann::json::array(
          {{{"kind", "inSource"},
            {"justification", finding.suppressed->reason},
            {"location", physical_location(locate(sources, finding.suppressed->span))}}});
    }
    if (!finding.related.empty()) {
      auto related = nlohmann::json::array();
      int id = 1;
      for (const policy::RelatedLocation& place : finding.related) {
        nlohmann::json entry = physical_location(locate(sources, place.span));
        entry["id"] = id++;
        entry["message"] = {{"text", place.message}};
        related.push_back(std::move(entry));
      }
      result["relatedLocations"] = std::move(related);
    }
    results.push_back(std::move(result));
  }
  auto notifications = nlohmann::json::array();
  for (const source::Diagnostic& error : run.estate.diagnostics) {
    const Location where = error.span.valid() ? locate(sources, error.span)
                                              : Location{display_path(error.path), {}, {}};
    nlohmann::json notification = {
        {"level", "error"},
        {"message", {{"text", fmt::format("{} ({})", error.message, source::to_string(error.kind))}}},
        {"descriptor", {{"id", fmt::format("ztlint/{}", source::to_string(error.kind))}}}};
    if (!where.file.empty()) {
      notification["locations"] = nlohmann::json::array(
          {error.span.valid()
               ? physical_location(where)
               : nlohmann::json{{"physicalLocation",
                                 {{"artifactLocation", {{"uri", uri_reference(where.file)}}}}}}});
    }
    notifications.push_back(std::move(notification));
  }
  nlohmann::json invocation = {{"executionSuccessful", true},
                               {"toolExecutionNotifications", std::move(notifications)}};
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs",
           nlohmann::json::array(
               {{{"tool",
                  {{"driver",
                    {{"name", "ztlint"},
                     {"version", ZTLINT_VERSION},
                     {"semanticVersion", ZTLINT_VERSION},
                     {"rules", std::move(rules)}}}}},
                 {"invocations", nlohmann::json::array({std::move(invocation)})},
                 {"columnKind", "unicodeCodePoints"},
                 {"results", std::move(results)}}})}};
}

std::string render_sarif(const RunResult& run) {
  return to_sarif(run).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace ztlint::report
