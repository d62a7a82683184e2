// Owning wrappers around the tree-sitter parser and tree for the HCL grammar.
#pragma once

#include <memory>
#include <string_view>

struct TSParser;
struct TSTree;

namespace ztlint::terraform {

// A parsed tree-sitter tree of one HCL text. Move-only; the text must outlive it (nodes
// are read back as byte ranges into it). Not thread-safe to share while mutating, but
// read-only use from one thread at a time is fine.
class SyntaxTree {
 public:
  SyntaxTree() = default;
  explicit SyntaxTree(TSTree* tree) : tree_(tree) {}
  TSTree* get() const { return tree_.get(); }
  explicit operator bool() const { return tree_ != nullptr; }

 private:
  struct Deleter {
    void operator()(TSTree* tree) const;
  };
  std::unique_ptr<TSTree, Deleter> tree_;
};

// A tree-sitter parser set to the HCL grammar. One per thread; reusable for many files.
class HclParser {
 public:
  HclParser();
  // Never fails on user input: a file with errors gives a tree with ERROR/MISSING nodes.
  // An empty SyntaxTree only if tree-sitter itself could not run (out of memory).
  SyntaxTree parse(std::string_view text);
  // Parses `text`, an edit of the text `previous` was parsed from, reusing the parts of
  // `previous` the edit left alone (tree-sitter's incremental parsing). The edit is found
  // by comparing the two texts, so callers need not track keystrokes.
  SyntaxTree reparse(const SyntaxTree& previous, std::string_view previous_text,
                     std::string_view text);

 private:
  struct Deleter {
    void operator()(TSParser* parser) const;
  };
  std::unique_ptr<TSParser, Deleter> parser_;
};

}  // namespace ztlint::terraform
