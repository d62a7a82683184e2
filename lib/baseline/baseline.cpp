#include "baseline/baseline.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

#include "report/fingerprint.h"
#include "report/location.h"

namespace ztlint::baseline {

namespace {
using Key = std::tuple<std::string, std::string, std::string>;
}

std::string render_baseline(const source::SourceSet& sources,
                            const std::vector<policy::Finding>& findings) {
  std::vector<Entry> entries;
  for (const policy::Finding& finding : findings) {
    if (finding.suppressed) continue;
    entries.push_back({finding.rule_id, finding.resource_address,
                       report::finding_fingerprint(sources, finding),
                       report::locate(sources, finding.span).file, finding.message});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.file, a.rule, a.resource, a.fingerprint) <
           std::tie(b.file, b.rule, b.resource, b.fingerprint);
  });
  auto list = nlohmann::json::array();
  for (const Entry& entry : entries) {
    list.push_back({{"rule", entry.rule},
                    {"resource", entry.resource},
                    {"fingerprint", entry.fingerprint},
                    {"file", entry.file},
                    {"message", entry.message}});
  }
  const nlohmann::json document = {{"version", 1}, {"tool", "ztlint"}, {"findings", list}};
  return document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::optional<Baseline> read_baseline(const std::string& path, source::Diagnostics& diagnostics) {
  auto fail = [&](const std::string& message) -> std::optional<Baseline> {
    diagnostics.push_back({source::DiagnosticKind::kConfig,
                           fmt::format("baseline: {}", message), source::Span{}, path});
    return std::nullopt;
  };
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot read the file");
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json document = nlohmann::json::parse(text.str(), nullptr, false);
  if (document.is_discarded() || !document.is_object()) return fail("not a JSON object");
  if (document.value("version", 0) != 1) return fail("unsupported version (expected 1)");
  const auto findings = document.find("findings");
  if (findings == document.end() || !findings->is_array()) return fail("no 'findings' list");
  Baseline baseline;
  for (const nlohmann::json& item : *findings) {
    if (!item.is_object() || !item.contains("rule") || !item["rule"].is_string() ||
        !item.contains("resource") || !item["resource"].is_string() ||
        !item.contains("fingerprint") || !item["fingerprint"].is_string()) {
      return fail("each finding needs string 'rule', 'resource' and 'fingerprint'");
    }
    baseline.entries.push_back({item["rule"], item["resource"], item["fingerprint"],
                                item.value("file", ""), item.value("message", "")});
  }
  return baseline;
}

std::size_t remove_baselined(const source::SourceSet& sources, const Baseline& baseline,
                             std::vector<policy::Finding>& findings) {
  std::map<Key, int> remaining;
  for (const Entry& entry : baseline.entries) {
    ++remaining[{entry.rule, entry.resource, entry.fingerprint}];
  }
  const std::size_t before = findings.size();
  std::erase_if(findings, [&](const policy::Finding& finding) {
    auto it = remaining.find(
        {finding.rule_id, finding.resource_address, report::finding_fingerprint(sources, finding)});
    if (it == remaining.end() || it->second == 0) return false;
    --it->second;
    return true;
  });
  return before - findings.size();
}

}  // namespace ztlint::baseline
