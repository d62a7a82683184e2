#include "support/golden.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace ztlint::testing {

std::string golden_path(const std::string& name) {
  return std::string(ZTLINT_SOURCE_DIR) + "/test/golden/" + name;
}

std::string compare_with_golden(const std::string& name, const std::string& actual) {
  const std::string path = golden_path(name);
  const char* update = std::getenv("ZTLINT_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return {};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return "missing golden file " + path + " (run with ZTLINT_UPDATE_GOLDEN=1)";
  std::stringstream expected;
  expected << in.rdbuf();
  if (expected.str() == actual) return {};
  return "output differs from " + path + " (review, then ZTLINT_UPDATE_GOLDEN=1):\n" + actual;
}

}  // namespace ztlint::testing
