#include "policy/evaluate.h"

#include <gtest/gtest.h>

#include <set>

#include "support/graph_builder.h"

namespace ztlint::policy {
namespace {

using testing::add_vnet;
using testing::GraphBuilder;

PolicySet library() {
  source::Diagnostics errors;
  PolicySet set = PolicySet::builtin(errors);
  EXPECT_TRUE(errors.empty());
  return set;
}

PolicySet only(const char* yaml) {
  source::Diagnostics errors;
  PolicySet set;
  set.add_text(yaml, "test.yaml", errors);
  for (const auto& error : errors) ADD_FAILURE() << error.message;
  return set;
}

std::vector<std::string> rules_at(const std::vector<Finding>& findings,
                                  const std::string& address) {
  std::vector<std::string> out;
  for (const Finding& finding : findings) {
    if (finding.resource_address == address) out.push_back(finding.rule_id);
  }
  return out;
}

bool has(const std::vector<Finding>& findings, const std::string& rule,
         const std::string& address) {
  for (const Finding& finding : findings) {
    if (finding.rule_id == rule && finding.resource_address == address) return true;
  }
  return false;
}

nlohmann::json rule(int priority, const std::string& access, const std::string& source,
                    nlohmann::json ports) {
  nlohmann::json properties = {{"priority", priority},
                               {"access", access},
                               {"direction", "Inbound"},
                               {"protocol", "Tcp"},
                               {"sourceAddressPrefix", source}};
  properties[ports.is_array() ? "destinationPortRanges" : "destinationPortRange"] = ports;
  return {{"properties", properties}};
}

TEST(EvaluateTest, SubnetWithoutNsgIsReportedExceptSpecialOnes) {
  GraphBuilder builder;
  add_vnet(builder, "spoke", "vnet-spoke", "10.1.0.0/16",
           {{"snet-app", "10.1.1.0/24"},
            {"azurebastionsubnet", "10.1.2.0/26"},
            {"GatewaySubnet", "10.1.3.0/27"}});
  builder.add("nsg", testing::kNsg, "nsg-web");
  builder.add(
      "spoke/web", testing::kSubnet, "snet-web",
      {{"properties",
        {{"addressPrefixes", {"10.1.4.0/24"}}, {"networkSecurityGroup", {{"id", "@ref:nsg"}}}}}},
      "spoke");
  builder.add("spoke/var", testing::kSubnet, "snet-var",
              {{"properties",
                {{"addressPrefixes", {"10.1.5.0/24"}}, {"networkSecurityGroup", "@unknown"}}}},
              "spoke");
  const auto& graph = builder.link();
  const auto findings = evaluate_graph(graph, library(), {});
  EXPECT_TRUE(has(findings, "ZT-NET-001", "spoke/snet-app"));
  EXPECT_TRUE(rules_at(findings, "spoke/azurebastionsubnet").empty());
  EXPECT_TRUE(rules_at(findings, "spoke/GatewaySubnet").empty());
  EXPECT_FALSE(has(findings, "ZT-NET-001", "spoke/web"));
  EXPECT_FALSE(has(findings, "ZT-NET-001", "spoke/var"));
  for (const Finding& finding : findings) {
    if (finding.resource_address != "spoke/snet-app") continue;
    EXPECT_EQ(finding.severity, Severity::kHigh);
    EXPECT_EQ(finding.rule_name, "subnet-without-nsg");
    EXPECT_NE(finding.message.find("'snet-app'"), std::string::npos) << finding.message;
    EXPECT_EQ(finding.span, graph.resource(*graph.find_address("spoke/snet-app")).range);
    ASSERT_EQ(finding.related.size(), 1u);  // the VNet
    EXPECT_EQ(finding.related[0].span, graph.resource(*graph.find_address("spoke")).range);
  }
}

TEST(EvaluateTest, StrictModeReportsWhatCannotBeVerified) {
  GraphBuilder builder;
  add_vnet(builder, "spoke", "vnet-spoke", "10.1.0.0/16", {});
  builder.add("spoke/var", testing::kSubnet, "snet-var",
              {{"properties", {{"networkSecurityGroup", "@unknown"}}}}, "spoke");
  const auto& graph = builder.link();
  const auto all = evaluate_graph(graph, library(), {.strict = true});
  std::vector<Finding> findings;
  for (const Finding& finding : all) {
    if (finding.resource_address == "spoke/var" && finding.rule_id == "ZT-NET-001") {
      findings.push_back(finding);
    }
  }
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(findings[0].cannot_verify);
  EXPECT_EQ(findings[0].severity, Severity::kInfo);
  EXPECT_NE(findings[0].message.find("cannot verify"), std::string::npos);
  // Without --strict, the same Unknown produces nothing.
  EXPECT_FALSE(has(evaluate_graph(graph, library(), {}), "ZT-NET-001", "spoke/var"));
}

TEST(EvaluateTest, InternetRulesOnManagementAndAllPorts) {
  GraphBuilder builder;
  builder.add("nsg", testing::kNsg, "nsg-web");
  auto add = [&](const std::string& name, const nlohmann::json& body) {
    builder.add("nsg/" + name, testing::kRule, name, body, "nsg");
  };
  add("https", rule(100, "Allow", "Internet", "443"));
  add("ftp-range", rule(110, "Allow", "0.0.0.0/0", "20-25"));
  add("corp-ssh", rule(120, "Allow", "10.0.0.0/8", "22"));
  add("deny-rdp", rule(130, "Deny", "Internet", "3389"));
  add("all", rule(140, "Allow", "*", "*"));
  add("lower-internet", rule(150, "Allow", "internet", nlohmann::json::array({"80", "3389"})));
  add("unknown-port", rule(160, "Allow", "Internet", "@unknown"));
  add("everything-range", rule(170, "Allow", "Any", "0-65535"));
  builder.add("nsg2", testing::kNsg, "nsg-api");
  builder.add("nsg2/open", testing::kRule, "open", rule(200, "Allow", "*", "*"), "nsg2");
  const auto findings = evaluate_graph(builder.link(), library(), {});
  EXPECT_TRUE(rules_at(findings, "nsg/https").empty());
  EXPECT_EQ(rules_at(findings, "nsg/ftp-range"), std::vector<std::string>{"ZT-NET-002"});
  EXPECT_TRUE(rules_at(findings, "nsg/corp-ssh").empty());
  EXPECT_TRUE(rules_at(findings, "nsg/deny-rdp").empty());
  // The Deny at 130 takes 3389 away first: all ports but one are open, so not ZT-NET-003.
  EXPECT_EQ(rules_at(findings, "nsg/all"), std::vector<std::string>{"ZT-NET-002"});
  // 3389 is denied at 130, so this rule opens only 80 from the Internet.
  EXPECT_TRUE(rules_at(findings, "nsg/lower-internet").empty());
  EXPECT_TRUE(rules_at(findings, "nsg/unknown-port").empty());
  // All but 3389, which the deny above took away: still every other management port.
  EXPECT_EQ(rules_at(findings, "nsg/everything-range"), std::vector<std::string>{"ZT-NET-002"});
  EXPECT_EQ(rules_at(findings, "nsg2/open"),
            (std::vector<std::string>{"ZT-NET-002", "ZT-NET-003"}));
}

TEST(EvaluateTest, PublicIpOnAVmNicPointsAtTheAttribute) {
  GraphBuilder builder;
  builder.add("pip", "Microsoft.Network/publicIPAddresses", "pip-vm");
  builder.add("nic", testing::kNic, "nic-vm",
              {{"properties",
                {{"ipConfigurations",
                  {{{"name", "ipconfig1"},
                    {"properties", {{"publicIPAddress", {{"id", "@ref:pip"}}}}}}}}}}});
  builder.add(
      "nic-free", testing::kNic, "nic-free",
      {{"properties",
        {{"ipConfigurations", {{{"properties", {{"publicIPAddress", {{"id", "@ref:pip"}}}}}}}}}}});
  builder.add(
      "nic-private", testing::kNic, "nic-private",
      {{"properties", {{"ipConfigurations", {{{"properties", nlohmann::json::object()}}}}}}});
  builder.add(
      "vm", testing::kVm, "vm",
      {{"properties",
        {{"networkProfile",
          {{"networkInterfaces", {{{"id", "@ref:nic"}}, {{"id", "@ref:nic-private"}}}}}}}}});
  const auto& graph = builder.link();
  const auto findings = evaluate_graph(graph, library(), {});
  ASSERT_TRUE(has(findings, "ZT-BAS-002", "nic"));
  EXPECT_FALSE(has(findings, "ZT-BAS-002", "nic-free"));
  EXPECT_FALSE(has(findings, "ZT-BAS-002", "nic-private"));
  const value::Value* attribute =
      graph.resource(*graph.find_address("nic"))
          .body.find_path("properties.ipConfigurations.0.properties.publicIPAddress");
  for (const Finding& finding : findings) {
    if (finding.rule_id == "ZT-BAS-002") {
      EXPECT_EQ(finding.span, attribute->span());
    }
  }
}

TEST(EvaluateTest, RelationsAlongEdgesAndParents) {
  const PolicySet set = only(R"yaml(id: ZT-TEST-002
name: spoke-subnet-without-route-table
severity: low
resource_types: [Microsoft.Network/virtualNetworks/subnets]
condition:
  all:
    - parent:
        fact: vnet.role
        equals: SPOKE
    - not:
        outgoing:
          path: properties.routeTable
          to_type: Microsoft.Network/routeTables
    - not:
        attribute: name
        matches: "^ignored-.*"
message: "{resource.name} in a spoke routes nowhere ({resource.type})"
location: [properties.addressPrefixes]
docs: {summary: s}
)yaml");
  GraphBuilder builder;
  add_vnet(builder, "spoke", "vnet-spoke", "10.1.0.0/16", {{"snet-a", "10.1.1.0/24"}});
  add_vnet(builder, "hub", "vnet-hub", "10.0.0.0/16",
           {{"GatewaySubnet", "10.0.0.0/27"}, {"snet-b", "10.0.1.0/24"}});
  builder.add("rt", testing::kRouteTable, "rt");
  builder.add("spoke/routed", testing::kSubnet, "snet-routed",
              {{"properties", {{"routeTable", {{"id", "@ref:rt"}}}}}}, "spoke");
  const auto& graph = builder.link();
  const auto findings = evaluate_graph(graph, set, {});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].resource_address, "spoke/snet-a");
  EXPECT_EQ(findings[0].message,
            "snet-a in a spoke routes nowhere (Microsoft.Network/virtualNetworks/subnets)");
  EXPECT_EQ(findings[0].span, graph.resource(*graph.find_address("spoke/snet-a"))
                                  .body.find_path("properties.addressPrefixes")
                                  ->span());
}

