// Pairing `--format` with `--output`: several formats in one run, each to stdout or a file.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace ztlint::cli {

struct OutputTarget {
  std::string format;  // text | json | ...
  std::string path;    // empty: standard output
};

// Reads the order in which --format and --output appeared: each --output belongs to the
// --format before it (`--format sarif --output a.sarif --format text`). With no --format,
// one text target (to --output when given). Returns an empty list and sets `error` when an
// --output has no format to belong to or two formats write to stdout.
std::vector<OutputTarget> pair_outputs(const CLI::App& command, const CLI::Option* format_option,
                                       const CLI::Option* output_option, std::string* error);

// Writes `text` to the target; false with `error` set when the file cannot be written.
bool write_output(const OutputTarget& target, const std::string& text, std::string* error);

}  // namespace ztlint::cli
