#include "terraform/parsed_file.h"

#include "terraform/hcl_parser.h"
#include "terraform/syntax_tree.h"
#include "timing/stage_timings.h"

namespace ztlint::terraform {

namespace {

// One parser per thread: making a tree-sitter parser costs more than a small file.
HclParser& thread_parser() {
  thread_local HclParser parser;
  return parser;
}

}  // namespace

std::shared_ptr<const ParsedFile> parse_file(const source::SourceFile& file, source::FileId id) {
  timing::ScopedStage stage(timing::Stage::kParse);
  auto parsed = std::make_shared<ParsedFile>();
  parsed->body = parse_hcl(file, id, parsed->diagnostics, &thread_parser());
  return parsed;
}

std::shared_ptr<const ParsedFile> reparse_file(const source::SourceFile& file, source::FileId id,
                                               const SyntaxTree& previous,
                                               std::string_view previous_text, SyntaxTree& tree,
                                               const ParsedFile* previous_parse,
                                               source::FileId previous_id) {
  timing::ScopedStage stage(timing::Stage::kParse);
  auto parsed = std::make_shared<ParsedFile>();
  PreviousConversion converted;
  if (previous_parse != nullptr) {
    converted = {&previous_parse->body, &previous_parse->diagnostics, previous_id};
  }
  parsed->body = reparse_hcl(file, id, parsed->diagnostics, thread_parser(), previous,
                             previous_text, tree, converted);
  return parsed;
}

}  // namespace ztlint::terraform
