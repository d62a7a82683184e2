#include "entry_points.h"

#include <array>

namespace ztlint::fuzz {

std::span<const Target> targets() {
  static constexpr std::array<Target, 7> kTargets{{
      {"terraform", terraform_entry},
      {"arm", arm_entry},
      {"arm_expression", arm_expression_entry},
      {"bicep", bicep_entry},
      {"policy", policy_entry},
      {"lsp", lsp_entry},
      {"estate", estate_entry},
  }};
  return kTargets;
}

}  // namespace ztlint::fuzz
