#include <gtest/gtest.h>

#include "graph/resource_graph.h"
#include "terraform/azurerm_mapping.h"
#include "terraform/mapping_test_support.h"

namespace ztlint::terraform {
namespace {

using namespace testing;  // NOLINT: the test support's builders
using value::Value;

struct AssociationCase {
  const char* type;
  Value arguments;
  Value target;
  const char* path;
  Value value;
  bool append;
};

TEST(AzurermAssociationTest, AssociationsBecomePatchesOnTheResourceTheyAssociate) {
  const AssociationCase cases[] = {
      {"azurerm_subnet_network_security_group_association",
       args({{"subnet_id", ref("azurerm_subnet.app")},
             {"network_security_group_id", ref("azurerm_network_security_group.app")}}),
       Value::ref({"azurerm_subnet.app", {"id"}}), "properties.networkSecurityGroup",
       Value::map({{"id", Value::ref({"azurerm_network_security_group.app", {"id"}})}}), false},
      {"azurerm_subnet_route_table_association",
       args({{"subnet_id", ref("azurerm_subnet.app")},
             {"route_table_id", ref("azurerm_route_table.app")}}),
       Value::ref({"azurerm_subnet.app", {"id"}}), "properties.routeTable",
       Value::map({{"id", Value::ref({"azurerm_route_table.app", {"id"}})}}), false},
      {"azurerm_network_interface_security_group_association",
       args({{"network_interface_id", ref("azurerm_network_interface.vm")},
             {"network_security_group_id", ref("azurerm_network_security_group.vm")}}),
       Value::ref({"azurerm_network_interface.vm", {"id"}}), "properties.networkSecurityGroup",
       Value::map({{"id", Value::ref({"azurerm_network_security_group.vm", {"id"}})}}), false},
      {"azurerm_network_interface_application_security_group_association",
       args({{"network_interface_id", ref("azurerm_network_interface.vm")},
             {"application_security_group_id", ref("azurerm_application_security_group.app")}}),
       Value::ref({"azurerm_network_interface.vm", {"id"}}),
       "properties.ipConfigurations.0.properties.applicationSecurityGroups",
       Value::map({{"id", Value::ref({"azurerm_application_security_group.app", {"id"}})}}), true},
      {"azurerm_subnet_nat_gateway_association",
       args({{"subnet_id", ref("azurerm_subnet.app")},
             {"nat_gateway_id", ref("azurerm_nat_gateway.egress")}}),
       Value::ref({"azurerm_subnet.app", {"id"}}), "properties.natGateway",
       Value::map({{"id", Value::ref({"azurerm_nat_gateway.egress", {"id"}})}}), false},
      {"azurerm_nat_gateway_public_ip_association",
       args({{"nat_gateway_id", ref("azurerm_nat_gateway.egress")},
             {"public_ip_address_id", ref("azurerm_public_ip.egress")}}),
       Value::ref({"azurerm_nat_gateway.egress", {"id"}}), "properties.publicIpAddresses",
       Value::map({{"id", Value::ref({"azurerm_public_ip.egress", {"id"}})}}), true},
      {"azurerm_storage_account_network_rules",
       args({{"storage_account_id", str("/subscriptions/s/resourceGroups/rg/providers/"
                                        "Microsoft.Storage/storageAccounts/stdata")},
             {"default_action", str("Deny")},
             {"bypass", strs({"AzureServices"})}}),
       Value::string("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/"
                     "storageAccounts/stdata"),
       "properties.networkAcls",
       Value::map(
           {{"defaultAction", Value::string("Deny")}, {"bypass", Value::string("AzureServices")}}),
       false},
  };
  for (const auto& test : cases) {
    SCOPED_TRACE(test.type);
    const EvaluatedResource evaluated = resource(test.type, "a", test.arguments);
    const Lowered lowered = lower(evaluated);
    // The association itself is not a resource.
    EXPECT_TRUE(lowered.fragment.resources.empty());
    ASSERT_EQ(lowered.fragment.patches.size(), 1u);
    const graph::Patch& patch = lowered.fragment.patches[0];
    EXPECT_EQ(patch.target, test.target);
    EXPECT_EQ(fmt_path(patch.path), test.path);
    EXPECT_EQ(patch.value, test.value) << patch.value.to_display();
    EXPECT_EQ(patch.append, test.append);
    EXPECT_EQ(patch.origin_address, evaluated.address);
    EXPECT_EQ(patch.origin_range, evaluated.range);
    // The patched value points at the association's block.
    EXPECT_EQ(patch.value.span(), evaluated.range);
  }
}

TEST(AzurermAssociationTest, AsgAssociationLinksIntoTheNicWithoutLosingItsIpConfiguration) {
  graph::Fragment fragment;
  source::Diagnostics diagnostics;
  lower_to_arm(
      resource("azurerm_network_interface", "vm",
               args({{"name", str("nic-vm")},
                     {"ip_configuration",
                      blocks({block({{"name", str("ipconfig1")},
                                     {"subnet_id", ref("azurerm_subnet.app")},
                                     {"public_ip_address_id", ref("azurerm_public_ip.vm")}})})}})),
      fragment, diagnostics);
  lower_to_arm(
      resource("azurerm_application_security_group", "app", args({{"name", str("asg-app")}})),
      fragment, diagnostics);
  lower_to_arm(
      resource(
          "azurerm_network_interface_application_security_group_association", "a",
          args({{"network_interface_id", ref("azurerm_network_interface.vm")},
                {"application_security_group_id", ref("azurerm_application_security_group.app")}})),
      fragment, diagnostics);
  graph::ResourceGraph graph;
  for (auto& lowered : fragment.resources) graph.add(std::move(lowered));
  for (auto& patch : fragment.patches) graph.add_patch(std::move(patch));
  graph.link(diagnostics);
  const auto nic = graph.find_address("azurerm_network_interface.vm");
  ASSERT_TRUE(nic);
  const Value& body = graph.resource(*nic).body;
  ASSERT_NE(body.find_path("properties.ipConfigurations.0.properties.publicIPAddress.id"), nullptr);
  ASSERT_NE(
      body.find_path("properties.ipConfigurations.0.properties.applicationSecurityGroups.0.id"),
      nullptr);
  EXPECT_TRUE(body.find_path("properties.ipConfigurations")->is_list());
  EXPECT_TRUE(diagnostics.empty());
}

TEST(AzurermAssociationTest, AnAssociationWithAnUnknownTargetPatchesNothing) {
  const Lowered lowered = lower(
      resource("azurerm_subnet_network_security_group_association", "a",
               args({{"subnet_id", unknown()},
                     {"network_security_group_id", ref("azurerm_network_security_group.app")}})));
  EXPECT_TRUE(lowered.fragment.patches.empty());
  EXPECT_TRUE(lowered.fragment.resources.empty());
}

TEST(AzurermAssociationTest, AnAssociationToAnUnknownGroupPatchesAnUnknownId) {
  const Lowered lowered = lower(resource(
      "azurerm_subnet_network_security_group_association", "a",
      args({{"subnet_id", ref("azurerm_subnet.app")}, {"network_security_group_id", unknown()}})));
  ASSERT_EQ(lowered.fragment.patches.size(), 1u);
  EXPECT_TRUE(lowered.fragment.patches[0].value.get("id")->is_unknown());
}

TEST(AzurermChildBlockTest, PrivateDnsZoneGroupBecomesAChildOfTheEndpoint) {
  const EvaluatedResource evaluated = resource(
      "azurerm_private_endpoint", "blob",
      args({{"name", str("pe-blob")},
            {"subnet_id", ref("azurerm_subnet.endpoints")},
            {"private_dns_zone_group",
             blocks({block(
                 {{"name", str("default")},
                  {"private_dns_zone_ids", list({ref("azurerm_private_dns_zone.blob")})}})})}}));
  const Lowered lowered = lower(evaluated);
  ASSERT_EQ(lowered.fragment.resources.size(), 2u);
  const graph::Resource& endpoint = lowered.fragment.resources[0];
  const graph::Resource& group = lowered.fragment.resources[1];
  EXPECT_EQ(endpoint.type, "Microsoft.Network/privateEndpoints");
  EXPECT_TRUE(endpoint.body.find_path("properties.privateDnsZoneGroup") == nullptr);
  EXPECT_EQ(group.type, "Microsoft.Network/privateEndpoints/privateDnsZoneGroups");
  EXPECT_EQ(group.address, "azurerm_private_endpoint.blob/privateDnsZoneGroups/default");
  EXPECT_EQ(group.source_type, "azurerm_private_endpoint");
  EXPECT_EQ(group.name, Value::string("default"));
  EXPECT_EQ(group.parent, Value::ref({"azurerm_private_endpoint.blob", {}}));
  const Value& group_block = evaluated.arguments.get("private_dns_zone_group")->as_list()[0];
  EXPECT_EQ(group.range, group_block.span());
  ASSERT_NE(group.body.find_path("properties.privateDnsZoneConfigs.0.properties.privateDnsZoneId"),
            nullptr);
  EXPECT_EQ(*group.body.find_path("properties.privateDnsZoneConfigs.0.properties.privateDnsZoneId"),
            Value::ref({"azurerm_private_dns_zone.blob", {"id"}}));
}

TEST(AzurermChildBlockTest, ManualConnectionsGoWhereArmKeepsThem) {
  const Lowered lowered = lower(
      resource("azurerm_private_endpoint", "pe",
               args({{"private_service_connection",
                      blocks({block({{"name", str("auto")},
                                     {"private_connection_resource_id", ref("azurerm_key_vault.a")},
                                     {"is_manual_connection", flag(false)}}),
                              block({{"name", str("manual")},
                                     {"private_connection_resource_id", ref("azurerm_key_vault.b")},
                                     {"is_manual_connection", flag(true)}})})}})));
  EXPECT_EQ(lowered.at("properties.privateLinkServiceConnections.0.name"), Value::string("auto"));
  EXPECT_TRUE(lowered.at("properties.privateLinkServiceConnections.1").is_null());
  EXPECT_EQ(lowered.at("properties.manualPrivateLinkServiceConnections.0.properties."
                       "privateLinkServiceId"),
            Value::ref({"azurerm_key_vault.b", {"id"}}));
}

TEST(AzurermDataSourceTest, DataSourcesAreReferenceOnlyWithAnUnknownBody) {
  const EvaluatedResource evaluated = resource("azurerm_subnet", "hub_firewall",
                                               args({{"name", str("AzureFirewallSubnet")},
                                                     {"virtual_network_name", str("vnet-hub")},
                                                     {"resource_group_name", str("rg-hub")}}),
                                               4, /*data=*/true);
  const Lowered lowered = lower(evaluated);
  const graph::Resource& subnet = lowered.only();
  EXPECT_EQ(subnet.address, "data.azurerm_subnet.hub_firewall");
  EXPECT_TRUE(subnet.reference_only);
  EXPECT_EQ(subnet.type, "Microsoft.Network/virtualNetworks/subnets");
  EXPECT_EQ(subnet.name, Value::string("vnet-hub/AzureFirewallSubnet"));
  EXPECT_TRUE(subnet.body.is_unknown());
}

TEST(AzurermDataSourceTest, DataSourcesOfUnknownTypesAreReferenceOnlyAndUnknown) {
  const Lowered client = lower(resource("azurerm_client_config", "current", args({}), 4, true));
  ASSERT_EQ(client.fragment.resources.size(), 1u);
  EXPECT_TRUE(client.only().reference_only);
  EXPECT_TRUE(client.body().is_unknown());
}

}  // namespace
}  // namespace ztlint::terraform
