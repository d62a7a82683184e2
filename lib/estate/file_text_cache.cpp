#include "estate/file_text_cache.h"

#include <sys/stat.h>

namespace ztlint::estate {

std::optional<FileTextCache::Stamp> FileTextCache::stamp_of(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) return std::nullopt;
  return Stamp{
      status.st_size, status.st_ino,
      static_cast<long long>(status.st_mtim.tv_sec) * 1'000'000'000LL + status.st_mtim.tv_nsec};
}

std::shared_ptr<const source::SourceFile> FileTextCache::find(const std::string& path,
                                                              const Stamp& stamp) const {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(path);
  if (it == entries_.end() || !(it->second.stamp == stamp)) return nullptr;
  return it->second.file;
}

void FileTextCache::keep(const std::string& path, const Stamp& stamp,
                         std::shared_ptr<const source::SourceFile> file) {
  std::lock_guard lock(mutex_);
  entries_[path] = Entry{stamp, std::move(file)};
}

}  // namespace ztlint::estate
