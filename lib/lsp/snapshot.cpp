#include "lsp/snapshot.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <unordered_map>

#include "lsp/convert.h"
#include "parallel/parallel_for.h"
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
                                  const SpanConverter& converter) const {
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
                        {{"uri", file_facts_.at(location.span.file).uri},
                         {"range", to_json(converter.range(location.span))}}},
                       {"message", location.message}});
  }
  if (!related.empty()) diagnostic["relatedInformation"] = std::move(related);
  if (!finding.resource_address.empty()) {
    diagnostic["data"] = {{"resource", finding.resource_address}};
  }
  return diagnostic;
}

void Snapshot::learn_files(const UriFor& uri_for, const Snapshot* previous) {
  const source::SourceSet& sources = result_.estate->sources;
  file_facts_.assign(sources.size(), FileFacts{});
  parallel::parallel_for(file_facts_.size(), 0, [&](std::size_t id) {
    FileFacts& facts = file_facts_[id];
    const source::SourceFile& now = sources.file(static_cast<source::FileId>(id));
    facts.uri = uri_for(now.path());
    if (previous == nullptr) return;
    const source::SourceSet& previous_sources = previous->result_.estate->sources;
    const auto then = previous_sources.find(now.path());
    if (!then) return;
    facts.uri_as_before = previous->file_facts_.at(*then).uri == facts.uri;
    const std::string_view a = now.text();
    const std::string_view b = previous_sources.file(*then).text();
    // A file shared with the previous lint is the same text without reading it.
    facts.unchanged_prefix =
        (a.data() == b.data() && a.size() == b.size()) || a == b
            ? kWhole
            : static_cast<std::size_t>(std::mismatch(a.begin(), a.end(), b.begin(), b.end()).first -
                                       a.begin());
  });
}

bool Snapshot::same_as_before(const Snapshot& previous, const policy::Finding& now,
                              const policy::Finding& then) const {
  const source::SourceSet& sources = result_.estate->sources;
  const source::SourceSet& previous_sources = previous.result_.estate->sources;
  const auto unchanged_to = [this](source::FileId id) { return file_facts_[id].unchanged_prefix; };
  if (now.rule_id != then.rule_id || now.severity != then.severity || now.message != then.message ||
      now.span.range.begin != then.span.range.begin || now.span.range.end != then.span.range.end ||
      now.span.range.end > unchanged_to(now.span.file) ||
      now.resource_address != then.resource_address || now.cannot_verify != then.cannot_verify ||
      now.related.size() != then.related.size()) {
    return false;
  }
  for (std::size_t i = 0; i < now.related.size(); ++i) {
    const policy::RelatedLocation& a = now.related[i];
    const policy::RelatedLocation& b = then.related[i];
    if (a.span.valid() != b.span.valid() || a.message != b.message) return false;
    if (!a.span.valid()) continue;
    // A document opened or closed since is named by another URI.
    if (a.span.range.begin != b.span.range.begin || a.span.range.end != b.span.range.end ||
        a.span.range.end > unchanged_to(a.span.file) || !file_facts_[a.span.file].uri_as_before ||
        sources.file(a.span.file).path() != previous_sources.file(b.span.file).path()) {
      return false;
    }
  }
  return true;
}

