#include "estate/syntax_cache.h"

namespace ztlint::estate {

std::shared_ptr<const terraform::ParsedFile> SyntaxCache::parse(const source::SourceFile& file,
                                                                source::FileId id, bool open) {
  std::unique_lock lock(mutex_);
  Entry& entry = entries_[file.path()];
  if (entry.parsed != nullptr && entry.id == id && entry.text == file.text() &&
      (entry.tree != nullptr || !open)) {
    ++reused_;
    return entry.parsed;
  }
  // Each file is parsed by one thread; the entry's slot is not touched by others.
  const bool edited = entry.parsed != nullptr;
  const bool keep_tree = edited || open;
  Entry previous = std::move(entry);
  lock.unlock();

  Entry next{id, std::string(file.text()), nullptr, nullptr};
  if (keep_tree) {
    next.tree = std::make_shared<terraform::SyntaxTree>();
    const terraform::SyntaxTree none;
    const terraform::SyntaxTree& base = previous.tree ? *previous.tree : none;
    // A different id means other spans: the tree is still valid text-wise.
    next.parsed = terraform::reparse_file(file, id, base, previous.text, *next.tree,
                                          previous.parsed.get(), previous.id);
  } else {
    next.parsed = terraform::parse_file(file, id);
  }
  std::shared_ptr<const terraform::ParsedFile> parsed = next.parsed;

  lock.lock();
  if (edited && previous.tree) ++incremental_;
  entries_[file.path()] = std::move(next);
  return parsed;
}

std::size_t SyntaxCache::reused() const {
  std::lock_guard lock(mutex_);
  return reused_;
}

std::size_t SyntaxCache::incremental() const {
  std::lock_guard lock(mutex_);
  return incremental_;
}

}  // namespace ztlint::estate
