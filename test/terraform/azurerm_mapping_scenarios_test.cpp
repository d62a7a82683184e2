// The acceptance scenarios evaluated and lowered end to end through the mapping table.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "terraform/azurerm_mapping.h"
#include "terraform/mapping/type_table.h"
#include "terraform/mapping_test_support.h"
#include "terraform/module_evaluator.h"

namespace ztlint::terraform {
namespace {

using namespace testing;  // NOLINT: the test support's builders
using value::Value;

const std::string kScenarios = ZTLINT_SOURCE_DIR "/../shared/acceptance/scenarios/";

struct Scenario {
  graph::Fragment fragment;
  source::Diagnostics diagnostics;
  std::map<std::string, const graph::Resource*> by_address;
  std::size_t evaluated = 0;
  std::size_t mapped_types = 0;

  const graph::Resource& at(const std::string& address) const {
    auto it = by_address.find(address);
    if (it == by_address.end()) throw std::out_of_range(address);
    return *it->second;
  }
  Value get(const std::string& address, std::string_view path) const {
    const Value* found = at(address).body.find_path(path);
    return found ? *found : Value();
  }
};

// Evaluates every .tf file of the scenario folder and lowers each instance.
bool load(const std::string& name, Scenario& scenario) {
  const std::string dir = kScenarios + name;
  if (!std::filesystem::exists(dir)) return false;
  source::SourceSet sources;
  Inputs inputs;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".tf") continue;
    source::Diagnostic error;
    if (auto id = sources.load(entry.path().string(), &error)) inputs.tf_files.push_back(*id);
  }
  source::Diagnostics evaluation_diagnostics;
  const Evaluation evaluation = evaluate_modules(sources, inputs, evaluation_diagnostics);
  for (const auto& resource : evaluation.resources) {
    ++scenario.evaluated;
    if (mapping::find_type(resource.type)) ++scenario.mapped_types;
    lower_to_arm(resource, scenario.fragment, scenario.diagnostics);
  }
  for (const auto& resource : scenario.fragment.resources) {
    scenario.by_address[resource.address] = &resource;
  }
  return true;
}

TEST(AzurermScenarioTest, EveryScenarioLowersWithoutDiagnostics) {
  for (const char* name :
       {"tf-compliant", "tf-network-flaws", "tf-workload-flaws", "tf-evaluation"}) {
    SCOPED_TRACE(name);
    Scenario scenario;
    if (!load(name, scenario)) GTEST_SKIP() << "acceptance scenarios are absent";
    EXPECT_GT(scenario.fragment.resources.size(), 0u);
    EXPECT_TRUE(scenario.diagnostics.empty());
    for (const auto& resource : scenario.fragment.resources) {
      EXPECT_FALSE(resource.type.empty()) << resource.address;
      EXPECT_TRUE(resource.range.valid()) << resource.address;
    }
  }
}

TEST(AzurermScenarioTest, CompliantHubSpokeLowersToTheArmShapePoliciesRead) {
  Scenario scenario;
  if (!load("tf-compliant", scenario)) GTEST_SKIP() << "acceptance scenarios are absent";
  ASSERT_GT(scenario.evaluated, 0u);
  EXPECT_TRUE(scenario.diagnostics.empty());
  // Every azurerm type of the scenario is in the table.
  EXPECT_EQ(scenario.mapped_types, scenario.evaluated);

  EXPECT_EQ(scenario.at("azurerm_subnet.firewall").name,
            Value::string("vnet-hub-weu/AzureFirewallSubnet"));
  EXPECT_EQ(scenario.get("azurerm_virtual_network.hub", "properties.enableDdosProtection"),
            Value::boolean(true));
  EXPECT_EQ(scenario.get("azurerm_firewall.hub", "properties.sku.tier"), Value::string("Premium"));
  EXPECT_TRUE(
      scenario.get("azurerm_firewall.hub", "properties.ipConfigurations.0.properties.subnet.id")
          .is_ref());
  EXPECT_EQ(scenario.get("azurerm_firewall_policy.hub", "properties.intrusionDetection.mode"),
            Value::string("Deny"));
  EXPECT_EQ(scenario.get("azurerm_route_table.app", "properties.disableBgpRoutePropagation"),
            Value::boolean(true));
  EXPECT_EQ(
      scenario.get("azurerm_route_table.app", "properties.routes.0.properties.nextHopIpAddress"),
      Value::ref({"azurerm_firewall.hub",
                  {"properties", "ipConfigurations", "0", "properties", "privateIPAddress"}}));
  EXPECT_EQ(scenario.get("azurerm_subnet.endpoints", "properties.privateEndpointNetworkPolicies"),
            Value::string("Enabled"));
  EXPECT_EQ(scenario.get("azurerm_storage_account.data", "properties.publicNetworkAccess"),
            Value::string("Disabled"));
  EXPECT_EQ(
      scenario.get("azurerm_storage_account.flowlogs", "properties.networkAcls.defaultAction"),
      Value::string("Deny"));
  EXPECT_EQ(
      scenario.get("azurerm_linux_virtual_machine.app", "properties.securityProfile.securityType"),
      Value::string("TrustedLaunch"));
  EXPECT_EQ(scenario.at("azurerm_network_watcher_flow_log.app").name,
            Value::string("nw-connectivity-weu/fl-vnet-app-weu"));
  EXPECT_EQ(scenario.at("azurerm_private_endpoint.data_blob/privateDnsZoneGroups/default").type,
            "Microsoft.Network/privateEndpoints/privateDnsZoneGroups");

  // Two NSG associations, three route-table associations, one ASG association.
  std::map<std::string, int> patches;
  for (const auto& patch : scenario.fragment.patches) patches[fmt_path(patch.path)]++;
  EXPECT_EQ(patches["properties.networkSecurityGroup"], 2);
  EXPECT_EQ(patches["properties.routeTable"], 3);
  EXPECT_EQ(patches["properties.ipConfigurations.0.properties.applicationSecurityGroups"], 1);
}

