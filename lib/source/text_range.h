// Byte-offset ranges inside a source file, and spans that also name the file.
#pragma once

#include <cstdint>

namespace ztlint::source {

// Index of a file in a SourceSet. kNoFile marks a value made by evaluation, not written.
using FileId = std::uint32_t;
inline constexpr FileId kNoFile = 0xFFFFFFFFu;

// Half-open byte range [begin, end) into a file's text. The engine speaks only in byte
// offsets; line:column and UTF-16 positions exist only in report/ and lsp/.
struct TextRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  constexpr bool empty() const { return begin == end; }
  constexpr bool contains(std::uint32_t offset) const { return offset >= begin && offset < end; }
  constexpr bool contains(TextRange other) const {
    return other.begin >= begin && other.end <= end;
  }
  friend constexpr bool operator==(TextRange, TextRange) = default;
};

// A range in a particular file: where a value, resource or finding was written.
struct Span {
  FileId file = kNoFile;
  TextRange range;

  constexpr bool valid() const { return file != kNoFile; }
  friend constexpr bool operator==(Span, Span) = default;
};

}  // namespace ztlint::source
