// The ztlint executable under test, run in a folder.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "support/run_ztlint.h"

namespace ztlint::testing {

inline CommandResult ztlint(const std::vector<std::string>& args,
                            const std::filesystem::path& dir) {
  return run_command(ZTLINT_BINARY, args, dir);
}

}  // namespace ztlint::testing
