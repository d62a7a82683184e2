// Fuzz target: one Terraform file parsed, evaluated as a root module and lowered.
#include "entry_points.h"
#include "fuzz_support.h"
#include "terraform/terraform_front_end.h"

namespace ztlint::fuzz {

int terraform_entry(const std::uint8_t* data, std::size_t size) {
  source::SourceSet sources;
  source::Diagnostics diagnostics;
  terraform::Inputs inputs;
  // A folder that does not exist: the module is the buffer alone.
  inputs.tf_files.push_back(
      sources.add("/nonexistent/ztlint-fuzz/main.tf", std::string(as_text(data, size))));
  graph::Fragment fragment;
  terraform::load(sources, inputs, fragment, diagnostics);
  link_and_evaluate(sources, fragment, diagnostics);
  return 0;
}

}  // namespace ztlint::fuzz
