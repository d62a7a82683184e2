#include "estate/discovery.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>

#include "source/confinement.h"

namespace ztlint::estate {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::optional<InputKind> classify(const std::string& file_name) {
  if (ends_with(file_name, ".tf")) return InputKind::kTerraform;
  if (ends_with(file_name, ".tfvars") || ends_with(file_name, ".tfvars.json")) {
    return InputKind::kTfvars;
  }
  if (ends_with(file_name, ".bicepparam")) return InputKind::kBicepParams;
  if (ends_with(file_name, ".bicep")) return InputKind::kBicep;
  if (ends_with(file_name, ".json")) return InputKind::kJson;
  return std::nullopt;
}

bool is_skipped_directory(const fs::path& path) {
  const std::string name = path.filename().string();
  return name == ".git" || name == ".terraform" || name == "node_modules";
}

// Paths are kept as the user wrote them (relative stays relative), in generic form.
std::string display_path(const fs::path& path) {
  std::string text = path.lexically_normal().generic_string();
  if (text.size() > 2 && text.compare(0, 2, "./") == 0) text.erase(0, 2);
  return text;
}

// Linked folders are not followed (so links cannot loop); linked files are read when they
// resolve inside `root`, the repository root of the folder walked.
void walk(const fs::path& folder, std::set<std::pair<std::string, InputKind>>& out,
          source::Diagnostics& diagnostics) {
  std::error_code ec;
  const fs::path root = source::confinement_root_of_folder(folder, folder);
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    diagnostics.push_back({source::DiagnosticKind::kIo,
                           fmt::format("cannot read directory: {}", ec.message()),
                           source::Span{}, display_path(folder)});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      diagnostics.push_back({source::DiagnosticKind::kIo,
                             fmt::format("cannot read directory: {}", ec.message()),
                             source::Span{}, display_path(it->path())});
      ec.clear();
      continue;
    }
    const fs::directory_entry& entry = *it;
    std::error_code type_ec;
    if (entry.is_directory(type_ec)) {
      if (is_skipped_directory(entry.path())) it.disable_recursion_pending();
      continue;
    }
    const auto kind = classify(entry.path().filename().string());
    if (!kind) continue;
    // A symbolic link is read only when it stays inside the repository root (and ends).
    if (entry.is_symlink(type_ec)) {
      if (std::string why = source::confinement_violation(root, entry.path()); !why.empty()) {
        diagnostics.push_back(
            {source::DiagnosticKind::kIo, why, source::Span{}, display_path(entry.path())});
        continue;
      }
    }
    // Reading a FIFO or device would block or never end: only regular files are read.
    if (!entry.is_regular_file(type_ec)) {
      if (*kind == InputKind::kJson) continue;  // other JSON is not ours to judge
      const bool dangling = entry.is_symlink(type_ec) && !fs::exists(entry.path(), type_ec);
      diagnostics.push_back({source::DiagnosticKind::kIo,
                             dangling ? "cannot read: broken symbolic link"
                                      : "cannot read: not a regular file",
                             source::Span{}, display_path(entry.path())});
      continue;
    }
    out.emplace(display_path(entry.path()), *kind);
  }
}

}  // namespace

std::optional<InputKind> classify_path(const std::string& path) {
  return classify(fs::path(path).filename().string());
}

std::vector<DiscoveredFile> discover(const std::vector<std::string>& paths,
                                     source::Diagnostics& diagnostics) {
  std::set<std::pair<std::string, InputKind>> found;
  for (const std::string& given : paths) {
    const fs::path path(given);
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      diagnostics.push_back({source::DiagnosticKind::kIo, "no such file or directory",
                             source::Span{}, display_path(path)});
      continue;
    }
    if (fs::is_directory(status)) {
      walk(path, found, diagnostics);
      continue;
    }
    const auto kind = classify(path.filename().string());
    if (!fs::is_regular_file(status)) {
      diagnostics.push_back({source::DiagnosticKind::kIo, "cannot read: not a regular file",
                             source::Span{}, display_path(path)});
      continue;
    }
    if (!kind) {
      diagnostics.push_back({source::DiagnosticKind::kUnsupported,
                             "not a Terraform, ARM JSON or Bicep file; skipped", source::Span{},
                             display_path(path)});
      continue;
    }
    found.emplace(display_path(path), *kind);
    if (*kind == InputKind::kTerraform) {
      // A module is its whole folder: lint the file in the context of its siblings.
      const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
      for (const auto& sibling : fs::directory_iterator(folder, ec)) {
        const std::string name = sibling.path().filename().string();
        auto sibling_kind = classify(name);
        if (!sibling_kind ||
            (*sibling_kind != InputKind::kTerraform && *sibling_kind != InputKind::kTfvars)) {
          continue;
        }
        std::error_code link_ec;
        // Only regular files: a folder named x.tf is no sibling, and reading a FIFO blocks.
        if (!sibling.is_regular_file(link_ec)) continue;
        if (sibling.is_symlink(link_ec)) {
          const std::string why = source::confinement_violation(
              source::confinement_root_of_folder(folder, folder), sibling.path());
          if (!why.empty()) {
            diagnostics.push_back(
                {source::DiagnosticKind::kIo, why, source::Span{}, display_path(sibling.path())});
            continue;
          }
        }
        found.emplace(display_path(sibling.path()), *sibling_kind);
      }
    }
  }
  std::vector<DiscoveredFile> files;
  files.reserve(found.size());
  for (const auto& [path, kind] : found) files.push_back({path, kind});
  return files;
}

}  // namespace ztlint::estate
