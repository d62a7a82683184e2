// The editor's open documents: their text and version, kept current by full or range edits.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "lsp/position.h"

namespace ztlint::lsp {

struct Document {
  std::string uri;   // as the client spelled it (diagnostics are published under it)
  std::string path;  // absolute path, the key of the estate overlay
  std::string language_id;
  int version = 0;
  std::string text;
};

// One entry of didChange's contentChanges: a range edit, or the whole text when no range.
struct TextChange {
  std::optional<Range> range;
  std::string text;
};

// Applies one change. Positions are read in `encoding` against the current text; a range
// past the end of a line or of the text is clamped to it, and a reversed range is emptied
// at its start, so no edit can fail or corrupt the text.
void apply_change(std::string& text, const TextChange& change, PositionEncoding encoding);

// Open documents by path. Not thread-safe: the server guards it.
class DocumentStore {
 public:
  void open(Document document);
  void close(const std::string& path);
  Document* find(const std::string& path);
  const Document* find(const std::string& path) const;
  const std::map<std::string, Document>& documents() const { return documents_; }

 private:
  std::map<std::string, Document> documents_;
};

}  // namespace ztlint::lsp
