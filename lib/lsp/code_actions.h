// Code actions for findings: suppress with a reason, and local quick fixes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "lsp/json_rpc.h"
#include "lsp/snapshot.h"
#include "source/text_range.h"

namespace ztlint::lsp {

// A replacement of [range) in one file's text, in bytes.
struct ByteEdit {
  source::TextRange range;
  std::string text;
  friend bool operator==(const ByteEdit&, const ByteEdit&) = default;
};

enum class FileLanguage { kTerraform, kBicep, kArmJson, kOther };
FileLanguage language_of(std::string_view path);

// The edit that fixes `rule_id` where the finding points (`span` in `text`), when the fix
// is local: the offending attribute's value is replaced, or a missing Terraform attribute
// is added to the declaring block. nullopt when no local fix is known.
std::optional<ByteEdit> local_fix(std::string_view rule_id, FileLanguage language,
                                  std::string_view text, source::TextRange span);

// The comment or metadata entry that suppresses `rule_id` on the resource declared at
// `declaration`; nullopt when the file's language has none that can be inserted there.
std::optional<ByteEdit> suppression_edit(std::string_view rule_id, FileLanguage language,
                                         std::string_view text, source::TextRange declaration);

// CodeAction[] for the findings of `path` whose ranges meet `range`.
Json code_actions(const Snapshot& snapshot, const std::string& path, const std::string& uri,
                  const Range& range);

}  // namespace ztlint::lsp