void Snapshot::diagnose_file(FileWork& work, const Snapshot* previous,
                             const SpanConverter& converter) const {
  const std::vector<const policy::Finding*>& findings = work.findings;
  // A finding published before, unchanged and where the edits cannot have moved it,
  // keeps its diagnostic: after an edit, only what changed is converted again.
  std::vector<const FileFinding*> kept(findings.size(), nullptr);
  bool kept_in_order = false;  // every finding, in the same order
  const std::vector<FileFinding>* before = nullptr;
  if (previous != nullptr) {
    if (const auto then = previous->findings_.find(work.path); then != previous->findings_.end()) {
      before = &then->second;
    }
  }
  if (before != nullptr) {
    // Those kept in place from the start; after an edit, the rest are matched by rule,
    // place and resource among the rest of those published before.
    std::size_t in_place = 0;
    while (in_place < findings.size() && in_place < before->size() &&
           same_as_before(*previous, *findings[in_place], *(*before)[in_place].finding)) {
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
          if (same_as_before(*previous, *findings[i], *it->second->finding)) {
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
  if (kept_in_order) {
    // With the same input diagnostics too, the previous array is shared, not copied.
    const auto array = previous->diagnostics_.find(work.path);
    if (array != previous->diagnostics_.end() &&
        array->second->size() == work.input.size() + findings.size() &&
        std::equal(work.input.begin(), work.input.end(), array->second->begin())) {
      work.published = array->second;
      work.text = previous->texts_.at(work.path);
    }
  }
  std::vector<std::shared_ptr<const std::string>> texts(findings.size());
  if (work.published == nullptr) {
    auto array = std::make_shared<Json>(std::move(work.input));
    // The array's text is its elements' texts, as Json::dump writes them: kept ones are
    // not serialized again.
    auto text = std::make_shared<std::string>("[");
    for (const Json& input : *array) {
      if (text->size() > 1) *text += ',';
      *text += input.dump();
    }
    for (std::size_t i = 0; i < findings.size(); ++i) {
      if (kept[i] != nullptr) {
        array->push_back(*kept[i]->diagnostic);
        texts[i] = kept[i]->text;
      } else {
        array->push_back(finding_diagnostic(*findings[i], ranges[i], converter));
        texts[i] = std::make_shared<const std::string>(array->back().dump());
      }
      if (text->size() > 1) *text += ',';
      *text += *texts[i];
    }
    *text += ']';
    work.published = std::move(array);
    work.text = std::move(text);
  } else {
    for (std::size_t i = 0; i < findings.size(); ++i) texts[i] = kept[i]->text;
  }
  const std::size_t first = work.published->size() - findings.size();
  work.entries.reserve(findings.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    work.entries.push_back(
        FileFinding{ranges[i], findings[i], &(*work.published)[first + i], std::move(texts[i])});
  }
}

void Snapshot::add_diagnostics(const UriFor& uri_for, const Snapshot* previous,
                               std::map<std::string, Json> inputs) {
  const source::SourceSet& sources = result_.estate->sources;
  learn_files(uri_for, previous);
  // Shown findings by file, in order. Suppressed findings are settled: the editor shows the
  // directive, not them.
  std::vector<std::vector<const policy::Finding*>> by_file(sources.size());
  for (const policy::Finding& finding : result_.findings) {
    if (finding.suppressed || !finding.span.valid()) continue;
    by_file.at(finding.span.file).push_back(&finding);
  }
  std::map<std::string_view, std::vector<source::FileId>> files_by_path;
  for (source::FileId id = 0; id < by_file.size(); ++id) {
    if (!by_file[id].empty()) files_by_path[sources.file(id).path()].push_back(id);
  }
  std::vector<FileWork> work;
  work.reserve(files_by_path.size());
  for (const auto& [path, ids] : files_by_path) {
    FileWork& file = work.emplace_back();
    file.path = std::string(path);
    for (source::FileId id : ids) {
      file.findings.insert(file.findings.end(), by_file[id].begin(), by_file[id].end());
    }
    // One vector holds every finding, so address order is the lint's order.
    if (ids.size() > 1) std::sort(file.findings.begin(), file.findings.end());
    file.input = Json::array();  // the file's input diagnostics come first
    if (const auto it = inputs.find(file.path); it != inputs.end()) {
      file.input = std::move(it->second);
      inputs.erase(it);
    }
  }
  // Files are independent; the converter indexes each file once for all threads.
  const SpanConverter converter(sources, encoding_);
  parallel::parallel_for(work.size(), 0, [&](std::size_t i) {
    try {
      diagnose_file(work[i], previous, converter);
    } catch (...) {
      work[i].error = std::current_exception();
    }
  });
  for (FileWork& file : work) {
    if (file.error) std::rethrow_exception(file.error);
    findings_.emplace(file.path, std::move(file.entries));
    texts_.emplace(file.path, std::move(file.text));
    diagnostics_.emplace(std::move(file.path), std::move(file.published));
  }
  for (auto& [path, input] : inputs) {
    texts_.emplace(path, std::make_shared<const std::string>(input.dump()));
    diagnostics_.emplace(path, std::make_shared<const Json>(std::move(input)));
  }
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
