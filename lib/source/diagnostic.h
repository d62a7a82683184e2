// An input problem found while reading an estate: the `errors` of the JSON contract.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "source/text_range.h"

namespace ztlint::source {

enum class DiagnosticKind {
  kSyntax,       // the file does not parse
  kIo,           // the file could not be read, is binary, or is not UTF-8
  kEvaluation,   // an expression could not be evaluated (cycle, limit, type error)
  kUnsupported,  // a construct ztlint does not follow (remote module, unknown function)
  kConfig,       // a policy file, configuration file or command-line input is wrong
};

std::string_view to_string(DiagnosticKind kind);

// Front ends never throw on user input: they append Diagnostics and go on.
struct Diagnostic {
  DiagnosticKind kind = DiagnosticKind::kSyntax;
  std::string message;
  Span span;          // span.file may be kNoFile when no file is involved
  std::string path;   // the file's path when it is not in the SourceSet (unreadable files)
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace ztlint::source
