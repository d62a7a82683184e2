// Fuzz target: one Bicep file lexed, parsed, evaluated and lowered.
#include "bicep/bicep_front_end.h"
#include "entry_points.h"
#include "fuzz_support.h"

namespace ztlint::fuzz {

int bicep_entry(const std::uint8_t* data, std::size_t size) {
  source::SourceSet sources;
  source::Diagnostics diagnostics;
  bicep::Inputs inputs;
  inputs.bicep_files.push_back(
      sources.add("/nonexistent/ztlint-fuzz/main.bicep", std::string(as_text(data, size))));
  graph::Fragment fragment;
  bicep::load(sources, inputs, fragment, diagnostics);
  link_and_evaluate(sources, fragment, diagnostics);
  return 0;
}

}  // namespace ztlint::fuzz
