#include "analysis/routing.h"

#include <gtest/gtest.h>

#include "support/graph_builder.h"

namespace ztlint::analysis {
namespace {

using testing::add_vnet;
using testing::at;
using testing::GraphBuilder;

// A hub with a firewall in AzureFirewallSubnet 10.0.1.0/26 and a spoke subnet whose route
// table sends 0.0.0.0/0 to `next_hop`.
GraphBuilder hub_and_spoke(const nlohmann::json& default_route, bool disable_bgp = true) {
  GraphBuilder builder;
  add_vnet(builder, "hub", "vnet-hub", "10.0.0.0/16", {{"AzureFirewallSubnet", "10.0.1.0/26"}});
  builder.add("fw", testing::kFirewall, "afw-hub",
              {{"properties",
                {{"ipConfigurations",
                  {{{"properties", {{"subnet", {{"id", "@ref:hub/AzureFirewallSubnet"}}}}}}}}}}});
  builder.add("spoke", testing::kVnet, "vnet-spoke",
              {{"properties", {{"addressSpace", {{"addressPrefixes", {"10.1.0.0/16"}}}}}}});
  builder.add("rt", testing::kRouteTable, "rt-spoke",
              {{"properties", {{"disableBgpRoutePropagation", disable_bgp}}}});
  builder.add("rt/specific", testing::kRoute, "to-onprem",
              {{"properties",
                {{"addressPrefix", "192.168.0.0/16"}, {"nextHopType", "VirtualNetworkGateway"}}}},
              "rt");
  if (!default_route.is_null()) {
    builder.add("rt/default", testing::kRoute, "default", default_route, "rt");
  }
  builder.add(
      "spoke/app", testing::kSubnet, "snet-app",
      {{"properties", {{"addressPrefixes", {"10.1.1.0/24"}}, {"routeTable", {{"id", "@ref:rt"}}}}}},
      "spoke");
  builder.add("spoke/bare", testing::kSubnet, "snet-bare",
              {{"properties", {{"addressPrefixes", {"10.1.2.0/24"}}}}}, "spoke");
  return builder;
}

nlohmann::json route(const std::string& type, const std::string& ip = "") {
  nlohmann::json properties = {{"addressPrefix", "0.0.0.0/0"}, {"nextHopType", type}};
  if (!ip.empty()) properties["nextHopIpAddress"] = ip;
  return {{"properties", properties}};
}

TEST(RoutingTest, LiteralIpResolvesToTheFirewallAtOffsetFour) {
  GraphBuilder builder = hub_and_spoke(route("VirtualAppliance", "10.0.1.4"));
  const auto& graph = builder.link();
  const Topology topology = Topology::compute(graph);
  const Routing routing = Routing::compute(graph, topology);
  const SubnetRouting* app = routing.subnet(at(graph, "spoke/app"));
  ASSERT_TRUE(app);
  EXPECT_EQ(app->next_hop, NextHop::kFirewall);
  EXPECT_EQ(app->appliance, at(graph, "fw"));
  EXPECT_EQ(app->appliance_vnet, at(graph, "hub"));
  EXPECT_EQ(app->default_route, at(graph, "rt/default"));
  EXPECT_EQ(app->bgp_propagation, Tri::kFalse);
}

TEST(RoutingTest, WrongLiteralIpIsUnresolved) {
  GraphBuilder builder = hub_and_spoke(route("VirtualAppliance", "10.0.1.5"));
  const auto& graph = builder.link();
  const Routing routing = Routing::compute(graph, Topology::compute(graph));
  EXPECT_EQ(routing.subnet(at(graph, "spoke/app"))->next_hop, NextHop::kUnresolvedIp);
}

TEST(RoutingTest, RefToTheFirewallResolves) {
  GraphBuilder builder = hub_and_spoke(route("VirtualAppliance", "@ref:fw"));
  const auto& graph = builder.link();
  const Routing routing = Routing::compute(graph, Topology::compute(graph));
  EXPECT_EQ(routing.subnet(at(graph, "spoke/app"))->next_hop, NextHop::kFirewall);
}

TEST(RoutingTest, InternetNextHopAndMissingTablesAreReported) {
  GraphBuilder builder = hub_and_spoke(route("Internet"), false);
  const auto& graph = builder.link();
  const Routing routing = Routing::compute(graph, Topology::compute(graph));
  const SubnetRouting* app = routing.subnet(at(graph, "spoke/app"));
  EXPECT_EQ(app->next_hop, NextHop::kOtherType);
  EXPECT_EQ(app->bgp_propagation, Tri::kTrue);
  EXPECT_EQ(routing.subnet(at(graph, "spoke/bare"))->next_hop, NextHop::kNoRouteTable);
  EXPECT_EQ(routing.subnets_of(at(graph, "rt")).size(), 1u);
}

TEST(RoutingTest, TableWithoutDefaultRouteAndUnknownIps) {
  {
    GraphBuilder builder = hub_and_spoke(nullptr);
    const auto& graph = builder.link();
    const Routing routing = Routing::compute(graph, Topology::compute(graph));
    EXPECT_EQ(routing.subnet(at(graph, "spoke/app"))->next_hop, NextHop::kNoDefaultRoute);
  }
  {
    GraphBuilder builder = hub_and_spoke(route("VirtualAppliance", "@unknown"));
    const auto& graph = builder.link();
    const Routing routing = Routing::compute(graph, Topology::compute(graph));
    EXPECT_EQ(routing.subnet(at(graph, "spoke/app"))->next_hop, NextHop::kUnknown);
  }
}

TEST(RoutingTest, NvaNicPrivateIpResolves) {
  GraphBuilder builder = hub_and_spoke(route("VirtualAppliance", "10.0.5.10"));
  builder.add("nva", testing::kNic, "nic-nva",
              {{"properties",
                {{"enableIPForwarding", true},
                 {"ipConfigurations", {{{"properties", {{"privateIPAddress", "10.0.5.10"}}}}}}}}});
  const auto& graph = builder.link();
  const Routing routing = Routing::compute(graph, Topology::compute(graph));
  EXPECT_EQ(routing.subnet(at(graph, "spoke/app"))->next_hop, NextHop::kNva);
  EXPECT_EQ(routing.subnet(at(graph, "spoke/app"))->appliance, at(graph, "nva"));
}

}  // namespace
}  // namespace ztlint::analysis
