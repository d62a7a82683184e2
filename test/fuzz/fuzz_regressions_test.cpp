// Replays every input kept under fuzz/regressions/<target>/ through the fuzz target's own
// entry point, so a finding the fuzzer made and that was fixed stays fixed in every build.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "entry_points.h"

namespace ztlint::fuzz {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs_of(std::string_view target) {
  const fs::path dir = fs::path(ZTLINT_SOURCE_DIR) / "fuzz" / "regressions" / std::string(target);
  std::vector<fs::path> out;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    if (entry.is_regular_file()) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class FuzzRegressions : public ::testing::TestWithParam<Target> {};

TEST_P(FuzzRegressions, EveryKeptInputRunsToCompletion) {
  const Target& target = GetParam();
  const std::vector<fs::path> inputs = inputs_of(target.name);
  ASSERT_FALSE(inputs.empty()) << "fuzz/regressions/" << target.name << "/ holds no input";
  for (const fs::path& path : inputs) {
    SCOPED_TRACE(path.filename().string());
    const std::string bytes = read_bytes(path);
    // The entry aborts on a broken invariant; returning 0 means the input ran to the end.
    EXPECT_EQ(target.entry(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzRegressions,
                         ::testing::ValuesIn(targets().begin(), targets().end()),
                         [](const ::testing::TestParamInfo<Target>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace ztlint::fuzz
