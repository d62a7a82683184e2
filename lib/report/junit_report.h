// JUnit XML output: one test suite per policy, one test case per policy × resource.
#pragma once

#include <string>

#include "report/run_result.h"

namespace ztlint::report {

// Each policy is a <testsuite>; each declared resource of a type the policy judges is a
// <testcase> that fails with one <failure> per finding on it. Findings on resources of
// other types (estate-level findings) are test cases of their own. Input errors form a
// final "ztlint.inputs" suite of errored cases, so a dashboard shows unreadable files.
std::string render_junit(const RunResult& run);

}  // namespace ztlint::report
