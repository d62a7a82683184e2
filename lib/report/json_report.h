// The JSON output: the machine contract documented in docs/json-output.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "report/run_result.h"

namespace ztlint::report {

nlohmann::json to_json(const RunResult& run);
std::string render_json(const RunResult& run);

}  // namespace ztlint::report
