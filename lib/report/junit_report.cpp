#include "report/junit_report.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "report/location.h"

namespace ztlint::report {

namespace {

std::string xml_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most control characters even escaped.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

struct Case {
  std::string name;       // resource address
  std::string classname;  // file of the resource
  std::vector<const policy::Finding*> failures;
};

}  // namespace

std::string render_junit(const RunResult& run) {
  const source::SourceSet& sources = run.estate.sources;
  const graph::ResourceGraph& graph = run.estate.graph;
  std::map<std::string, std::vector<const policy::Finding*>> findings_by_rule;
  for (const policy::Finding& finding : run.findings) {
    findings_by_rule[finding.rule_id].push_back(&finding);
  }

  std::string suites;
  std::size_t total_tests = 0;
  std::size_t total_failures = 0;
  for (const policy::PolicyInfo& rule : run.rules) {
    std::map<std::string, Case> cases;  // by resource address, sorted
    std::set<std::string> types;
    for (const std::string& type : rule.resource_types) types.insert(value::to_lower(type));
    for (graph::ResourceIndex i = 0; i < graph.size(); ++i) {
      const graph::Resource& resource = graph.resource(i);
      if (resource.reference_only || !types.count(value::to_lower(resource.type))) continue;
      cases[resource.address] = Case{resource.address, locate(sources, resource.range).file, {}};
    }
    for (const policy::Finding* finding : findings_by_rule[rule.id]) {
      auto [it, inserted] = cases.try_emplace(finding->resource_address);
      if (inserted) {
        it->second = Case{finding->resource_address, locate(sources, finding->span).file, {}};
      }
      it->second.failures.push_back(finding);
    }
    std::size_t failures = 0;
    std::string body;
    for (const auto& [address, test] : cases) {
      body += fmt::format("    <testcase name=\"{}\" classname=\"{}\"", xml_escape(test.name),
                          xml_escape(rule.id + "." + test.classname));
      if (test.failures.empty()) {
        body += "/>\n";
        continue;
      }
      ++failures;
      body += ">\n";
      for (const policy::Finding* finding : test.failures) {
        const Location where = locate(sources, finding->span);
        body += fmt::format(
            "      <failure type=\"{}\" message=\"{}\">{}:{}:{}: {} [{}]</failure>\n",
            xml_escape(rule.id), xml_escape(finding->message), xml_escape(where.file),
            where.start.line, where.start.column, xml_escape(finding->message),
            policy::to_string(finding->severity));
      }
      body += "    </testcase>\n";
    }
    total_tests += cases.size();
    total_failures += failures;
    suites += fmt::format("  <testsuite name=\"{} {}\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
                          xml_escape(rule.id), xml_escape(rule.name), cases.size(), failures);
    suites += body + "  </testsuite>\n";
  }
  if (!run.estate.diagnostics.empty()) {
    std::string body;
    for (const source::Diagnostic& error : run.estate.diagnostics) {
      const Location where = error.span.valid() ? locate(sources, error.span)
                                                : Location{display_path(error.path), {}, {}};
      body += fmt::format(
          "    <testcase name=\"{}\" classname=\"ztlint.inputs\">\n"
          "      <error type=\"{}\" message=\"{}\">{}:{}:{}: {}</error>\n    </testcase>\n",
          xml_escape(where.file), source::to_string(error.kind), xml_escape(error.message),
          xml_escape(where.file), where.start.line, where.start.column, xml_escape(error.message));
    }
    suites += fmt::format(
        "  <testsuite name=\"ztlint.inputs\" tests=\"{}\" failures=\"0\" errors=\"{}\">\n{}  "
        "</testsuite>\n",
        run.estate.diagnostics.size(), run.estate.diagnostics.size(), body);
    total_tests += run.estate.diagnostics.size();
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"ztlint\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n{}</testsuites>\n",
      total_tests, total_failures, run.estate.diagnostics.size(), suites);
}

}  // namespace ztlint::report
