// HCL text (.tf, .tfvars) into the syntax tree of hcl_ast.h, with syntax errors and comments.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "source/diagnostic.h"
#include "source/source_file.h"
#include "terraform/hcl_ast.h"

namespace ztlint::terraform {

class HclParser;
class SyntaxTree;

// A `#`, `//` or `/* */` comment as written, e.g. "# expect: ZT-NET-001".
struct Comment {
  std::string_view text;  // points into the SourceFile's text
  source::Span span;
};

// Deeper nesting than this (expressions or blocks) is reported, not followed.
inline constexpr int kMaxSyntaxDepth = 256;
// HCL files larger than this are not parsed (an io diagnostic): the grammar's parser holds
// about 200 bytes per byte of a long string, so this keeps a file under a second and 1 GiB.
inline constexpr std::size_t kMaxHclFileBytes = 4u << 20;

// Parses one file. Syntax errors (tree-sitter ERROR and MISSING nodes) become kSyntax
// diagnostics at their exact position; everything that parsed is still in the body.
// `parser` may be null (a parser is made for the call); pass one to reuse it.
Body parse_hcl(const source::SourceFile& file, source::FileId id, source::Diagnostics& diagnostics,
               HclParser* parser = nullptr);

// What the earlier text of a file was converted to, under which id.
struct PreviousConversion {
  const Body* body = nullptr;
  const source::Diagnostics* diagnostics = nullptr;
  source::FileId id = source::kNoFile;
};

// Like parse_hcl for a file whose earlier text `previous_text` was parsed into `previous`:
// tree-sitter re-parses only around the change. The new tree is left in `tree` for the
// next edit (empty when the file starts with a BOM, which is parsed whole). With the
// earlier conversion under the same id, a top-level block that ends before the first
// changed byte, parses without error and converted without a diagnostic is taken from it
// instead of converted again.
Body reparse_hcl(const source::SourceFile& file, source::FileId id,
                 source::Diagnostics& diagnostics, HclParser& parser, const SyntaxTree& previous,
                 std::string_view previous_text, SyntaxTree& tree,
                 const PreviousConversion& converted = {});

// The comments of an HCL file in source order (for `# expect:` markers and suppressions).
std::vector<Comment> file_comments(const source::SourceFile& file, source::FileId id);

}  // namespace ztlint::terraform
