#include "lsp/snapshot.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "lsp/convert.h"
#include "suppression/apply_suppressions.h"

namespace ztlint::lsp {
namespace {

constexpr int kTagUnnecessary = 1;
constexpr int kSymbolKindStruct = 23;

bool contains(const Range& range, Position position) {
  const auto before = [](Position a, Position b) {
    return a.line < b.line || (a.line == b.line && a.character <= b.character);
  };
  return before(range.start, position) && before(position, range.end);
}

}  // namespace

Snapshot::Snapshot(lint::LintResult result, PositionEncoding encoding,
                   const std::function<std::string(const std::string&)>& uri_for,
                   const Snapshot* previous)
    : result_(std::move(result)), encoding_(encoding) {
  for (const policy::PolicyInfo& info : result_.rules) rules_.emplace(info.id, &info);
  if (previous != nullptr && previous->encoding_ != encoding_) previous = nullptr;
  add_diagnostics(uri_for, previous, input_diagnostics());
}

std::map<std::string, Json> Snapshot::input_diagnostics() const {
  std::map<std::string, Json> diagnostics;
  const source::SourceSet& sources = result_.estate->sources;
  SpanConverter converter(sources, encoding_);
  for (const source::Diagnostic& diagnostic : result_.estate->diagnostics) {
    std::string path = diagnostic.path;
    Range range;
    if (diagnostic.span.valid()) {
      path = sources.file(diagnostic.span.file).path();
      range = converter.range(diagnostic.span);
    }
    if (path.empty()) continue;  // not about a file: nothing to attach it to
    diagnostics[path].push_back(Json{
        {"range", to_json(range)},
        {"severity", static_cast<int>(to_lsp_severity(diagnostic.kind))},
        {"code", std::string(source::to_string(diagnostic.kind))},
        {"source", "ztlint"},
        {"message", diagnostic.message},
    });
  }
  return diagnostics;
}

Json Snapshot::finding_diagnostic(const policy::Finding& finding, const Range& range,
                                  SpanConverter& converter,
                                  const std::function<std::string(const std::string&)>& uri_for) {
  Json diagnostic{
      {"range", to_json(range)},
      {"severity", static_cast<int>(to_lsp_severity(finding.severity))},
      {"code", finding.rule_id},
      {"source", "ztlint"},
      {"message", finding.message},
  };
  if (const policy::PolicyInfo* info = rule(finding.rule_id); info && !info->help_uri().empty()) {
    diagnostic["codeDescription"] = {{"href", info->help_uri()}};
  }
  if (finding.rule_id == suppression::kUnusedRule) {
    diagnostic["tags"] = Json::array({kTagUnnecessary});
  }
  Json related = Json::array();
  for (const policy::RelatedLocation& location : finding.related) {
    if (!location.span.valid()) continue;
    related.push_back({{"location",
                        {{"uri", uri_of(location.span.file, uri_for)},
                         {"range", to_json(converter.range(location.span))}}},
                       {"message", location.message}});
  }
  if (!related.empty()) diagnostic["relatedInformation"] = std::move(related);
  if (!finding.resource_address.empty()) {
    diagnostic["data"] = {{"resource", finding.resource_address}};
  }
  return diagnostic;
}

std::size_t Snapshot::unchanged_prefix(const Snapshot& previous, source::FileId id) const {
  std::optional<std::size_t>& known = file_facts_.at(id).unchanged_prefix;
  if (known) return *known;
  const source::SourceFile& now = result_.estate->sources.file(id);
  const auto then = previous.result_.estate->sources.find(now.path());
  known = 0;
  if (then) {
    const std::string_view a = now.text();
    const std::string_view b = previous.result_.estate->sources.file(*then).text();
    known = a == b ? kWhole
                   : static_cast<std::size_t>(
                         std::mismatch(a.begin(), a.end(), b.begin(), b.end()).first - a.begin());
  }
  return *known;
}

const std::string& Snapshot::uri_of(source::FileId id, const UriFor& uri_for) const {
  std::optional<std::string>& known = file_facts_.at(id).uri;
  if (!known) known = uri_for(result_.estate->sources.file(id).path());
  return *known;
}

bool Snapshot::same_as_before(const Snapshot& previous, const policy::Finding& now,
                              const policy::Finding& then, const UriFor& uri_for,
                              const Json& published) const {
  const source::SourceSet& sources = result_.estate->sources;
  const source::SourceSet& previous_sources = previous.result_.estate->sources;
  if (now.rule_id != then.rule_id || now.severity != then.severity || now.message != then.message ||
      now.span.range.begin != then.span.range.begin || now.span.range.end != then.span.range.end ||
      now.span.range.end > unchanged_prefix(previous, now.span.file) ||
      now.resource_address != then.resource_address || now.cannot_verify != then.cannot_verify ||
      now.related.size() != then.related.size()) {
    return false;
  }
  std::size_t shown = 0;
  for (std::size_t i = 0; i < now.related.size(); ++i) {
    const policy::RelatedLocation& a = now.related[i];
    const policy::RelatedLocation& b = then.related[i];
    if (a.span.valid() != b.span.valid() || a.message != b.message) return false;
    if (!a.span.valid()) continue;
    if (a.span.range.begin != b.span.range.begin || a.span.range.end != b.span.range.end ||
        a.span.range.end > unchanged_prefix(previous, a.span.file) ||
        sources.file(a.span.file).path() != previous_sources.file(b.span.file).path()) {
      return false;
    }
    // A document opened or closed since is named by another URI.
    if (published["relatedInformation"][shown++]["location"]["uri"] !=
        uri_of(a.span.file, uri_for)) {
      return false;
    }
  }
  return true;
}

void Snapshot::add_diagnostics(const std::function<std::string(const std::string&)>& uri_for,
                               const Snapshot* previous, std::map<std::string, Json> inputs) {
  const source::SourceSet& sources = result_.estate->sources;
  SpanConverter converter(sources, encoding_);
  file_facts_.assign(sources.size(), FileFacts{});
  // Shown findings by file, in order. Suppressed findings are settled: the editor shows the
  // directive, not them.
  std::map<std::string_view, std::vector<const policy::Finding*>> by_path;
  for (const policy::Finding& finding : result_.findings) {
    if (finding.suppressed || !finding.span.valid()) continue;
    by_path[sources.file(finding.span.file).path()].push_back(&finding);
  }
  for (const auto& [path_view, findings] : by_path) {
    const std::string path(path_view);
    Json input = Json::array();  // the file's input diagnostics come first
    if (const auto it = inputs.find(path); it != inputs.end()) {
      input = std::move(it->second);
      inputs.erase(it);
    }
    // A finding published before, unchanged and where the edits cannot have moved it,
    // keeps its diagnostic: after an edit, only what changed is converted again.
    std::vector<const FileFinding*> kept(findings.size(), nullptr);
    bool kept_in_order = false;  // every finding, in the same order
    const std::vector<FileFinding>* before = nullptr;
    if (previous != nullptr) {
      if (const auto then = previous->findings_.find(path); then != previous->findings_.end()) {
        before = &then->second;
      }
    }
    if (before != nullptr) {
      // Those kept in place from the start; after an edit, the rest are matched by rule,
      // place and resource among the rest of those published before.
      std::size_t in_place = 0;
      while (in_place < findings.size() && in_place < before->size() &&
             same_as_before(*previous, *findings[in_place], *(*before)[in_place].finding, uri_for,
                            *(*before)[in_place].diagnostic)) {
        kept[in_place] = &(*before)[in_place];
        ++in_place;
      }
      kept_in_order = in_place == findings.size() && in_place == before->size();
      if (!kept_in_order) {
        const auto key = [](const policy::Finding& finding) {
          return fmt::format("{}\n{}:{}\n{}", finding.rule_id, finding.span.range.begin,
                             finding.span.range.end, finding.resource_address);
        };
        std::unordered_multimap<std::string, const FileFinding*> by_key;
        for (std::size_t j = in_place; j < before->size(); ++j) {
          by_key.emplace(key(*(*before)[j].finding), &(*before)[j]);
        }
        for (std::size_t i = in_place; i < findings.size(); ++i) {
          const auto [first, last] = by_key.equal_range(key(*findings[i]));
          for (auto it = first; it != last; ++it) {
            if (same_as_before(*previous, *findings[i], *it->second->finding, uri_for,
                               *it->second->diagnostic)) {
              kept[i] = it->second;
              by_key.erase(it);
              break;
            }
          }
        }
      }
    }
    std::vector<Range> ranges(findings.size());
    for (std::size_t i = 0; i < findings.size(); ++i) {
      ranges[i] = kept[i] != nullptr ? kept[i]->range : converter.range(findings[i]->span);
    }
    std::shared_ptr<const Json> published;
    if (kept_in_order) {
      // With the same input diagnostics too, the previous array is shared, not copied.
      const auto array = previous->diagnostics_.find(path);
      if (array != previous->diagnostics_.end() &&
          array->second->size() == input.size() + findings.size() &&
          std::equal(input.begin(), input.end(), array->second->begin())) {
        published = array->second;
      }
    }
    if (published == nullptr) {
      auto array = std::make_shared<Json>(std::move(input));
      for (std::size_t i = 0; i < findings.size(); ++i) {
        array->push_back(kept[i] != nullptr
                             ? *kept[i]->diagnostic
                             : finding_diagnostic(*findings[i], ranges[i], converter, uri_for));
      }
      published = std::move(array);
    }
    const std::size_t first = published->size() - findings.size();
    std::vector<FileFinding>& entries = findings_[path];
    entries.reserve(findings.size());
    for (std::size_t i = 0; i < findings.size(); ++i) {
      entries.push_back(FileFinding{ranges[i], findings[i], &(*published)[first + i]});
    }
    diagnostics_.emplace(path, std::move(published));
  }
  for (auto& [path, input] : inputs) {
    diagnostics_.emplace(path, std::make_shared<const Json>(std::move(input)));
  }
  file_facts_.clear();
  file_facts_.shrink_to_fit();
}

std::optional<source::FileId> Snapshot::file_id(const std::string& path) const {
  return result_.estate->sources.find(path);
}

std::vector<FileFinding> Snapshot::findings_in(const std::string& path) const {
  const auto it = findings_.find(path);
  return it == findings_.end() ? std::vector<FileFinding>{} : it->second;
}

const policy::PolicyInfo* Snapshot::rule(const std::string& id) const {
  const auto it = rules_.find(id);
  return it == rules_.end() ? nullptr : it->second;
}

Json Snapshot::hover(const std::string& path, Position position) const {
  std::string markdown;
  std::optional<Range> shown;
  for (const FileFinding& entry : findings_in(path)) {
    if (!contains(entry.range, position)) continue;
    const policy::Finding& finding = *entry.finding;
    if (!markdown.empty()) markdown += "\n\n---\n\n";
    markdown += "**" + finding.rule_id + "** " + finding.rule_name + " (" +
                std::string(policy::to_string(finding.severity)) + ")\n\n" + finding.message;
    if (const policy::PolicyInfo* info = rule(finding.rule_id)) {
      const auto section = [&markdown](const char* title, const std::string& text) {
        if (!text.empty()) markdown += std::string("\n\n**") + title + "** " + text;
      };
      section("What it checks:", info->docs.what);
      section("Why it matters:", info->docs.why);
      section("Fix:", info->docs.fix);
      if (!info->help_uri().empty()) markdown += "\n\n[Documentation](" + info->help_uri() + ")";
    }
    if (!shown) shown = entry.range;
  }
  if (markdown.empty()) return nullptr;
  return Json{{"contents", {{"kind", "markdown"}, {"value", markdown}}},
              {"range", to_json(*shown)}};
}

Json Snapshot::document_symbols(const std::string& path) const {
  Json symbols = Json::array();
  const auto file = file_id(path);
  if (!file) return symbols;
  const source::SourceSet& sources = result_.estate->sources;
  SpanConverter converter(sources, encoding_);
  const source::SourceFile& text = sources.file(*file);
  for (const graph::Resource& resource : result_.estate->graph.resources()) {
    if (resource.reference_only || resource.range.file != *file) continue;
    const Range range = converter.range(resource.range);
    // The declaring line names the resource: select it, up to the end of the block.
    const std::uint32_t line_end =
        text.line_start(text.line_index_of(resource.range.range.begin)) +
        static_cast<std::uint32_t>(
            text.line_text(text.line_index_of(resource.range.range.begin)).size());
    const source::Span head{
        *file, {resource.range.range.begin, std::min(line_end, resource.range.range.end)}};
    symbols.push_back({{"name", resource.address},
                       {"detail", resource.type},
                       {"kind", kSymbolKindStruct},
                       {"range", to_json(range)},
                       {"selectionRange", to_json(converter.range(head))}});
  }
  return symbols;
}

}  // namespace ztlint::lsp
