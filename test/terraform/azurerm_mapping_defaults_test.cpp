#include <gtest/gtest.h>

#include "terraform/azurerm_mapping.h"
#include "terraform/mapping_test_support.h"

namespace ztlint::terraform {
namespace {

using namespace testing;  // NOLINT: the test support's builders
using value::Value;

// What the provider sends when an argument is absent, per declared major version
// (0: the module declares none, so the newest, 4.x, applies).
struct DefaultCase {
  const char* type;
  int major;
  const char* path;
  Value expected;
};

TEST(AzurermDefaultsTest, AbsentArgumentsGetTheProviderDefaultOfTheDeclaredVersion) {
  const DefaultCase cases[] = {
      {"azurerm_storage_account", 4, "properties.publicNetworkAccess", Value::string("Enabled")},
      {"azurerm_storage_account", 3, "properties.publicNetworkAccess", Value::string("Enabled")},
      {"azurerm_storage_account", 4, "properties.supportsHttpsTrafficOnly", Value::boolean(true)},
      {"azurerm_storage_account", 3, "properties.supportsHttpsTrafficOnly", Value::boolean(true)},
      {"azurerm_storage_account", 4, "properties.minimumTlsVersion", Value::string("TLS1_2")},
      {"azurerm_storage_account", 3, "properties.minimumTlsVersion", Value::string("TLS1_2")},
      {"azurerm_storage_account", 4, "properties.allowSharedKeyAccess", Value::boolean(true)},
      {"azurerm_storage_account", 3, "properties.allowBlobPublicAccess", Value::boolean(true)},
      {"azurerm_storage_account", 4, "properties.allowBlobPublicAccess", Value::boolean(true)},
      {"azurerm_storage_account", 0, "kind", Value::string("StorageV2")},
      {"azurerm_subnet", 3, "properties.privateEndpointNetworkPolicies", Value::string("Enabled")},
      {"azurerm_subnet", 4, "properties.privateEndpointNetworkPolicies", Value::string("Disabled")},
      {"azurerm_subnet", 0, "properties.privateEndpointNetworkPolicies", Value::string("Disabled")},
      {"azurerm_subnet", 2, "properties.privateEndpointNetworkPolicies", Value::string("Enabled")},
      {"azurerm_subnet", 5, "properties.privateEndpointNetworkPolicies", Value::string("Disabled")},
      {"azurerm_route_table", 3, "properties.disableBgpRoutePropagation", Value::boolean(false)},
      {"azurerm_route_table", 4, "properties.disableBgpRoutePropagation", Value::boolean(false)},
      {"azurerm_linux_virtual_machine", 4,
       "properties.osProfile.linuxConfiguration.disablePasswordAuthentication",
       Value::boolean(true)},
      {"azurerm_linux_virtual_machine", 3, "properties.securityProfile.encryptionAtHost",
       Value::boolean(false)},
      {"azurerm_linux_virtual_machine", 4,
       "properties.securityProfile.uefiSettings.secureBootEnabled", Value::boolean(false)},
      {"azurerm_windows_virtual_machine", 4, "properties.securityProfile.uefiSettings.vTpmEnabled",
       Value::boolean(false)},
      {"azurerm_linux_virtual_machine", 4, "properties.storageProfile.osDisk.osType",
       Value::string("Linux")},
      {"azurerm_windows_virtual_machine", 4, "properties.storageProfile.osDisk.osType",
       Value::string("Windows")},
      {"azurerm_linux_virtual_machine_scale_set", 4,
       "properties.virtualMachineProfile.osProfile.linuxConfiguration."
       "disablePasswordAuthentication",
       Value::boolean(true)},
      {"azurerm_firewall", 4, "properties.threatIntelMode", Value::string("Alert")},
      {"azurerm_firewall_policy", 3, "properties.threatIntelMode", Value::string("Alert")},
      {"azurerm_firewall_policy", 4, "properties.sku.tier", Value::string("Standard")},
      {"azurerm_key_vault", 4, "properties.publicNetworkAccess", Value::string("Enabled")},
      {"azurerm_mssql_server", 4, "properties.publicNetworkAccess", Value::string("Enabled")},
      {"azurerm_mssql_server", 3, "properties.minimalTlsVersion", Value::string("1.2")},
      {"azurerm_cosmosdb_account", 4, "properties.publicNetworkAccess", Value::string("Enabled")},
      {"azurerm_container_registry", 4, "properties.publicNetworkAccess", Value::string("Enabled")},
      {"azurerm_public_ip", 3, "sku.name", Value::string("Basic")},
      {"azurerm_public_ip", 4, "sku.name", Value::string("Standard")},
      {"azurerm_virtual_network_peering", 4, "properties.allowForwardedTraffic",
       Value::boolean(false)},
      {"azurerm_virtual_network_peering", 4, "properties.allowVirtualNetworkAccess",
       Value::boolean(true)},
  };
  for (const auto& test : cases) {
    SCOPED_TRACE(std::string(test.type) + " " + std::to_string(test.major) + " " + test.path);
    const EvaluatedResource evaluated = resource(test.type, "x", args({}), test.major);
    const Lowered lowered = lower(evaluated);
    const Value* actual = lowered.body().find_path(test.path);
    ASSERT_NE(actual, nullptr);
    EXPECT_EQ(*actual, test.expected);
    // A finding about a default points at the declaration.
    EXPECT_EQ(actual->span(), evaluated.range);
  }
}

TEST(AzurermDefaultsTest, AFirewallWithAPolicyGetsNoClassicThreatIntelDefault) {
  const Lowered with_policy = lower(resource(
      "azurerm_firewall", "x", args({{"firewall_policy_id", ref("azurerm_firewall_policy.hub")}})));
  EXPECT_TRUE(with_policy.at("properties.threatIntelMode").is_null());
  EXPECT_TRUE(with_policy.at("properties.firewallPolicy.id").is_ref());
  const Lowered classic = lower(resource("azurerm_firewall", "x", args({})));
  EXPECT_EQ(classic.at("properties.threatIntelMode"), Value::string("Alert"));
}

TEST(AzurermDefaultsTest, WrittenArgumentsWinOverDefaults) {
  const Lowered lowered =
      lower(resource("azurerm_subnet", "x",
                     args({{"private_endpoint_network_policies_enabled", flag(false)}}), 3));
  EXPECT_EQ(lowered.at("properties.privateEndpointNetworkPolicies"), Value::string("Disabled"));
  const Lowered vm = lower(resource("azurerm_linux_virtual_machine", "x",
                                    args({{"disable_password_authentication", flag(false)}})));
  EXPECT_EQ(vm.at("properties.osProfile.linuxConfiguration.disablePasswordAuthentication"),
            Value::boolean(false));
}

TEST(AzurermDefaultsTest, WindowsMachinesGetNoLinuxSettings) {
  const Lowered lowered = lower(resource("azurerm_windows_virtual_machine", "x", args({})));
  EXPECT_TRUE(lowered.at("properties.osProfile.linuxConfiguration").is_null());
}

TEST(AzurermDefaultsTest, InlineSubnetsDefaultToDisabledEndpointPolicies) {
  const EvaluatedResource evaluated = resource(
      "azurerm_virtual_network", "x",
      args({{"subnet",
             blocks({block({{"name", str("a")}, {"address_prefix", str("10.0.0.0/24")}})})}}),
      3);
  const Lowered lowered = lower(evaluated);
  const Value policies =
      lowered.at("properties.subnets.0.properties.privateEndpointNetworkPolicies");
  EXPECT_EQ(policies, Value::string("Disabled"));
  // The default of a block points at the block.
  EXPECT_EQ(policies.span(), evaluated.arguments.get("subnet")->as_list()[0].span());
}

TEST(AzurermDefaultsTest, LegacyVirtualMachineTakesItsOsFromTheConfigBlock) {
  const Lowered linux_vm = lower(
      resource("azurerm_virtual_machine", "x",
               args({{"os_profile_linux_config",
                      blocks({block({{"disable_password_authentication", flag(false)}})})}})));
  EXPECT_EQ(linux_vm.at("properties.storageProfile.osDisk.osType"), Value::string("Linux"));
  EXPECT_EQ(linux_vm.at("properties.osProfile.linuxConfiguration.disablePasswordAuthentication"),
            Value::boolean(false));
  const Lowered windows_vm = lower(resource(
      "azurerm_virtual_machine", "x", args({{"os_profile_windows_config", blocks({block({})})}})));
  EXPECT_EQ(windows_vm.at("properties.storageProfile.osDisk.osType"), Value::string("Windows"));
  const Lowered unknown_os = lower(resource("azurerm_virtual_machine", "x", args({})));
  EXPECT_TRUE(unknown_os.at("properties.storageProfile.osDisk.osType").is_null());
}

TEST(AzurermDefaultsTest, SecureBootAndVtpmTogetherMakeTrustedLaunch) {
  const Lowered trusted =
      lower(resource("azurerm_linux_virtual_machine", "x",
                     args({{"secure_boot_enabled", flag(true)}, {"vtpm_enabled", flag(true)}})));
  EXPECT_EQ(trusted.at("properties.securityProfile.securityType"), Value::string("TrustedLaunch"));
  EXPECT_EQ(trusted.at("properties.securityProfile.uefiSettings.secureBootEnabled"),
            Value::boolean(true));

  const Lowered half =
      lower(resource("azurerm_windows_virtual_machine", "x",
                     args({{"secure_boot_enabled", flag(true)}, {"vtpm_enabled", flag(false)}})));
  EXPECT_TRUE(half.at("properties.securityProfile.securityType").is_null());

  const Lowered absent = lower(resource("azurerm_linux_virtual_machine", "x", args({})));
  EXPECT_TRUE(absent.at("properties.securityProfile.securityType").is_null());

  const Lowered unknown_vtpm =
      lower(resource("azurerm_linux_virtual_machine", "x",
                     args({{"secure_boot_enabled", flag(true)}, {"vtpm_enabled", unknown()}})));
  EXPECT_TRUE(unknown_vtpm.at("properties.securityProfile.securityType").is_unknown());

  const Lowered scale_set =
      lower(resource("azurerm_linux_virtual_machine_scale_set", "x",
                     args({{"secure_boot_enabled", flag(true)}, {"vtpm_enabled", flag(true)}})));
  EXPECT_EQ(scale_set.at("properties.virtualMachineProfile.securityProfile.securityType"),
            Value::string("TrustedLaunch"));
}

TEST(AzurermDefaultsTest, AnOsDiskSecurityEncryptionTypeMakesAConfidentialVm) {
  const Lowered lowered = lower(
      resource("azurerm_linux_virtual_machine", "x",
               args({{"os_disk",
                      blocks({block({{"security_encryption_type", str("DiskWithVMGuestState")}})})},
                     {"secure_boot_enabled", flag(true)},
                     {"vtpm_enabled", flag(true)}})));
  EXPECT_EQ(lowered.at("properties.securityProfile.securityType"), Value::string("ConfidentialVM"));
}

}  // namespace
}  // namespace ztlint::terraform
