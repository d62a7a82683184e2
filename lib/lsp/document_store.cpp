#include "lsp/document_store.h"

#include <algorithm>

namespace ztlint::lsp {

void apply_change(std::string& text, const TextChange& change, PositionEncoding encoding) {
  if (!change.range) {
    text = change.text;
    return;
  }
  const LineIndex index(text, encoding);
  const std::uint32_t begin = index.offset_of(change.range->start);
  const std::uint32_t end = std::max(begin, index.offset_of(change.range->end));
  text.replace(begin, end - begin, change.text);
}

void DocumentStore::open(Document document) {
  std::string path = document.path;
  documents_.insert_or_assign(std::move(path), std::move(document));
}

void DocumentStore::close(const std::string& path) {
  documents_.erase(path);
}

Document* DocumentStore::find(const std::string& path) {
  const auto it = documents_.find(path);
  return it == documents_.end() ? nullptr : &it->second;
}

const Document* DocumentStore::find(const std::string& path) const {
  const auto it = documents_.find(path);
  return it == documents_.end() ? nullptr : &it->second;
}

}  // namespace ztlint::lsp
