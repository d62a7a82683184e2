// LSP positions (line, character) and byte offsets, converted in one negotiated encoding.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace ztlint::lsp {

// What `character` counts: UTF-16 code units (the LSP default) or UTF-8 bytes.
enum class PositionEncoding { kUtf16, kUtf8 };

struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  friend constexpr bool operator==(Position, Position) = default;
};

struct Range {
  Position start;
  Position end;
  friend constexpr bool operator==(Range, Range) = default;
};

// Line starts of one text, for converting in both directions. Does not own the text: it
// must outlive the index.
class LineIndex {
 public:
  LineIndex(std::string_view text, PositionEncoding encoding);

  // Offsets past the end clamp to the end; an offset inside a code point counts as its start.
  Position position_of(std::uint32_t offset) const;
  // Lines past the end clamp to the end of the text; a character past the end of its line
  // clamps to the line's end (before its terminator), one inside a surrogate pair to the pair.
  std::uint32_t offset_of(Position position) const;

 private:
  std::uint32_t line_end(std::uint32_t line) const;  // before "\n" or "\r\n"

  std::string_view text_;
  PositionEncoding encoding_;
  std::vector<std::uint32_t> starts_;
};

}  // namespace ztlint::lsp
