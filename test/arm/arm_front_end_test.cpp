#include "arm/arm_front_end.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace ztlint::arm {
namespace {

using value::Value;

class ArmFrontEndTest : public ::testing::Test {
 protected:
  source::FileId add(const std::string& path, const std::string& text) {
    const source::FileId id = sources_.add(path, text);
    inputs_.json_files.push_back(id);
    return id;
  }
  void run() { load(sources_, inputs_, fragment_, diagnostics_); }

  const graph::Resource* find(std::string_view type, std::string_view name) const {
    for (const auto& resource : fragment_.resources) {
      if (value::iequals(resource.type, type) && resource.name.is_string() &&
          resource.name.as_string() == name) {
        return &resource;
      }
    }
    return nullptr;
  }
  std::size_t count(std::string_view type) const {
    return std::count_if(fragment_.resources.begin(), fragment_.resources.end(),
                         [&](const auto& r) { return value::iequals(r.type, type); });
  }
  // The 1-based line of a span's start.
  std::uint32_t line_of(source::Span span) const {
    return sources_.file(span.file).line_column(span.range.begin).line;
  }

  source::SourceSet sources_;
  Inputs inputs_;
  graph::Fragment fragment_;
  source::Diagnostics diagnostics_;
};

constexpr const char* kSchema =
    R"("$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#")";

std::string tmpl(const std::string& body) {
  return "{\n" + std::string(kSchema) + ",\n" + body + "\n}";
}

TEST_F(ArmFrontEndTest, OtherJsonIsIgnoredSilently) {
  add("package.json", R"({"name": "x"})");
  add("broken.json", R"({"name": )");
  run();
  EXPECT_TRUE(fragment_.files.empty());
  EXPECT_TRUE(fragment_.resources.empty());
  EXPECT_TRUE(diagnostics_.empty());
}

TEST_F(ArmFrontEndTest, SyntaxErrorInTemplateIsReportedWithPosition) {
  const auto file = add("t.json", tmpl(R"("resources": [ {"type": "A.B/c" "name": "x"} ])"));
  run();
  ASSERT_EQ(diagnostics_.size(), 1u);
  EXPECT_EQ(diagnostics_[0].kind, source::DiagnosticKind::kSyntax);
  EXPECT_EQ(diagnostics_[0].span.file, file);
  EXPECT_EQ(sources_.file(file).slice(diagnostics_[0].span.range), "\"");
  EXPECT_EQ(line_of(diagnostics_[0].span), 3u);
  ASSERT_EQ(fragment_.files.size(), 1u);
  EXPECT_EQ(fragment_.files[0].second, graph::Language::kArm);
}

TEST_F(ArmFrontEndTest, ParametersVariablesAndNames) {
  const auto file = add("main.json", tmpl(R"(
  "parameters": {
    "env": {"type": "string", "defaultValue": "prod", "allowedValues": ["dev", "prod"]},
    "location": {"type": "string", "defaultValue": "[resourceGroup().location]"}
  },
  "variables": {
    "prefix": "[concat('vnet-', parameters('env'))]"
  },
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2023-11-01",
      "name": "[variables('prefix')]",
      "location": "[parameters('location')]",
      "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}}
    }
  ])"));
  run();
  ASSERT_EQ(fragment_.resources.size(), 1u);
  const graph::Resource& vnet = fragment_.resources[0];
  EXPECT_EQ(vnet.type, "Microsoft.Network/virtualNetworks");
  EXPECT_EQ(vnet.name.as_string(), "vnet-prod");
  EXPECT_EQ(vnet.api_version, "2023-11-01");
  EXPECT_EQ(vnet.language, graph::Language::kArm);
  EXPECT_EQ(vnet.address, "main.json#Microsoft.Network/virtualNetworks/vnet-prod");
  EXPECT_EQ(vnet.range.file, file);
  EXPECT_EQ(line_of(vnet.range), 12u);
  EXPECT_EQ(vnet.name.span().file, file);
  EXPECT_EQ(line_of(vnet.name.span()), 15u);
  const Value* location = vnet.body.get("location");
  ASSERT_TRUE(location && location->is_unknown());
  EXPECT_EQ(location->as_unknown().symbol, "resourceGroup().location");
  EXPECT_EQ(line_of(location->span()), 16u);
  EXPECT_EQ(vnet.body.find_path("properties.addressSpace.addressPrefixes.0")->as_string(),
            "10.0.0.0/16");
  EXPECT_TRUE(diagnostics_.empty());
}

