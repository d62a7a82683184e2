// The ARM acceptance scenarios lowered to resources: names, evaluated properties, lines.
#include <gtest/gtest.h>

#include <filesystem>

#include "arm/arm_front_end.h"

namespace ztlint::arm {
namespace {

namespace fs = std::filesystem;
using value::Value;

class ArmScenarioTest : public ::testing::Test {
 protected:
  void load_scenario(const std::string& name) {
    const fs::path dir =
        fs::path(ZTLINT_SOURCE_DIR) / ".." / "shared" / "acceptance" / "scenarios" / name;
    if (!fs::is_directory(dir)) GTEST_SKIP() << "no scenario at " << dir;
    Inputs inputs;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() != ".json") continue;
      source::Diagnostic error;
      if (auto id = sources_.load(entry.path().string(), &error)) inputs.json_files.push_back(*id);
    }
    load(sources_, inputs, fragment_, diagnostics_);
  }
  const graph::Resource* find(std::string_view type, std::string_view name) const {
    for (const auto& resource : fragment_.resources) {
      if (value::iequals(resource.type, type) && resource.name.is_string() &&
          resource.name.as_string() == name) {
        return &resource;
      }
    }
    return nullptr;
  }
  std::uint32_t line_of(source::Span span) const {
    return sources_.file(span.file).line_column(span.range.begin).line;
  }

  source::SourceSet sources_;
  graph::Fragment fragment_;
  source::Diagnostics diagnostics_;
};

TEST_F(ArmScenarioTest, EvaluationScenarioIsEvaluated) {
  load_scenario("arm-evaluation");
  if (IsSkipped()) return;  // GTEST_SKIP in a helper only leaves the helper
  EXPECT_TRUE(diagnostics_.empty());
  // expect.json is data, not a template: ignored.
  ASSERT_EQ(fragment_.files.size(), 1u);

  const graph::Resource* ssh = find("Microsoft.Network/networkSecurityGroups/securityRules",
                                    "nsg-claims-prod-app/AllowSshFromManagement");
  ASSERT_NE(ssh, nullptr);
  EXPECT_EQ(line_of(ssh->range), 64u);
  const Value* source = ssh->body.find_path("properties.sourceAddressPrefix");
  ASSERT_TRUE(source && source->is_string());
  EXPECT_EQ(source->as_string(), "Internet");
  EXPECT_EQ(line_of(source->span()), 74u);
  EXPECT_EQ(ssh->body.find_path("properties.destinationPortRange")->as_string(), "22");
  EXPECT_NE(find("Microsoft.Network/networkSecurityGroups/securityRules",
                 "nsg-claims-prod-app/DenyAllInbound"),
            nullptr);
  // The RDP rule's condition (environment == 'dev') is false.
  EXPECT_EQ(find("Microsoft.Network/networkSecurityGroups/securityRules",
                 "nsg-claims-prod-app/AllowRdpFromInternet"),
            nullptr);

  const graph::Resource* vnet = find("Microsoft.Network/virtualNetworks", "vnet-claims-prod");
  ASSERT_NE(vnet, nullptr);
  const Value* subnets = vnet->body.find_path("properties.subnets");
  ASSERT_TRUE(subnets && subnets->is_list());
  ASSERT_EQ(subnets->as_list().size(), 3u);
  const Value& jobs = subnets->as_list()[2];
  EXPECT_EQ(jobs.get("name")->as_string(), "snet-jobs");
  EXPECT_EQ(line_of(jobs.span()), 150u);
  EXPECT_TRUE(jobs.find_path("properties.networkSecurityGroup")->is_null());
  const Value* nsg = subnets->as_list()[0].find_path("properties.networkSecurityGroup.id");
  ASSERT_TRUE(nsg && nsg->is_string());
  EXPECT_TRUE(nsg->as_string().ends_with(
      "/providers/Microsoft.Network/networkSecurityGroups/nsg-claims-prod-app"));

  const graph::Resource* peering = find("Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
                                        "vnet-claims-prod/peer-to-hub");
  ASSERT_NE(peering, nullptr);
  EXPECT_TRUE(peering->body.find_path("properties.remoteVirtualNetwork.id")
                  ->as_string()
                  .ends_with("/resourceGroups/rg-connectivity-weu/providers/"
                             "Microsoft.Network/virtualNetworks/vnet-hub-weu"));
  const graph::Resource* flow_log =
      find("Microsoft.Network/networkWatchers/flowLogs", "nw-claims-prod/fl-vnet-claims-prod");
  ASSERT_NE(flow_log, nullptr);
  EXPECT_TRUE(flow_log->body.find_path("properties.enabled")->as_bool());
}

TEST_F(ArmScenarioTest, ChildOfSymbolicParentKeepsOneCanonicalName) {
  load_scenario("arm-compliant");
  if (IsSkipped()) return;
  for (const auto& resource : fragment_.resources) {
    if (resource.type != "Microsoft.Network/privateDnsZones/virtualNetworkLinks") continue;
    ASSERT_TRUE(resource.name.is_unknown());
    EXPECT_EQ(resource.name.as_unknown().symbol,
              "concat('privatelink.blob.',environment().suffixes.storage,'/link-vnet-app-weu')");
    return;
  }
  ADD_FAILURE() << "no virtual network link";
}

TEST_F(ArmScenarioTest, EveryScenarioLoadsWithoutDiagnostics) {
  for (const char* name : {"arm-compliant", "arm-network-flaws", "arm-workload-flaws"}) {
    SCOPED_TRACE(name);
    fragment_ = {};
    diagnostics_.clear();
    load_scenario(name);
    if (IsSkipped()) return;
    EXPECT_TRUE(diagnostics_.empty()) << diagnostics_.front().message;
    EXPECT_GT(fragment_.resources.size(), 3u);
    for (const auto& resource : fragment_.resources) {
      // Known, or deployment-stable (a private DNS zone named after environment()).
      EXPECT_FALSE(resource.name.identity_key().empty()) << resource.address;
    }
  }
}

}  // namespace
}  // namespace ztlint::arm
