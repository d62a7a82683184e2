#include "lsp/position.h"

#include <algorithm>

namespace ztlint::lsp {
namespace {

// Length of the UTF-8 sequence a lead byte starts (1 for stray continuation bytes).
std::uint32_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

}  // namespace

LineIndex::LineIndex(std::string_view text, PositionEncoding encoding)
    : text_(text), encoding_(encoding) {
  starts_.push_back(0);
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

std::uint32_t LineIndex::line_end(std::uint32_t line) const {
  std::uint32_t end =
      line + 1 < starts_.size() ? starts_[line + 1] - 1 : static_cast<std::uint32_t>(text_.size());
  if (line + 1 < starts_.size() && end > starts_[line] && text_[end - 1] == '\r') --end;
  return end;
}

Position LineIndex::position_of(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - starts_.begin() - 1);
  std::uint32_t i = starts_[line];
  std::uint32_t character = 0;
  while (i < offset) {
    const std::uint32_t length = sequence_length(static_cast<unsigned char>(text_[i]));
    if (i + length > offset) break;  // inside a code point: count its start
    character += encoding_ == PositionEncoding::kUtf8 ? length : (length == 4 ? 2 : 1);
    i += length;
  }
  return {line, character};
}

std::uint32_t LineIndex::offset_of(Position position) const {
  if (position.line >= starts_.size()) return static_cast<std::uint32_t>(text_.size());
  const std::uint32_t end = line_end(position.line);
  std::uint32_t i = starts_[position.line];
  std::uint32_t character = 0;
  while (i < end && character < position.character) {
    const std::uint32_t length =
        std::min(sequence_length(static_cast<unsigned char>(text_[i])), end - i);
    const std::uint32_t units =
        encoding_ == PositionEncoding::kUtf8 ? length : (length == 4 ? 2 : 1);
    if (character + units > position.character) break;  // inside a code point
    character += units;
    i += length;
  }
  return i;
}

}  // namespace ztlint::lsp