TEST(AzurermScenarioTest, WorkloadFlawsKeepTheWrittenWeaknesses) {
  Scenario scenario;
  if (!load("tf-workload-flaws", scenario)) GTEST_SKIP() << "acceptance scenarios are absent";
  EXPECT_TRUE(scenario.diagnostics.empty());
  EXPECT_EQ(scenario.get("azurerm_linux_virtual_machine.legacy",
                         "properties.osProfile.linuxConfiguration.disablePasswordAuthentication"),
            Value::boolean(false));
  EXPECT_TRUE(
      scenario
          .get("azurerm_linux_virtual_machine.legacy", "properties.securityProfile.securityType")
          .is_null());
  EXPECT_EQ(scenario.get("azurerm_linux_virtual_machine.legacy",
                         "properties.securityProfile.encryptionAtHost"),
            Value::boolean(false));
  EXPECT_TRUE(
      scenario
          .get("azurerm_windows_virtual_machine.jump", "properties.securityProfile.securityType")
          .is_null());
  EXPECT_TRUE(scenario
                  .get("azurerm_network_interface.legacy",
                       "properties.ipConfigurations.0.properties.publicIPAddress.id")
                  .is_ref());
  EXPECT_EQ(scenario.get("azurerm_storage_account.legacy", "properties.minimumTlsVersion"),
            Value::string("TLS1_0"));
  EXPECT_EQ(scenario.get("azurerm_storage_account.legacy", "properties.allowSharedKeyAccess"),
            Value::boolean(true));
  EXPECT_EQ(scenario.get("azurerm_storage_account.legacy", "properties.publicNetworkAccess"),
            Value::string("Enabled"));
  EXPECT_EQ(scenario.get("azurerm_key_vault.app", "properties.networkAcls.defaultAction"),
            Value::string("Allow"));
}

TEST(AzurermScenarioTest, EvaluationScenarioLowersModuleInstancesAndForEach) {
  Scenario scenario;
  if (!load("tf-evaluation", scenario)) GTEST_SKIP() << "acceptance scenarios are absent";
  EXPECT_TRUE(scenario.diagnostics.empty());
  EXPECT_EQ(scenario.at("azurerm_subnet.tier[\"web\"]").name,
            Value::string("vnet-shared-weu/snet-web"));
  EXPECT_EQ(scenario.at("module.spoke_orders.azurerm_subnet.workload").name,
            Value::string("vnet-orders-weu/snet-orders-workload"));
  // The SSH port comes from a variable default; the partner API port has no value.
  EXPECT_EQ(scenario.get("azurerm_network_security_group.shared",
                         "properties.securityRules.0.properties.destinationPortRange"),
            Value::string("22"));
  EXPECT_TRUE(scenario
                  .get("azurerm_network_security_group.shared",
                       "properties.securityRules.1.properties.destinationPortRange")
                  .is_unknown());
}

}  // namespace
}  // namespace ztlint::terraform
