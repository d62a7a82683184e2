// Fingerprints that identify a finding across commits, for SARIF and baselines.
#pragma once

#include <string>

#include "policy/finding.h"
#include "source/source_set.h"

namespace ztlint::report {

// A 16-hex-digit hash of the rule, the resource address and the offending code with its
// white space folded. Lines moving (code inserted above) or unrelated edits elsewhere leave
// it unchanged; editing the offending code itself changes it.
std::string finding_fingerprint(const source::SourceSet& sources, const policy::Finding& finding);

}  // namespace ztlint::report
