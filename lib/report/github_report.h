// GitHub Actions workflow commands, so findings show as pull-request annotations.
#pragma once

#include <string>

#include "report/run_result.h"

namespace ztlint::report {

// One `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` line per finding
// (critical and high are errors, medium warnings, low and info notices), then one per
// input error.
std::string render_github(const RunResult& run);

}  // namespace ztlint::report
