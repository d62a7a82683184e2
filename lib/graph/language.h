// The input languages ztlint reads, as named in the JSON contract's `files[].language`.
#pragma once

#include <string_view>

namespace ztlint::graph {

enum class Language { kTerraform, kTfvars, kArm, kArmParameters, kBicep, kBicepParams, kTerraformPlan };

constexpr std::string_view to_string(Language language) {
  switch (language) {
    case Language::kTerraform: return "terraform";
    case Language::kTfvars: return "tfvars";
    case Language::kArm: return "arm";
    case Language::kArmParameters: return "arm-parameters";
    case Language::kBicep: return "bicep";
    case Language::kBicepParams: return "bicepparam";
    case Language::kTerraformPlan: return "terraform-plan";
  }
  return "terraform";
}

}  // namespace ztlint::graph
