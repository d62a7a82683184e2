// Fuzz target: one policy YAML file read, and when it loads, evaluated over the examples.
#include "entry_points.h"
#include "estate/estate.h"
#include "fuzz_support.h"
#include "policy/evaluate.h"
#include "policy/policy_loader.h"
#include "policy/policy_set.h"

namespace ztlint::fuzz {
namespace {

// The flawed examples in all three languages: an estate with something for every policy.
const estate::Estate& example_estate() {
  static const std::unique_ptr<estate::Estate> estate = [] {
    estate::LoadOptions options;
    for (const char* example : {"terraform-flawed", "bicep-flawed", "arm-flawed"}) {
      options.paths.push_back(std::string(ZTLINT_SOURCE_DIR) + "/examples/" + example);
    }
    return estate::load_estate(options);
  }();
  return *estate;
}

}  // namespace

int policy_entry(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = as_text(data, size);
  source::Diagnostics errors;
  const std::optional<policy::Policy> parsed = policy::parse_policy(text, "fuzz.yaml", errors);
  if (!parsed && errors.empty()) fail("a policy was rejected without an error");

  policy::PolicySet set;
  source::Diagnostics set_errors;
  set.add_text(text, "fuzz.yaml", set_errors);
  if (set.policies().empty()) return 0;
  const estate::Estate& estate = example_estate();
  for (const bool strict : {false, true}) {
    for (const policy::Finding& finding : policy::evaluate(estate, set, {.strict = strict})) {
      if (finding.span.valid() && finding.span.file >= estate.sources.size()) {
        fail("a finding names no file of the estate");
      }
    }
  }
  return 0;
}

}  // namespace ztlint::fuzz
