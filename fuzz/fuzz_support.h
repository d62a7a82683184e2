// What the fuzz entry points share: invariant checks, the built-in policies, scratch folders.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "graph/fragment.h"
#include "graph/resource_graph.h"
#include "source/diagnostic.h"
#include "source/source_set.h"

namespace ztlint::fuzz {

// The input as text (any bytes: front ends must cope with invalid UTF-8 themselves).
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return size == 0 ? std::string_view()
                   : std::string_view(reinterpret_cast<const char*>(data), size);
}

// Reports a broken invariant and aborts (a crash to the fuzzer, a failure to a test).
[[noreturn]] void fail(const std::string& what);

// Every span of the diagnostics names a file of `sources` and lies within its text, and its
// line/column conversion (what every report does) succeeds.
void check_diagnostics(const source::SourceSet& sources, const source::Diagnostics& diagnostics);

// What the estate does after the front ends, on one fragment: inline children exploded,
// the graph linked, every resource's span checked, and the built-in policies evaluated.
void link_and_evaluate(const source::SourceSet& sources, graph::Fragment& fragment,
                       source::Diagnostics& diagnostics);

// A folder of this process's own, created on first use below $TMPDIR (else /tmp) and
// removed at exit. Entry points that need files on disk empty it before each input.
const std::string& scratch_dir();
void empty_directory(const std::string& dir);

}  // namespace ztlint::fuzz
