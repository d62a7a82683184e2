#include "source/source_file.h"

#include <algorithm>

namespace ztlint::source {

namespace {

bool is_utf8_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  if (text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) content_begin_ = 3;
  line_starts_.push_back(0);
  for (std::uint32_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::string_view SourceFile::slice(TextRange range) const {
  const auto size = static_cast<std::uint32_t>(text_.size());
  const std::uint32_t begin = std::min(range.begin, size);
  const std::uint32_t end = std::clamp(range.end, begin, size);
  return std::string_view(text_).substr(begin, end - begin);
}

std::string_view SourceFile::line_text(std::uint32_t line_index) const {
  if (line_index >= line_starts_.size()) return {};
  const std::uint32_t begin = line_starts_[line_index];
  std::uint32_t end = line_index + 1 < line_starts_.size() ? line_starts_[line_index + 1]
                                                            : static_cast<std::uint32_t>(text_.size());
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(begin, end - begin);
}

std::uint32_t SourceFile::line_index_of(std::uint32_t offset) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<std::uint32_t>(it - line_starts_.begin()) - 1;
}

LineColumn SourceFile::line_column(std::uint32_t offset) const {
  offset = std::min(offset, static_cast<std::uint32_t>(text_.size()));
  const std::uint32_t line = line_index_of(offset);
  std::uint32_t column = 1;
  // A byte order mark is not a character anyone sees: the first column follows it.
  const std::uint32_t begin = std::max(line_starts_[line], line == 0 ? content_begin_ : 0u);
  for (std::uint32_t i = begin; i < offset; ++i) {
    if (!is_utf8_continuation(static_cast<unsigned char>(text_[i]))) ++column;
  }
  return {line + 1, column};
}

std::uint32_t SourceFile::offset_of(LineColumn position) const {
  if (position.line == 0) return 0;
  const std::uint32_t line = std::min(position.line - 1, line_count() - 1);
  std::uint32_t offset = line == 0 ? content_begin_ : line_starts_[line];
  const std::uint32_t line_end = line + 1 < line_count() ? line_starts_[line + 1]
                                                         : static_cast<std::uint32_t>(text_.size());
  for (std::uint32_t column = 1; column < position.column && offset < line_end; ++column) {
    ++offset;
    while (offset < line_end && is_utf8_continuation(static_cast<unsigned char>(text_[offset])))
      ++offset;
  }
  return offset;
}

}  // namespace ztlint::source
