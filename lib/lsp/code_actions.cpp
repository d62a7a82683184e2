#include "lsp/code_actions.h"

#include <array>
#include <regex>

#include "lsp/convert.h"

namespace ztlint::lsp {
namespace {

// The reason is left for the person to write after `--`: until they do, the directive
// suppresses nothing and is itself reported (ZT-IGNORE-001), so no exception slips in
// unexplained.
constexpr std::string_view kReason = "";

enum class FixValue { kTls12, kDisabled, kFalse, kTrue };

// Attributes (Terraform, Bicep and ARM spellings) whose value a policy's fix sets.
struct FixEntry {
  std::string_view rule_id;
  std::string_view attribute;
  FixValue value;
};
constexpr std::array<FixEntry, 12> kFixes{{
    {"ZT-STG-001", "min_tls_version", FixValue::kTls12},
    {"ZT-STG-001", "minimumTlsVersion", FixValue::kTls12},
    {"ZT-STG-001", "https_traffic_only_enabled", FixValue::kTrue},
    {"ZT-STG-001", "enable_https_traffic_only", FixValue::kTrue},
    {"ZT-STG-001", "supportsHttpsTrafficOnly", FixValue::kTrue},
    {"ZT-STG-002", "allow_nested_items_to_be_public", FixValue::kFalse},
    {"ZT-STG-002", "allowBlobPublicAccess", FixValue::kFalse},
    {"ZT-STG-003", "shared_access_key_enabled", FixValue::kFalse},
    {"ZT-STG-003", "allowSharedKeyAccess", FixValue::kFalse},
    {"ZT-PE-001", "public_network_access_enabled", FixValue::kFalse},
    {"ZT-PE-001", "public_network_access", FixValue::kDisabled},
    {"ZT-PE-001", "publicNetworkAccess", FixValue::kDisabled},
}};

// What a Terraform block that lacks the attribute gets (the provider default is unsafe).
struct MissingEntry {
  std::string_view rule_id;
  std::string_view line;
};
constexpr std::array<MissingEntry, 2> kTerraformMissing{{
    {"ZT-STG-001", "min_tls_version = \"TLS1_2\""},
    {"ZT-PE-001", "public_network_access_enabled = false"},
}};

std::string literal(FixValue value, FileLanguage language) {
  const char quote = language == FileLanguage::kBicep ? '\'' : '"';
  switch (value) {
    case FixValue::kTls12: return std::string(1, quote) + "TLS1_2" + quote;
    case FixValue::kDisabled: return std::string(1, quote) + "Disabled" + quote;
    case FixValue::kFalse: return "false";
    case FixValue::kTrue: return "true";
  }
  return "false";
}

std::uint32_t line_begin(std::string_view text, std::uint32_t offset) {
  const std::size_t newline = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  return offset == 0 || newline == std::string_view::npos ? 0
                                                          : static_cast<std::uint32_t>(newline + 1);
}

std::string indentation_at(std::string_view text, std::uint32_t begin) {
  std::string indent;
  for (std::uint32_t i = begin; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) {
    indent.push_back(text[i]);
  }
  return indent;
}

Json text_edit(const LineIndex& index, const ByteEdit& edit) {
  return Json{{"range", to_json(Range{index.position_of(edit.range.begin),
                                      index.position_of(edit.range.end)})},
              {"newText", edit.text}};
}

bool meets(const Range& a, const Range& b) {
  const auto before = [](Position x, Position y) {
    return x.line < y.line || (x.line == y.line && x.character <= y.character);
  };
  return before(a.start, b.end) && before(b.start, a.end);
}

}  // namespace

FileLanguage language_of(std::string_view path) {
  const auto ends_with = [path](std::string_view suffix) {
    return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
  };
  if (ends_with(".tf")) return FileLanguage::kTerraform;
  if (ends_with(".bicep")) return FileLanguage::kBicep;
  if (ends_with(".json")) return FileLanguage::kArmJson;
  return FileLanguage::kOther;
}

std::optional<ByteEdit> local_fix(std::string_view rule_id, FileLanguage language,
                                  std::string_view text, source::TextRange span) {
  if (span.end > text.size() || span.begin > span.end) return std::nullopt;
  // The assignment on the span's first line, from the line start: `key = value`,
  // `key: value` or `"key": value`; the value is what follows up to the span's end.
  const std::uint32_t begin = line_begin(text, span.begin);
  const std::size_t newline = text.find('\n', span.begin);
  const std::uint32_t end = static_cast<std::uint32_t>(
      std::min<std::size_t>(span.end, newline == std::string_view::npos ? text.size() : newline));
  const std::string line(text.substr(begin, end - begin));
  static const std::regex kAssignment(R"(^\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?\s*[=:]\s*)");
  std::smatch match;
  if (std::regex_search(line, match, kAssignment) && span.end <= end + 1) {
    const std::string key = match[1];
    for (const FixEntry& entry : kFixes) {
      if (entry.rule_id != rule_id || entry.attribute != key) continue;
      std::uint32_t value_begin = begin + static_cast<std::uint32_t>(match.length(0));
      std::uint32_t value_end = end;
      while (value_end > value_begin &&
             (text[value_end - 1] == ' ' || text[value_end - 1] == ',' ||
              text[value_end - 1] == '\r' || text[value_end - 1] == '\t')) {
        --value_end;
      }
      if (value_end <= value_begin) return std::nullopt;
      return ByteEdit{{value_begin, value_end}, literal(entry.value, language)};
    }
    return std::nullopt;
  }
  // The declaring block: a Terraform block gets the attribute after its first line.
  if (language != FileLanguage::kTerraform) return std::nullopt;
  const std::size_t open = text.substr(0, span.end).find('{', span.begin);
  const std::size_t first_newline = text.find('\n', span.begin);
  if (open == std::string_view::npos || first_newline == std::string_view::npos ||
      first_newline < open || first_newline >= span.end) {
    return std::nullopt;
  }
  for (const MissingEntry& entry : kTerraformMissing) {
    if (entry.rule_id != rule_id) continue;
    const auto at = static_cast<std::uint32_t>(first_newline + 1);
    const std::string indent = indentation_at(text, begin) + "  ";
    return ByteEdit{{at, at}, indent + std::string(entry.line) + "\n"};
  }
  return std::nullopt;
}

std::optional<ByteEdit> suppression_edit(std::string_view rule_id, FileLanguage language,
                                         std::string_view text, source::TextRange declaration) {
  if (declaration.end > text.size() || declaration.begin > declaration.end) return std::nullopt;
  const std::string id(rule_id);
  const std::uint32_t begin = line_begin(text, declaration.begin);
  const std::string indent = indentation_at(text, begin);
  switch (language) {
    case FileLanguage::kTerraform:
      return ByteEdit{{begin, begin},
                      indent + "# ztlint:ignore " + id + " -- " + std::string(kReason) + "\n"};
    case FileLanguage::kBicep:
      return ByteEdit{{begin, begin},
                      indent + "// ztlint:ignore " + id + " -- " + std::string(kReason) + "\n"};
    case FileLanguage::kArmJson: {
      // Only a resource object without metadata of its own: merging into existing
      // metadata is left to the person.
      const std::string_view object =
          text.substr(declaration.begin, declaration.end - declaration.begin);
      if (object.empty() || object.front() != '{' ||
          object.find("\"metadata\"") != std::string_view::npos) {
        return std::nullopt;
      }
      const std::size_t key = object.find('"');
      if (key == std::string_view::npos) return std::nullopt;
      const std::uint32_t key_at = declaration.begin + static_cast<std::uint32_t>(key);
      const std::string key_indent = indentation_at(text, line_begin(text, key_at));
      const std::string entry = "\"metadata\": {\"ztlint\": {\"ignore\": [\"" + id + " -- " +
                                std::string(kReason) + "\"]}},";
      // Before the first key, on its own line when the object is written over lines.
      const bool own_line = line_begin(text, key_at) > declaration.begin;
      return own_line ? ByteEdit{{line_begin(text, key_at), line_begin(text, key_at)},
                                 key_indent + entry + "\n"}
                      : ByteEdit{{key_at, key_at}, entry + " "};
    }
    case FileLanguage::kOther: return std::nullopt;
  }
  return std::nullopt;
}

Json code_actions(const Snapshot& snapshot, const std::string& path, const std::string& uri,
                  const Range& range) {
  Json actions = Json::array();
  const auto file = snapshot.file_id(path);
  if (!file) return actions;
  const estate::Estate& estate = *snapshot.result().estate;
  const std::string_view text = estate.sources.file(*file).text();
  const LineIndex index(text, snapshot.encoding());
  const FileLanguage language = language_of(path);
  const auto action = [&](std::string title, const Json& diagnostic, const ByteEdit& edit,
                          bool preferred) {
    Json entry{{"title", std::move(title)},
               {"kind", "quickfix"},
               {"diagnostics", Json::array({diagnostic})},
               {"edit", {{"changes", {{uri, Json::array({text_edit(index, edit)})}}}}}};
    if (preferred) entry["isPreferred"] = true;
    actions.push_back(std::move(entry));
  };
  for (const FileFinding& entry : snapshot.findings_in(path)) {
    if (!meets(entry.range, range)) continue;
    const policy::Finding& finding = *entry.finding;
    if (finding.rule_id.rfind("ZT-IGNORE-", 0) == 0) continue;  // about a directive itself
    if (auto edit = local_fix(finding.rule_id, language, text, finding.span.range)) {
      std::string shown = edit->text;
      shown.erase(0, shown.find_first_not_of(" \t"));
      while (!shown.empty() && (shown.back() == '\n' || shown.back() == ' ')) shown.pop_back();
      action("Fix " + finding.rule_id + ": " + (edit->range.empty() ? "add " : "set to ") + shown,
             *entry.diagnostic, *edit, true);
    }
    source::TextRange declaration = finding.span.range;
    if (auto resource = estate.graph.find_address(finding.resource_address)) {
      const graph::Resource& declared = estate.graph.resource(*resource);
      if (declared.range.file == *file) declaration = declared.range.range;
    }
    if (auto edit = suppression_edit(finding.rule_id, language, text, declaration)) {
      action("Suppress " + finding.rule_id + " with a reason", *entry.diagnostic, *edit,
             false);
    }
  }
  return actions;
}

}  // namespace ztlint::lsp
