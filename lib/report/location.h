// Spans converted for people and tools: relative paths and 1-based line:column ranges.
#pragma once

#include <string>

#include "source/source_file.h"
#include "source/source_set.h"
#include "source/text_range.h"

namespace ztlint::report {

struct Location {
  std::string file;  // relative to the current directory, '/'-separated
  source::LineColumn start;
  source::LineColumn end;
};

// The path as the contract shows it: relative to the current directory.
std::string display_path(const std::string& path);

// Converts a span; a span without a file gives an empty file name and 1:1.
Location locate(const source::SourceSet& sources, source::Span span);

}  // namespace ztlint::report
