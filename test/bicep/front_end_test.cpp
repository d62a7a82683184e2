#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "bicep/annotations.h"
#include "bicep/bicep_front_end.h"
#include "graph/resource_graph.h"

namespace ztlint::bicep {
namespace {

using testing::annotate;
using value::Value;

struct Run {
  source::SourceSet sources;
  graph::Fragment out;
  source::Diagnostics diagnostics;

  const graph::Resource* find(std::string_view address) const {
    for (const graph::Resource& resource : out.resources) {
      if (resource.address == address) return &resource;
    }
    return nullptr;
  }
  std::vector<std::string> addresses() const {
    std::vector<std::string> result;
    for (const graph::Resource& resource : out.resources) result.push_back(resource.address);
    return result;
  }
  std::string messages() const {
    std::string result;
    for (const source::Diagnostic& diagnostic : diagnostics) {
      result += std::string(source::to_string(diagnostic.kind)) + ": " + diagnostic.message + "\n";
    }
    return result;
  }
  std::string text(source::Span span) const {
    return std::string(sources.file(span.file).slice(span.range));
  }
};

std::unique_ptr<Run> run(const std::vector<std::pair<std::string, std::string>>& files,
                         std::vector<std::string> parameter_files = {}) {
  auto result = std::make_unique<Run>();
  Inputs inputs;
  inputs.parameter_files = std::move(parameter_files);
  for (const auto& [path, text] : files) {
    const source::FileId id = result->sources.add(path, text);
    if (path.ends_with(".bicepparam")) {
      inputs.bicepparam_files.push_back(id);
    } else {
      inputs.bicep_files.push_back(id);
    }
  }
  load(result->sources, inputs, result->out, result->diagnostics);
  return result;
}

std::string display(const graph::Resource* resource, std::string_view path) {
  if (!resource) return "(no resource)";
  const Value* found = resource->body.find_path(path);
  return found ? found->to_display() : "(absent)";
}

TEST(BicepFrontEndTest, LowersResourceToArmShapeWithSpans) {
  const auto marked = annotate(
      "param location string = 'westeurope'\n"
      "«resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {\n"
      "  name: 'nsg-app'\n"
      "  location: location\n"
      "  properties: {\n"
      "    securityRules: [\n"
      "      {\n"
      "        name: 'ssh'\n"
      "        properties: {\n"
      "          «sourceAddressPrefix: 'Internet'»\n"
      "          priority: 100\n"
      "        }\n"
      "      }\n"
      "    ]\n"
      "  }\n"
      "}»\n");
  auto result = run({{"main.bicep", marked.text}});
  EXPECT_EQ(result->messages(), "");
  ASSERT_EQ(result->out.resources.size(), 1u);
  const graph::Resource& nsg = result->out.resources[0];
  EXPECT_EQ(nsg.address, "main.bicep#nsg");
  EXPECT_EQ(nsg.type, "Microsoft.Network/networkSecurityGroups");
  EXPECT_EQ(nsg.source_type, "Microsoft.Network/networkSecurityGroups");
  EXPECT_EQ(nsg.api_version, "2023-11-01");
  EXPECT_EQ(nsg.name, Value::string("nsg-app"));
  EXPECT_EQ(nsg.language, graph::Language::kBicep);
  EXPECT_FALSE(nsg.reference_only);
  EXPECT_EQ(nsg.range.range, marked.ranges[0]);
  EXPECT_EQ(display(&nsg, "location"), "westeurope");
  EXPECT_EQ(display(&nsg, "properties.securityRules.0.properties.priority"), "100");
  const Value* prefix =
      nsg.body.find_path("properties.securityRules.0.properties.sourceAddressPrefix");
  ASSERT_NE(prefix, nullptr);
  EXPECT_EQ(prefix->as_string(), "Internet");
  EXPECT_EQ(prefix->span().range, marked.ranges[1]);
  ASSERT_EQ(result->out.files.size(), 1u);
  EXPECT_EQ(result->out.files[0].second, graph::Language::kBicep);
}

TEST(BicepFrontEndTest, EvaluatesExpressions) {
  auto result = run({{"main.bicep", R"(param workload string = 'claims'
param environmentName string = 'prod'
param count int = 3
param missing string
var prefix = '${workload}-${environmentName}'
var settings = {
  tier: environmentName == 'prod' ? 'Premium' : 'Standard'
  nested: { value: null }
  list: [1, 2, 3]
}
resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-${prefix}'
  properties: {
    tier: settings.tier
    third: settings.list[2]
    safe: settings.?absent.?deeper
    shortCircuit: settings.?absent.deeper[0].still
    safeIndex: settings.list[?5]
    safeKey: settings[?'missing']
    coalesced: settings.nested.value ?? 'fallback'
    nonNull: settings.nested!.value
    math: count * 2 + 1 - 10 / 5 % 3
    comparison: count >= 3 && !(count == 4) || false
    insensitive: 'ABC' =~ 'abc'
    text: 'n=${count} b=${true}'
    unknownText: 'x-${missing}'
    escaped: 'it\'s'
    sysCall: sys.toUpper(az.toLower('MiXeD'))
    negative: -count
    spread: { ...settings.nested, extra: true }
    unionResult: union({ a: 1 }, { b: 2 })
    length: length(settings.list)
  }
}
)"}});
  const graph::Resource* kv = result->find("main.bicep#kv");
  ASSERT_NE(kv, nullptr) << result->messages();
  EXPECT_EQ(kv->name, Value::string("kv-claims-prod"));
  EXPECT_EQ(display(kv, "properties.tier"), "Premium");
  EXPECT_EQ(display(kv, "properties.third"), "3");
  EXPECT_EQ(display(kv, "properties.safe"), "null");
  EXPECT_EQ(display(kv, "properties.shortCircuit"), "null");
  EXPECT_EQ(display(kv, "properties.safeIndex"), "null");
  EXPECT_EQ(display(kv, "properties.safeKey"), "null");
  EXPECT_EQ(display(kv, "properties.coalesced"), "fallback");
  EXPECT_EQ(display(kv, "properties.nonNull"), "null");
  EXPECT_EQ(display(kv, "properties.math"), "5");
  EXPECT_EQ(display(kv, "properties.comparison"), "true");
  EXPECT_EQ(display(kv, "properties.insensitive"), "true");
  EXPECT_EQ(display(kv, "properties.text"), "n=3 b=true");
  EXPECT_TRUE(kv->body.find_path("properties.unknownText")->is_unknown());
  EXPECT_EQ(display(kv, "properties.escaped"), "it's");
  EXPECT_EQ(display(kv, "properties.sysCall"), "MIXED");
  EXPECT_EQ(display(kv, "properties.negative"), "-3");
  EXPECT_EQ(display(kv, "properties.spread"), R"({"extra":true,"value":null})");
  EXPECT_EQ(display(kv, "properties.unionResult"), R"({"a":1,"b":2})");
  EXPECT_EQ(display(kv, "properties.length"), "3");
}

TEST(BicepFrontEndTest, SymbolicReferencesBecomeRefs) {
  auto result =
      run({{"main.bicep", R"(resource fw 'Microsoft.Network/azureFirewalls@2023-11-01' existing = {
  name: 'afw-hub'
}
resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet-app'
  properties: {
    subnets: []
  }
  resource app 'subnets' = {
    name: 'snet-app'
    properties: {
      addressPrefix: '10.0.1.0/24'
    }
  }
}
resource rt 'Microsoft.Network/routeTables@2023-11-01' = {
  name: 'rt-${vnet.name}'
  properties: {
    routes: [
      {
        name: 'default'
        properties: {
          nextHopIpAddress: fw.properties.ipConfigurations[0].properties.privateIPAddress
        }
      }
    ]
    subnetId: vnet::app.id
    vnetId: vnet.id
    vnetType: vnet.type
    subnetName: vnet::app.name
  }
}
)"}});
  EXPECT_EQ(result->messages(), "");
  const graph::Resource* rt = result->find("main.bicep#rt");
  ASSERT_NE(rt, nullptr);
  EXPECT_EQ(rt->name, Value::string("rt-vnet-app"));
  const Value* hop = rt->body.find_path("properties.routes.0.properties.nextHopIpAddress");
  ASSERT_NE(hop, nullptr);
  ASSERT_TRUE(hop->is_ref());
  EXPECT_EQ(hop->as_ref().target, "main.bicep#fw");
  EXPECT_EQ(hop->as_ref().path, (std::vector<std::string>{"properties", "ipConfigurations", "0",
                                                          "properties", "privateIPAddress"}));
  const Value* subnet_id = rt->body.find_path("properties.subnetId");
  ASSERT_TRUE(subnet_id && subnet_id->is_ref());
  EXPECT_EQ(subnet_id->as_ref().target, "main.bicep#vnet::app");
  EXPECT_EQ(subnet_id->as_ref().path, (std::vector<std::string>{"id"}));
  EXPECT_EQ(rt->body.find_path("properties.vnetId")->as_ref().target, "main.bicep#vnet");
  EXPECT_EQ(display(rt, "properties.vnetType"), "Microsoft.Network/virtualNetworks");
  EXPECT_EQ(display(rt, "properties.subnetName"), "snet-app");

  const graph::Resource* fw = result->find("main.bicep#fw");
  ASSERT_NE(fw, nullptr);
  EXPECT_TRUE(fw->reference_only);
  EXPECT_EQ(fw->name, Value::string("afw-hub"));

  const graph::Resource* app = result->find("main.bicep#vnet::app");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->type, "Microsoft.Network/virtualNetworks/subnets");
  EXPECT_EQ(app->api_version, "2023-11-01");
  EXPECT_EQ(app->name, Value::string("vnet-app/snet-app"));
  ASSERT_TRUE(app->parent.is_ref());
  EXPECT_EQ(app->parent.as_ref().target, "main.bicep#vnet");
}

TEST(BicepFrontEndTest, ParentPropertySetsParentAndFullName) {
  auto result = run({{"peerings.bicep",
                      R"(resource hub 'Microsoft.Network/virtualNetworks@2023-11-01' existing = {
  name: 'vnet-hub'
}
resource peering 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-11-01' = {
  parent: hub
  name: 'hub-to-spoke'
  properties: {
    allowForwardedTraffic: true
  }
}
)"}});
  const graph::Resource* peering = result->find("peerings.bicep#peering");
  ASSERT_NE(peering, nullptr);
  EXPECT_EQ(peering->name, Value::string("vnet-hub/hub-to-spoke"));
  ASSERT_TRUE(peering->parent.is_ref());
  EXPECT_EQ(peering->parent.as_ref().target, "peerings.bicep#hub");
  EXPECT_EQ(peering->body.get("parent"), nullptr);
  EXPECT_EQ(display(peering, "name"), "hub-to-spoke");
}

TEST(BicepFrontEndTest, ResourceLoopsGiveIndexedInstances) {
  auto result = run({{"main.bicep", R"(param names array = ['web', 'api']
param unknownItems array
resource nsgs 'Microsoft.Network/networkSecurityGroups@2023-11-01' = [for (name, i) in names: {
  name: 'nsg-${name}-${i}'
}]
resource ranged 'Microsoft.Network/routeTables@2023-11-01' = [for i in range(1, 2): if (i > 1) {
  name: 'rt-${i}'
}]
resource unknowns 'Microsoft.Network/publicIPAddresses@2023-11-01' = [for item in unknownItems: {
  name: item.name
  sku: { name: 'Basic' }
}]
output firstId string = nsgs[0].id
resource user 'Microsoft.Network/networkInterfaces@2023-11-01' = {
  name: 'nic'
  properties: {
    nsgIds: [for (n, i) in names: nsgs[i].id]
    count: length(nsgs)
  }
}
)"}});
  EXPECT_EQ(
      result->addresses(),
      (std::vector<std::string>{"main.bicep#nsgs[0]", "main.bicep#nsgs[1]", "main.bicep#ranged[1]",
                                "main.bicep#unknowns[*]", "main.bicep#user"}));
  EXPECT_EQ(result->find("main.bicep#nsgs[1]")->name, Value::string("nsg-api-1"));
  EXPECT_EQ(result->find("main.bicep#ranged[1]")->name, Value::string("rt-2"));
  const graph::Resource* unknowns = result->find("main.bicep#unknowns[*]");
  EXPECT_TRUE(unknowns->name.is_unknown());
  EXPECT_EQ(display(unknowns, "sku.name"), "Basic");
  const graph::Resource* user = result->find("main.bicep#user");
  const Value* ids = user->body.find_path("properties.nsgIds");
  ASSERT_TRUE(ids && ids->is_list());
  ASSERT_EQ(ids->as_list().size(), 2u);
  EXPECT_EQ(ids->as_list()[1].as_ref().target, "main.bicep#nsgs[1]");
  EXPECT_EQ(display(user, "properties.count"), "2");
}

TEST(BicepFrontEndTest, ConditionsDecideWhetherResourcesExist) {
  auto result = run({{"main.bicep", R"(param env string = 'prod'
param unknownFlag bool
resource off 'Microsoft.Network/networkSecurityGroups@2023-11-01' = if (env == 'dev') {
  name: 'off'
}
resource on 'Microsoft.Network/networkSecurityGroups@2023-11-01' = if (env == 'prod') {
  name: 'on'
}
resource maybe 'Microsoft.Network/networkSecurityGroups@2023-11-01' = if (unknownFlag) {
  name: 'maybe'
}
)"}});
  EXPECT_EQ(result->addresses(), (std::vector<std::string>{"main.bicep#on", "main.bicep#maybe"}));
}

TEST(BicepFrontEndTest, PropertyAndVariableLoops) {
  auto result = run({{"main.bicep", R"(var subnets = [
  { name: 'a', prefix: '10.0.1.0/24', protected: true }
  { name: 'b', prefix: '10.0.2.0/24', protected: false }
]
var protectedNames = [for s in subnets: if (s.protected) s.name]
resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet'
  properties: {
    subnets: [for (s, i) in subnets: {
      name: '${s.name}-${i}'
      properties: {
        addressPrefix: s.prefix
        networkSecurityGroup: s.protected ? { id: 'nsg' } : null
      }
    }]
    protected: protectedNames
  }
}
)"}});
  const graph::Resource* vnet = result->find("main.bicep#vnet");
  ASSERT_NE(vnet, nullptr) << result->messages();
  EXPECT_EQ(display(vnet, "properties.subnets.1.name"), "b-1");
  EXPECT_EQ(display(vnet, "properties.subnets.0.properties.networkSecurityGroup"),
            R"({"id":"nsg"})");
  EXPECT_EQ(display(vnet, "properties.subnets.1.properties.networkSecurityGroup"), "null");
  EXPECT_EQ(display(vnet, "properties.protected"), R"(["a"])");
}

TEST(BicepFrontEndTest, LambdasAndUserFunctions) {
  auto result =
      run({{"main.bicep", R"(func label(name string, index int) string => '${name}-${index}'
var items = [3, 1, 2]
resource r 'Microsoft.Resources/tags@2022-09-01' = {
  name: label('tags', 7)
  properties: {
    doubled: map(items, x => x * 2)
    indexed: map(items, (x, i) => i)
    big: filter(items, x => x > 1)
    sum: reduce(items, 0, (acc, x) => acc + x)
    sorted: sort(items, (a, b) => a < b)
    byName: toObject(['a', 'b'], k => k, k => toUpper(k))
    values: mapValues({ a: 1 }, v => v + 1)
    groups: groupBy(['ab', 'ac', 'b'], s => substring(s, 0, 1))
    anyValue: any('x')
  }
}
)"}});
  const graph::Resource* r = result->find("main.bicep#r");
  ASSERT_NE(r, nullptr) << result->messages();
  EXPECT_EQ(r->name, Value::string("tags-7"));
  EXPECT_EQ(display(r, "properties.doubled"), "[6,2,4]");
  EXPECT_EQ(display(r, "properties.indexed"), "[0,1,2]");
  EXPECT_EQ(display(r, "properties.big"), "[3,2]");
  EXPECT_EQ(display(r, "properties.sum"), "6");
  EXPECT_EQ(display(r, "properties.sorted"), "[1,2,3]");
  EXPECT_EQ(display(r, "properties.byName"), R"({"a":"A","b":"B"})");
  EXPECT_EQ(display(r, "properties.values"), R"({"a":2})");
  EXPECT_EQ(display(r, "properties.groups"), R"({"a":["ab","ac"],"b":["b"]})");
  EXPECT_EQ(display(r, "properties.anyValue"), "x");
}

TEST(BicepFrontEndTest, DeploymentContextIsSymbolicAndStable) {
  auto result = run({{"main.bicep", R"(param location string = resourceGroup().location
resource a 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st${uniqueString(resourceGroup().id)}'
  location: location
}
resource b 'Microsoft.Network/privateEndpoints@2023-11-01' = {
  name: 'pe'
  location: resourceGroup().location
  properties: {
    target: 'st${uniqueString(resourceGroup().id)}'
  }
}
)"}});
  const graph::Resource* a = result->find("main.bicep#a");
  const graph::Resource* b = result->find("main.bicep#b");
  ASSERT_TRUE(a && b);
  EXPECT_TRUE(a->name.is_unknown());
  EXPECT_FALSE(a->name.as_unknown().symbol.empty());
  EXPECT_EQ(a->name, *b->body.find_path("properties.target"));
  EXPECT_EQ(*a->body.get("location"), *b->body.get("location"));
}

TEST(BicepFrontEndTest, ModulesAreEvaluatedWithTheirParameters) {
  auto result = run({{"main.bicep", R"(param prefix string = 'app'
module nsgs 'modules/nsg.bicep' = [for (tier, i) in ['web', 'api']: {
  name: 'nsg-${tier}'
  params: {
    nsgName: 'nsg-${prefix}-${tier}'
    source: i == 0 ? 'Internet' : 'VirtualNetwork'
  }
}]
resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet'
  properties: {
    subnets: [
      {
        name: 'web'
        properties: {
          networkSecurityGroup: { id: nsgs[0].outputs.nsgId }
          nsgName: nsgs[1].outputs.name
        }
      }
    ]
  }
}
)"},
                     {"modules/nsg.bicep", R"(param nsgName string
param source string = 'AzureLoadBalancer'
param unset string = 'default'
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: nsgName
  properties: {
    securityRules: [
      {
        name: 'rule'
        properties: {
          sourceAddressPrefix: source
          description: unset
        }
      }
    ]
  }
}
output nsgId string = nsg.id
output name string = nsg.name
)"}});
  EXPECT_EQ(result->messages(), "");
  EXPECT_EQ(
      result->addresses(),
      (std::vector<std::string>{"main.bicep#nsgs[0]>modules/nsg.bicep#nsg",
                                "main.bicep#nsgs[1]>modules/nsg.bicep#nsg", "main.bicep#vnet"}));
  const graph::Resource* web = result->find("main.bicep#nsgs[0]>modules/nsg.bicep#nsg");
  EXPECT_EQ(web->name, Value::string("nsg-app-web"));
  EXPECT_EQ(display(web, "properties.securityRules.0.properties.sourceAddressPrefix"), "Internet");
  EXPECT_EQ(display(web, "properties.securityRules.0.properties.description"), "default");
  const graph::Resource* api = result->find("main.bicep#nsgs[1]>modules/nsg.bicep#nsg");
  EXPECT_EQ(display(api, "properties.securityRules.0.properties.sourceAddressPrefix"),
            "VirtualNetwork");
  const graph::Resource* vnet = result->find("main.bicep#vnet");
  const Value* nsg_id =
      vnet->body.find_path("properties.subnets.0.properties.networkSecurityGroup.id");
  ASSERT_TRUE(nsg_id && nsg_id->is_ref());
  EXPECT_EQ(nsg_id->as_ref().target, "main.bicep#nsgs[0]>modules/nsg.bicep#nsg");
  EXPECT_EQ(display(vnet, "properties.subnets.0.properties.nsgName"), "nsg-app-api");
  EXPECT_EQ(result->out.files.size(), 2u);
}

TEST(BicepFrontEndTest, ModuleOnItsOwnIsEvaluatedWhenNothingCallsIt) {
  auto result = run({{"modules/nsg.bicep", R"(param nsgName string
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: nsgName
  properties: {
    securityRules: []
  }
}
)"}});
  ASSERT_EQ(result->out.resources.size(), 1u);
  EXPECT_TRUE(result->out.resources[0].name.is_unknown());
  EXPECT_EQ(display(&result->out.resources[0], "properties.securityRules"), "[]");
}

TEST(BicepFrontEndTest, ModuleIncludingItselfIsAnError) {
  auto result = run({{"a.bicep", "module b 'b.bicep' = {\n  name: 'b'\n}\n"},
                     {"b.bicep", "module a 'a.bicep' = {\n  name: 'a'\n}\n"},
                     {"self.bicep", "module me 'self.bicep' = {\n  name: 'me'\n}\n"}});
  EXPECT_NE(
      result->messages().find("module 'self.bicep' includes itself (self.bicep -> self.bicep)"),
      std::string::npos)
      << result->messages();
  EXPECT_NE(
      result->messages().find("module 'a.bicep' includes itself (a.bicep -> b.bicep -> a.bicep)"),
      std::string::npos)
      << result->messages();
  EXPECT_TRUE(result->out.resources.empty());
}

TEST(BicepFrontEndTest, RegistryModulesAreReportedOnceAsNotFollowed) {
  auto result =
      run({{"main.bicep", R"(module a 'br/public:avm/res/network/virtual-network:0.5.0' = {
  name: 'a'
}
module b 'br/public:avm/res/network/virtual-network:0.5.0' = {
  name: 'b'
}
resource user 'Microsoft.Network/networkInterfaces@2023-11-01' = {
  name: 'nic'
  properties: {
    vnet: a.outputs.resourceId
  }
}
)"}});
  ASSERT_EQ(result->diagnostics.size(), 1u) << result->messages();
  EXPECT_EQ(result->diagnostics[0].kind, source::DiagnosticKind::kUnsupported);
  EXPECT_EQ(result->diagnostics[0].message,
            "module 'br/public:avm/res/network/virtual-network:0.5.0' not followed: registry "
            "modules are not fetched");
  const graph::Resource* user = result->find("main.bicep#user");
  ASSERT_NE(user, nullptr);
  EXPECT_TRUE(user->body.find_path("properties.vnet")->is_unknown());
}

TEST(BicepFrontEndTest, BicepParamFileSuppliesValuesToItsTemplate) {
  auto result = run({{"main.bicep", R"(param source string = 'VirtualNetwork'
param name string
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: name
  properties: {
    source: source
  }
}
)"},
                     {"prod.bicepparam", R"(using 'main.bicep'
var suffix = 'prod'
param name = 'nsg-${suffix}'
param source = 'Internet'
)"}});
  EXPECT_EQ(result->messages(), "");
  const graph::Resource* nsg = result->find("main.bicep#nsg");
  ASSERT_NE(nsg, nullptr);
  EXPECT_EQ(nsg->name, Value::string("nsg-prod"));
  EXPECT_EQ(display(nsg, "properties.source"), "Internet");
  ASSERT_EQ(result->out.files.size(), 2u);
  EXPECT_EQ(result->out.files[1].second, graph::Language::kBicepParams);
}

TEST(BicepFrontEndTest, SeveralParamFilesAreSeveralDeployments) {
  auto result = run({{"main.bicep", R"(param name string
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: name
}
)"},
                     {"dev.bicepparam", "using 'main.bicep'\nparam name = 'nsg-dev'\n"},
                     {"prod.bicepparam", "using 'main.bicep'\nparam name = 'nsg-prod'\n"}});
  EXPECT_EQ(result->addresses(), (std::vector<std::string>{"dev.bicepparam>main.bicep#nsg",
                                                           "prod.bicepparam>main.bicep#nsg"}));
  EXPECT_EQ(result->find("prod.bicepparam>main.bicep#nsg")->name, Value::string("nsg-prod"));
}

TEST(BicepFrontEndTest, UnknownModuleParametersAreUnknownNotDefaults) {
  auto result = run({{"main.bicep", R"(param settings object
module nsg 'nsg.bicep' = {
  name: 'nsg'
  params: settings
}
)"},
                     {"nsg.bicep", R"(param source string = 'VirtualNetwork'
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: 'nsg'
  properties: {
    source: source
  }
}
)"}});
  const graph::Resource* nsg = result->find("main.bicep#nsg>nsg.bicep#nsg");
  ASSERT_NE(nsg, nullptr) << result->messages();
  EXPECT_TRUE(nsg->body.find_path("properties.source")->is_unknown());
}

TEST(BicepFrontEndTest, JsonTemplateModulesAreReportedAsNotFollowed) {
  auto result = run({{"main.bicep", R"(module a 'nested.json' = {
  name: 'a'
}
)"}});
  ASSERT_EQ(result->diagnostics.size(), 1u);
  EXPECT_EQ(result->diagnostics[0].kind, source::DiagnosticKind::kUnsupported);
  EXPECT_EQ(result->diagnostics[0].message,
            "module 'nested.json' not followed: only .bicep modules are read");
}

TEST(BicepFrontEndTest, JsonParameterFilesApplyToEveryTemplate) {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("ztlint-bicep-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  const std::string parameters = (folder / "params.json").string();
  std::ofstream(parameters) << R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "parameters": { "name": { "value": "from-json" } }
})";
  auto result = run({{"main.bicep", R"(param name string = 'default'
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: name
}
)"}},
                    {parameters});
  std::filesystem::remove_all(folder);
  const graph::Resource* nsg = result->find("main.bicep#nsg");
  ASSERT_NE(nsg, nullptr) << result->messages();
  EXPECT_EQ(nsg->name, Value::string("from-json"));
}

TEST(BicepFrontEndTest, LoadsJsonAndTextContentBesideTheTemplate) {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("ztlint-bicep-load-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "rules.json") << R"({"rules": [{"name": "deny", "priority": 4096}]})";
  std::ofstream(folder / "note.txt") << "hello";
  auto result =
      run({{(folder / "main.bicep").string(), R"(var config = loadJsonContent('rules.json')
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: loadTextContent('note.txt')
  properties: {
    rules: config.rules
    first: loadJsonContent('rules.json', '$.rules[0].name')
    outside: loadTextContent('../../etc/passwd')
  }
}
)"}});
  std::filesystem::remove_all(folder);
  const graph::Resource* nsg = result->out.resources.empty() ? nullptr : &result->out.resources[0];
  ASSERT_NE(nsg, nullptr) << result->messages();
  EXPECT_EQ(nsg->name, Value::string("hello"));
  EXPECT_EQ(display(nsg, "properties.rules.0.priority"), "4096");
  EXPECT_EQ(display(nsg, "properties.first"), "deny");
  EXPECT_TRUE(nsg->body.find_path("properties.outside")->is_unknown());
  EXPECT_NE(result->messages().find("is outside the repository"), std::string::npos);
}

TEST(BicepFrontEndTest, LoadsYamlContentWithTypedScalarsAndAPath) {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("ztlint-bicep-yaml-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "rules.yaml") << "rules:\n  - name: deny-all\n    priority: 4096\n"
                                          "    enabled: true\n    tag: '4096'\n";
  std::ofstream(folder / "broken.yaml") << "rules: [unclosed\n";
  auto result = run({{(folder / "main.bicep").string(), R"(var config = loadYamlContent('rules.yaml')
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: loadYamlContent('rules.yaml', '$.rules[0].name')
  properties: {
    priority: config.rules[0].priority
    enabled: config.rules[0].enabled
    tag: config.rules[0].tag
    broken: loadYamlContent('broken.yaml')
  }
}
)"}});
  std::filesystem::remove_all(folder);
  const graph::Resource* nsg = result->out.resources.empty() ? nullptr : &result->out.resources[0];
  ASSERT_NE(nsg, nullptr) << result->messages();
  EXPECT_EQ(nsg->name, Value::string("deny-all"));
  EXPECT_TRUE(nsg->body.find_path("properties.priority")->is_number());
  EXPECT_TRUE(nsg->body.find_path("properties.enabled")->is_bool());
  EXPECT_EQ(*nsg->body.find_path("properties.tag"), Value::string("4096")) << "quoted stays a string";
  EXPECT_TRUE(nsg->body.find_path("properties.broken")->is_unknown());
  EXPECT_NE(result->messages().find("YAML line"), std::string::npos) << result->messages();
}

TEST(BicepFrontEndTest, SyntaxErrorsKeepTheOtherDeclarations) {
  auto result =
      run({{"main.bicep", R"(resource good 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: 'good'
}
resource broken 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: 'broken'
  properties: {
    x: = 1
  }
}
resource after 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: 'after'
}
)"}});
  EXPECT_EQ(result->addresses(), (std::vector<std::string>{"main.bicep#good", "main.bicep#after"}));
  ASSERT_FALSE(result->diagnostics.empty());
  EXPECT_EQ(result->diagnostics[0].kind, source::DiagnosticKind::kSyntax);
  EXPECT_EQ(result->diagnostics[0].message, "expected an expression after ':'");
  EXPECT_EQ(result->text(result->diagnostics[0].span), "=");
}

TEST(BicepFrontEndTest, ImportsExportedValuesAndFunctions) {
  auto result = run({{"main.bicep", R"(import { prefix, makeName as named } from 'shared.bicep'
import * as shared from 'shared.bicep'
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: named(prefix)
  properties: {
    viaNamespace: shared.prefix
    call: shared.makeName('x')
  }
}
)"},
                     {"shared.bicep", R"(@export()
var prefix = 'corp'
@export()
func makeName(base string) string => 'nsg-${base}'
)"}});
  const graph::Resource* nsg = result->find("main.bicep#nsg");
  ASSERT_NE(nsg, nullptr) << result->messages();
  EXPECT_EQ(nsg->name, Value::string("nsg-corp"));
  EXPECT_EQ(display(nsg, "properties.viaNamespace"), "corp");
  EXPECT_EQ(display(nsg, "properties.call"), "nsg-x");
}

TEST(BicepFrontEndTest, CircularVariablesAreReported) {
  auto result = run({{"main.bicep", R"(var a = b
var b = a
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: a
}
)"}});
  ASSERT_EQ(result->out.resources.size(), 1u);
  EXPECT_TRUE(result->out.resources[0].name.is_unknown());
  EXPECT_NE(result->messages().find("depends on itself"), std::string::npos);
}

}  // namespace
}  // namespace ztlint::bicep

namespace ztlint::bicep {
namespace {

// The estate of a spoke linked to a hub declared in another file, through `existing`
// resources, a module and symbolic references: the edges the linker draws from them.
TEST(BicepGraphTest, ReferencesBecomeEdgesAcrossFilesAndModules) {
  auto result =
      run({{"hub.bicep", R"(resource hubVnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet-hub'
  properties: {
    subnets: [
      {
        name: 'AzureFirewallSubnet'
        properties: { addressPrefix: '10.0.0.0/26' }
      }
    ]
  }
}
resource firewall 'Microsoft.Network/azureFirewalls@2023-11-01' = {
  name: 'afw-hub'
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig'
        properties: {
          subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', hubVnet.name, 'AzureFirewallSubnet') }
        }
      }
    ]
  }
}
)"},
           {"main.bicep",
            R"(resource hubVnet 'Microsoft.Network/virtualNetworks@2023-11-01' existing = {
  name: 'vnet-hub'
}
resource hubFirewall 'Microsoft.Network/azureFirewalls@2023-11-01' existing = {
  name: 'afw-hub'
}
module nsg 'modules/nsg.bicep' = {
  name: 'nsg'
  params: { nsgName: 'nsg-app' }
}
resource routeTable 'Microsoft.Network/routeTables@2023-11-01' = {
  name: 'rt-app'
  properties: {
    routes: [
      {
        name: 'default'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: hubFirewall.properties.ipConfigurations[0].properties.privateIPAddress
        }
      }
    ]
  }
}
resource spoke 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet-app'
  properties: {
    subnets: [
      {
        name: 'snet-app'
        properties: {
          networkSecurityGroup: { id: nsg.outputs.nsgId }
          routeTable: { id: routeTable.id }
        }
      }
    ]
  }
}
resource peering 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-11-01' = {
  parent: spoke
  name: 'to-hub'
  properties: {
    remoteVirtualNetwork: { id: hubVnet.id }
  }
}
)"},
           {"modules/nsg.bicep", R"(param nsgName string
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: nsgName
}
output nsgId string = nsg.id
)"}});
  ASSERT_EQ(result->messages(), "");
  graph::ResourceGraph graph;
  for (graph::Resource& resource : result->out.resources) graph.add(resource);
  source::Diagnostics link_diagnostics;
  graph.link(link_diagnostics);

  auto index_of = [&](std::string_view address) {
    const auto index = graph.find_address(address);
    EXPECT_TRUE(index.has_value()) << address;
    return index ? graph.canonical(*index) : graph::ResourceIndex{0};
  };
  auto edge_target = [&](std::string_view from, std::string_view path) -> std::string {
    const graph::ResourceIndex source = index_of(from);
    for (std::uint32_t edge_index : graph.out_edges(source)) {
      const graph::Edge& edge = graph.edges()[edge_index];
      if (edge.path == path) return graph.resource(graph.canonical(edge.to)).address;
    }
    return "(no edge)";
  };
  EXPECT_EQ(edge_target("main.bicep#peering", "properties.remoteVirtualNetwork.id"),
            "hub.bicep#hubVnet");
  EXPECT_EQ(edge_target("main.bicep#peering", "parent"), "main.bicep#spoke");
  EXPECT_EQ(edge_target("main.bicep#routeTable", "properties.routes.0.properties.nextHopIpAddress"),
            "hub.bicep#firewall");
  EXPECT_EQ(
      edge_target("main.bicep#spoke", "properties.subnets.0.properties.networkSecurityGroup.id"),
      "main.bicep#nsg>modules/nsg.bicep#nsg");
  const auto peering = graph.find_address("main.bicep#peering");
  ASSERT_TRUE(peering.has_value());
  EXPECT_EQ(graph.resource(*peering).name, Value::string("vnet-app/to-hub"));
}

}  // namespace
}  // namespace ztlint::bicep
