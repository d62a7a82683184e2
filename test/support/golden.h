// Golden-file comparison: ZTLINT_UPDATE_GOLDEN=1 rewrites the file instead of comparing.
#pragma once

#include <string>

namespace ztlint::testing {

// Path of a golden file under test/golden/.
std::string golden_path(const std::string& name);

// Compares `actual` with test/golden/<name>; returns a gtest-printable failure message, or
// empty when they match (or when the file was rewritten on request).
std::string compare_with_golden(const std::string& name, const std::string& actual);

}  // namespace ztlint::testing
