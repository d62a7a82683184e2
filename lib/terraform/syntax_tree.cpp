#include "terraform/syntax_tree.h"

#include <tree_sitter/api.h>

#include <algorithm>
#include <new>

extern "C" const TSLanguage* tree_sitter_hcl(void);

namespace ztlint::terraform {

void SyntaxTree::Deleter::operator()(TSTree* tree) const {
  ts_tree_delete(tree);
}
void HclParser::Deleter::operator()(TSParser* parser) const {
  ts_parser_delete(parser);
}

HclParser::HclParser() : parser_(ts_parser_new()) {
  if (!parser_ || !ts_parser_set_language(parser_.get(), tree_sitter_hcl())) throw std::bad_alloc();
}

SyntaxTree HclParser::parse(std::string_view text) {
  return SyntaxTree(ts_parser_parse_string(parser_.get(), nullptr, text.data(),
                                           static_cast<uint32_t>(text.size())));
}

namespace {

// The row and byte column of `offset` in `text`.
TSPoint point_at(std::string_view text, std::size_t offset) {
  TSPoint point{0, 0};
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++point.row;
      line_start = i + 1;
    }
  }
  point.column = static_cast<uint32_t>(offset - line_start);
  return point;
}

}  // namespace

SyntaxTree HclParser::reparse(const SyntaxTree& previous, std::string_view previous_text,
                              std::string_view text) {
  if (!previous) return parse(text);
  // The edit is what lies between the common prefix and the common suffix.
  std::size_t prefix = 0;
  const std::size_t shorter = std::min(previous_text.size(), text.size());
  while (prefix < shorter && previous_text[prefix] == text[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < shorter - prefix &&
         previous_text[previous_text.size() - 1 - suffix] == text[text.size() - 1 - suffix]) {
    ++suffix;
  }
  TSInputEdit edit;
  edit.start_byte = static_cast<uint32_t>(prefix);
  edit.old_end_byte = static_cast<uint32_t>(previous_text.size() - suffix);
  edit.new_end_byte = static_cast<uint32_t>(text.size() - suffix);
  edit.start_point = point_at(text, prefix);
  edit.old_end_point = point_at(previous_text, edit.old_end_byte);
  edit.new_end_point = point_at(text, edit.new_end_byte);
  TSTree* edited = ts_tree_copy(previous.get());
  ts_tree_edit(edited, &edit);
  SyntaxTree result(ts_parser_parse_string(parser_.get(), edited, text.data(),
                                           static_cast<uint32_t>(text.size())));
  ts_tree_delete(edited);
  return result;
}

}  // namespace ztlint::terraform
