#include "analysis/topology.h"

#include <gtest/gtest.h>

#include "support/graph_builder.h"

namespace ztlint::analysis {
namespace {

using testing::add_peering;
using testing::add_vnet;
using testing::at;
using testing::GraphBuilder;

TEST(TopologyTest, ClassifiesHubsSpokesAndEmptyVnets) {
  GraphBuilder builder;
  add_vnet(builder, "hub", "vnet-hub", "10.0.0.0/16", {{"azurefirewallsubnet", "10.0.1.0/26"}});
  add_vnet(builder, "gw", "vnet-gw", "10.9.0.0/16", {{"GatewaySubnet", "10.9.0.0/27"}});
  add_vnet(builder, "spoke", "vnet-spoke", "10.1.0.0/16",
           {{"snet-app", "10.1.1.0/24"}, {"AzureBastionSubnet", "10.1.2.0/26"}});
  add_vnet(builder, "empty", "vnet-empty", "10.2.0.0/16", {});
  builder.add("vwan", "Microsoft.Network/virtualHubs", "vhub");
  const auto& graph = builder.link();
  const Topology topology = Topology::compute(graph);
  EXPECT_EQ(topology.role(at(graph, "hub")), VnetRole::kHub);
  EXPECT_EQ(topology.role(at(graph, "gw")), VnetRole::kHub);
  EXPECT_EQ(topology.role(at(graph, "spoke")), VnetRole::kSpoke);
  EXPECT_EQ(topology.role(at(graph, "empty")), VnetRole::kNone);
  EXPECT_EQ(topology.role(at(graph, "vwan")), VnetRole::kVirtualWanHub);
  EXPECT_EQ(topology.subnet_is_special(at(graph, "spoke/AzureBastionSubnet")), Tri::kTrue);
  EXPECT_EQ(topology.subnet_is_special(at(graph, "spoke/snet-app")), Tri::kFalse);
  EXPECT_EQ(topology.vnet_of_subnet(at(graph, "spoke/snet-app")), at(graph, "spoke"));
}

TEST(TopologyTest, VnetWithAnApplianceIsAHub) {
  GraphBuilder builder;
  add_vnet(builder, "nva", "vnet-nva", "10.0.0.0/16", {{"snet-nva", "10.0.0.0/24"}});
  builder.add(
      "nic", testing::kNic, "nic-nva",
      {{"properties",
        {{"enableIPForwarding", true},
         {"ipConfigurations", {{{"properties", {{"subnet", {{"id", "@ref:nva/snet-nva"}}}}}}}}}}});
  const auto& graph = builder.link();
  const Topology topology = Topology::compute(graph);
  EXPECT_EQ(topology.role(at(graph, "nva")), VnetRole::kHub);
  ASSERT_EQ(topology.vnet(at(graph, "nva"))->appliances.size(), 1u);
}

TEST(TopologyTest, PairsPeeringsWithTheirReverseAndFindsOverlaps) {
  GraphBuilder builder;
  add_vnet(builder, "hub", "vnet-hub", "10.0.0.0/16", {{"GatewaySubnet", "10.0.0.0/27"}});
  add_vnet(builder, "a", "vnet-a", "10.1.0.0/16", {{"snet", "10.1.1.0/24"}});
  add_vnet(builder, "b", "vnet-b", "10.1.128.0/17", {{"snet", "10.1.128.0/24"}});
  add_peering(builder, "hub", "a");
  add_peering(builder, "a", "hub");
  add_peering(builder, "a", "b");
  const auto& graph = builder.link();
  const Topology topology = Topology::compute(graph);
  const PeeringInfo* hub_to_a = topology.peering(at(graph, "hub->a"));
  ASSERT_TRUE(hub_to_a);
  EXPECT_EQ(hub_to_a->reverse, at(graph, "a->hub"));
  EXPECT_EQ(hub_to_a->overlap, Tri::kFalse);
  const PeeringInfo* a_to_b = topology.peering(at(graph, "a->b"));
  EXPECT_FALSE(a_to_b->reverse);
  EXPECT_EQ(a_to_b->overlap, Tri::kTrue);
  EXPECT_EQ(topology.neighbours(at(graph, "b")).size(), 1u);
}

TEST(TopologyTest, VnetReferencedByIdOnlyIsExternal) {
  GraphBuilder builder;
  add_vnet(builder, "spoke", "vnet-spoke", "10.1.0.0/16", {{"snet", "10.1.1.0/24"}});
  builder.add("spoke->hub", testing::kPeering, "to-hub",
              {{"properties",
                {{"remoteVirtualNetwork",
                  {{"id",
                    "/subscriptions/0/resourceGroups/rg-hub/providers/Microsoft.Network/"
                    "virtualNetworks/vnet-hub"}}}}}},
              "spoke");
  const auto& graph = builder.link();
  const Topology topology = Topology::compute(graph);
  const PeeringInfo* peering = topology.peering(at(graph, "spoke->hub"));
  ASSERT_TRUE(peering && peering->remote);
  EXPECT_EQ(topology.role(*peering->remote), VnetRole::kExternal);
  EXPECT_EQ(peering->overlap, Tri::kUnknown);
}

TEST(TopologyTest, UnknownRemoteIsNotAbsent) {
  GraphBuilder builder;
  add_vnet(builder, "spoke", "vnet-spoke", "10.1.0.0/16", {{"snet", "10.1.1.0/24"}});
  builder.add("spoke->x", testing::kPeering, "to-x",
              {{"properties", {{"remoteVirtualNetwork", {{"id", "@unknown"}}}}}}, "spoke");
  const auto& graph = builder.link();
  const Topology topology = Topology::compute(graph);
  EXPECT_EQ(topology.peering(at(graph, "spoke->x"))->remote_known, Tri::kUnknown);
}

}  // namespace
}  // namespace ztlint::analysis
