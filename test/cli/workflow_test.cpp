// Suppressions and baselines, as a team adopting ztlint on an existing repository uses them.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/run_ztlint.h"

namespace ztlint::testing {
namespace {

constexpr const char* kConfig = "policies:\n  enable: [ZT-NET-001, ZT-NET-002]\n";

std::string subnet(const std::string& name, const std::string& prefix,
                   const std::string& above = "", const std::string& end_of_line = "") {
  return above + "resource \"azurerm_subnet\" \"" + name + "\" {" + end_of_line +
         "\n  name = \"snet-" + name +
         "\"\n  resource_group_name = \"rg\"\n  virtual_network_name = \"vnet-spoke\"\n"
         "  address_prefixes = [\"" +
         prefix + "\"]\n}\n";
}

nlohmann::json lint_json(const ScratchDir& dir, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"check", "--format", "json", "."};
  args.insert(args.end(), extra.begin(), extra.end());
  const CommandResult result = run_command(ZTLINT_BINARY, args, dir.path());
  EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 1) << result.out << result.err;
  return nlohmann::json::parse(result.out, nullptr, false);
}

std::vector<std::string> rules_of(const nlohmann::json& out, bool suppressed) {
  std::vector<std::string> rules;
  for (const auto& finding : out["findings"]) {
    if (finding.contains("suppressed") == suppressed) rules.push_back(finding["rule"]);
  }
  std::sort(rules.begin(), rules.end());
  return rules;
}

TEST(SuppressionTest, TerraformCommentsSuppressWithAReasonAndReportTheirOwnMistakes) {
  ScratchDir dir;
  dir.write(".ztlint.yaml", kConfig);
  dir.write("main.tf",
            subnet("a", "10.1.1.0/24", "# ztlint:ignore ZT-NET-001 -- drained, removed in Q3\n") +
                subnet("b", "10.1.2.0/24", "", "  # ztlint:ignore ZT-NET-001 -- vendor appliance") +
                subnet("c", "10.1.3.0/24", "# ztlint:ignore ZT-NET-001\n") +
                subnet("d", "10.1.4.0/24", "# ztlint:ignore ZT-NOPE-999 -- typo\n") +
                "# ztlint:ignore ZT-NET-002 -- nothing here to suppress\n"
                "variable \"x\" {}\n");
  const nlohmann::json out = lint_json(dir);
  ASSERT_FALSE(out.is_discarded());
  // a and b are suppressed (kept, marked); c has no reason and d names no real policy.
  EXPECT_EQ(rules_of(out, true), (std::vector<std::string>{"ZT-NET-001", "ZT-NET-001"}));
  std::vector<std::string> open = rules_of(out, false);
  EXPECT_EQ(open, (std::vector<std::string>{"ZT-IGNORE-001", "ZT-IGNORE-002", "ZT-IGNORE-003",
                                            "ZT-NET-001", "ZT-NET-001"}));
  for (const auto& finding : out["findings"]) {
    if (finding.contains("suppressed")) {
      EXPECT_FALSE(finding["suppressed"]["reason"].get<std::string>().empty());
    }
  }
  EXPECT_EQ(out["summary"]["suppressed"], 2);
}

