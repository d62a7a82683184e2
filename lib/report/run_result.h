// Everything an output format renders about one run.
#pragma once

#include <vector>

#include "estate/estate.h"
#include "policy/finding.h"
#include "policy/policy.h"

namespace ztlint::report {

// Borrowed views of a finished run; the emitters read it and own nothing.
struct RunResult {
  const estate::Estate& estate;
  const std::vector<policy::Finding>& findings;
  const std::vector<policy::PolicyInfo>& rules;  // every policy that ran, sorted by id
};

// True when an input could not be read or parsed (exit code 2 after everything else ran).
bool has_input_errors(const estate::Estate& estate);

}  // namespace ztlint::report
