#include "suppression/ignore_directive.h"

#include <map>

namespace ztlint::suppression {

namespace {

constexpr std::string_view kMarker = "ztlint:ignore";

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

// Where a comment starts on the line (`#` or `//` outside a string), or npos.
std::size_t comment_start(std::string_view line) {
  bool in_string = false;
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == quote) in_string = false;
      continue;
    }
    if (c == '"' || c == '\'') {
      in_string = true;
      quote = c;
    } else if (c == '#') {
      return i;
    } else if (c == '/' && i + 1 < line.size() && line[i + 1] == '/') {
      return i;
    }
  }
  return std::string_view::npos;
}

// Lines that may stand between a directive and its declaration.
bool is_transparent_line(std::string_view line) {
  line = trim(line);
  return line.empty() || line.front() == '#' || line.substr(0, 2) == "//" ||
         line.front() == '@';
}

void scan_comments(const estate::Estate& estate, source::FileId file_id,
                   const std::map<std::pair<source::FileId, std::uint32_t>,
                                  std::vector<graph::ResourceIndex>>& declared_at,
                   std::vector<IgnoreDirective>& out) {
  const source::SourceFile& file = estate.sources.file(file_id);
  for (std::uint32_t line = 0; line < file.line_count(); ++line) {
    const std::string_view text = file.line_text(line);
    if (text.find(kMarker) == std::string_view::npos) continue;
    const std::size_t comment = comment_start(text);
    if (comment == std::string_view::npos) continue;
    const std::size_t marker = text.find(kMarker, comment);
    if (marker == std::string_view::npos) continue;
    const std::string_view before = text.substr(0, comment);
    if (trim(text.substr(comment, marker - comment)).find_first_not_of("#/") !=
        std::string_view::npos) {
      continue;  // the marker is not the start of the comment's text
    }
    IgnoreDirective directive;
    const std::uint32_t begin = file.line_start(line) + static_cast<std::uint32_t>(comment);
    directive.span = {file_id, {begin, file.line_start(line) + static_cast<std::uint32_t>(text.size())}};
    parse_directive_text(text.substr(marker + kMarker.size()), directive);
    // At the end of a declaring line, or above the declaration.
    std::uint32_t target_line = line;
    if (trim(before).empty()) {
      target_line = line + 1;
      while (target_line < file.line_count() && is_transparent_line(file.line_text(target_line))) {
        ++target_line;
      }
    }
    // A declaration may start at its decorators (Bicep), between the directive and the
    // declaring keyword.
    for (std::uint32_t candidate = trim(before).empty() ? line + 1 : line;
         candidate <= target_line && directive.targets.empty(); ++candidate) {
      if (auto it = declared_at.find({file_id, candidate}); it != declared_at.end()) {
        directive.targets = it->second;
      }
    }
    out.push_back(std::move(directive));
  }
}

void collect_arm_metadata(const graph::ResourceGraph& graph, graph::ResourceIndex index,
                          std::vector<IgnoreDirective>& out) {
  const graph::Resource& resource = graph.resource(index);
  const value::Value* ignore = resource.body.find_path("metadata.ztlint.ignore");
  if (!ignore) return;
  const value::List single{*ignore};
  const value::List& entries = ignore->is_list() ? ignore->as_list() : single;
  for (const value::Value& entry : entries) {
    IgnoreDirective directive;
    directive.span = entry.span().valid() ? entry.span() : resource.range;
    directive.targets = {index};
    if (entry.is_string()) {
      parse_directive_text(entry.as_string(), directive);
    } else if (entry.is_map()) {
      if (const value::Value* id = entry.get("id"); id && id->is_string()) {
        parse_directive_text(id->as_string(), directive);
      }
      if (const value::Value* reason = entry.get("reason"); reason && reason->is_string()) {
        directive.reason = std::string(trim(reason->as_string()));
      }
    }
    out.push_back(std::move(directive));
  }
}

}  // namespace

void parse_directive_text(std::string_view text, IgnoreDirective& directive) {
  const std::size_t dashes = text.find("--");
  std::string_view ids = text.substr(0, dashes);
  if (dashes != std::string_view::npos) {
    directive.reason = std::string(trim(text.substr(dashes + 2)));
  }
  std::string current;
  for (char c : ids) {
    if (c == ',' || c == ' ' || c == '\t' || c == '\r') {
      if (!current.empty()) directive.ids.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) directive.ids.push_back(std::move(current));
}

std::vector<IgnoreDirective> collect_directives(const estate::Estate& estate) {
  const graph::ResourceGraph& graph = estate.graph;
  std::map<std::pair<source::FileId, std::uint32_t>, std::vector<graph::ResourceIndex>> declared_at;
  for (graph::ResourceIndex i = 0; i < graph.size(); ++i) {
    const graph::Resource& resource = graph.resource(i);
    if (!resource.range.valid()) continue;
    const source::SourceFile& file = estate.sources.file(resource.range.file);
    declared_at[{resource.range.file, file.line_index_of(resource.range.range.begin)}].push_back(i);
  }
  std::vector<IgnoreDirective> directives;
  for (const estate::FileSummary& summary : estate.files) {
    switch (summary.language) {
      case graph::Language::kTerraform:
      case graph::Language::kBicep:
        scan_comments(estate, summary.file, declared_at, directives);
        break;
      default: break;
    }
  }
  for (graph::ResourceIndex i = 0; i < graph.size(); ++i) {
    if (graph.resource(i).language == graph::Language::kArm) {
      collect_arm_metadata(graph, i, directives);
    }
  }
  return directives;
}

}  // namespace ztlint::suppression
