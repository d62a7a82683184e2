#include "graph/inline_children.h"

#include <gtest/gtest.h>

#include "graph/resource_graph.h"

namespace ztlint::graph {
namespace {

using value::Value;

TEST(InlineChildrenTest, MovesVnetSubnetsIntoChildResources) {
  const source::Span subnet_span{0, {40, 90}};
  Resource vnet;
  vnet.address = "azurerm_virtual_network.hub";
  vnet.type = "Microsoft.Network/virtualNetworks";
  vnet.name = Value::string("vnet-hub");
  vnet.body = Value::map({{"properties",
                           Value::map({{"addressSpace", Value::map({})},
                                       {"subnets", Value::list({Value::map(
                                                       {{"name", Value::string("snet-app")},
                                                        {"properties", Value::map({})}},
                                                       subnet_span)})}})}});
  Fragment fragment;
  fragment.resources.push_back(std::move(vnet));
  explode_inline_children(fragment);

  ASSERT_EQ(fragment.resources.size(), 2u);
  EXPECT_EQ(fragment.resources[0].body.find_path("properties.subnets"), nullptr);
  EXPECT_NE(fragment.resources[0].body.find_path("properties.addressSpace"), nullptr);
  const Resource& subnet = fragment.resources[1];
  EXPECT_EQ(subnet.type, "Microsoft.Network/virtualNetworks/subnets");
  EXPECT_EQ(subnet.address, "azurerm_virtual_network.hub/subnets/snet-app");
  EXPECT_EQ(subnet.range, subnet_span);

  ResourceGraph graph;
  for (Resource& resource : fragment.resources) graph.add(std::move(resource));
  source::Diagnostics diagnostics;
  graph.link(diagnostics);
  EXPECT_EQ(graph.resource(1).name.as_string(), "vnet-hub/snet-app");
  EXPECT_EQ(graph.children(0).size(), 1u);
}

TEST(InlineChildrenTest, LeavesUnknownArraysInPlace) {
  Resource nsg;
  nsg.address = "nsg";
  nsg.type = "Microsoft.Network/networkSecurityGroups";
  nsg.body = Value::map({{"properties", Value::map({{"securityRules", Value::unknown("for")}})}});
  Fragment fragment;
  fragment.resources.push_back(std::move(nsg));
  explode_inline_children(fragment);
  EXPECT_EQ(fragment.resources.size(), 1u);
  EXPECT_NE(fragment.resources[0].body.find_path("properties.securityRules"), nullptr);
}

}  // namespace
}  // namespace ztlint::graph
