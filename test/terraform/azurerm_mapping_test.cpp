#include "terraform/azurerm_mapping.h"

#include <gtest/gtest.h>

#include <set>

#include "terraform/mapping/type_table.h"
#include "terraform/mapping_test_support.h"

namespace ztlint::terraform {
namespace {

using namespace testing;  // NOLINT: the test support's builders
using value::Value;

TEST(ArmTypeOfTest, MapsEveryCoveredAzurermTypeToItsArmType) {
  const std::pair<const char*, const char*> cases[] = {
      {"azurerm_resource_group", "Microsoft.Resources/resourceGroups"},
      {"azurerm_virtual_network", "Microsoft.Network/virtualNetworks"},
      {"azurerm_subnet", "Microsoft.Network/virtualNetworks/subnets"},
      {"azurerm_network_security_group", "Microsoft.Network/networkSecurityGroups"},
      {"azurerm_network_security_rule", "Microsoft.Network/networkSecurityGroups/securityRules"},
      {"azurerm_route_table", "Microsoft.Network/routeTables"},
      {"azurerm_route", "Microsoft.Network/routeTables/routes"},
      {"azurerm_virtual_network_peering",
       "Microsoft.Network/virtualNetworks/virtualNetworkPeerings"},
      {"azurerm_firewall", "Microsoft.Network/azureFirewalls"},
      {"azurerm_firewall_policy", "Microsoft.Network/firewallPolicies"},
      {"azurerm_bastion_host", "Microsoft.Network/bastionHosts"},
      {"azurerm_public_ip", "Microsoft.Network/publicIPAddresses"},
      {"azurerm_network_interface", "Microsoft.Network/networkInterfaces"},
      {"azurerm_application_security_group", "Microsoft.Network/applicationSecurityGroups"},
      {"azurerm_linux_virtual_machine", "Microsoft.Compute/virtualMachines"},
      {"azurerm_windows_virtual_machine", "Microsoft.Compute/virtualMachines"},
      {"azurerm_virtual_machine", "Microsoft.Compute/virtualMachines"},
      {"azurerm_linux_virtual_machine_scale_set", "Microsoft.Compute/virtualMachineScaleSets"},
      {"azurerm_windows_virtual_machine_scale_set", "Microsoft.Compute/virtualMachineScaleSets"},
      {"azurerm_orchestrated_virtual_machine_scale_set",
       "Microsoft.Compute/virtualMachineScaleSets"},
      {"azurerm_private_endpoint", "Microsoft.Network/privateEndpoints"},
      {"azurerm_private_dns_zone", "Microsoft.Network/privateDnsZones"},
      {"azurerm_private_dns_zone_virtual_network_link",
       "Microsoft.Network/privateDnsZones/virtualNetworkLinks"},
      {"azurerm_storage_account", "Microsoft.Storage/storageAccounts"},
      {"azurerm_key_vault", "Microsoft.KeyVault/vaults"},
      {"azurerm_mssql_server", "Microsoft.Sql/servers"},
      {"azurerm_cosmosdb_account", "Microsoft.DocumentDB/databaseAccounts"},
      {"azurerm_container_registry", "Microsoft.ContainerRegistry/registries"},
      {"azurerm_network_ddos_protection_plan", "Microsoft.Network/ddosProtectionPlans"},
      {"azurerm_network_watcher_flow_log", "Microsoft.Network/networkWatchers/flowLogs"},
      {"azurerm_virtual_network_gateway", "Microsoft.Network/virtualNetworkGateways"},
      {"azurerm_virtual_wan", "Microsoft.Network/virtualWans"},
      {"azurerm_virtual_hub", "Microsoft.Network/virtualHubs"},
      {"azurerm_virtual_hub_connection",
       "Microsoft.Network/virtualHubs/hubVirtualNetworkConnections"},
      {"azurerm_lb", "Microsoft.Network/loadBalancers"},
      {"azurerm_application_gateway", "Microsoft.Network/applicationGateways"},
      {"azurerm_network_virtual_appliance", "Microsoft.Network/networkVirtualAppliances"},
  };
  for (const auto& [azurerm, arm] : cases) {
    EXPECT_EQ(arm_type_of(azurerm), arm) << azurerm;
  }
}

TEST(MappingTableTest, RowsAreUniqueAndEitherAResourceOrAnAssociation) {
  std::set<std::string_view> seen;
  for (const auto& row : mapping::all_types()) {
    SCOPED_TRACE(row.azurerm_type);
    EXPECT_TRUE(seen.insert(row.azurerm_type).second) << "duplicate row";
    EXPECT_TRUE(row.azurerm_type.starts_with("azurerm_"));
    ASSERT_NE(row.body, nullptr);
    if (row.association) {
      EXPECT_TRUE(row.arm_type.empty());
      EXPECT_FALSE(row.association->target_argument.empty());
      EXPECT_FALSE(row.association->patch_path.empty());
    } else {
      // "Namespace/type[/child...]".
      EXPECT_NE(row.arm_type.find('/'), std::string_view::npos);
      EXPECT_NE(row.arm_type.find('.'), std::string_view::npos);
    }
    const bool child = std::count(row.arm_type.begin(), row.arm_type.end(), '/') >= 2;
    if (!row.parent_name_argument.empty() || !row.parent_id_argument.empty()) {
      EXPECT_TRUE(child) << "a parent argument on a top-level type";
    }
    EXPECT_EQ(mapping::find_type(row.azurerm_type), &row);
  }
}

TEST(ArmTypeOfTest, AssociationsAndUnknownTypesHaveNoArmType) {
  EXPECT_EQ(arm_type_of("azurerm_subnet_network_security_group_association"), "");
  EXPECT_EQ(arm_type_of("azurerm_kubernetes_cluster_node_pool_x"), "");
  EXPECT_EQ(arm_type_of("random_string"), "");
}

// One argument in, one ARM property out.
struct ArgumentCase {
  const char* type;
  Value arguments;
  const char* path;
  Value expected;
};

TEST(AzurermMappingTest, MapsArgumentsToArmProperties) {
  const ArgumentCase cases[] = {
      {"azurerm_storage_account", args({{"public_network_access_enabled", flag(false)}}),
       "properties.publicNetworkAccess", Value::string("Disabled")},
      {"azurerm_storage_account", args({{"public_network_access_enabled", flag(true)}}),
       "properties.publicNetworkAccess", Value::string("Enabled")},
      {"azurerm_storage_account", args({{"min_tls_version", str("TLS1_0")}}),
       "properties.minimumTlsVersion", Value::string("TLS1_0")},
      {"azurerm_storage_account", args({{"https_traffic_only_enabled", flag(false)}}),
       "properties.supportsHttpsTrafficOnly", Value::boolean(false)},
      {"azurerm_storage_account", args({{"enable_https_traffic_only", flag(false)}}),
       "properties.supportsHttpsTrafficOnly", Value::boolean(false)},
      {"azurerm_storage_account", args({{"allow_nested_items_to_be_public", flag(false)}}),
       "properties.allowBlobPublicAccess", Value::boolean(false)},
      {"azurerm_storage_account", args({{"shared_access_key_enabled", flag(false)}}),
       "properties.allowSharedKeyAccess", Value::boolean(false)},
      {"azurerm_storage_account",
       args({{"account_tier", str("Standard")}, {"account_replication_type", str("ZRS")}}),
       "sku.name", Value::string("Standard_ZRS")},
      {"azurerm_storage_account",
       args({{"network_rules", blocks({block({{"default_action", str("Deny")},
                                              {"bypass", strs({"AzureServices", "Logging"})},
                                              {"ip_rules", strs({"203.0.113.0/24"})}})})}}),
       "properties.networkAcls",
       Value::map(
           {{"defaultAction", Value::string("Deny")},
            {"bypass", Value::string("AzureServices, Logging")},
            {"ipRules", Value::list({Value::map({{"value", Value::string("203.0.113.0/24")}})})}})},
      {"azurerm_subnet", args({{"address_prefixes", strs({"10.0.1.0/24"})}}),
       "properties.addressPrefixes", Value::list({Value::string("10.0.1.0/24")})},
      {"azurerm_subnet", args({{"private_endpoint_network_policies", str("Enabled")}}),
       "properties.privateEndpointNetworkPolicies", Value::string("Enabled")},
      {"azurerm_subnet", args({{"private_endpoint_network_policies_enabled", flag(false)}}),
       "properties.privateEndpointNetworkPolicies", Value::string("Disabled")},
      {"azurerm_subnet", args({{"enforce_private_link_endpoint_network_policies", flag(true)}}),
       "properties.privateEndpointNetworkPolicies", Value::string("Disabled")},
      {"azurerm_subnet",
       args({{"delegation",
              blocks({block({{"name", str("aci")},
                             {"service_delegation",
                              blocks({block({{"name", str("Microsoft.ContainerInstance/"
                                                          "containerGroups")}})})}})})}}),
       "properties.delegations.0",
       Value::map(
           {{"name", Value::string("aci")},
            {"properties", Value::map({{"serviceName", Value::string("Microsoft.ContainerInstance/"
                                                                     "containerGroups")}})}})},
      {"azurerm_virtual_network", args({{"address_space", strs({"10.0.0.0/16"})}}),
       "properties.addressSpace.addressPrefixes", Value::list({Value::string("10.0.0.0/16")})},
      {"azurerm_virtual_network",
       args({{"ddos_protection_plan",
              blocks({block({{"id", ref("azurerm_network_ddos_protection_plan.hub")},
                             {"enable", flag(true)}})})}}),
       "properties.enableDdosProtection", Value::boolean(true)},
      {"azurerm_virtual_network",
       args({{"ddos_protection_plan",
              blocks({block({{"id", ref("azurerm_network_ddos_protection_plan.hub")},
                             {"enable", flag(true)}})})}}),
       "properties.ddosProtectionPlan.id",
       Value::ref({"azurerm_network_ddos_protection_plan.hub", {"id"}})},
      {"azurerm_route_table", args({{"bgp_route_propagation_enabled", flag(false)}}),
       "properties.disableBgpRoutePropagation", Value::boolean(true)},
      {"azurerm_route_table", args({{"disable_bgp_route_propagation", flag(true)}}),
       "properties.disableBgpRoutePropagation", Value::boolean(true)},
      {"azurerm_virtual_network_peering",
       args({{"remote_virtual_network_id", ref("azurerm_virtual_network.hub")}}),
       "properties.remoteVirtualNetwork.id", Value::ref({"azurerm_virtual_network.hub", {"id"}})},
      {"azurerm_virtual_network_peering", args({{"allow_gateway_transit", flag(true)}}),
       "properties.allowGatewayTransit", Value::boolean(true)},
      {"azurerm_virtual_network_peering", args({{"use_remote_gateways", flag(true)}}),
       "properties.useRemoteGateways", Value::boolean(true)},
      {"azurerm_firewall", args({{"sku_tier", str("Premium")}}), "properties.sku.tier",
       Value::string("Premium")},
      {"azurerm_firewall", args({{"threat_intel_mode", str("Deny")}}), "properties.threatIntelMode",
       Value::string("Deny")},
      {"azurerm_firewall", args({{"firewall_policy_id", ref("azurerm_firewall_policy.hub")}}),
       "properties.firewallPolicy.id", Value::ref({"azurerm_firewall_policy.hub", {"id"}})},
      {"azurerm_firewall",
       args({{"ip_configuration",
              blocks({block({{"name", str("ipconfig")},
                             {"subnet_id", ref("azurerm_subnet.firewall")},
                             {"public_ip_address_id", ref("azurerm_public_ip.firewall")},
                             {"private_ip_address", str("10.0.0.4")}})})}}),
       "properties.ipConfigurations.0",
       Value::map(
           {{"name", Value::string("ipconfig")},
            {"properties",
             Value::map(
                 {{"subnet", Value::map({{"id", Value::ref({"azurerm_subnet.firewall", {"id"}})}})},
                  {"publicIPAddress",
                   Value::map({{"id", Value::ref({"azurerm_public_ip.firewall", {"id"}})}})},
                  {"privateIPAddress", Value::string("10.0.0.4")}})}})},
      {"azurerm_firewall_policy", args({{"sku", str("Premium")}}), "properties.sku.tier",
       Value::string("Premium")},
      {"azurerm_firewall_policy", args({{"threat_intelligence_mode", str("Deny")}}),
       "properties.threatIntelMode", Value::string("Deny")},
      {"azurerm_firewall_policy",
       args({{"intrusion_detection", blocks({block({{"mode", str("Deny")}})})}}),
       "properties.intrusionDetection.mode", Value::string("Deny")},
      {"azurerm_bastion_host",
       args({{"ip_configuration",
              blocks({block({{"name", str("ipconfig")},
                             {"subnet_id", ref("azurerm_subnet.bastion")},
                             {"public_ip_address_id", ref("azurerm_public_ip.bastion")}})})}}),
       "properties.ipConfigurations.0.properties.subnet.id",
       Value::ref({"azurerm_subnet.bastion", {"id"}})},
      {"azurerm_network_interface",
       args({{"ip_configuration",
              blocks({block({{"name", str("ipconfig1")},
                             {"subnet_id", ref("azurerm_subnet.vm")},
                             {"private_ip_address_allocation", str("Dynamic")},
                             {"public_ip_address_id", ref("azurerm_public_ip.vm")}})})}}),
       "properties.ipConfigurations.0",
       Value::map(
           {{"name", Value::string("ipconfig1")},
            {"properties",
             Value::map(
                 {{"subnet", Value::map({{"id", Value::ref({"azurerm_subnet.vm", {"id"}})}})},
                  {"privateIPAllocationMethod", Value::string("Dynamic")},
                  {"publicIPAddress",
                   Value::map({{"id", Value::ref({"azurerm_public_ip.vm", {"id"}})}})}})}})},
      {"azurerm_linux_virtual_machine",
       args({{"network_interface_ids", list({ref("azurerm_network_interface.vm")})}}),
       "properties.networkProfile.networkInterfaces",
       Value::list({Value::map({{"id", Value::ref({"azurerm_network_interface.vm", {"id"}})}})})},
      {"azurerm_linux_virtual_machine", args({{"disable_password_authentication", flag(false)}}),
       "properties.osProfile.linuxConfiguration.disablePasswordAuthentication",
       Value::boolean(false)},
      {"azurerm_windows_virtual_machine", args({{"encryption_at_host_enabled", flag(true)}}),
       "properties.securityProfile.encryptionAtHost", Value::boolean(true)},
      {"azurerm_linux_virtual_machine_scale_set",
       args({{"network_interface",
              blocks({block({{"name", str("nic")},
                             {"ip_configuration",
                              blocks({block({{"name", str("internal")},
                                             {"subnet_id", ref("azurerm_subnet.vm")},
                                             {"public_ip_address",
                                              blocks({block({{"name", str("pip")}})})}})})}})})}}),
       "properties.virtualMachineProfile.networkProfile.networkInterfaceConfigurations.0."
       "properties.ipConfigurations.0.properties.publicIPAddressConfiguration",
       Value::map({{"name", Value::string("pip")}})},
      {"azurerm_private_endpoint", args({{"subnet_id", ref("azurerm_subnet.endpoints")}}),
       "properties.subnet.id", Value::ref({"azurerm_subnet.endpoints", {"id"}})},
      {"azurerm_private_endpoint",
       args(
           {{"private_service_connection",
             blocks({block({{"name", str("psc")},
                            {"private_connection_resource_id", ref("azurerm_storage_account.data")},
                            {"subresource_names", strs({"blob"})}})})}}),
       "properties.privateLinkServiceConnections.0.properties",
       Value::map({{"privateLinkServiceId", Value::ref({"azurerm_storage_account.data", {"id"}})},
                   {"groupIds", Value::list({Value::string("blob")})}})},
      {"azurerm_private_dns_zone_virtual_network_link",
       args({{"virtual_network_id", ref("azurerm_virtual_network.app")}}),
       "properties.virtualNetwork.id", Value::ref({"azurerm_virtual_network.app", {"id"}})},
      {"azurerm_key_vault",
       args({{"network_acls", blocks({block({{"default_action", str("Allow")},
                                             {"bypass", str("AzureServices")}})})}}),
       "properties.networkAcls.defaultAction", Value::string("Allow")},
      {"azurerm_key_vault", args({{"public_network_access_enabled", flag(false)}}),
       "properties.publicNetworkAccess", Value::string("Disabled")},
      {"azurerm_mssql_server", args({{"public_network_access_enabled", flag(false)}}),
       "properties.publicNetworkAccess", Value::string("Disabled")},
      {"azurerm_mssql_server", args({{"minimum_tls_version", str("1.0")}}),
       "properties.minimalTlsVersion", Value::string("1.0")},
      {"azurerm_cosmosdb_account", args({{"ip_range_filter", str("1.2.3.4, 5.6.7.0/24")}}),
       "properties.ipRules",
       Value::list({Value::map({{"ipAddressOrRange", Value::string("1.2.3.4")}}),
                    Value::map({{"ipAddressOrRange", Value::string("5.6.7.0/24")}})})},
      {"azurerm_cosmosdb_account", args({{"public_network_access_enabled", flag(false)}}),
       "properties.publicNetworkAccess", Value::string("Disabled")},
      {"azurerm_container_registry", args({{"public_network_access_enabled", flag(false)}}),
       "properties.publicNetworkAccess", Value::string("Disabled")},
      {"azurerm_container_registry",
       args({{"network_rule_set", blocks({block({{"default_action", str("Deny")}})})}}),
       "properties.networkRuleSet.defaultAction", Value::string("Deny")},
      {"azurerm_network_watcher_flow_log",
       args({{"target_resource_id", ref("azurerm_virtual_network.hub")}}),
       "properties.targetResourceId", Value::ref({"azurerm_virtual_network.hub", {"id"}})},
      {"azurerm_network_watcher_flow_log",
       args({{"network_security_group_id", ref("azurerm_network_security_group.app")}}),
       "properties.targetResourceId", Value::ref({"azurerm_network_security_group.app", {"id"}})},
      {"azurerm_network_watcher_flow_log", args({{"enabled", flag(false)}}), "properties.enabled",
       Value::boolean(false)},
      {"azurerm_network_watcher_flow_log",
       args({{"storage_account_id", ref("azurerm_storage_account.logs")}}), "properties.storageId",
       Value::ref({"azurerm_storage_account.logs", {"id"}})},
      {"azurerm_virtual_network_gateway",
       args({{"ip_configuration",
              blocks({block({{"subnet_id", ref("azurerm_subnet.gateway")},
                             {"public_ip_address_id", ref("azurerm_public_ip.gw")}})})}}),
       "properties.ipConfigurations.0.properties.publicIPAddress.id",
       Value::ref({"azurerm_public_ip.gw", {"id"}})},
      {"azurerm_virtual_hub", args({{"virtual_wan_id", ref("azurerm_virtual_wan.wan")}}),
       "properties.virtualWan.id", Value::ref({"azurerm_virtual_wan.wan", {"id"}})},
      {"azurerm_lb",
       args({{"frontend_ip_configuration",
              blocks({block({{"name", str("fe")},
                             {"public_ip_address_id", ref("azurerm_public_ip.lb")}})})}}),
       "properties.frontendIPConfigurations.0.properties.publicIPAddress.id",
       Value::ref({"azurerm_public_ip.lb", {"id"}})},
      {"azurerm_application_gateway",
       args({{"frontend_ip_configuration",
              blocks({block({{"name", str("fe")},
                             {"public_ip_address_id", ref("azurerm_public_ip.agw")}})})}}),
       "properties.frontendIPConfigurations.0.properties.publicIPAddress.id",
       Value::ref({"azurerm_public_ip.agw", {"id"}})},
      {"azurerm_network_virtual_appliance",
       args({{"virtual_hub_id", ref("azurerm_virtual_hub.weu")}}), "properties.virtualHub.id",
       Value::ref({"azurerm_virtual_hub.weu", {"id"}})},
      {"azurerm_resource_group", args({{"location", str("westeurope")}}), "location",
       Value::string("westeurope")},
      {"azurerm_public_ip", args({{"allocation_method", str("Static")}}),
       "properties.publicIPAllocationMethod", Value::string("Static")},
  };
  for (const auto& test : cases) {
    SCOPED_TRACE(std::string(test.type) + " → " + test.path);
    const Lowered lowered = lower(resource(test.type, "x", test.arguments));
    ASSERT_EQ(lowered.fragment.resources.size(), 1u);
    const Value* actual = lowered.body().find_path(test.path);
    ASSERT_NE(actual, nullptr);
    EXPECT_EQ(*actual, test.expected) << actual->to_display();
    EXPECT_TRUE(lowered.diagnostics.empty());
  }
}

TEST(AzurermMappingTest, EveryResourceCarriesAddressTypeRangeAndLanguage) {
  const EvaluatedResource evaluated =
      resource("azurerm_virtual_network", "hub", args({{"name", str("vnet-hub")}}));
  const Lowered lowered = lower(evaluated);
  const graph::Resource& vnet = lowered.only();
  EXPECT_EQ(vnet.address, "azurerm_virtual_network.hub");
  EXPECT_EQ(vnet.type, "Microsoft.Network/virtualNetworks");
  EXPECT_EQ(vnet.source_type, "azurerm_virtual_network");
  EXPECT_EQ(vnet.range, evaluated.range);
  EXPECT_EQ(vnet.language, graph::Language::kTerraform);
  EXPECT_FALSE(vnet.reference_only);
  EXPECT_EQ(vnet.name, Value::string("vnet-hub"));
  EXPECT_EQ(vnet.name.span(), evaluated.arguments.get("name")->span());
}

TEST(AzurermMappingTest, MappedValuesKeepTheSpanOfTheirAttribute) {
  const EvaluatedResource evaluated =
      resource("azurerm_storage_account", "data",
               args({{"public_network_access_enabled", flag(false)},
                     {"min_tls_version", str("TLS1_1")},
                     {"network_rules", blocks({block({{"default_action", str("Deny")}})})}}));
  const Lowered lowered = lower(evaluated);
  EXPECT_EQ(lowered.at("properties.publicNetworkAccess").span(),
            evaluated.arguments.get("public_network_access_enabled")->span());
  EXPECT_EQ(lowered.at("properties.minimumTlsVersion").span(),
            evaluated.arguments.get("min_tls_version")->span());
  const Value& rules_block = evaluated.arguments.get("network_rules")->as_list()[0];
  EXPECT_EQ(lowered.at("properties.networkAcls.defaultAction").span(),
            rules_block.get("default_action")->span());
}

TEST(AzurermMappingTest, UnknownValuesStayUnknownAndGetNoDefault) {
  const EvaluatedResource evaluated =
      resource("azurerm_storage_account", "data",
               args({{"public_network_access_enabled", unknown()},
                     {"allow_nested_items_to_be_public", unknown()}}));
  const Lowered lowered = lower(evaluated);
  EXPECT_TRUE(lowered.at("properties.publicNetworkAccess").is_unknown());
  EXPECT_TRUE(lowered.at("properties.allowBlobPublicAccess").is_unknown());
  EXPECT_EQ(lowered.at("properties.publicNetworkAccess").span(),
            evaluated.arguments.get("public_network_access_enabled")->span());
}

TEST(AzurermMappingTest, AnUnknownDynamicBlockMakesWhatItWouldSetUnknown) {
  const Lowered lowered =
      lower(resource("azurerm_storage_account", "data", args({{"network_rules", unknown()}})));
  EXPECT_TRUE(lowered.at("properties.networkAcls.defaultAction").is_unknown());
  const Lowered rules = lower(
      resource("azurerm_network_security_group", "nsg", args({{"security_rule", unknown()}})));
  EXPECT_TRUE(rules.at("properties.securityRules").is_unknown());
}

TEST(AzurermMappingTest, VirtualNetworkInlineSubnetsBecomeArmInlineItems) {
  const EvaluatedResource evaluated = resource(
      "azurerm_virtual_network", "hub",
      args({{"name", str("vnet-hub")},
            {"address_space", strs({"10.0.0.0/16"})},
            {"subnet",
             blocks({block({{"name", str("snet-app")},
                            {"address_prefixes", strs({"10.0.1.0/24"})},
                            {"security_group", ref("azurerm_network_security_group.app")}}),
                     block({{"name", str("AzureFirewallSubnet")},
                            {"address_prefix", str("10.0.0.0/26")}})})}}));
  const Lowered lowered = lower(evaluated);
  const Value subnets = lowered.at("properties.subnets");
  ASSERT_TRUE(subnets.is_list());
  ASSERT_EQ(subnets.as_list().size(), 2u);
  EXPECT_EQ(*subnets.find_path("0.name"), Value::string("snet-app"));
  EXPECT_EQ(*subnets.find_path("0.properties.addressPrefixes"),
            Value::list({Value::string("10.0.1.0/24")}));
  EXPECT_EQ(*subnets.find_path("0.properties.networkSecurityGroup.id"),
            Value::ref({"azurerm_network_security_group.app", {"id"}}));
  EXPECT_EQ(*subnets.find_path("1.properties.addressPrefix"), Value::string("10.0.0.0/26"));
  // Each item is written where its block is.
  const Value& first_block = evaluated.arguments.get("subnet")->as_list()[0];
  EXPECT_EQ(subnets.as_list()[0].span(), first_block.span());
}

TEST(AzurermMappingTest, NetworkSecurityGroupInlineRulesBecomeSecurityRules) {
  const Lowered lowered = lower(resource(
      "azurerm_network_security_group", "web",
      args({{"security_rule",
             blocks({block({{"name", str("AllowSsh")},
                            {"priority", num(100)},
                            {"direction", str("Inbound")},
                            {"access", str("Allow")},
                            {"protocol", str("Tcp")},
                            {"source_port_range", str("*")},
                            {"destination_port_ranges", strs({"22", "3389"})},
                            {"source_address_prefixes", strs({"0.0.0.0/0"})},
                            {"destination_address_prefix", str("*")},
                            {"destination_application_security_group_ids",
                             list({ref("azurerm_application_security_group.app")})}})})}})));
  const Value rule = lowered.at("properties.securityRules.0");
  EXPECT_EQ(*rule.find_path("name"), Value::string("AllowSsh"));
  EXPECT_EQ(*rule.find_path("properties.priority"), Value::number(100));
  EXPECT_EQ(*rule.find_path("properties.direction"), Value::string("Inbound"));
  EXPECT_EQ(*rule.find_path("properties.access"), Value::string("Allow"));
  EXPECT_EQ(*rule.find_path("properties.protocol"), Value::string("Tcp"));
  EXPECT_EQ(*rule.find_path("properties.sourcePortRange"), Value::string("*"));
  EXPECT_EQ(*rule.find_path("properties.destinationPortRanges"),
            Value::list({Value::string("22"), Value::string("3389")}));
  EXPECT_EQ(*rule.find_path("properties.sourceAddressPrefixes"),
            Value::list({Value::string("0.0.0.0/0")}));
  EXPECT_EQ(*rule.find_path("properties.destinationAddressPrefix"), Value::string("*"));
  EXPECT_EQ(*rule.find_path("properties.destinationApplicationSecurityGroups.0.id"),
            Value::ref({"azurerm_application_security_group.app", {"id"}}));
}

TEST(AzurermMappingTest, RouteTableInlineRoutesKeepReferencesTranslatedToArmPaths) {
  const Lowered lowered = lower(resource(
      "azurerm_route_table", "app",
      args({{"route", blocks({block({{"name", str("default")},
                                     {"address_prefix", str("0.0.0.0/0")},
                                     {"next_hop_type", str("VirtualAppliance")},
                                     {"next_hop_in_ip_address",
                                      ref("azurerm_firewall.hub", {"ip_configuration", "0",
                                                                   "private_ip_address"})}})})}})));
  EXPECT_EQ(lowered.at("properties.routes.0.name"), Value::string("default"));
  EXPECT_EQ(lowered.at("properties.routes.0.properties.addressPrefix"), Value::string("0.0.0.0/0"));
  EXPECT_EQ(lowered.at("properties.routes.0.properties.nextHopType"),
            Value::string("VirtualAppliance"));
  EXPECT_EQ(
      lowered.at("properties.routes.0.properties.nextHopIpAddress"),
      Value::ref({"azurerm_firewall.hub",
                  {"properties", "ipConfigurations", "0", "properties", "privateIPAddress"}}));
}

TEST(AzurermMappingTest, ReferencePathsTranslateOnlyWhereTheTableKnowsThem) {
  const std::pair<Value, Value> cases[] = {
      // id and name stay as written.
      {ref("azurerm_subnet.app", {"id"}), Value::ref({"azurerm_subnet.app", {"id"}})},
      {ref("azurerm_virtual_network.hub", {"name"}),
       Value::ref({"azurerm_virtual_network.hub", {"name"}})},
      // Configured-or-computed attributes become ARM paths, through modules and instances.
      {ref("module.hub[\"a.b\"].azurerm_firewall.hub[0]",
           {"ip_configuration", "0", "private_ip_address"}),
       Value::ref({"module.hub[\"a.b\"].azurerm_firewall.hub[0]",
                   {"properties", "ipConfigurations", "0", "properties", "privateIPAddress"}})},
      {ref("azurerm_virtual_network.hub", {"address_space", "0"}),
       Value::ref({"azurerm_virtual_network.hub",
                   {"properties", "addressSpace", "addressPrefixes", "0"}})},
      {ref("azurerm_resource_group.hub", {"location"}),
       Value::ref({"azurerm_resource_group.hub", {"location"}})},
      // Unknown attributes and types stay as written.
      {ref("azurerm_public_ip.fw", {"ip_address_x"}),
       Value::ref({"azurerm_public_ip.fw", {"ip_address_x"}})},
      {ref("random_string.suffix", {"result"}), Value::ref({"random_string.suffix", {"result"}})},
  };
  for (const auto& [written, expected] : cases) {
    const Lowered lowered =
        lower(resource("azurerm_route", "r", args({{"next_hop_in_ip_address", written}})));
    EXPECT_EQ(lowered.at("properties.nextHopIpAddress"), expected) << written.to_display();
  }
}

struct NameCase {
  const char* type;
  Value arguments;
  Value expected_name;
};

TEST(AzurermMappingTest, ChildResourcesGetTheirFullArmName) {
  const NameCase cases[] = {
      {"azurerm_subnet", args({{"name", str("snet-app")}, {"virtual_network_name", str("vnet")}}),
       Value::string("vnet/snet-app")},
      {"azurerm_network_security_rule",
       args({{"name", str("AllowHttps")}, {"network_security_group_name", str("nsg-web")}}),
       Value::string("nsg-web/AllowHttps")},
      {"azurerm_route", args({{"name", str("default")}, {"route_table_name", str("rt-app")}}),
       Value::string("rt-app/default")},
      {"azurerm_virtual_network_peering",
       args({{"name", str("hub-to-app")}, {"virtual_network_name", str("vnet-hub")}}),
       Value::string("vnet-hub/hub-to-app")},
      {"azurerm_private_dns_zone_virtual_network_link",
       args({{"name", str("link")}, {"private_dns_zone_name", str("privatelink.blob.core")}}),
       Value::string("privatelink.blob.core/link")},
      {"azurerm_network_watcher_flow_log",
       args({{"name", str("fl")}, {"network_watcher_name", str("nw-weu")}}),
       Value::string("nw-weu/fl")},
      {"azurerm_netapp_volume",
       args({{"name", str("vol")}, {"account_name", str("acct")}, {"pool_name", str("pool")}}),
       Value::string("acct/pool/vol")},
      {"azurerm_lb_probe",
       args({{"name", str("http")},
             {"loadbalancer_id", str("/subscriptions/s/resourceGroups/rg/providers/"
                                     "Microsoft.Network/loadBalancers/lb-app")}}),
       Value::string("lb-app/http")},
      {"azurerm_eventhub", args({{"name", str("orders")}, {"namespace_name", str("evhns")}}),
       Value::string("evhns/orders")},
      {"azurerm_eventhub",
       args({{"name", str("orders")},
             {"namespace_id", str("/subscriptions/s/resourceGroups/rg/providers/"
                                  "Microsoft.EventHub/namespaces/evhns")}}),
       Value::string("evhns/orders")},
      {"azurerm_virtual_hub_connection",
       args({{"name", str("conn")},
             {"virtual_hub_id", str("/subscriptions/s/resourceGroups/rg/providers/"
                                    "Microsoft.Network/virtualHubs/hub-weu")}}),
       Value::string("hub-weu/conn")},
  };
  for (const auto& test : cases) {
    SCOPED_TRACE(test.type);
    const Lowered lowered = lower(resource(test.type, "x", test.arguments));
    EXPECT_EQ(lowered.only().name, test.expected_name);
    EXPECT_EQ(lowered.only().name.span(), test.arguments.get("name")->span());
  }
}

TEST(AzurermMappingTest, ChildWithAReferencedParentGetsAParentRef) {
  const Lowered lowered = lower(
      resource("azurerm_subnet", "app",
               args({{"name", str("snet-app")},
                     {"virtual_network_name", ref("azurerm_virtual_network.app", {"name"})}})));
  EXPECT_EQ(lowered.only().name, Value::string("snet-app"));
  EXPECT_EQ(lowered.only().parent, Value::ref({"azurerm_virtual_network.app", {}}));
}

TEST(AzurermMappingTest, ChildWithAnUnknownParentNameHasAnUnknownName) {
  const Lowered lowered =
      lower(resource("azurerm_subnet", "app",
                     args({{"name", str("snet-app")}, {"virtual_network_name", unknown()}})));
  EXPECT_TRUE(lowered.only().name.is_unknown());
  EXPECT_TRUE(lowered.only().parent.is_null());
}

TEST(AzurermMappingTest, ANameComputedByAnotherResourceIsUnknown) {
  const Lowered lowered =
      lower(resource("azurerm_storage_account", "data",
                     args({{"name", ref("random_string.suffix", {"result"})}})));
  EXPECT_TRUE(lowered.only().name.is_unknown());
}

TEST(AzurermMappingTest, TypesOutsideTheTableKeepTheirTerraformTypeAndArguments) {
  const Lowered lowered = lower(resource("azurerm_kubernetes_cluster_x", "aks",
                                         args({{"name", Value::string("aks-prod")}})));
  ASSERT_EQ(lowered.fragment.resources.size(), 1u);
  EXPECT_EQ(lowered.only().type, "azurerm_kubernetes_cluster_x");
  EXPECT_EQ(lowered.only().name, Value::string("aks-prod"));
  EXPECT_NE(lowered.body().get("name"), nullptr);
  EXPECT_TRUE(lowered.fragment.patches.empty());
  EXPECT_TRUE(lowered.diagnostics.empty());
  const Lowered other = lower(resource("random_string", "suffix", args({})));
  ASSERT_EQ(other.fragment.resources.size(), 1u);
  EXPECT_EQ(other.only().address, "random_string.suffix");
  EXPECT_TRUE(other.only().name.is_unknown());
}

TEST(AzurermMappingTest, ArgumentsThatAreNotAMapLowerToAnEmptyBody) {
  const Lowered lowered = lower(resource("azurerm_virtual_network", "x", unknown()));
  ASSERT_EQ(lowered.fragment.resources.size(), 1u);
  EXPECT_TRUE(lowered.only().name.is_unknown());
  EXPECT_TRUE(lowered.body().is_map());
}

}  // namespace
}  // namespace ztlint::terraform
