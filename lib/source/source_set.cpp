#include "source/source_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "source/limits.h"

namespace ztlint::source {

namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 when it is malformed.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = static_cast<unsigned char>(text[i]);
  std::size_t length = 0;
  std::uint32_t min_code_point = 0;
  if (byte < 0x80) return 1;
  if ((byte & 0xE0) == 0xC0)
    length = 2, min_code_point = 0x80;
  else if ((byte & 0xF0) == 0xE0)
    length = 3, min_code_point = 0x800;
  else if ((byte & 0xF8) == 0xF0)
    length = 4, min_code_point = 0x10000;
  else
    return 0;
  if (i + length > text.size()) return 0;
  std::uint32_t code_point = byte & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (next & 0x3F);
  }
  if (code_point < min_code_point || code_point > 0x10FFFF) return 0;
  if (code_point >= 0xD800 && code_point <= 0xDFFF) return 0;
  return length;
}

}  // namespace

std::string too_large_message(std::uint64_t bytes) {
  return fmt::format("file is larger than the limit of {} MiB ({} bytes); not read",
                     kMaxFileBytes >> 20, bytes);
}

std::string validate_text(std::string_view text, std::uint32_t* bad_offset) {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\0') {
      if (bad_offset) *bad_offset = static_cast<std::uint32_t>(i);
      return "binary file (contains a NUL byte)";
    }
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
      if (bad_offset) *bad_offset = static_cast<std::uint32_t>(i);
      return "not valid UTF-8 text";
    }
    i += length;
  }
  return {};
}

std::optional<FileId> SourceSet::load(const std::string& path, Diagnostic* error) {
  if (auto existing = find(path)) return existing;
  auto fail = [&](std::string message) -> std::optional<FileId> {
    if (error) *error = Diagnostic{DiagnosticKind::kIo, std::move(message), Span{}, path};
    return std::nullopt;
  };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return fail("is a directory, not a file");
  // Checked before reading: a huge file is refused without holding it in memory.
  if (const auto bytes = std::filesystem::file_size(path, ec); !ec && bytes > kMaxFileBytes) {
    return fail(too_large_message(bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(fmt::format("cannot read: {}", std::strerror(errno)));
  // Read at most one byte past the limit: a device or a growing file cannot exhaust memory.
  std::string text;
  char chunk[1 << 16];
  while (text.size() <= kMaxFileBytes && in.read(chunk, sizeof chunk).gcount() > 0) {
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return fail("read error");
  if (text.size() > kMaxFileBytes) return fail(too_large_message(text.size()));
  return add_checked(path, std::move(text), error);
}

std::optional<FileId> SourceSet::add_checked(std::string path, std::string text,
                                             Diagnostic* error) {
  if (text.size() > kMaxFileBytes) {
    if (error)
      *error = Diagnostic{DiagnosticKind::kIo, too_large_message(text.size()), Span{}, path};
    return std::nullopt;
  }
  std::uint32_t bad_offset = 0;
  if (std::string why = validate_text(text, &bad_offset); !why.empty()) {
    // Keep the text so the error can say line and column.
    const FileId id = add(path, std::move(text));
    if (error) {
      *error = Diagnostic{DiagnosticKind::kIo, why, Span{id, {bad_offset, bad_offset + 1}},
                          file(id).path()};
    }
    return std::nullopt;
  }
  return add(std::move(path), std::move(text));
}

FileId SourceSet::add(std::string path, std::string text) {
  return add_shared(std::make_shared<const SourceFile>(std::move(path), std::move(text)));
}

FileId SourceSet::add_shared(std::shared_ptr<const SourceFile> file) {
  std::lock_guard lock(mutex_);
  const auto id = static_cast<FileId>(files_.size());
  by_path_[file->path()] = id;
  files_.push_back(std::move(file));
  return id;
}

std::shared_ptr<const SourceFile> SourceSet::shared(FileId id) const {
  std::lock_guard lock(mutex_);
  return files_.at(id);
}

const SourceFile& SourceSet::file(FileId id) const {
  std::lock_guard lock(mutex_);
  return *files_.at(id);
}

std::size_t SourceSet::size() const {
  std::lock_guard lock(mutex_);
  return files_.size();
}

std::vector<std::uint32_t> SourceSet::path_ranks() const {
  std::lock_guard lock(mutex_);
  std::vector<FileId> by_path(files_.size());
  for (FileId id = 0; id < by_path.size(); ++id) by_path[id] = id;
  std::sort(by_path.begin(), by_path.end(),
            [&](FileId a, FileId b) { return files_[a]->path() < files_[b]->path(); });
  std::vector<std::uint32_t> rank(files_.size());
  for (std::size_t i = 0; i < by_path.size(); ++i) {
    rank[by_path[i]] = i > 0 && files_[by_path[i]]->path() == files_[by_path[i - 1]]->path()
                           ? rank[by_path[i - 1]]
                           : static_cast<std::uint32_t>(i + 1);
  }
  return rank;
}

std::optional<FileId> SourceSet::find(const std::string& path) const {
  std::lock_guard lock(mutex_);
  if (auto it = by_path_.find(path); it != by_path_.end()) return it->second;
  return std::nullopt;
}

}  // namespace ztlint::source
