// SARIF 2.1.0 output, for code-scanning services on pull requests.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "report/run_result.h"

namespace ztlint::report {

// One run: tool.driver.rules for every policy (descriptions, help, helpUri,
// security-severity), results with level, message, relative artifact URI, 1-based region,
// related locations and partialFingerprints; input errors as tool execution notifications.
nlohmann::json to_sarif(const RunResult& run);
std::string render_sarif(const RunResult& run);

// GitHub's security-severity score of a severity ("9.5" critical ... "1.0" info).
std::string security_severity(policy::Severity severity);

}  // namespace ztlint::report
