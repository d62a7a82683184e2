// The files of one run, addressed by FileId.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "source/diagnostic.h"
#include "source/source_file.h"

namespace ztlint::source {

// Owns every SourceFile read in a run. Files are never removed, so a `const SourceFile&`
// stays valid for the set's lifetime. Thread-safe: front ends load module files and linked
// templates while other threads read.
class SourceSet {
 public:
  // Reads a file from disk (once; a second call returns the same id). On failure returns
  // nullopt and explains why in `error` (kind kIo): unreadable, a directory, binary (NUL
  // bytes), not valid UTF-8, or larger than kMaxFileBytes (source/limits.h).
  std::optional<FileId> load(const std::string& path, Diagnostic* error);
  // Adds text that is not on disk (an editor buffer, a test). Replaces nothing: a new id.
  FileId add(std::string path, std::string text);
  // Like add, but checks the text as load does (size, NUL bytes, UTF-8): on failure the text
  // is kept for positions (unless too large), `error` explains, and nullopt is returned.
  std::optional<FileId> add_checked(std::string path, std::string text, Diagnostic* error);
  // Adds a file that another set read and checked: shared, neither copied nor checked again.
  FileId add_shared(std::shared_ptr<const SourceFile> file);
  const SourceFile& file(FileId id) const;
  // The file, to share with another set.
  std::shared_ptr<const SourceFile> shared(FileId id) const;

  std::size_t size() const;
  // The id of a path loaded before, if any.
  std::optional<FileId> find(const std::string& path) const;
  // Each file's rank among the paths, by id, from 1; files of the same path share one.
  // Sorting files by rank sorts them by path without comparing or looking up paths.
  std::vector<std::uint32_t> path_ranks() const;

 private:
  mutable std::mutex mutex_;
  std::deque<std::shared_ptr<const SourceFile>> files_;
  std::map<std::string, FileId> by_path_;
};

// The io diagnostic's message for a file of `bytes` bytes above kMaxFileBytes.
std::string too_large_message(std::uint64_t bytes);

// Why `text` is not lintable source (NUL bytes, invalid UTF-8), or empty when it is.
std::string validate_text(std::string_view text, std::uint32_t* bad_offset);

}  // namespace ztlint::source
