// The confinement rule: a run reads only below the repository root of what it lints.
#pragma once

#include <filesystem>
#include <string>

#include "source/source_set.h"

namespace ztlint::source {

// The folder that what a file in `folder` references (modules, linked templates, files read
// by functions) must stay inside: the nearest folder at or above it holding `.git`; else
// `linted` (the folder linted, see linted_folder) when it holds `folder`; else the current
// directory when it holds `folder`; else `folder` itself.
std::filesystem::path confinement_root_of_folder(const std::filesystem::path& folder,
                                                 const std::filesystem::path& linted = {});
// The same for a file: as for its folder.
std::filesystem::path confinement_root(const std::filesystem::path& file_path,
                                       const std::filesystem::path& linted = {});

// The deepest folder holding every file read so far: the folder linted, in effect.
std::filesystem::path linted_folder(const SourceSet& sources);

// Why `path` may not be read by a unit confined to `root`, or empty when it may: it lies
// outside the root once symbolic links are resolved, or a symbolic link on the way loops.
// A path that does not exist (inside the root) is not a violation: reading it reports that.
std::string confinement_violation(const std::filesystem::path& root,
                                  const std::filesystem::path& path);

}  // namespace ztlint::source
