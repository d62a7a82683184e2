#include "source/confinement.h"

#include <fmt/format.h>

#include <cerrno>
#include <map>
#include <mutex>
#include <optional>
#include <utility>

namespace ztlint::source {

namespace fs = std::filesystem;

namespace {

fs::path canonical_or_normal(const fs::path& path, std::error_code& ec) {
  fs::path absolute = fs::absolute(path, ec);
  if (ec) return path.lexically_normal();
  fs::path resolved = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : resolved;
}

bool below(const fs::path& root, const fs::path& path) {
  const std::string r = root.generic_string(), p = path.generic_string();
  if (p == r) return true;
  const std::string prefix = r.ends_with('/') ? r : r + "/";
  return p.starts_with(prefix);
}

}  // namespace

fs::path confinement_root(const fs::path& file_path, const fs::path& linted) {
  std::error_code ec;
  return confinement_root_of_folder(canonical_or_normal(file_path, ec).parent_path(), linted);
}

fs::path confinement_root_of_folder(const fs::path& given, const fs::path& linted) {
  static std::mutex mutex;
  static std::map<std::pair<std::string, std::string>, fs::path> cache;
  std::error_code ec;
  const fs::path folder = canonical_or_normal(given, ec);
  const std::pair<std::string, std::string> key{folder.generic_string(), linted.generic_string()};
  std::lock_guard lock(mutex);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  fs::path root;
  for (fs::path probe = folder; !probe.empty(); probe = probe.parent_path()) {
    if (fs::exists(probe / ".git", ec)) {
      root = probe;
      break;
    }
    if (probe == probe.parent_path()) break;
  }
  if (root.empty() && !linted.empty() && below(linted, folder)) root = linted;
  if (root.empty()) {
    const fs::path cwd = canonical_or_normal(fs::current_path(ec), ec);
    root = !ec && below(cwd, folder) ? cwd : folder;
  }
  cache.emplace(key, root);
  return root;
}

fs::path linted_folder(const SourceSet& sources) {
  std::optional<fs::path> common;
  for (FileId id = 0; id < sources.size(); ++id) {
    std::error_code ec;
    const fs::path folder = canonical_or_normal(sources.file(id).path(), ec).parent_path();
    if (!common) {
      common = folder;
      continue;
    }
    fs::path shared;
    for (auto a = common->begin(), b = folder.begin();
         a != common->end() && b != folder.end() && *a == *b; ++a, ++b) {
      shared /= *a;
    }
    common = shared;
  }
  return common.value_or(fs::path());
}

std::string confinement_violation(const fs::path& root, const fs::path& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  if (ec) return fmt::format("'{}' cannot be resolved: {}", path.generic_string(), ec.message());
  const fs::path resolved = fs::weakly_canonical(absolute, ec);
  if (ec) {
    if (ec.value() == ELOOP) {
      return fmt::format("'{}' goes through a symbolic link loop and is not read",
                         path.generic_string());
    }
    return fmt::format("'{}' cannot be resolved: {}", path.generic_string(), ec.message());
  }
  if (!below(root, resolved)) {
    return fmt::format("'{}' is outside the repository root '{}' and is not read",
                       path.generic_string(), root.generic_string());
  }
  return {};
}

}  // namespace ztlint::source
