// Baselines: today's findings recorded, so that only new ones are reported.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "policy/finding.h"
#include "source/diagnostic.h"
#include "source/source_set.h"

namespace ztlint::baseline {

// A recorded finding. Matching uses rule, resource address and fingerprint (of the
// offending code), never line numbers, so it survives code moving around.
struct Entry {
  std::string rule;
  std::string resource;
  std::string fingerprint;
  std::string file;     // for people reading the baseline; not matched on
  std::string message;  // likewise
};

struct Baseline {
  std::vector<Entry> entries;
};

// The baseline file's text (JSON, sorted, one entry per unsuppressed finding).
std::string render_baseline(const source::SourceSet& sources,
                            const std::vector<policy::Finding>& findings);

// Reads a baseline file; a missing or malformed file is a kConfig diagnostic.
std::optional<Baseline> read_baseline(const std::string& path, source::Diagnostics& diagnostics);

// Removes the findings the baseline records (each entry matches at most one finding) and
// returns how many were removed.
std::size_t remove_baselined(const source::SourceSet& sources, const Baseline& baseline,
                             std::vector<policy::Finding>& findings);

}  // namespace ztlint::baseline