TEST(EvaluateTest, AttributeDefaultsAndComparisons) {
  const PolicySet set = only(R"yaml(id: ZT-TEST-003
name: small-subnet-with-propagation
severity: medium
resource_types: [Microsoft.Network/virtualNetworks/subnets]
condition:
  any:
    - attribute: properties.addressPrefixes
      cidr_prefix_longer_than: 26
    - attribute: properties.flag
      equals: false
      default: false
message: "{resource.name}: {value}"
location: [properties.addressPrefixes]
docs: {summary: s}
)yaml");
  GraphBuilder builder;
  add_vnet(builder, "v", "vnet", "10.0.0.0/16", {{"small", "10.0.0.0/27"}, {"big", "10.0.1.0/24"}});
  builder.add("v/flagged", testing::kSubnet, "flagged",
              {{"properties", {{"addressPrefixes", {"10.0.2.0/24"}}, {"flag", true}}}}, "v");
  const auto findings = evaluate_graph(builder.link(), set, {});
  EXPECT_TRUE(has(findings, "ZT-TEST-003", "v/small"));
  EXPECT_TRUE(has(findings, "ZT-TEST-003", "v/big"));  // flag absent: default false
  EXPECT_FALSE(has(findings, "ZT-TEST-003", "v/flagged"));
  for (const Finding& finding : findings) {
    if (finding.resource_address == "v/small") {
      EXPECT_EQ(finding.message, "small: [\"10.0.0.0/27\"]");
    }
  }
}

