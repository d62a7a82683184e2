// Human-readable output: findings grouped by file, each with a code frame and carets.
#pragma once

#include <string>

#include "report/run_result.h"

namespace ztlint::report {

struct TextOptions {
  bool color = false;  // ANSI colours (only on a terminal, never with NO_COLOR)
};

// Renders findings grouped by file (sorted by position), each with the source line and a
// caret under its range, then input errors, then a summary line.
std::string render_text(const RunResult& run, const TextOptions& options);

}  // namespace ztlint::report
