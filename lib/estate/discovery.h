// Finding the input files of a run from the paths the user gave.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "source/diagnostic.h"

namespace ztlint::estate {

enum class InputKind { kTerraform, kTfvars, kJson, kBicep, kBicepParams };

struct DiscoveredFile {
  std::string path;
  InputKind kind;
};

// Walks the given files and folders recursively (skipping .git, .terraform and
// node_modules), keeping .tf, .tfvars, .tfvars.json, .json, .bicep and .bicepparam files.
// A .tf file named directly brings in the rest of its folder, since a folder is one
// Terraform module. Paths that do not exist become io diagnostics. The result is sorted
// and free of duplicates, so runs are deterministic.
// The kind of input a file name is, or nullopt when ztlint does not read such files.
std::optional<InputKind> classify_path(const std::string& path);

std::vector<DiscoveredFile> discover(const std::vector<std::string>& paths,
                                     source::Diagnostics& diagnostics);

}  // namespace ztlint::estate
