#include "graph/resource_graph.h"

#include <gtest/gtest.h>

#include "graph/resource_id.h"

namespace ztlint::graph {
namespace {

using value::Value;

Resource make(std::string address, std::string type, std::string name, Value body = Value::map({}),
              Value parent = Value()) {
  Resource resource;
  resource.address = std::move(address);
  resource.type = std::move(type);
  resource.source_type = resource.type;
  resource.name = Value::string(std::move(name));
  resource.body = std::move(body);
  resource.parent = std::move(parent);
  return resource;
}

TEST(ResourceIdTest, ParsesChildResourceIds) {
  auto parts = parse_resource_id(
      "/subscriptions/0000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/"
      "vnet-hub/subnets/AzureFirewallSubnet");
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->type, "Microsoft.Network/virtualNetworks/subnets");
  EXPECT_EQ(parts->name, "vnet-hub/AzureFirewallSubnet");
  EXPECT_EQ(parts->resource_group, "rg-hub");
  EXPECT_EQ(parts->subscription, "0000");
}

TEST(ResourceIdTest, RejectsTextThatIsNoId) {
  EXPECT_FALSE(parse_resource_id("vnet-hub"));
  EXPECT_FALSE(parse_resource_id("/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network"));
  auto group = parse_resource_id("/subscriptions/x/resourceGroups/rg");
  ASSERT_TRUE(group);
  EXPECT_EQ(group->type, "Microsoft.Resources/resourceGroups");
}

TEST(ResourceGraphTest, ComposesChildNamesFromParentRefs) {
  ResourceGraph graph;
  graph.add(make("azurerm_virtual_network.hub", "Microsoft.Network/virtualNetworks", "vnet-hub"));
  graph.add(make("azurerm_subnet.fw", "Microsoft.Network/virtualNetworks/subnets",
                 "AzureFirewallSubnet", Value::map({}),
                 Value::ref({"azurerm_virtual_network.hub", {"id"}})));
  source::Diagnostics diagnostics;
  graph.link(diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ(graph.resource(1).name.as_string(), "vnet-hub/AzureFirewallSubnet");
  ASSERT_TRUE(graph.parent(1));
  EXPECT_EQ(*graph.parent(1), 0u);
  ASSERT_EQ(graph.children(0).size(), 1u);
  auto found = graph.find("microsoft.network/VIRTUALNETWORKS/subnets",
                          Value::string("VNET-HUB/azurefirewallsubnet"));
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, 1u);
}

TEST(ResourceGraphTest, FoldsNsgAssociationIntoSubnet) {
  ResourceGraph graph;
  graph.add(make("azurerm_subnet.app", "Microsoft.Network/virtualNetworks/subnets", "vnet/app"));
  graph.add(make("azurerm_network_security_group.app", "Microsoft.Network/networkSecurityGroups",
                 "nsg-app"));
  const source::Span association_span{0, {100, 180}};
  graph.add_patch(Patch{Value::ref({"azurerm_subnet.app", {"id"}}),
                        {"properties", "networkSecurityGroup"},
                        Value::map({{"id", Value::ref({"azurerm_network_security_group.app", {"id"}},
                                                      association_span)}},
                                   association_span),
                        false,
                        "azurerm_subnet_network_security_group_association.app",
                        association_span});
  source::Diagnostics diagnostics;
  graph.link(diagnostics);
  const Value* nsg = graph.resource(0).body.find_path("properties.networkSecurityGroup");
  ASSERT_NE(nsg, nullptr);
  EXPECT_EQ(nsg->span(), association_span);
  auto target = graph.resolve(*nsg);
  ASSERT_TRUE(target);
  EXPECT_EQ(*target, 1u);
  ASSERT_EQ(graph.out_edges(0).size(), 1u);
  EXPECT_EQ(graph.edges()[graph.out_edges(0)[0]].path, "properties.networkSecurityGroup.id");
}

TEST(ResourceGraphTest, UnknownIdBecomesExternalReferenceOnlyResource) {
  ResourceGraph graph;
  graph.add(make("peering", "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
                 "spoke/to-hub",
                 Value::map({{"properties",
                              Value::map({{"remoteVirtualNetwork",
                                           Value::map({{"id", Value::string(
                                                                  "/subscriptions/s/resourceGroups/"
                                                                  "rg/providers/Microsoft.Network/"
                                                                  "virtualNetworks/hub")}})}})}})));
  source::Diagnostics diagnostics;
  graph.link(diagnostics);
  ASSERT_EQ(graph.size(), 2u);
  EXPECT_TRUE(graph.resource(1).reference_only);
  EXPECT_EQ(graph.of_type("Microsoft.Network/virtualNetworks").size(), 1u);
  EXPECT_EQ(graph.edges().size(), 1u);
}

TEST(ResourceGraphTest, DataSourceAliasesTheOneDeclaredResource) {
  ResourceGraph graph;
  graph.add(make("azurerm_virtual_network.hub", "Microsoft.Network/virtualNetworks", "vnet-hub"));
  Resource data = make("data.azurerm_virtual_network.hub", "Microsoft.Network/virtualNetworks",
                       "vnet-hub", Value::unknown("data source"));
  data.reference_only = true;
  graph.add(std::move(data));
  source::Diagnostics diagnostics;
  graph.link(diagnostics);
  EXPECT_EQ(graph.canonical(1), 0u);
  EXPECT_EQ(*graph.resolve(Value::ref({"data.azurerm_virtual_network.hub", {"id"}})), 0u);
}

TEST(ResourceGraphTest, ReportsDuplicateAddresses) {
  ResourceGraph graph;
  graph.add(make("a", "Microsoft.Network/virtualNetworks", "x"));
  graph.add(make("a", "Microsoft.Network/virtualNetworks", "y"));
  source::Diagnostics diagnostics;
  graph.link(diagnostics);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_NE(diagnostics[0].message.find("duplicate resource address 'a'"), std::string::npos);
}

}  // namespace
}  // namespace ztlint::graph

