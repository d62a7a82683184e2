// The policies of one run: the built-in library plus any directories of extra YAML files.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "policy/policy.h"
#include "source/diagnostic.h"

namespace ztlint::policy {

// A value type; not thread-safe while loading, immutable and shareable afterwards.
class PolicySet {
 public:
  // The policies embedded in the binary (policies/*/*.yaml at build time). A broken
  // built-in file is reported like any other (the library test keeps that from shipping).
  static PolicySet builtin(source::Diagnostics& errors);

  // Adds every *.yaml / *.yml file below `dir` (fixture folders `*.tests` are skipped).
  // Broken files and duplicate ids are kConfig errors naming the file and line; the rest
  // still load.
  void load_directory(const std::string& dir, source::Diagnostics& errors);
  // Adds one policy file's text; `path` names it in errors.
  void add_text(std::string_view text, const std::string& path, source::Diagnostics& errors);

  const std::vector<Policy>& policies() const { return policies_; }  // sorted by id
  const Policy* find(std::string_view id) const;

  // Keeps only the policies `keep` accepts (a configuration's enable/disable lists), so
  // disabled policies are never evaluated.
  template <typename Predicate>
  void retain(Predicate keep) {
    std::erase_if(policies_, [&](const Policy& policy) { return !keep(policy); });
  }

 private:
  std::vector<Policy> policies_;
};

}  // namespace ztlint::policy
