// Parses kept from one run to the next, so the language server re-parses only the files
// that changed between two lints of the same workspace.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "source/source_file.h"
#include "terraform/parsed_file.h"
#include "terraform/syntax_tree.h"

namespace ztlint::estate {

class SyntaxCache {
 public:
  // The parse of `file`: the earlier one when its path, id and text are unchanged (spans
  // in a parse carry the file's id, so a parse is reusable only under the same id). A file
  // whose text changed is parsed again, incrementally from its previous tree once it has
  // been edited before: files being typed in keep their tree-sitter tree. A file `open` in
  // an editor keeps its tree from the first parse, so even its first edit is incremental.
  // Several threads may parse different files at once.
  std::shared_ptr<const terraform::ParsedFile> parse(const source::SourceFile& file,
                                                     source::FileId id, bool open = false);
  // How many parses were reused and made incrementally (for tests and benchmarks).
  std::size_t reused() const;
  std::size_t incremental() const;

 private:
  struct Entry {
    source::FileId id = 0;
    std::string text;
    std::shared_ptr<const terraform::ParsedFile> parsed;
    std::shared_ptr<terraform::SyntaxTree> tree;  // kept once the file has been edited
  };
  std::size_t reused_ = 0;
  std::size_t incremental_ = 0;
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;  // by path: one parse per file, the latest
};

}  // namespace ztlint::estate
