// Whether to colour output: only on a terminal, never with NO_COLOR.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace ztlint::cli {

inline bool want_color(std::FILE* stream) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return isatty(fileno(stream)) != 0;
}

}  // namespace ztlint::cli
