#include "analysis/private_access.h"

#include <gtest/gtest.h>

#include "support/graph_builder.h"

namespace ztlint::analysis {
namespace {

using testing::GraphBuilder;

nlohmann::json endpoint(const std::string& target) {
  return {{"properties",
           {{"privateLinkServiceConnections",
             {{{"name", "c"}, {"properties", {{"privateLinkServiceId", target}}}}}}}}};
}

TEST(PrivateAccessTest, MatchesEndpointsByRefAndById) {
  GraphBuilder builder;
  builder.add("st", testing::kStorage, "stdata");
  builder.add("kv", "Microsoft.KeyVault/vaults", "kv-app");
  builder.add("lonely", testing::kStorage, "stlonely");
  builder.add("pe-st", testing::kPrivateEndpoint, "pe-st", endpoint("@ref:st"));
  builder.add("pe-kv", testing::kPrivateEndpoint, "pe-kv",
              endpoint("/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/"
                       "KV-APP"));
  builder.add("pe-kv/zones", "Microsoft.Network/privateEndpoints/privateDnsZoneGroups", "default",
              nlohmann::json::object(), "pe-kv");
  const auto& graph = builder.link();
  const PrivateAccess access = PrivateAccess::compute(graph);
  EXPECT_EQ(access.has_private_endpoint(*graph.find_address("st")), Tri::kTrue);
  EXPECT_EQ(access.has_private_endpoint(*graph.find_address("kv")), Tri::kTrue);
  EXPECT_EQ(access.has_private_endpoint(*graph.find_address("lonely")), Tri::kFalse);
  EXPECT_EQ(access.endpoint(*graph.find_address("pe-st"))->has_dns_zone_group, Tri::kFalse);
  EXPECT_EQ(access.endpoint(*graph.find_address("pe-kv"))->has_dns_zone_group, Tri::kTrue);
}

TEST(PrivateAccessTest, UnknownTargetMakesAbsenceUnknown) {
  GraphBuilder builder;
  builder.add("st", testing::kStorage, "stdata");
  builder.add("pe", testing::kPrivateEndpoint, "pe", endpoint("@unknown"));
  const auto& graph = builder.link();
  const PrivateAccess access = PrivateAccess::compute(graph);
  EXPECT_EQ(access.has_private_endpoint(*graph.find_address("st")), Tri::kUnknown);
}

}  // namespace
}  // namespace ztlint::analysis
