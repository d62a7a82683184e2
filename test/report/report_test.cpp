#include <gtest/gtest.h>

#include "report/json_report.h"
#include "report/location.h"
#include "report/text_report.h"
#include "support/golden.h"

#include <filesystem>

namespace ztlint::report {
namespace {

constexpr std::string_view kSpoke =
    "resource \"azurerm_subnet\" \"app\" {\n"
    "  name             = \"snet-app\"\n"
    "  address_prefixes = [\"10.1.1.0/24\"]\n"
    "}\n"
    "\n"
    "resource \"azurerm_network_security_rule\" \"rdp\" {\n"
    "  source_address_prefix  = \"Internet\"\n"
    "  destination_port_range = \"3389\"\n"
    "}\n";

// A small run built by hand: two findings in one file, one syntax error in another.
class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const source::FileId spoke = estate_.sources.add("net/spoke.tf", std::string(kSpoke));
    const source::FileId broken = estate_.sources.add("net/broken.tf", "resource \"x\" {\n");
    estate_.files = {{broken, graph::Language::kTerraform, 0},
                     {spoke, graph::Language::kTerraform, 2}};
    estate_.diagnostics.push_back({source::DiagnosticKind::kSyntax,
                                   "unclosed block: expected '}' before the end of the file",
                                   source::Span{broken, {13, 14}}, {}});
    auto offset = [](std::string_view needle) {
      return static_cast<std::uint32_t>(kSpoke.find(needle));
    };
    const std::uint32_t subnet_end = offset("}\n") + 1;
    const std::uint32_t rule_begin = offset("  destination_port_range") + 2;
    const std::uint32_t rule_end = offset("3389\"\n") + 5;
    findings_.push_back({"ZT-NET-002", "nsg-management-port-from-internet", policy::Severity::kCritical,
                         {"assume-breach"}, "NSG rule 'rdp' allows port 3389 from the Internet",
                         source::Span{spoke, {rule_begin, rule_end}},
                         "azurerm_network_security_rule.rdp",
                         "Microsoft.Network/networkSecurityGroups/securityRules",
                         {{source::Span{spoke, {offset("  source_address_prefix") + 2,
                                                offset("  source_address_prefix") + 36}},
                           "the source is the Internet"}},
                         false, std::nullopt});
    findings_.push_back({"ZT-NET-001", "subnet-without-nsg", policy::Severity::kHigh,
                         {"assume-breach"}, "Subnet 'snet-app' has no network security group",
                         source::Span{spoke, {0, subnet_end}}, "azurerm_subnet.app",
                         "Microsoft.Network/virtualNetworks/subnets", {}, false, std::nullopt});
  }

  estate::Estate estate_;
  std::vector<policy::Finding> findings_;
  std::vector<policy::PolicyInfo> rules_;
};

TEST_F(ReportTest, TextGroupsByFileWithCodeFramesAndSummary) {
  const RunResult run{estate_, findings_, rules_};
  const std::string text = render_text(run, TextOptions{false});
  EXPECT_EQ(text.find("\x1b["), std::string::npos) << "no colour unless asked";
  // Sorted by position: the subnet (line 1) before the rule (line 8).
  EXPECT_LT(text.find("net/spoke.tf:1:1: ZT-NET-001"), text.find("net/spoke.tf:8:3: ZT-NET-002"));
  EXPECT_NE(text.find("Found 2 findings (1 critical, 1 high) in 2 files (2 resources), 1 error"),
            std::string::npos);
  const std::string failure = testing::compare_with_golden("report_text.txt", text);
  EXPECT_TRUE(failure.empty()) << failure;
}

TEST_F(ReportTest, TextColoursOnlyWhenAsked) {
  const RunResult run{estate_, findings_, rules_};
  EXPECT_NE(render_text(run, TextOptions{true}).find("\x1b["), std::string::npos);
}

TEST_F(ReportTest, JsonFollowsTheContract) {
  const RunResult run{estate_, findings_, rules_};
  const nlohmann::json out = to_json(run);
  EXPECT_EQ(out["version"], 1);
  EXPECT_EQ(out["tool"]["name"], "ztlint");
  ASSERT_EQ(out["findings"].size(), 2u);
  const auto& rdp = out["findings"][0];
  EXPECT_EQ(rdp["rule"], "ZT-NET-002");
  EXPECT_EQ(rdp["severity"], "critical");
  EXPECT_EQ(rdp["file"], "net/spoke.tf");
  EXPECT_EQ(rdp["range"]["start"]["line"], 8);
  EXPECT_EQ(rdp["range"]["start"]["column"], 3);
  EXPECT_EQ(rdp["range"]["end"]["line"], 8);
  EXPECT_EQ(rdp["related"][0]["range"]["start"]["line"], 7);
  EXPECT_EQ(out["errors"][0]["kind"], "syntax");
  EXPECT_EQ(out["errors"][0]["range"]["start"]["line"], 1);
  EXPECT_EQ(out["errors"][0]["range"]["start"]["column"], 14);
  EXPECT_EQ(out["files"][1]["language"], "terraform");
  EXPECT_EQ(out["summary"]["resources"], 2);
  EXPECT_EQ(out["summary"]["errors"], 1);
  const std::string failure = testing::compare_with_golden("report.json", render_json(run));
  EXPECT_TRUE(failure.empty()) << failure;
}

TEST(LocationTest, AbsolutePathsBecomeRelativeToTheCurrentDirectory) {
  const std::string cwd = std::filesystem::current_path().generic_string();
  EXPECT_EQ(display_path(cwd + "/examples/a.tf"), "examples/a.tf");
  EXPECT_EQ(display_path("./examples//b.tf"), "examples/b.tf");
}

}  // namespace
}  // namespace ztlint::report
