// Files kept from one run to the next, so the language server does not read, check and
// index every workspace file on every keystroke. A file is read again when its size,
// modification time or inode differ from when it was kept.
#pragma once

#include <sys/types.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "source/source_file.h"

namespace ztlint::estate {

class FileTextCache {
 public:
  // What identifies one version of a file on disk.
  struct Stamp {
    off_t size = 0;
    ino_t inode = 0;
    long long modified_ns = 0;
    bool operator==(const Stamp&) const = default;
  };
  // The file's stamp now; nullopt when it is not a regular file.
  static std::optional<Stamp> stamp_of(const std::string& path);

  // The kept file `path` when it was kept under `stamp`; null otherwise.
  std::shared_ptr<const source::SourceFile> find(const std::string& path, const Stamp& stamp) const;
  // Keeps `file` as what `path` held under `stamp`, taken before reading it: a file
  // written while it was read then has a newer stamp and is read again next time.
  void keep(const std::string& path, const Stamp& stamp,
            std::shared_ptr<const source::SourceFile> file);

 private:
  struct Entry {
    Stamp stamp;
    std::shared_ptr<const source::SourceFile> file;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

}  // namespace ztlint::estate
