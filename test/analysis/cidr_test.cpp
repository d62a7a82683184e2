#include "analysis/cidr.h"

#include <gtest/gtest.h>

#include "analysis/port_set.h"

namespace ztlint::analysis {
namespace {

TEST(CidrTest, ParsesAndNormalizesHostBits) {
  auto cidr = parse_cidr("10.0.1.7/24");
  ASSERT_TRUE(cidr);
  EXPECT_EQ(cidr->to_string(), "10.0.1.0/24");
  EXPECT_EQ(parse_cidr("10.0.0.4")->prefix, 32);
  EXPECT_TRUE(parse_cidr("fd00::/8")->v6);
  EXPECT_FALSE(parse_cidr("Internet"));
  EXPECT_FALSE(parse_cidr("10.0.0.0/33"));
  EXPECT_FALSE(parse_cidr("10.0.0/8"));
}

TEST(CidrTest, ContainmentAndOverlap) {
  const Cidr vnet = *parse_cidr("10.1.0.0/16");
  EXPECT_TRUE(cidr_contains(vnet, *parse_cidr("10.1.2.0/24")));
  EXPECT_FALSE(cidr_contains(vnet, *parse_cidr("10.2.40.0/24")));
  EXPECT_FALSE(cidr_contains(*parse_cidr("10.1.2.0/24"), vnet));
  EXPECT_TRUE(cidr_overlaps(*parse_cidr("10.1.2.0/24"), vnet));
  EXPECT_FALSE(cidr_overlaps(*parse_cidr("10.0.0.0/16"), *parse_cidr("10.1.0.0/16")));
  EXPECT_FALSE(cidr_overlaps(*parse_cidr("::/0"), *parse_cidr("10.0.0.0/8")));
}

TEST(CidrTest, FirewallAddressIsOffsetFourOfTheSubnet) {
  EXPECT_EQ(ipv4_host(*parse_cidr("10.0.1.0/26"), 4), "10.0.1.4");
  EXPECT_EQ(ipv4_host(*parse_cidr("10.0.255.0/24"), 4), "10.0.255.4");
  EXPECT_FALSE(ipv4_host(*parse_cidr("10.0.0.0/30"), 4));
}

TEST(PortSetTest, ParsesSinglesRangesAndWildcards) {
  EXPECT_TRUE(PortSet::parse("22")->contains(22));
  auto range = PortSet::parse("20-25");
  ASSERT_TRUE(range);
  EXPECT_TRUE(range->contains(22));
  EXPECT_FALSE(range->contains(26));
  EXPECT_TRUE(PortSet::parse("*")->covers_all());
  EXPECT_TRUE(PortSet::parse("0-65535")->covers_all());
  EXPECT_TRUE(PortSet::parse("1-65535")->covers_all());
  EXPECT_FALSE(PortSet::parse("2-65535")->covers_all());
  EXPECT_FALSE(PortSet::parse("25-20"));
  EXPECT_FALSE(PortSet::parse("ssh"));
  EXPECT_FALSE(PortSet::parse("70000"));
}

TEST(PortSetTest, MergesAndSubtracts) {
  PortSet set;
  set.add(20, 25);
  set.add(26, 30);
  set.add(3389, 3389);
  EXPECT_EQ(set.to_string(), "20-30, 3389");
  PortSet deny;
  deny.add(22, 22);
  deny.add(3389, 3389);
  set.subtract(deny);
  EXPECT_EQ(set.to_string(), "20-21, 23-30");
  EXPECT_FALSE(set.contains(22));
  PortSet all = PortSet::all();
  all.subtract(*PortSet::parse("0-65535"));
  EXPECT_TRUE(all.empty());
}

}  // namespace
}  // namespace ztlint::analysis
