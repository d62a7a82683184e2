// One input file: its path, its text, and a line index for converting offsets at the edge.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "source/text_range.h"

namespace ztlint::source {

// 1-based line and column; the column counts Unicode code points (what an editor shows).
struct LineColumn {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  friend constexpr bool operator==(LineColumn, LineColumn) = default;
};

// Owns the text of one file. Immutable after construction, so it may be read from any
// thread. A UTF-8 byte order mark is kept in text() but skipped by parsers via
// content_begin().
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  std::string_view slice(TextRange range) const;
  // Offset of the first byte after a UTF-8 BOM (0 when there is none).
  std::uint32_t content_begin() const { return content_begin_; }

  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  // Byte offset where the 0-based line starts.
  std::uint32_t line_start(std::uint32_t line_index) const { return line_starts_[line_index]; }
  // The text of a 0-based line, without its line terminator.
  std::string_view line_text(std::uint32_t line_index) const;
  // 0-based line holding the byte offset (offsets past the end map to the last line).
  std::uint32_t line_index_of(std::uint32_t offset) const;
  LineColumn line_column(std::uint32_t offset) const;
  // Inverse of line_column; clamps to the file.
  std::uint32_t offset_of(LineColumn position) const;

 private:
  std::string path_;
  std::string text_;
  std::uint32_t content_begin_ = 0;
  std::vector<std::uint32_t> line_starts_;
};

}  // namespace ztlint::source
