// `ztlint graph`: the flawed example drawn, with its violations marked, in each format.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/run_ztlint.h"

namespace ztlint::testing {
namespace {

const std::filesystem::path kFlawed =
    std::filesystem::path(ZTLINT_SOURCE_DIR) / "examples" / "terraform-flawed";

const nlohmann::json* node_labelled(const nlohmann::json& picture, std::string_view prefix) {
  for (const auto& node : picture["nodes"]) {
    if (node["label"].get<std::string>().rfind(prefix, 0) == 0) return &node;
  }
  return nullptr;
}

TEST(GraphCommandTest, JsonShowsRolesPeeringsRoutesAndViolations) {
  const CommandResult result =
      run_command(ZTLINT_BINARY, {"graph", "--format", "json", "."}, kFlawed);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const nlohmann::json picture = nlohmann::json::parse(result.out);
  const auto* hub = node_labelled(picture, "vnet-hub-sdc (hub");
  const auto* shop = node_labelled(picture, "vnet-shop-sdc (spoke");
  const auto* erp = node_labelled(picture, "vnet-erp-sdc (spoke");
  ASSERT_TRUE(hub && shop && erp) << result.out;
  const auto* firewall = node_labelled(picture, "afw-hub-sdc");
  ASSERT_NE(firewall, nullptr);
  EXPECT_EQ((*firewall)["violations"], nlohmann::json::array({"ZT-FW-003"}));
  const auto* subnet = node_labelled(picture, "snet-workload 10.12.1.0/24");
  ASSERT_NE(subnet, nullptr);
  EXPECT_EQ((*subnet)["parent"], (*erp)["id"]);
  EXPECT_EQ((*subnet)["violations"], nlohmann::json::array({"ZT-NET-001", "ZT-RT-001"}));

  int peerings = 0;
  bool spoke_to_spoke_marked = false;
  bool internet_route_marked = false;
  for (const auto& edge : picture["edges"]) {
    if (edge["kind"] == "peering") {
      ++peerings;
      const bool spokes = (edge["from"] == (*shop)["id"] && edge["to"] == (*erp)["id"]) ||
                          (edge["from"] == (*erp)["id"] && edge["to"] == (*shop)["id"]);
      if (spokes)
        spoke_to_spoke_marked = edge["violation"].get<bool>();
      else
        EXPECT_FALSE(edge["violation"].get<bool>()) << edge;
    }
    if (edge["kind"] == "default-route" && edge["to"] == "internet") {
      internet_route_marked = edge["violation"].get<bool>() && edge["from"] == (*subnet)["id"];
    }
  }
  EXPECT_EQ(peerings, 3) << "hub-shop, hub-erp and shop-erp, each pair drawn once";
  EXPECT_TRUE(spoke_to_spoke_marked);
  EXPECT_TRUE(internet_route_marked);
}

TEST(GraphCommandTest, MermaidAndDotRenderTheSamePicture) {
  const CommandResult mermaid = run_command(ZTLINT_BINARY, {"graph", "."}, kFlawed);
  ASSERT_EQ(mermaid.exit_code, 0) << mermaid.err;
  EXPECT_EQ(mermaid.out.rfind("```mermaid\nflowchart LR\n", 0), 0u);
  EXPECT_NE(mermaid.out.find("subgraph"), std::string::npos);
  EXPECT_NE(mermaid.out.find("classDef violation"), std::string::npos);
  EXPECT_NE(mermaid.out.find("linkStyle"), std::string::npos);
  EXPECT_EQ(mermaid.out.substr(mermaid.out.size() - 4), "```\n");

  const CommandResult dot = run_command(ZTLINT_BINARY, {"graph", "--format", "dot", "."}, kFlawed);
  ASSERT_EQ(dot.exit_code, 0) << dot.err;
  EXPECT_EQ(dot.out.rfind("digraph ztlint {", 0), 0u);
  EXPECT_NE(dot.out.find("subgraph \"cluster_"), std::string::npos);
  EXPECT_NE(dot.out.find("color=red"), std::string::npos);
  EXPECT_EQ(dot.out.substr(dot.out.size() - 2), "}\n");
}

}  // namespace
}  // namespace ztlint::testing
