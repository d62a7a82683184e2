// Fuzz target: one ARM JSON document read (strictly and leniently), evaluated as a template.
#include "arm/arm_front_end.h"
#include "entry_points.h"
#include "fuzz_support.h"
#include "json/json_reader.h"
#include "terraform_plan/plan_front_end.h"

namespace ztlint::fuzz {

int arm_entry(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = as_text(data, size);
  // The reader on its own, in the strict form too (parameters files, plans).
  const json::ReadOptions strict{.allow_comments = false,
                                 .allow_trailing_commas = false,
                                 .allow_control_characters = false,
                                 .max_depth = 64,
                                 .member_spans = false};
  const json::ReadResult strict_result = json::read(text, 0, 0, strict);
  if (strict_result.error && strict_result.error->range.end > text.size()) {
    fail("json error range past the end of the text");
  }

  source::SourceSet sources;
  source::Diagnostics diagnostics;
  arm::Inputs inputs;
  inputs.json_files.push_back(sources.add("/nonexistent/ztlint-fuzz/main.json", std::string(text)));
  graph::Fragment fragment;
  arm::load(sources, inputs, fragment, diagnostics);
  terraform_plan::load(sources, inputs.json_files, fragment, diagnostics);
  link_and_evaluate(sources, fragment, diagnostics);
  return 0;
}

}  // namespace ztlint::fuzz