TEST_F(ArmFrontEndTest, SiblingParameterFileSuppliesValues) {
  add("app.json", tmpl(R"(
  "parameters": {"name": {"type": "string"}},
  "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01",
                 "name": "[parameters('name')]", "properties": {}}])"));
  add("app.parameters.json", R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "parameters": {"name": {"value": "nsg-from-file"}}
})");
  run();
  EXPECT_NE(find("Microsoft.Network/networkSecurityGroups", "nsg-from-file"), nullptr);
  EXPECT_EQ(fragment_.files.size(), 2u);
}

TEST_F(ArmFrontEndTest, ValueOutsideAllowedValuesIsReported) {
  add("app.json", tmpl(R"(
  "parameters": {"env": {"type": "string", "allowedValues": ["dev", "prod"]}},
  "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01",
                 "name": "[concat('nsg-', parameters('env'))]", "properties": {}}])"));
  const auto parameters = add("app.parameters.json", R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "parameters": {"env": {"value": "staging"}}
})");
  run();
  ASSERT_EQ(diagnostics_.size(), 1u);
  EXPECT_EQ(diagnostics_[0].kind, source::DiagnosticKind::kEvaluation);
  EXPECT_EQ(diagnostics_[0].message, "parameter 'env': staging is not among its allowedValues");
  EXPECT_EQ(diagnostics_[0].span.file, parameters);
  EXPECT_NE(find("Microsoft.Network/networkSecurityGroups", "nsg-staging"), nullptr);
}

TEST_F(ArmFrontEndTest, ExplicitParameterFilesOverrideAndBicepParamsAreLeftAlone) {
  add("app.json", tmpl(R"(
  "parameters": {"env": {"type": "string", "defaultValue": "dev"}},
  "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01",
                 "name": "[concat('nsg-', parameters('env'))]", "properties": {}}])"));
  namespace fs = std::filesystem;
  const fs::path file =
      fs::temp_directory_path() / ("ztlint_arm_params_" + std::to_string(::getpid()) + ".json");
  std::ofstream(file) << R"({"parameters": {"env": {"value": "prod"}}})";
  inputs_.parameter_files = {file.string(), "main.bicepparam"};
  run();
  fs::remove(file);
  EXPECT_NE(find("Microsoft.Network/networkSecurityGroups", "nsg-prod"), nullptr);
  EXPECT_TRUE(diagnostics_.empty());
}

TEST_F(ArmFrontEndTest, ParameterWithoutValueIsUnknown) {
  add("t.json", tmpl(R"(
  "parameters": {"name": {"type": "string"}},
  "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01",
                 "name": "[parameters('name')]", "properties": {}}])"));
  run();
  ASSERT_EQ(fragment_.resources.size(), 1u);
  EXPECT_TRUE(fragment_.resources[0].name.is_unknown());
  EXPECT_TRUE(diagnostics_.empty());
}

