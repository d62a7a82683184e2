// Policy IDs that name nothing, in suppression directives and in .ztlint.yaml: reported where
// they are written, and nothing else changes.
#include <gtest/gtest.h>

#include "bad_input/estate_check.h"

namespace ztlint::testing {
namespace {

constexpr const char* kSubnetTf = R"(# ztlint:ignore ZT-NOPE-999 -- retired next quarter
resource "azurerm_subnet" "legacy" {
  name                 = "snet-legacy"
  resource_group_name  = "rg"
  virtual_network_name = "vnet-legacy"
  address_prefixes     = ["10.7.1.0/24"]
}
)";

// The directive findings for `file`, as (line, column, message).
std::vector<nlohmann::json> directive_findings(const CheckRun& run, const std::string& file) {
  std::vector<nlohmann::json> found;
  for (const auto& finding : run.out.value("findings", nlohmann::json::array())) {
    if (finding.value("rule", "") == "ZT-IGNORE-002" && finding.value("file", "") == file) {
      found.push_back(finding);
    }
  }
  return found;
}

TEST(UnknownPolicyId, InATerraformDirectiveIsReportedAtTheCommentAndSuppressesNothing) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("legacy.tf", kSubnetTf);
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 1) << describe(run);
  const auto directives = directive_findings(run, "legacy.tf");
  ASSERT_EQ(directives.size(), 1u) << describe(run);
  EXPECT_EQ(directives[0]["range"]["start"], (nlohmann::json{{"line", 1}, {"column", 1}}));
  EXPECT_NE(directives[0]["message"].get<std::string>().find("unknown policy 'ZT-NOPE-999'"),
            std::string::npos)
      << directives[0].dump();
  // The subnet it sits on is still reported, unsuppressed.
  bool subnet_reported = false;
  for (const auto& finding : run.out["findings"]) {
    if (finding["rule"] == "ZT-NET-001" && finding["file"] == "legacy.tf") {
      subnet_reported = !finding.contains("suppressed");
      EXPECT_EQ(finding["range"]["start"]["line"], 2);
    }
  }
  EXPECT_TRUE(subnet_reported) << describe(run);
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(UnknownPolicyId, InABicepDirectiveIsReportedAtTheComment) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("good.bicep", std::string("\n// ztlint:ignore ZT-BOGUS-1 -- because\n") + kGoodBicep);
  const CheckRun run = check(dir);
  const auto directives = directive_findings(run, "good.bicep");
  ASSERT_EQ(directives.size(), 1u) << describe(run);
  EXPECT_EQ(directives[0]["range"]["start"], (nlohmann::json{{"line", 2}, {"column", 1}}));
  EXPECT_NE(directives[0]["message"].get<std::string>().find("'ZT-BOGUS-1'"), std::string::npos);
  EXPECT_EQ(findings_of(run, "ZT-NET-001", "good.bicep"), 1) << describe(run);
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(UnknownPolicyId, InAnArmMetadataDirectiveIsReportedAndSuppressesNothing) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  std::string text = kGoodArm;
  text.insert(text.find("      \"properties\""),
              "      \"metadata\": {\"ztlint\": {\"ignore\": [\"ZT-NOPE-404 -- gone\"]}},\n");
  dir.write("good.json", text);
  const CheckRun run = check(dir);
  const auto directives = directive_findings(run, "good.json");
  ASSERT_EQ(directives.size(), 1u) << describe(run);
  EXPECT_EQ(directives[0]["range"]["start"]["line"], 15) << directives[0].dump();
  EXPECT_NE(directives[0]["message"].get<std::string>().find("'ZT-NOPE-404'"), std::string::npos);
  EXPECT_EQ(findings_of(run, "ZT-NET-001", "good.json"), 1) << describe(run);
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(UnknownPolicyId, InTheConfigurationIsAnErrorAtItsLineAndTheKnownIdsStillApply) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write(".ztlint.yaml",
            "policies:\n  disable:\n    - ZT-VIS-001\n    - ZT-FAKE-123\n  severity:\n"
            "    ZT-FAKE-456: low\n");
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 2) << describe(run);
  EXPECT_TRUE(
      has_file_error(run, ".ztlint.yaml",
                     ".ztlint.yaml:4:7: policies.disable names unknown policy 'ZT-FAKE-123'"));
  EXPECT_TRUE(
      has_file_error(run, ".ztlint.yaml",
                     ".ztlint.yaml:6:5: policies.severity names unknown policy 'ZT-FAKE-456'"));
  EXPECT_EQ(findings_of(run, "ZT-VIS-001", "good.tf"), 0) << "the known ID is still disabled\n"
                                                          << describe(run);
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(UnknownPolicyId, InTheEnableListIsAnErrorAndTheValidEntryStillSelects) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write(".ztlint.yaml", "policies:\n  enable: [ZT-NET-001, ZT-TYPO-1]\n");
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 2) << describe(run);
  EXPECT_TRUE(has_file_error(
      run, ".ztlint.yaml", ".ztlint.yaml:2:24: policies.enable names unknown policy 'ZT-TYPO-1'"));
  EXPECT_TRUE(good_sibling_linted(run));
  EXPECT_EQ(findings_of(run, "ZT-VIS-001", "good.tf"), 0) << describe(run);
}

}  // namespace
}  // namespace ztlint::testing