namespace ztlint::graph {
namespace {

TEST(ResourceGraphTest, ArmRedeclarationUpdatesTheFirstDeclaration) {
  using value::Value;
  Resource first;
  first.address = "network.json#subnet";
  first.type = "Microsoft.Network/virtualNetworks/subnets";
  first.name = Value::string("vnet/app");
  first.language = Language::kArm;
  first.body = Value::map({{"properties", Value::map({{"addressPrefix", Value::string("10.0.1.0/24")}})}});
  Resource again = first;
  again.address = "security.json#subnet";
  again.body = Value::map(
      {{"properties",
        Value::map({{"addressPrefix", Value::string("10.0.1.0/24")},
                    {"networkSecurityGroup", Value::map({{"id", Value::string("nsg-id")}})}})}});
  ResourceGraph graph;
  graph.add(std::move(first));
  graph.add(std::move(again));
  source::Diagnostics diagnostics;
  graph.link(diagnostics);
  EXPECT_FALSE(graph.resource(0).reference_only);
  EXPECT_TRUE(graph.resource(1).reference_only);
  EXPECT_EQ(graph.canonical(1), 0u);
  ASSERT_NE(graph.resource(0).body.find_path("properties.networkSecurityGroup.id"), nullptr);
  EXPECT_EQ(graph.resource(0).body.find_path("properties.addressPrefix")->as_string(), "10.0.1.0/24");
}

TEST(ResourceGraphTest, TerraformDeclarationsOfTheSameNameStayApart) {
  using value::Value;
  Resource a;
  a.address = "module.a.azurerm_subnet.app";
  a.type = "Microsoft.Network/virtualNetworks/subnets";
  a.name = Value::string("vnet/app");
  a.body = Value::map({});
  Resource b = a;
  b.address = "module.b.azurerm_subnet.app";
  ResourceGraph graph;
  graph.add(std::move(a));
  graph.add(std::move(b));
  source::Diagnostics diagnostics;
  graph.link(diagnostics);
  EXPECT_FALSE(graph.resource(1).reference_only);
}

}  // namespace
}  // namespace ztlint::graph

namespace ztlint::graph {
namespace {

// Two templates declare the same hub (its name from resourceGroup().location) with the same
// inline subnet: one VNet, one subnet, not a subnet overlapping itself.
TEST(ResourceGraphTest, ChildrenOfASymbolicParentMergeAcrossRedeclarations) {
  using value::Value;
  auto declare = [](std::string file) {
    Resource vnet;
    vnet.address = file + "#vnet";
    vnet.type = "Microsoft.Network/virtualNetworks";
    vnet.language = Language::kBicep;
    vnet.name = Value::symbolic("location", "vnet-${resourceGroup().location}-hub");
    vnet.body = Value::map({});
    Resource subnet;
    subnet.address = file + "#vnet/subnets/AzureFirewallSubnet";
    subnet.type = "Microsoft.Network/virtualNetworks/subnets";
    subnet.language = Language::kBicep;
    subnet.name = Value::string("AzureFirewallSubnet");
    subnet.parent = Value::ref({vnet.address, {"id"}});
    subnet.body = Value::map({});
    return std::pair{vnet, subnet};
  };
  ResourceGraph graph;
  auto [vnet_a, subnet_a] = declare("hub-default.bicep");
  auto [vnet_b, subnet_b] = declare("hub-region.bicep");
  graph.add(vnet_a);
  graph.add(subnet_a);
  graph.add(vnet_b);
  graph.add(subnet_b);
  source::Diagnostics diagnostics;
  graph.link(diagnostics);
  EXPECT_EQ(graph.resource(1).name.as_unknown().symbol,
            "vnet-${resourceGroup().location}-hub/AzureFirewallSubnet");
  EXPECT_TRUE(graph.resource(3).reference_only);
  EXPECT_EQ(graph.canonical(3), 1u);
  EXPECT_EQ(graph.canonical(2), 0u);
}

}  // namespace
}  // namespace ztlint::graph
