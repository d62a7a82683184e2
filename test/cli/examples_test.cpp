// The examples report exactly what they were written with: every expected finding of an
// implemented policy, and nothing else.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "support/run_ztlint.h"

namespace ztlint::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> example_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(ZTLINT_SOURCE_DIR) / "examples")) {
    if (fs::exists(entry.path() / "expected-findings.json")) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

// A finding satisfies an expectation when the rules match and its line range holds the
// expected line, the declaring block's first line, or one of the alternative places.
bool satisfies(const nlohmann::json& finding, const nlohmann::json& expected) {
  if (finding["rule"] != expected["rule"]) return false;
  const int start = finding["range"]["start"]["line"];
  const int end = finding["range"]["end"]["line"];
  auto holds = [&](const nlohmann::json& place) {
    if (!place.contains("line") || place.value("file", "") != finding["file"]) return false;
    const int line = place["line"];
    return line >= start && line <= end;
  };
  if (holds(expected)) return true;
  if (expected.contains("resource_line")) {
    nlohmann::json declaration = {{"file", expected["file"]}, {"line", expected["resource_line"]}};
    if (holds(declaration)) return true;
  }
  for (const auto& alt : expected.value("alt", nlohmann::json::array())) {
    if (holds(alt)) return true;
  }
  return false;
}

class ExamplesTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ExamplesTest, ReportsExactlyWhatItWasWrittenWith) {
  const fs::path folder = fs::path(ZTLINT_SOURCE_DIR) / "examples" / GetParam();
  std::ifstream expected_file(folder / "expected-findings.json");
  const nlohmann::json expected = nlohmann::json::parse(expected_file);

  const CommandResult policies =
      run_command(ZTLINT_BINARY, {"policies", "--format", "json"}, folder);
  ASSERT_EQ(policies.exit_code, 0) << policies.err;
  std::set<std::string> implemented;
  for (const auto& policy : nlohmann::json::parse(policies.out)) implemented.insert(policy["id"]);

  const CommandResult result =
      run_command(ZTLINT_BINARY, {"check", "--format", "json", "."}, folder);
  ASSERT_TRUE(result.exit_code == 0 || result.exit_code == 1) << result.err << result.out;
  const nlohmann::json out = nlohmann::json::parse(result.out);
  EXPECT_TRUE(out["errors"].empty()) << out["errors"].dump(1);

  std::vector<bool> used(out["findings"].size(), false);
  for (const auto& entry : expected) {
    if (!implemented.count(entry["rule"])) continue;
    bool found = false;
    for (std::size_t i = 0; i < used.size() && !found; ++i) {
      if (!used[i] && satisfies(out["findings"][i], entry)) used[i] = found = true;
    }
    EXPECT_TRUE(found) << "missing " << entry["rule"] << " at " << entry["file"] << ":"
                       << entry["line"] << " (" << entry["why"] << ")";
  }
  for (std::size_t i = 0; i < used.size(); ++i) {
    const auto& finding = out["findings"][i];
    EXPECT_TRUE(used[i]) << "unexpected " << finding["rule"] << " at " << finding["file"] << ":"
                         << finding["range"]["start"]["line"] << ": " << finding["message"];
  }
}

INSTANTIATE_TEST_SUITE_P(Examples, ExamplesTest, ::testing::ValuesIn(example_names()),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace ztlint::testing

namespace ztlint::testing {
namespace {

// The same estate in Terraform, Bicep and ARM: the same findings (rule, and the resource's
// ARM type and name) in all three.
class TripletTest : public ::testing::TestWithParam<std::string> {};

std::multiset<std::string> findings_of(const std::string& example) {
  const fs::path folder = fs::path(ZTLINT_SOURCE_DIR) / "examples" / example;
  const CommandResult result =
      run_command(ZTLINT_BINARY, {"check", "--format", "json", "."}, folder);
  const nlohmann::json out = nlohmann::json::parse(result.out);
  std::multiset<std::string> findings;
  for (const auto& finding : out["findings"]) {
    findings.insert(finding["rule"].get<std::string>() + " on " +
                    finding["resource_type"].get<std::string>());
  }
  return findings;
}

TEST_P(TripletTest, EveryLanguageYieldsTheSameFindings) {
  const auto terraform = findings_of("terraform-" + GetParam());
  EXPECT_EQ(findings_of("bicep-" + GetParam()), terraform);
  EXPECT_EQ(findings_of("arm-" + GetParam()), terraform);
  EXPECT_EQ(terraform.size(), GetParam() == "flawed" ? 10u : 0u);
}

INSTANTIATE_TEST_SUITE_P(Examples, TripletTest, ::testing::Values("compliant", "flawed"));

}  // namespace
}  // namespace ztlint::testing
