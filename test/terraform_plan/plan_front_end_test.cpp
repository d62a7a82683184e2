#include "terraform_plan/plan_front_end.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace ztlint::terraform_plan {
namespace {

const graph::Resource* find(const graph::Fragment& fragment, std::string_view address) {
  for (const graph::Resource& resource : fragment.resources) {
    if (resource.address == address) return &resource;
  }
  return nullptr;
}

class PlanFrontEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(std::string(ZTLINT_SOURCE_DIR) + "/test/terraform_plan/data/hub-spoke.plan.json");
    std::stringstream text;
    text << in.rdbuf();
    file_ = sources_.add("hub-spoke.plan.json", text.str());
    load(sources_, {file_}, fragment_, diagnostics_);
  }

  source::SourceSet sources_;
  source::FileId file_ = 0;
  graph::Fragment fragment_;
  source::Diagnostics diagnostics_;
};

TEST_F(PlanFrontEndTest, ReadsEveryPlannedInstanceWithItsModuleAddress) {
  EXPECT_TRUE(diagnostics_.empty());
  ASSERT_EQ(fragment_.files.size(), 1u);
  EXPECT_EQ(fragment_.files[0].second, graph::Language::kTerraformPlan);
  const graph::Resource* subnet = find(fragment_, "module.spoke[\"erp\"].azurerm_subnet.workload");
  ASSERT_NE(subnet, nullptr);
  EXPECT_EQ(subnet->type, "Microsoft.Network/virtualNetworks/subnets");
  EXPECT_EQ(subnet->name.as_string(), "vnet-erp/snet-workload");
  const graph::Resource* firewall_subnet = find(fragment_, "azurerm_subnet.hub[\"AzureFirewallSubnet\"]");
  ASSERT_NE(firewall_subnet, nullptr);
  // The finding points into the plan, at the resource's entry.
  EXPECT_EQ(subnet->range.file, file_);
  EXPECT_NE(sources_.file(file_).slice(subnet->range.range).find("\"module_address\""),
            std::string_view::npos);
}

TEST_F(PlanFrontEndTest, UnknownIdsLinkThroughTheConfigurationsReferences) {
  // The association's IDs are known only after apply; the configuration says what they are.
  ASSERT_EQ(fragment_.patches.size(), 1u);
  const graph::Patch& patch = fragment_.patches[0];
  ASSERT_TRUE(patch.target.is_ref());
  EXPECT_EQ(patch.target.as_ref().target, "module.spoke[\"shop\"].azurerm_subnet.workload");
  const value::Value* nsg = patch.value.get("id");
  ASSERT_NE(nsg, nullptr);
  ASSERT_TRUE(nsg->is_ref());
  EXPECT_EQ(nsg->as_ref().target, "module.spoke[\"shop\"].azurerm_network_security_group.workload");
}

TEST_F(PlanFrontEndTest, InlineRulesKeepTheirPlanPositions) {
  const graph::Resource* nsg = find(fragment_, "module.spoke[\"shop\"].azurerm_network_security_group.workload");
  ASSERT_NE(nsg, nullptr);
  const value::Value* rule = nsg->body.find_path("properties.securityRules.0");
  ASSERT_NE(rule, nullptr);
  EXPECT_NE(sources_.file(file_).slice(rule->span().range).find("AllowRdpFromVendor"),
            std::string_view::npos);
}

TEST(PlanDetectionTest, TellsPlansFromTemplatesAndOtherJson) {
  EXPECT_TRUE(looks_like_plan(R"({"format_version":"1.2","terraform_version":"1.9.8","resource_changes":[]})"));
  EXPECT_TRUE(looks_like_plan(R"({"format_version":"1.0","terraform_version":"1.5.0","values":{"root_module":{}}})"));
  EXPECT_FALSE(looks_like_plan(R"({"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"})"));
  EXPECT_FALSE(looks_like_plan(R"({"name":"package","version":"1.0.0"})"));
}

TEST(PlanErrorTest, ABrokenPlanIsASyntaxErrorWithAPosition) {
  source::SourceSet sources;
  const source::FileId file =
      sources.add("broken.plan.json", "{\"format_version\":\"1.2\",\"resource_changes\":[}");
  graph::Fragment fragment;
  source::Diagnostics diagnostics;
  load(sources, {file}, fragment, diagnostics);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].kind, source::DiagnosticKind::kSyntax);
  EXPECT_EQ(diagnostics[0].span.range.begin, 44u);  // the stray }
}

}  // namespace
}  // namespace ztlint::terraform_plan