// ZT-TEST-004: a finding on every subnet of `types` (a YAML list) that has prefixes.
PolicySet any_subnet(const std::string& types) {
  const std::string yaml =
      "id: ZT-TEST-004\nname: any-subnet\nseverity: low\nresource_types: " + types + R"yaml(
condition:
  attribute: properties.addressPrefixes
  exists: true
message: "{resource.name}"
docs: {summary: s}
)yaml";
  return only(yaml.c_str());
}

TEST(EvaluateTest, AResourceOfATypeListedTwiceIsJudgedOnce) {
  const PolicySet set = any_subnet(
      "[Microsoft.Network/virtualNetworks/subnets, microsoft.network/VIRTUALNETWORKS/subnets]");
  GraphBuilder builder;
  add_vnet(builder, "v", "vnet", "10.0.0.0/16", {{"a", "10.0.0.0/24"}, {"b", "10.0.1.0/24"}});
  const auto findings = evaluate_graph(builder.link(), set, {});
  EXPECT_EQ(rules_at(findings, "v/a"), std::vector<std::string>{"ZT-TEST-004"});
  EXPECT_EQ(rules_at(findings, "v/b"), std::vector<std::string>{"ZT-TEST-004"});
}

TEST(EvaluateTest, APolicyOverManyResourcesJudgesEachOnceOnAnyNumberOfThreads) {
  // More subnets than one run of work: every run boundary is crossed.
  const PolicySet set = any_subnet("[Microsoft.Network/virtualNetworks/subnets]");
  GraphBuilder builder;
  add_vnet(builder, "v", "vnet", "10.0.0.0/8", {});
  for (int i = 0; i < 300; ++i) {
    const std::string name = "s" + std::to_string(i);
    const std::string prefix =
        "10." + std::to_string(i / 250) + "." + std::to_string(i % 250) + ".0/24";
    builder.add("v/" + name, testing::kSubnet, name,
                {{"properties", {{"addressPrefixes", {prefix}}}}}, "v");
  }
  const graph::ResourceGraph graph = builder.link();
  const auto judged = [&](unsigned jobs) {
    std::vector<std::string> addresses;
    for (const Finding& finding : evaluate_graph(graph, set, {.jobs = jobs})) {
      addresses.push_back(finding.resource_address);
    }
    return addresses;
  };
  const std::vector<std::string> alone = judged(1);
  EXPECT_EQ(alone.size(), 300u);
  EXPECT_EQ(std::set<std::string>(alone.begin(), alone.end()).size(), 300u);
  EXPECT_EQ(judged(2), alone);
  EXPECT_EQ(judged(5), alone);
}

TEST(EvaluateTest, ReferenceOnlyResourcesAreNotJudged) {
  GraphBuilder builder;
  builder.add("data.vnet", testing::kVnet, "vnet-elsewhere", nlohmann::json::object(), "", true);
  builder.add("data.sub", testing::kSubnet, "snet", nlohmann::json::object(), "data.vnet", true);
  const auto findings = evaluate_graph(builder.link(), library(), {.strict = true});
  EXPECT_TRUE(findings.empty());
}

}  // namespace
}  // namespace ztlint::policy