TEST(SuppressionTest, BicepCommentsAndArmMetadataSuppressToo) {
  ScratchDir dir;
  dir.write(".ztlint.yaml", kConfig);
  dir.write(
      "net.bicep",
      "resource vnet 'Microsoft.Network/virtualNetworks@2023-05-01' = {\n"
      "  name: 'vnet-spoke'\n  location: 'westeurope'\n"
      "  properties: {\n    addressSpace: { addressPrefixes: ['10.2.0.0/16'] }\n  }\n}\n"
      "// ztlint:ignore ZT-NET-001 -- legacy batch subnet\n"
      "@description('batch')\n"
      "resource batch 'Microsoft.Network/virtualNetworks/subnets@2023-05-01' = {\n"
      "  parent: vnet\n  name: 'snet-batch'\n  properties: { addressPrefix: '10.2.1.0/24' }\n}\n");
  dir.write("net.json", R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {"type": "Microsoft.Network/virtualNetworks/subnets", "apiVersion": "2023-05-01",
     "name": "vnet-arm/snet-legacy",
     "metadata": {"ztlint": {"ignore": ["ZT-NET-001 -- migrated next sprint"]}},
     "properties": {"addressPrefix": "10.3.1.0/24"}}
  ]
})");
  const nlohmann::json out = lint_json(dir);
  ASSERT_FALSE(out.is_discarded());
  EXPECT_EQ(rules_of(out, true), (std::vector<std::string>{"ZT-NET-001", "ZT-NET-001"}))
      << out["findings"].dump(1);
  EXPECT_TRUE(rules_of(out, false).empty()) << out["findings"].dump(1);
}

// Write a baseline, shift every finding down, and only a new violation is reported.
TEST(BaselineTest, MatchingSurvivesLineShiftsAndCatchesNewViolations) {
  ScratchDir dir;
  dir.write(".ztlint.yaml", kConfig);
  dir.write("main.tf", subnet("a", "10.1.1.0/24") + subnet("b", "10.1.2.0/24"));
  const CommandResult write =
      run_command(ZTLINT_BINARY, {"check", "--write-baseline", "baseline.json", "."}, dir.path());
  EXPECT_EQ(write.exit_code, 0) << write.err;
  std::ifstream baseline_file(dir.path() / "baseline.json");
  const nlohmann::json baseline = nlohmann::json::parse(baseline_file);
  EXPECT_EQ(baseline["findings"].size(), 2u);

  dir.write("main.tf", "# a header\n\n\n" + subnet("a", "10.1.1.0/24", "# moved down\n\n") + "\n" +
                           subnet("b", "10.1.2.0/24", "\n\n"));
  const nlohmann::json shifted = lint_json(dir, {"--baseline", "baseline.json"});
  EXPECT_TRUE(shifted["findings"].empty()) << shifted["findings"].dump(1);

  dir.write("extra.tf", subnet("c", "10.1.3.0/24"));
  const nlohmann::json added = lint_json(dir, {"--baseline", "baseline.json"});
  ASSERT_EQ(added["findings"].size(), 1u) << added["findings"].dump(1);
  EXPECT_EQ(added["findings"][0]["resource"], "azurerm_subnet.c");
}

TEST(BaselineTest, AMalformedBaselineIsAConfigError) {
  ScratchDir dir;
  dir.write("main.tf", "variable \"x\" {}\n");
  dir.write("baseline.json", "{\"version\": 1}");
  const CommandResult result = run_command(
      ZTLINT_BINARY, {"check", "--format", "json", "--baseline", "baseline.json", "."}, dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.out.find("no 'findings' list"), std::string::npos) << result.out;
}

TEST(ConfigTest, UnknownKeysAndBadValuesAreErrorsWithAPosition) {
  ScratchDir dir;
  dir.write("main.tf", "variable \"x\" {}\n");
  dir.write(".ztlint.yaml", "policies:\n  disable: [ZT-NET-006]\nfail-on: severe\ncolour: blue\n");
  const CommandResult result =
      run_command(ZTLINT_BINARY, {"check", "--format", "json", "."}, dir.path());
  EXPECT_EQ(result.exit_code, 2);
  const nlohmann::json out = nlohmann::json::parse(result.out);
  std::string messages;
  for (const auto& error : out["errors"]) messages += error["message"].get<std::string>() + "\n";
  EXPECT_NE(messages.find(".ztlint.yaml:3:10: 'fail-on' must be one of"), std::string::npos)
      << messages;
  EXPECT_NE(messages.find(".ztlint.yaml:4:1: unknown key 'colour'"), std::string::npos) << messages;
}

}  // namespace
}  // namespace ztlint::testing
