#include "policy/policy_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "policy/builtin_policies.h"
#include "policy/policy_loader.h"

namespace ztlint::policy {

namespace {

source::Diagnostic config_error(const std::string& path, std::string message) {
  source::Diagnostic diagnostic;
  diagnostic.kind = source::DiagnosticKind::kConfig;
  diagnostic.path = path;
  diagnostic.message = std::move(message);
  return diagnostic;
}

}  // namespace

PolicySet PolicySet::builtin(source::Diagnostics& errors) {
  // Parsed once per process: the language server lints again on every edit, and the
  // embedded texts cannot change.
  struct Parsed {
    PolicySet set;
    source::Diagnostics errors;
  };
  static const Parsed parsed = [] {
    Parsed result;
    for (const EmbeddedFile& file : builtin_policy_files()) {
      result.set.add_text(std::string_view(file.text, file.size),
                          std::string("builtin:") + file.path, result.errors);
    }
    return result;
  }();
  errors.insert(errors.end(), parsed.errors.begin(), parsed.errors.end());
  return parsed.set;
}

void PolicySet::add_text(std::string_view text, const std::string& path,
                         source::Diagnostics& errors) {
  auto policy = parse_policy(text, path, errors);
  if (!policy) return;
  if (const Policy* existing = find(policy->info.id)) {
    errors.push_back(
        config_error(path, fmt::format("{}: duplicate policy id '{}' (already defined in {})", path,
                                       policy->info.id, existing->info.source_path)));
    return;
  }
  auto position =
      std::lower_bound(policies_.begin(), policies_.end(), policy->info.id,
                       [](const Policy& a, const std::string& id) { return a.info.id < id; });
  policies_.insert(position, std::move(*policy));
}

void PolicySet::load_directory(const std::string& dir, source::Diagnostics& errors) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    errors.push_back(config_error(dir, fmt::format("{}: not a directory of policy files", dir)));
    return;
  }
  std::vector<fs::path> files;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    const fs::path& path = it->path();
    if (it->is_directory(error)) {
      if (path.extension() == ".tests" || path.filename().string().starts_with(".")) {
        it.disable_recursion_pending();
      }
      continue;
    }
    if (path.extension() == ".yaml" || path.extension() == ".yml") files.push_back(path);
  }
  if (error) {
    errors.push_back(config_error(dir, fmt::format("{}: {}", dir, error.message())));
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      errors.push_back(config_error(path.string(), fmt::format("{}: cannot read", path.string())));
      continue;
    }
    std::ostringstream text;
    text << in.rdbuf();
    add_text(text.str(), path.string(), errors);
  }
}

const Policy* PolicySet::find(std::string_view id) const {
  auto it = std::lower_bound(policies_.begin(), policies_.end(), id,
                             [](const Policy& a, std::string_view key) { return a.info.id < key; });
  if (it != policies_.end() && it->info.id == id) return &*it;
  return nullptr;
}

}  // namespace ztlint::policy
