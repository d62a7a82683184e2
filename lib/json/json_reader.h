// A JSON reader that keeps the exact source range of every value (comments and trailing commas
// allowed).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "source/text_range.h"
#include "value/value.h"

namespace ztlint::json {

struct ReadOptions {
  // `//` and `/* */` comments, as Azure accepts in templates.
  bool allow_comments = true;
  // A ',' before '}' or ']', as Azure accepts in templates.
  bool allow_trailing_commas = true;
  // Raw line breaks and tabs inside strings, as Azure accepts in multi-line expressions.
  bool allow_control_characters = true;
  // Deeper nesting is an error, never a stack overflow.
  std::uint32_t max_depth = 512;
  // When set, an object member's value is written at `"key": value` (what a person fixes);
  // otherwise at the value alone.
  bool member_spans = true;
};

// A syntax error: what was expected, and the exact byte range where it went wrong.
struct ReadError {
  std::string message;
  source::TextRange range;
};

struct ReadResult {
  value::Value value;  // null when `error` is set
  std::optional<ReadError> error;
  bool ok() const { return !error.has_value(); }
};

// Reads one JSON document from `text`, whose first byte is at offset `base` of `file`
// (pass SourceFile::content_begin() and the text after it to skip a BOM). Every Value's
// span names `file` with offsets relative to the file's start. Never throws on input.
ReadResult read(std::string_view text, source::FileId file = source::kNoFile,
                std::uint32_t base = 0, const ReadOptions& options = {});

}  // namespace ztlint::json
