#include "analysis/exposure.h"

#include <gtest/gtest.h>

#include "support/graph_builder.h"

namespace ztlint::analysis {
namespace {

using testing::GraphBuilder;

nlohmann::json rule(int priority, const std::string& access, nlohmann::json source,
                    nlohmann::json ports, const std::string& protocol = "Tcp",
                    const std::string& direction = "Inbound") {
  nlohmann::json properties = {
      {"priority", priority}, {"access", access}, {"direction", direction}, {"protocol", protocol}};
  if (source.is_array()) {
    properties["sourceAddressPrefixes"] = source;
  } else {
    properties["sourceAddressPrefix"] = source;
  }
  if (ports.is_array()) {
    properties["destinationPortRanges"] = ports;
  } else {
    properties["destinationPortRange"] = ports;
  }
  return {{"properties", properties}};
}

struct Fixture {
  GraphBuilder builder;
  Exposure exposure;
  const graph::ResourceGraph* graph = nullptr;

  void add(const std::string& name, const nlohmann::json& body) {
    builder.add("nsg/" + name, testing::kRule, name, body, "nsg");
  }
  void compute() {
    graph = &builder.link();
    exposure = Exposure::compute(*graph);
  }
  const RuleExposure& of(const std::string& name) {
    return *exposure.exposure(*graph->find_address("nsg/" + name));
  }
};

TEST(ExposureTest, InternetSourcesCompareCaseInsensitively) {
  for (const char* source : {"Internet", "internet", "*", "Any", "0.0.0.0/0", "::/0"}) {
    EXPECT_EQ(Exposure::is_internet_source(value::Value::string(source)), Tri::kTrue) << source;
  }
  for (const char* source : {"VirtualNetwork", "AzureLoadBalancer", "10.0.0.0/8"}) {
    EXPECT_EQ(Exposure::is_internet_source(value::Value::string(source)), Tri::kFalse) << source;
  }
  EXPECT_EQ(Exposure::is_internet_source(value::Value::unknown("x")), Tri::kUnknown);
}

TEST(ExposureTest, ExpandsRangesListsAndSourceLists) {
  Fixture f;
  f.builder.add("nsg", testing::kNsg, "nsg");
  f.add("range", rule(100, "Allow", "0.0.0.0/0", "20-25"));
  f.add("list", rule(110, "Allow", nlohmann::json::array({"10.0.0.0/8", "internet"}),
                     nlohmann::json::array({"80", "3389"})));
  f.add("private", rule(120, "Allow", "10.0.0.0/8", "22"));
  f.add("outbound", rule(130, "Allow", "*", "*", "*", "Outbound"));
  f.compute();
  EXPECT_EQ(f.of("range").admits_internet, Tri::kTrue);
  EXPECT_TRUE(f.of("range").ports->contains(22));
  EXPECT_TRUE(f.of("list").ports->contains(3389));
  EXPECT_FALSE(f.of("list").ports->contains(22));
  EXPECT_EQ(f.of("private").admits_internet, Tri::kFalse);
  EXPECT_EQ(f.of("outbound").admits_internet, Tri::kFalse);
}

TEST(ExposureTest, HigherPriorityDenyShadowsLaterAllow) {
  Fixture f;
  f.builder.add("nsg", testing::kNsg, "nsg");
  // Written out of priority order on purpose.
  f.add("allow-all", rule(200, "Allow", "*", "*"));
  f.add("deny-rdp", rule(100, "Deny", "Internet", "3389", "*"));
  f.add("deny-ssh-udp", rule(110, "Deny", "Internet", "22", "Udp"));
  f.add("late-deny", rule(300, "Deny", "*", "*", "*"));
  f.compute();
  const RuleExposure& allow = f.of("allow-all");
  ASSERT_TRUE(allow.ports);
  EXPECT_FALSE(allow.ports->contains(3389));
  EXPECT_TRUE(allow.ports->contains(22));  // the UDP deny does not close TCP 22
  EXPECT_FALSE(allow.ports->covers_all());
}

TEST(ExposureTest, UnknownPortsStayUnknown) {
  Fixture f;
  f.builder.add("nsg", testing::kNsg, "nsg");
  f.add("unknown-port", rule(100, "Allow", "Internet", "@unknown"));
  f.add("unknown-source", rule(110, "Allow", "@unknown", "22"));
  f.compute();
  EXPECT_FALSE(f.of("unknown-port").ports.has_value());
  EXPECT_EQ(f.of("unknown-source").admits_internet, Tri::kUnknown);
}

TEST(ExposureTest, UnknownDenyMakesTheRemainderUnknown) {
  Fixture f;
  f.builder.add("nsg", testing::kNsg, "nsg");
  f.add("deny", rule(100, "Deny", "Internet", "@unknown", "*"));
  f.add("allow", rule(200, "Allow", "Internet", "22"));
  f.compute();
  EXPECT_FALSE(f.of("allow").ports.has_value());
}

}  // namespace
}  // namespace ztlint::analysis