TEST_F(ArmFrontEndTest, CopyLoopsAndConditions) {
  add("t.json", tmpl(R"(
  "parameters": {"count": {"type": "int", "defaultValue": 3}, "n": {"type": "int"}},
  "resources": [
    {"type": "Microsoft.Network/publicIPAddresses", "apiVersion": "2023-11-01",
     "name": "[concat('pip-', copyIndex(1))]", "copy": {"name": "pips", "count": "[parameters('count')]"},
     "properties": {}},
    {"type": "Microsoft.Network/publicIPAddresses", "apiVersion": "2023-11-01",
     "name": "pip-off", "condition": "[equals(parameters('count'), 2)]", "properties": {}},
    {"type": "Microsoft.Network/publicIPAddresses", "apiVersion": "2023-11-01",
     "name": "pip-maybe", "condition": "[equals(parameters('n'), 2)]", "properties": {}},
    {"type": "Microsoft.Network/networkInterfaces", "apiVersion": "2023-11-01",
     "name": "[concat('nic-', copyIndex())]", "copy": {"name": "nics", "count": "[parameters('n')]"},
     "properties": {}}
  ])"));
  run();
  EXPECT_NE(find("Microsoft.Network/publicIPAddresses", "pip-1"), nullptr);
  EXPECT_NE(find("Microsoft.Network/publicIPAddresses", "pip-3"), nullptr);
  EXPECT_EQ(find("Microsoft.Network/publicIPAddresses", "pip-off"), nullptr);
  EXPECT_NE(find("Microsoft.Network/publicIPAddresses", "pip-maybe"), nullptr);
  EXPECT_EQ(count("Microsoft.Network/publicIPAddresses"), 4u);
  ASSERT_EQ(count("Microsoft.Network/networkInterfaces"), 1u);
  const auto nic =
      std::find_if(fragment_.resources.begin(), fragment_.resources.end(),
                   [](auto& r) { return r.type == "Microsoft.Network/networkInterfaces"; });
  EXPECT_TRUE(nic->name.is_unknown());
  EXPECT_TRUE(nic->address.ends_with("[*]"));
  // Copies get distinct addresses.
  std::vector<std::string> addresses;
  for (const auto& r : fragment_.resources) addresses.push_back(r.address);
  std::sort(addresses.begin(), addresses.end());
  EXPECT_EQ(std::unique(addresses.begin(), addresses.end()), addresses.end());
}

TEST_F(ArmFrontEndTest, PropertyAndVariableCopy) {
  add("t.json", tmpl(R"(
  "variables": {
    "subnets": [{"name": "a", "prefix": "10.0.1.0/24"}, {"name": "b", "prefix": "10.0.2.0/24"}],
    "copy": [{"name": "ports", "count": 2, "input": "[string(add(8080, copyIndex('ports')))]"}]
  },
  "resources": [{
    "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-11-01", "name": "vnet",
    "properties": {
      "copy": [{"name": "subnets", "count": "[length(variables('subnets'))]",
                "input": {"name": "[variables('subnets')[copyIndex('subnets')].name]",
                          "properties": {"addressPrefix": "[variables('subnets')[copyIndex('subnets')].prefix]"}}}],
      "ports": "[variables('ports')]"
    }
  }])"));
  run();
  ASSERT_EQ(fragment_.resources.size(), 1u);
  const Value& body = fragment_.resources[0].body;
  const Value* subnets = body.find_path("properties.subnets");
  ASSERT_TRUE(subnets && subnets->is_list());
  ASSERT_EQ(subnets->as_list().size(), 2u);
  EXPECT_EQ(subnets->as_list()[1].get("name")->as_string(), "b");
  EXPECT_EQ(subnets->as_list()[1].find_path("properties.addressPrefix")->as_string(),
            "10.0.2.0/24");
  EXPECT_EQ(body.find_path("properties.ports.1")->as_string(), "8081");
  EXPECT_TRUE(diagnostics_.empty());
}

TEST_F(ArmFrontEndTest, NestedChildrenComposeTypeAndName) {
  add("t.json", tmpl(R"(
  "resources": [{
    "type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01", "name": "nsg",
    "properties": {},
    "resources": [{"type": "securityRules", "apiVersion": "2023-11-01", "name": "AllowSsh",
                   "dependsOn": ["[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg')]"],
                   "properties": {"access": "Allow"}}]
  },
  {"type": "Microsoft.Network/networkSecurityGroups/securityRules", "apiVersion": "2023-11-01",
   "name": "nsg/Deny", "properties": {"access": "Deny"},
   "dependsOn": ["nsg/AllowSsh", "Microsoft.Network/networkSecurityGroups/securityRules/nsg/AllowSsh", "elsewhere"]}])"));
  run();
  const graph::Resource* rule =
      find("Microsoft.Network/networkSecurityGroups/securityRules", "nsg/AllowSsh");
  ASSERT_NE(rule, nullptr);
  ASSERT_TRUE(rule->parent.is_ref());
  EXPECT_EQ(rule->parent.as_ref().target, "t.json#Microsoft.Network/networkSecurityGroups/nsg");
  const Value* depends = rule->body.get("dependsOn");
  ASSERT_TRUE(depends && depends->is_list() && depends->as_list().size() == 1);
  EXPECT_EQ(depends->as_list()[0].as_ref().target,
            "t.json#Microsoft.Network/networkSecurityGroups/nsg");
  const graph::Resource* deny =
      find("Microsoft.Network/networkSecurityGroups/securityRules", "nsg/Deny");
  ASSERT_NE(deny, nullptr);
  const Value* deny_depends = deny->body.get("dependsOn");
  ASSERT_TRUE(deny_depends && deny_depends->as_list().size() == 2);
  EXPECT_EQ(deny_depends->as_list()[0].as_ref().target, rule->address);  // by plain name
  EXPECT_EQ(deny_depends->as_list()[1].as_ref().target, rule->address);  // by type and name
}

TEST_F(ArmFrontEndTest, SymbolicNameTemplatesAndReferences) {
  add("t.json", tmpl(R"(
  "languageVersion": "2.0",
  "resources": {
    "hub": {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-11-01", "name": "hub",
            "properties": {}},
    "existingFw": {"existing": true, "type": "Microsoft.Network/azureFirewalls",
                   "apiVersion": "2023-11-01", "name": "fw"},
    "rt": {"type": "Microsoft.Network/routeTables", "apiVersion": "2023-11-01", "name": "rt",
           "dependsOn": ["hub"],
           "properties": {"routes": [{"name": "default", "properties": {
             "nextHopIpAddress": "[reference('existingFw').ipConfigurations[0].properties.privateIPAddress]"}}]}}
  })"));
  run();
  const graph::Resource* firewall = find("Microsoft.Network/azureFirewalls", "fw");
  ASSERT_NE(firewall, nullptr);
  EXPECT_TRUE(firewall->reference_only);
  const graph::Resource* table = find("Microsoft.Network/routeTables", "rt");
  ASSERT_NE(table, nullptr);
  const Value* hop = table->body.find_path("properties.routes.0.properties.nextHopIpAddress");
  ASSERT_TRUE(hop && hop->is_ref());
  EXPECT_EQ(hop->as_ref().target, firewall->address);
  EXPECT_EQ(hop->as_ref().path, (std::vector<std::string>{"properties", "ipConfigurations", "0",
                                                          "properties", "privateIPAddress"}));
  EXPECT_EQ(table->body.get("dependsOn")->as_list()[0].as_ref().target,
            find("Microsoft.Network/virtualNetworks", "hub")->address);
}

TEST_F(ArmFrontEndTest, SymbolicNameOfOneCopyResolves) {
  add("t.json", tmpl(R"(
  "languageVersion": "2.0",
  "resources": {
    "nsgs": {"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01",
             "name": "[format('nsg-{0}', copyIndex())]", "copy": {"name": "nsgs", "count": 2},
             "properties": {}},
    "reader": {"type": "Microsoft.Network/networkSecurityGroups/securityRules",
               "apiVersion": "2023-11-01", "name": "nsg-1/rule",
               "properties": {"x": "[reference(format('nsgs[{0}]', 1)).provisioningState]"}}
  })"));
  run();
  const graph::Resource* rule =
      find("Microsoft.Network/networkSecurityGroups/securityRules", "nsg-1/rule");
  ASSERT_NE(rule, nullptr);
  const Value* x = rule->body.find_path("properties.x");
  ASSERT_TRUE(x && x->is_ref());
  EXPECT_EQ(x->as_ref().target, find("Microsoft.Network/networkSecurityGroups", "nsg-1")->address);
}

TEST_F(ArmFrontEndTest, SymbolicNamesResolveToRefs) {
  add("t.json", tmpl(R"(
  "variables": {"storageName": "[concat('st', uniqueString(resourceGroup().id))]"},
  "resources": [
    {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
     "name": "[variables('storageName')]", "properties": {}},
    {"type": "Microsoft.Network/privateEndpoints", "apiVersion": "2023-11-01", "name": "pe",
     "properties": {"privateLinkServiceConnections": [{"name": "c", "properties": {
       "privateLinkServiceId": "[resourceId('Microsoft.Storage/storageAccounts', format('st{0}', uniqueString(resourceGroup().id)))]"}}]}}
  ])"));
  run();
  const auto storage =
      std::find_if(fragment_.resources.begin(), fragment_.resources.end(),
                   [](auto& r) { return r.type == "Microsoft.Storage/storageAccounts"; });
  ASSERT_NE(storage, fragment_.resources.end());
  ASSERT_TRUE(storage->name.is_unknown());
  EXPECT_EQ(storage->name.as_unknown().symbol, "concat('st',uniqueString(resourceGroup().id))");
  const graph::Resource* endpoint = find("Microsoft.Network/privateEndpoints", "pe");
  ASSERT_NE(endpoint, nullptr);
  const Value* target = endpoint->body.find_path(
      "properties.privateLinkServiceConnections.0.properties.privateLinkServiceId");
  ASSERT_TRUE(target && target->is_ref());
  EXPECT_EQ(target->as_ref().target, storage->address);
}

TEST_F(ArmFrontEndTest, NestedDeploymentsInnerAndOuterScope) {
  add("t.json", tmpl(R"(
  "parameters": {"prefix": {"type": "string", "defaultValue": "outer"}},
  "variables": {"v": "outer-var"},
  "resources": [
    {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "inner",
     "properties": {
       "mode": "Incremental",
       "expressionEvaluationOptions": {"scope": "inner"},
       "parameters": {"prefix": {"value": "[concat(parameters('prefix'), '-given')]"}},
       "template": {
         "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
         "parameters": {"prefix": {"type": "string"}},
         "variables": {"v": "inner-var"},
         "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01",
                        "name": "[concat(parameters('prefix'), '-', variables('v'))]", "properties": {}}]
       }}},
    {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "outer",
     "properties": {
       "mode": "Incremental",
       "template": {
         "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
         "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01",
                        "name": "[concat(parameters('prefix'), '-', variables('v'))]", "properties": {}}]
       }}}
  ])"));
  run();
  EXPECT_NE(find("Microsoft.Network/networkSecurityGroups", "outer-given-inner-var"), nullptr);
  EXPECT_NE(find("Microsoft.Network/networkSecurityGroups", "outer-outer-var"), nullptr);
  const graph::Resource* deployment = find("Microsoft.Resources/deployments", "inner");
  ASSERT_NE(deployment, nullptr);
  EXPECT_EQ(deployment->body.find_path("properties.template"), nullptr);
  EXPECT_TRUE(diagnostics_.empty());
}

TEST_F(ArmFrontEndTest, RemoteTemplateLinkIsReportedOnce) {
  add("t.json", tmpl(R"(
  "resources": [
    {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "remote",
     "copy": {"name": "c", "count": 3},
     "properties": {"mode": "Incremental",
                    "templateLink": {"uri": "https://example.com/t.json"}}}
  ])"));
  run();
  ASSERT_EQ(diagnostics_.size(), 1u);
  EXPECT_EQ(diagnostics_[0].kind, source::DiagnosticKind::kUnsupported);
  EXPECT_NE(diagnostics_[0].message.find("not followed"), std::string::npos);
  EXPECT_EQ(count("Microsoft.Resources/deployments"), 3u);
}

TEST_F(ArmFrontEndTest, LinkedTemplatesAreFollowedAndEvaluatedOnlyThroughTheLink) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("ztlint_arm_link_" + std::to_string(::getpid()));
  fs::create_directories(dir / "nested");
  const std::string child = tmpl(R"(
  "parameters": {"name": {"type": "string", "defaultValue": "standalone"}},
  "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01",
                 "name": "[parameters('name')]", "properties": {}}])");
  { std::ofstream(dir / "nested" / "nsg.json") << child; }
  add((dir / "main.json").string(), tmpl(R"(
  "resources": [
    {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "byPath",
     "properties": {"mode": "Incremental", "templateLink": {"relativePath": "nested/nsg.json"},
                    "parameters": {"name": {"value": "via-relative-path"}}}},
    {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "byUri",
     "properties": {"mode": "Incremental",
                    "templateLink": {"uri": "[uri(deployment().properties.templateLink.uri, 'nested/nsg.json')]"},
                    "parameters": {"name": {"value": "via-uri"}}}}
  ])"));
  source::Diagnostic error;
  inputs_.json_files.push_back(*sources_.load((dir / "nested" / "nsg.json").string(), &error));
  run();
  fs::remove_all(dir);
  EXPECT_NE(find("Microsoft.Network/networkSecurityGroups", "via-relative-path"), nullptr);
  EXPECT_NE(find("Microsoft.Network/networkSecurityGroups", "via-uri"), nullptr);
  EXPECT_EQ(find("Microsoft.Network/networkSecurityGroups", "standalone"), nullptr);
  EXPECT_TRUE(diagnostics_.empty());
}

TEST_F(ArmFrontEndTest, NullParameterValueFallsBackToDefault) {
  add("t.json", tmpl(R"(
  "resources": [
    {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "inner",
     "properties": {
       "mode": "Incremental",
       "expressionEvaluationOptions": {"scope": "inner"},
       "parameters": {"name": {"value": null}},
       "template": {
         "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
         "parameters": {"name": {"type": "string", "defaultValue": "fallback"}},
         "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01",
                        "name": "[parameters('name')]", "properties": {}}]
       }}}])"));
  run();
  EXPECT_NE(find("Microsoft.Network/networkSecurityGroups", "fallback"), nullptr);
}

TEST_F(ArmFrontEndTest, ExtensionResourceScopeBecomesARef) {
  add("t.json", tmpl(R"(
  "resources": [
    {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "stlogs",
     "properties": {}},
    {"type": "Microsoft.Insights/diagnosticSettings", "apiVersion": "2021-05-01-preview",
     "name": "diag", "scope": "[format('Microsoft.Storage/storageAccounts/{0}', 'stlogs')]",
     "properties": {}}])"));
  run();
  const graph::Resource* setting = find("Microsoft.Insights/diagnosticSettings", "diag");
  ASSERT_NE(setting, nullptr);
  const Value* scope = setting->body.get("scope");
  ASSERT_TRUE(scope && scope->is_ref());
  EXPECT_EQ(scope->as_ref().target, find("Microsoft.Storage/storageAccounts", "stlogs")->address);
}

TEST_F(ArmFrontEndTest, ReferenceToAResourceInAnotherTemplateBecomesARef) {
  add("hub.json", tmpl(R"(
  "resources": [{"type": "Microsoft.Network/azureFirewalls", "apiVersion": "2023-11-01",
                 "name": "afw-hub", "properties": {}}])"));
  add("spoke.json", tmpl(R"(
  "resources": [{"type": "Microsoft.Network/routeTables", "apiVersion": "2023-11-01", "name": "rt",
    "properties": {"routes": [{"name": "default", "properties": {
      "nextHopIpAddress": "[reference(resourceId('Microsoft.Network/azureFirewalls', 'afw-hub'), '2023-11-01').ipConfigurations[0].properties.privateIPAddress]",
      "other": "[reference(resourceId('Microsoft.Network/azureFirewalls', 'elsewhere'), '2023-11-01').ipConfigurations[0]]"}}]}}])"));
  run();
  const graph::Resource* table = find("Microsoft.Network/routeTables", "rt");
  ASSERT_NE(table, nullptr);
  const Value* hop = table->body.find_path("properties.routes.0.properties.nextHopIpAddress");
  ASSERT_TRUE(hop && hop->is_ref());
  EXPECT_EQ(hop->as_ref().target, find("Microsoft.Network/azureFirewalls", "afw-hub")->address);
  EXPECT_EQ(hop->as_ref().path, (std::vector<std::string>{"properties", "ipConfigurations", "0",
                                                          "properties", "privateIPAddress"}));
  EXPECT_TRUE(table->body.find_path("properties.routes.0.properties.other")->is_unknown());
}

TEST_F(ArmFrontEndTest, NestedDeploymentOutputsAreEvaluated) {
  // As `bicep build` writes a module whose output another resource reads; the reader comes
  // first in the file.
  add("t.json", tmpl(R"(
  "resources": [
    {"type": "Microsoft.Network/virtualNetworks/subnets", "apiVersion": "2023-11-01",
     "name": "vnet/app",
     "properties": {"networkSecurityGroup": {"id": "[reference(resourceId('Microsoft.Resources/deployments', 'nsgModule'), '2022-09-01').outputs.nsgId.value]"}}},
    {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "nsgModule",
     "properties": {
       "mode": "Incremental",
       "expressionEvaluationOptions": {"scope": "inner"},
       "parameters": {"name": {"value": "nsg-app"}},
       "template": {
         "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
         "parameters": {"name": {"type": "string"}},
         "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01",
                        "name": "[parameters('name')]", "properties": {}}],
         "outputs": {
           "nsgId": {"type": "string", "value": "[resourceId('Microsoft.Network/networkSecurityGroups', parameters('name'))]"},
           "names": {"type": "array", "copy": {"count": 2, "input": "[format('n{0}', copyIndex())]"}}
         }
       }}}])"));
  run();
  const graph::Resource* subnet = find("Microsoft.Network/virtualNetworks/subnets", "vnet/app");
  ASSERT_NE(subnet, nullptr);
  const Value* nsg = subnet->body.find_path("properties.networkSecurityGroup.id");
  ASSERT_TRUE(nsg && nsg->is_string());
  EXPECT_TRUE(
      nsg->as_string().ends_with("/providers/Microsoft.Network/networkSecurityGroups/nsg-app"));
  EXPECT_EQ(
      std::count_if(fragment_.resources.begin(), fragment_.resources.end(),
                    [](auto& r) { return r.type == "Microsoft.Network/networkSecurityGroups"; }),
      1);
  EXPECT_TRUE(diagnostics_.empty());
}

// The same estate written by hand and as `bicep build` writes it (symbolic names, a module
// as an inner-scoped nested deployment with a loop, its output read by the VNet).
TEST_F(ArmFrontEndTest, BicepBuildOutputLowersLikeTheHandWrittenTemplate) {
  const auto hand = add("hand.json", tmpl(R"(
  "parameters": {"source": {"type": "string", "defaultValue": "Internet"}},
  "resources": [
    {"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01", "name": "nsg-app",
     "properties": {"securityRules": [
       {"name": "ssh", "properties": {"priority": 100, "access": "Allow", "direction": "Inbound",
        "sourceAddressPrefix": "[parameters('source')]", "destinationPortRange": "22"}},
       {"name": "rdp", "properties": {"priority": 110, "access": "Allow", "direction": "Inbound",
        "sourceAddressPrefix": "[parameters('source')]", "destinationPortRange": "3389"}}]}},
    {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-11-01", "name": "vnet-app",
     "properties": {"subnets": [
       {"name": "snet-a", "properties": {"addressPrefix": "10.0.0.0/24",
        "networkSecurityGroup": {"id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-app')]"}}},
       {"name": "snet-b", "properties": {"addressPrefix": "10.0.1.0/24",
        "networkSecurityGroup": {"id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-app')]"}}}]}}
  ])"));
  const auto built = add("built.json", tmpl(R"(
  "languageVersion": "2.0",
  "metadata": {"_generator": {"name": "bicep"}},
  "parameters": {"source": {"type": "string", "defaultValue": "Internet"}},
  "variables": {"ports": [{"name": "ssh", "port": "22"}, {"name": "rdp", "port": "3389"}]},
  "resources": {
    "nsg": {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "nsg-module",
      "properties": {
        "expressionEvaluationOptions": {"scope": "inner"}, "mode": "Incremental",
        "parameters": {"name": {"value": "nsg-app"}, "source": {"value": "[parameters('source')]"},
                       "ports": {"value": "[variables('ports')]"}},
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "languageVersion": "2.0",
          "parameters": {"name": {"type": "string"}, "source": {"type": "string"}, "ports": {"type": "array"}},
          "resources": {
            "nsg": {"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01",
              "name": "[parameters('name')]",
              "properties": {"copy": [{"name": "securityRules", "count": "[length(parameters('ports'))]",
                "input": {"name": "[parameters('ports')[copyIndex('securityRules')].name]",
                  "properties": {"priority": "[add(100, mul(10, copyIndex('securityRules')))]",
                    "access": "Allow", "direction": "Inbound",
                    "sourceAddressPrefix": "[parameters('source')]",
                    "destinationPortRange": "[parameters('ports')[copyIndex('securityRules')].port]"}}}]}}
          },
          "outputs": {"id": {"type": "string", "value": "[resourceId('Microsoft.Network/networkSecurityGroups', parameters('name'))]"}}
        }}},
    "vnet": {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-11-01", "name": "vnet-app",
      "properties": {"copy": [{"name": "subnets", "count": 2, "input": {
        "name": "[format('snet-{0}', createArray('a', 'b')[copyIndex('subnets')])]",
        "properties": {"addressPrefix": "[cidrSubnet('10.0.0.0/16', 24, copyIndex('subnets'))]",
                       "networkSecurityGroup": {"id": "[reference('nsg').outputs.id.value]"}}}}]},
      "dependsOn": ["nsg"]}
  })"));
  run();
  EXPECT_TRUE(diagnostics_.empty());
  auto of_file = [&](source::FileId file, std::string_view type) {
    for (const auto& resource : fragment_.resources) {
      if (resource.range.file == file && resource.type == type) return &resource;
    }
    return static_cast<const graph::Resource*>(nullptr);
  };
  for (const char* type :
       {"Microsoft.Network/networkSecurityGroups", "Microsoft.Network/virtualNetworks"}) {
    SCOPED_TRACE(type);
    const graph::Resource* a = of_file(hand, type);
    const graph::Resource* b = of_file(built, type);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->name, b->name);
    // Same properties, value for value (spans aside).
    EXPECT_EQ(*a->body.get("properties"), *b->body.get("properties"))
        << a->body.get("properties")->to_display() << "\n"
        << b->body.get("properties")->to_display();
  }
}

TEST_F(ArmFrontEndTest, UserDefinedFunctions) {
  add("t.json", tmpl(R"(
  "functions": [{"namespace": "zt", "members": {"name": {
    "parameters": [{"name": "kind", "type": "string"}, {"name": "env", "type": "string"}],
    "output": {"type": "string", "value": "[toLower(format('{0}-{1}', parameters('kind'), parameters('env')))]"}}}}],
  "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01",
                 "name": "[zt.name('NSG', 'Prod')]", "properties": {}}])"));
  run();
  EXPECT_NE(find("Microsoft.Network/networkSecurityGroups", "nsg-prod"), nullptr);
  EXPECT_TRUE(diagnostics_.empty());
}

TEST_F(ArmFrontEndTest, LambdaFunctions) {
  add("t.json", tmpl(R"(
  "variables": {
    "names": ["a", "bb", "ccc"],
    "long": "[filter(variables('names'), lambda('n', greater(length(lambdaVariables('n')), 1)))]",
    "upper": "[map(variables('long'), lambda('n', toUpper(lambdaVariables('n'))))]",
    "total": "[reduce(variables('names'), 0, lambda('acc', 'n', add(lambdaVariables('acc'), length(lambdaVariables('n')))))]"
  },
  "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01",
                 "name": "[concat(join(variables('upper'), '-'), '-', string(variables('total')))]",
                 "properties": {}}])"));
  run();
  EXPECT_NE(find("Microsoft.Network/networkSecurityGroups", "BB-CCC-6"), nullptr);
  EXPECT_TRUE(diagnostics_.empty());
}

TEST_F(ArmFrontEndTest, UnsupportedFunctionYieldsUnknownAndOneDiagnostic) {
  add("t.json", tmpl(R"(
  "resources": [
    {"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01",
     "name": "[concat('a', frobnicate(1))]", "properties": {"x": "[frobnicate(2)]"}}])"));
  run();
  ASSERT_EQ(fragment_.resources.size(), 1u);
  EXPECT_TRUE(fragment_.resources[0].name.is_unknown());
  ASSERT_EQ(diagnostics_.size(), 1u);
  EXPECT_EQ(diagnostics_[0].kind, source::DiagnosticKind::kUnsupported);
}

TEST_F(ArmFrontEndTest, LimitsTurnIntoDiagnosticsNotCrashes) {
  // A chain of 5000 variables, a recursive user function, nested deployments 30 deep and a
  // copy count beyond Azure's limit.
  std::string variables = "\"v0\": \"end\"";
  for (int i = 1; i < 5000; ++i) {
    variables +=
        ",\n\"v" + std::to_string(i) + "\": \"[variables('v" + std::to_string(i - 1) + "')]\"";
  }
  std::string nested =
      R"({"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01", "name": "deep", "properties": {}})";
  for (int i = 0; i < 30; ++i) {
    nested =
        R"({"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "d)" +
        std::to_string(i) +
        R"(", "properties": {"mode": "Incremental", "template": {"resources": [)" + nested + "]}}}";
  }
  add("t.json", tmpl(R"(
  "functions": [{"namespace": "f", "members": {"loop": {"parameters": [{"name": "x", "type": "int"}],
                 "output": {"type": "int", "value": "[f.loop(parameters('x'))]"}}}}],
  "variables": {)" + variables +
                     R"(},
  "resources": [
    {"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01",
     "name": "[variables('v4999')]", "properties": {"n": "[f.loop(1)]"}},
    {"type": "Microsoft.Network/publicIPAddresses", "apiVersion": "2023-11-01",
     "name": "[concat('pip', copyIndex())]", "copy": {"name": "many", "count": 5000}, "properties": {}},
    )" + nested + "]"));
  run();
  EXPECT_LE(std::count_if(fragment_.resources.begin(), fragment_.resources.end(),
                          [](auto& r) { return r.type == "Microsoft.Network/publicIPAddresses"; }),
            800);
  EXPECT_EQ(find("Microsoft.Network/networkSecurityGroups", "deep"), nullptr);
  std::set<std::string> messages;
  for (const auto& diagnostic : diagnostics_) {
    EXPECT_EQ(diagnostic.kind, source::DiagnosticKind::kEvaluation);
    messages.insert(diagnostic.message);
  }
  EXPECT_TRUE(messages.count("variables refer to each other more than 200 deep"));
  EXPECT_TRUE(messages.count("copy count 5000 exceeds Azure's limit of 800"));
  EXPECT_TRUE(messages.count("nested deployments deeper than 12 levels are not followed"));
}

TEST_F(ArmFrontEndTest, EscapedBracketsAreLiteral) {
  add("t.json", tmpl(R"(
  "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01",
                 "name": "nsg", "properties": {"note": "[[literal]"}}])"));
  run();
  ASSERT_EQ(fragment_.resources.size(), 1u);
  EXPECT_EQ(fragment_.resources[0].body.find_path("properties.note")->as_string(), "[literal]");
}

TEST_F(ArmFrontEndTest, VariableCycleIsAnEvaluationError) {
  add("t.json", tmpl(R"(
  "variables": {"a": "[variables('b')]", "b": "[variables('a')]"},
  "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01",
                 "name": "[variables('a')]", "properties": {}}])"));
  run();
  ASSERT_EQ(fragment_.resources.size(), 1u);
  EXPECT_TRUE(fragment_.resources[0].name.is_unknown());
  ASSERT_FALSE(diagnostics_.empty());
  EXPECT_EQ(diagnostics_[0].kind, source::DiagnosticKind::kEvaluation);
}

}  // namespace
}  // namespace ztlint::arm
