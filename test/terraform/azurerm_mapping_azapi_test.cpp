#include <gtest/gtest.h>

#include "terraform/azurerm_mapping.h"
#include "terraform/mapping_test_support.h"

namespace ztlint::terraform {
namespace {

using namespace testing;  // NOLINT: the test support's builders
using value::Value;

TEST(AzapiMappingTest, PassesTypeApiVersionAndBodyThrough) {
  const EvaluatedResource evaluated = resource(
      "azapi_resource", "hub",
      args({{"type", str("Microsoft.Network/virtualNetworks@2023-05-01")},
            {"name", str("vnet-hub")},
            {"location", str("westeurope")},
            {"parent_id", ref("azurerm_resource_group.hub")},
            {"body", block({{"properties",
                             block({{"addressSpace",
                                     block({{"addressPrefixes", strs({"10.0.0.0/16"})}})}})}})}}));
  const Lowered lowered = lower(evaluated);
  const graph::Resource& vnet = lowered.only();
  EXPECT_EQ(vnet.type, "Microsoft.Network/virtualNetworks");
  EXPECT_EQ(vnet.api_version, "2023-05-01");
  EXPECT_EQ(vnet.source_type, "azapi_resource");
  EXPECT_EQ(vnet.address, "azapi_resource.hub");
  EXPECT_EQ(vnet.name, Value::string("vnet-hub"));
  // A resource group is not the parent of a top-level type.
  EXPECT_TRUE(vnet.parent.is_null());
  EXPECT_EQ(lowered.at("properties.addressSpace.addressPrefixes"),
            Value::list({Value::string("10.0.0.0/16")}));
  EXPECT_EQ(lowered.at("location"), Value::string("westeurope"));
  EXPECT_EQ(lowered.at("location").span(), evaluated.arguments.get("location")->span());
}

TEST(AzapiMappingTest, DecodesAJsonEncodedBody) {
  const EvaluatedResource evaluated =
      resource("azapi_resource", "st",
               args({{"type", str("Microsoft.Storage/storageAccounts@2023-01-01")},
                     {"name", str("stdata")},
                     {"body", str(R"({"kind": "StorageV2", "location": "northeurope",
                              "properties": {"publicNetworkAccess": "Disabled",
                                             "minimumTlsVersion": "TLS1_2",
                                             "allowBlobPublicAccess": false}})")},
                     {"location", str("westeurope")}}));
  const Lowered lowered = lower(evaluated);
  EXPECT_EQ(lowered.at("properties.publicNetworkAccess"), Value::string("Disabled"));
  EXPECT_EQ(lowered.at("properties.allowBlobPublicAccess"), Value::boolean(false));
  // The body's own location wins over the argument.
  EXPECT_EQ(lowered.at("location"), Value::string("northeurope"));
  EXPECT_EQ(lowered.at("properties.publicNetworkAccess").span(),
            evaluated.arguments.get("body")->span());
  EXPECT_TRUE(lowered.diagnostics.empty());
}

TEST(AzapiMappingTest, ABodyThatIsNotJsonIsReportedAndUnknown) {
  const EvaluatedResource evaluated =
      resource("azapi_resource", "bad",
               args({{"type", str("Microsoft.Network/virtualNetworks@2023-05-01")},
                     {"name", str("vnet")},
                     {"body", str("{not json")}}));
  const Lowered lowered = lower(evaluated);
  EXPECT_TRUE(lowered.body().is_unknown());
  ASSERT_EQ(lowered.diagnostics.size(), 1u);
  EXPECT_EQ(lowered.diagnostics[0].kind, source::DiagnosticKind::kEvaluation);
  EXPECT_EQ(lowered.diagnostics[0].span, evaluated.arguments.get("body")->span());
}

TEST(AzapiMappingTest, ChildTypesTakeTheirParentFromParentId) {
  const Lowered by_id = lower(resource(
      "azapi_resource", "subnet",
      args({{"type", str("Microsoft.Network/virtualNetworks/subnets@2023-05-01")},
            {"name", str("snet-app")},
            {"parent_id", str("/subscriptions/s/resourceGroups/rg/providers/"
                              "Microsoft.Network/virtualNetworks/vnet-app")},
            {"body", block({{"properties", block({{"addressPrefix", str("10.1.1.0/24")}})}})}})));
  EXPECT_EQ(by_id.only().name, Value::string("vnet-app/snet-app"));
  EXPECT_TRUE(by_id.only().parent.is_string());

  const Lowered by_ref =
      lower(resource("azapi_resource", "subnet",
                     args({{"type", str("Microsoft.Network/virtualNetworks/subnets@2023-05-01")},
                           {"name", str("snet-app")},
                           {"parent_id", ref("azapi_resource.vnet")}})));
  EXPECT_EQ(by_ref.only().name, Value::string("snet-app"));
  EXPECT_EQ(by_ref.only().parent, Value::ref({"azapi_resource.vnet", {}}));
}

TEST(AzapiMappingTest, AnUnknownTypeGivesNothingAndAnUnknownBodyStaysUnknown) {
  const Lowered untyped =
      lower(resource("azapi_resource", "x", args({{"type", unknown()}, {"name", str("x")}})));
  EXPECT_TRUE(untyped.fragment.resources.empty());
  const Lowered opaque =
      lower(resource("azapi_resource", "x",
                     args({{"type", str("Microsoft.Network/networkSecurityGroups@2023-05-01")},
                           {"name", str("nsg")},
                           {"body", unknown()}})));
  EXPECT_TRUE(opaque.body().is_unknown());
}

TEST(AzapiMappingTest, DataSourcesAreReferenceOnly) {
  const Lowered lowered =
      lower(resource("azapi_resource", "hub",
                     args({{"type", str("Microsoft.Network/virtualNetworks@2023-05-01")},
                           {"name", str("vnet-hub")}}),
                     4, /*data=*/true));
  EXPECT_TRUE(lowered.only().reference_only);
  EXPECT_EQ(lowered.only().address, "data.azapi_resource.hub");
  EXPECT_TRUE(lowered.body().is_unknown());
}

TEST(AzapiMappingTest, UpdateResourceBecomesOnePatchPerPropertyItSets) {
  const EvaluatedResource evaluated = resource(
      "azapi_update_resource", "nsg",
      args({{"type", str("Microsoft.Network/virtualNetworks/subnets@2023-05-01")},
            {"resource_id", ref("azurerm_subnet.app")},
            {"body", block({{"properties",
                             block({{"networkSecurityGroup",
                                     block({{"id", ref("azurerm_network_security_group.app")}})},
                                    {"privateEndpointNetworkPolicies", str("Enabled")}})}})}}));
  const Lowered lowered = lower(evaluated);
  EXPECT_TRUE(lowered.fragment.resources.empty());
  ASSERT_EQ(lowered.fragment.patches.size(), 2u);
  const graph::Patch& nsg = lowered.fragment.patches[0];
  EXPECT_EQ(nsg.target, Value::ref({"azurerm_subnet.app", {"id"}}));
  EXPECT_EQ(fmt_path(nsg.path), "properties.networkSecurityGroup.id");
  EXPECT_EQ(nsg.value, Value::ref({"azurerm_network_security_group.app", {"id"}}));
  EXPECT_EQ(nsg.origin_address, "azapi_update_resource.nsg");
  EXPECT_EQ(nsg.origin_range, evaluated.range);
  EXPECT_EQ(fmt_path(lowered.fragment.patches[1].path),
            "properties.privateEndpointNetworkPolicies");
}

TEST(AzapiMappingTest, UpdateResourceByParentAndNameTargetsTheComposedId) {
  const Lowered lowered =
      lower(resource("azapi_update_resource", "subnet",
                     args({{"type", str("Microsoft.Network/virtualNetworks/subnets@2023-05-01")},
                           {"parent_id", str("/subscriptions/s/resourceGroups/rg/providers/"
                                             "Microsoft.Network/virtualNetworks/vnet")},
                           {"name", str("snet")},
                           {"body", str(R"({"properties": {"defaultOutboundAccess": false}})")}})));
  ASSERT_EQ(lowered.fragment.patches.size(), 1u);
  EXPECT_EQ(lowered.fragment.patches[0].target,
            Value::string("/subscriptions/s/resourceGroups/rg/providers/"
                          "Microsoft.Network/virtualNetworks/vnet/subnets/snet"));
  EXPECT_EQ(lowered.fragment.patches[0].value, Value::boolean(false));
}

}  // namespace
}  // namespace ztlint::terraform
