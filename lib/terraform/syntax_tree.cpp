#include "terraform/syntax_tree.h"

#include <tree_sitter/api.h>

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

}  // namespace ztlint::terraform
