// A .tf or .tfvars file parsed once: its syntax tree with its syntax errors. Immutable, so
// files can be parsed on several threads and, in the language server, reused between runs.
#pragma once

#include <map>
#include <memory>

#include "source/diagnostic.h"
#include "source/source_file.h"
#include "terraform/hcl_ast.h"

namespace ztlint::terraform {

struct ParsedFile {
  Body body;
  source::Diagnostics diagnostics;  // syntax errors, reported when the file is used
};

// Files parsed ahead of evaluation, by id.
using ParsedFiles = std::map<source::FileId, std::shared_ptr<const ParsedFile>>;

class SyntaxTree;

// Parses one file (counted as the parse stage).
std::shared_ptr<const ParsedFile> parse_file(const source::SourceFile& file, source::FileId id);

// Parses an edited file incrementally from the tree of its previous text (see
// reparse_hcl); leaves the new tree in `tree`. Unchanged top-level blocks are taken from
// `previous_parse`, the previous text's parse under id `previous_id`, when given.
std::shared_ptr<const ParsedFile> reparse_file(const source::SourceFile& file, source::FileId id,
                                               const SyntaxTree& previous,
                                               std::string_view previous_text, SyntaxTree& tree,
                                               const ParsedFile* previous_parse = nullptr,
                                               source::FileId previous_id = source::kNoFile);

}  // namespace ztlint::terraform
