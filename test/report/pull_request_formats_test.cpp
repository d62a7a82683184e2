#include <gtest/gtest.h>

#include "report/fingerprint.h"
#include "report/github_report.h"
#include "report/junit_report.h"
#include "report/sarif_report.h"
#include "support/golden.h"

namespace ztlint::report {
namespace {

constexpr std::string_view kNetwork =
    "resource \"azurerm_subnet\" \"app\" {\n"
    "  name = \"snet-app\"\n"
    "}\n"
    "resource \"azurerm_subnet\" \"db\" {\n"
    "  name = \"snet-db\"\n"
    "}\n";

graph::Resource subnet(std::string address, std::string name, source::Span range) {
  graph::Resource resource;
  resource.address = std::move(address);
  resource.type = "Microsoft.Network/virtualNetworks/subnets";
  resource.name = value::Value::string(std::move(name));
  resource.range = range;
  resource.body = value::Value::map({});
  return resource;
}

class PullRequestFormatsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = estate_.sources.add("net, 1/main.tf", std::string(kNetwork));
    const auto db_begin = static_cast<std::uint32_t>(kNetwork.find("resource \"azurerm_subnet\" \"db\""));
    estate_.graph.add(subnet("azurerm_subnet.app", "vnet/snet-app", {file_, {0, db_begin - 1}}));
    estate_.graph.add(subnet("azurerm_subnet.db", "vnet/snet-db",
                             {file_, {db_begin, static_cast<std::uint32_t>(kNetwork.size() - 1)}}));
    source::Diagnostics ignored;
    estate_.graph.link(ignored);
    estate_.files = {{file_, graph::Language::kTerraform, 2}};
    estate_.diagnostics.push_back(
        {source::DiagnosticKind::kIo, "cannot read: Permission denied", {}, "secret.tf"});
    policy::PolicyInfo info;
    info.id = "ZT-NET-001";
    info.name = "subnet-without-nsg";
    info.severity = policy::Severity::kHigh;
    info.principles = {"assume-breach"};
    info.resource_types = {"Microsoft.Network/virtualNetworks/subnets"};
    info.docs.summary = "Subnet has no network security group";
    info.docs.what = "Every subnet that is not special has an NSG.";
    info.docs.fix = "Associate an NSG.";
    info.docs.references = {"https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview"};
    rules_.push_back(info);
    findings_.push_back({"ZT-NET-001", "subnet-without-nsg", policy::Severity::kHigh,
                         {"assume-breach"}, "Subnet 'snet-app' has, no NSG: 100%",
                         estate_.graph.resource(0).range, "azurerm_subnet.app",
                         "Microsoft.Network/virtualNetworks/subnets",
                         {{estate_.graph.resource(1).range, "a sibling subnet"}}, false, std::nullopt});
  }

  estate::Estate estate_;
  source::FileId file_ = 0;
  std::vector<policy::Finding> findings_;
  std::vector<policy::PolicyInfo> rules_;
};

TEST_F(PullRequestFormatsTest, SarifCarriesRulesLevelsRegionsAndFingerprints) {
  const nlohmann::json log = to_sarif(RunResult{estate_, findings_, rules_});
  EXPECT_EQ(log["version"], "2.1.0");
  const auto& run = log["runs"][0];
  const auto& rule = run["tool"]["driver"]["rules"][0];
  EXPECT_EQ(rule["id"], "ZT-NET-001");
  EXPECT_EQ(rule["properties"]["security-severity"], "8.0");
  EXPECT_FALSE(rule["fullDescription"]["text"].get<std::string>().empty());
  EXPECT_EQ(rule["helpUri"], rules_[0].docs.references[0]);
  const auto& result = run["results"][0];
  EXPECT_EQ(result["level"], "error");
  EXPECT_EQ(result["ruleIndex"], 0);
  const auto& location = result["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "net%2C%201/main.tf");
  EXPECT_EQ(location["region"]["startLine"], 1);
  EXPECT_EQ(location["region"]["endLine"], 3);
  EXPECT_EQ(result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"], 4);
  EXPECT_EQ(result["partialFingerprints"]["ztlintFindingHash/v1"].get<std::string>().size(), 16u);
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"][0]["level"], "error");
}

TEST_F(PullRequestFormatsTest, FingerprintSurvivesLineShiftsButNotEditsOfTheCode) {
  const std::string before = finding_fingerprint(estate_.sources, findings_[0]);
  const std::string shifted_text = "# a comment\n\n" + std::string(kNetwork);
  const source::FileId shifted = estate_.sources.add("shifted.tf", shifted_text);
  policy::Finding moved = findings_[0];
  moved.span = {shifted, {13, 13 + findings_[0].span.range.end}};
  EXPECT_EQ(finding_fingerprint(estate_.sources, moved), before);
  const source::FileId edited =
      estate_.sources.add("edited.tf", "resource \"azurerm_subnet\" \"app\" {\n  name = \"x\"\n}\n");
  policy::Finding changed = findings_[0];
  changed.span = {edited, {0, 45}};
  EXPECT_NE(finding_fingerprint(estate_.sources, changed), before);
}

TEST_F(PullRequestFormatsTest, GithubAnnotationsEscapeTheirProperties) {
  const std::string out = render_github(RunResult{estate_, findings_, rules_});
  EXPECT_EQ(out,
            "::error file=net%2C 1/main.tf,line=1,col=1,endLine=3,endColumn=2,"
            "title=ZT-NET-001 subnet-without-nsg::Subnet 'snet-app' has, no NSG: 100%25 [high] "
            "(azurerm_subnet.app)\n"
            "::error file=secret.tf,title=ztlint io error::cannot read: Permission denied\n");
}

TEST_F(PullRequestFormatsTest, JunitHasOneCasePerPolicyAndResource) {
  const std::string xml = render_junit(RunResult{estate_, findings_, rules_});
  const std::string failure = testing::compare_with_golden("report_junit.xml", xml);
  EXPECT_TRUE(failure.empty()) << failure;
  EXPECT_NE(xml.find("<testsuite name=\"ZT-NET-001 subnet-without-nsg\" tests=\"2\" failures=\"1\""),
            std::string::npos);
  EXPECT_NE(xml.find("<testcase name=\"azurerm_subnet.db\" classname=\"ZT-NET-001.net, 1/main.tf\"/>"),
            std::string::npos);
}

}  // namespace
}  // namespace ztlint::report
