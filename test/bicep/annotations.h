// Test helper: source text with ranges marked inline as «...», in the order they open.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "source/text_range.h"

namespace ztlint::bicep::testing {

struct Annotated {
  std::string text;
  std::vector<source::TextRange> ranges;
};

inline Annotated annotate(std::string_view marked) {
  static constexpr std::string_view kOpen = "\u00AB";
  static constexpr std::string_view kClose = "\u00BB";
  Annotated result;
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < marked.size();) {
    if (marked.substr(i, kOpen.size()) == kOpen) {
      open.push_back(result.ranges.size());
      const auto at = static_cast<std::uint32_t>(result.text.size());
      result.ranges.push_back({at, at});
      i += kOpen.size();
    } else if (marked.substr(i, kClose.size()) == kClose) {
      result.ranges[open.back()].end = static_cast<std::uint32_t>(result.text.size());
      open.pop_back();
      i += kClose.size();
    } else {
      result.text += marked[i++];
    }
  }
  return result;
}

}  // namespace ztlint::bicep::testing
