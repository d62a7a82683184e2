// The recursive-descent parser of Bicep (.bicep and .bicepparam) source text.
#pragma once

#include <cstdint>
#include <string_view>

#include "bicep/syntax.h"

namespace ztlint::bicep {

// Parses a whole file. Never fails: a declaration that does not parse becomes a kError node
// and a SyntaxError ("expected ... after ...") at the exact position, and parsing resumes at
// the next line that starts a declaration. Nesting deeper than kMaxDepth is an error, not a
// crash. Linear in the size of the text, so an editor may re-parse on every keystroke.
SyntaxTree parse(std::string_view text, std::uint32_t begin = 0);

inline constexpr int kMaxDepth = 256;

}  // namespace ztlint::bicep
