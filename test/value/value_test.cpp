#include "value/value.h"

#include <gtest/gtest.h>

namespace ztlint::value {
namespace {

TEST(ValueTest, MapLookupIsCaseInsensitiveAndPathsCrossLists) {
  Value body = Value::map(
      {{"properties",
        Value::map({{"subnets", Value::list({Value::map({{"name", Value::string("a")}})})}})}});
  ASSERT_NE(body.find_path("Properties.SUBNETS.0.name"), nullptr);
  EXPECT_EQ(body.find_path("properties.subnets.0.name")->as_string(), "a");
  EXPECT_EQ(body.find_path("properties.subnets.1.name"), nullptr);
}

TEST(ValueTest, WithPathCopiesOnWrite) {
  Value original = Value::map({{"properties", Value::map({})}});
  std::vector<std::string> path{"properties", "networkSecurityGroup", "id"};
  Value patched = original.with_path(path, Value::string("x"));
  EXPECT_EQ(original.find_path("properties.networkSecurityGroup"), nullptr);
  EXPECT_EQ(patched.find_path("properties.networkSecurityGroup.id")->as_string(), "x");
}

// The sanitizer build catches the use after free this once was: the map was released
// before the string inside it had been copied out.
TEST(ValueTest, AssigningAValueFromInsideItselfKeepsTheInnerValue) {
  Value current = Value::map({{"name", Value::string("snet-app")}, {"n", Value::number(2)}});
  current = *current.get("name");
  ASSERT_TRUE(current.is_string());
  EXPECT_EQ(current.as_string(), "snet-app");

  Value nested = Value::list({Value::map({{"inner", Value::list({Value::string("x")})}})});
  nested = nested.as_list()[0];
  nested = *nested.get("inner");
  EXPECT_EQ(nested.as_list().at(0).as_string(), "x");

  Value same = Value::string("kept");
  const Value& alias = same;
  same = alias;
  EXPECT_EQ(same.as_string(), "kept");
}

TEST(ValueTest, ACopyIsRecognisedWithoutComparingItsContent) {
  const source::Span at{0, {3, 9}};
  const Value original = Value::map({{"name", Value::string("a")}}, at);
  const Value copy = original;
  EXPECT_TRUE(copy.is_copy_of(original));
  const Value rebuilt = Value::map({{"name", Value::string("a")}}, at);
  EXPECT_TRUE(rebuilt == original);
  EXPECT_FALSE(rebuilt.is_copy_of(original)) << "equal content, other storage";
  EXPECT_FALSE(original.with_span({0, {4, 9}}).is_copy_of(original)) << "written elsewhere";
  EXPECT_TRUE(Value::string("x", at).is_copy_of(Value::string("x", at)));
  EXPECT_FALSE(Value::string("x", at).is_copy_of(Value::string("y", at)));
}

TEST(ValueTest, UnknownsAreEqualOnlyWithTheSameSymbol) {
  EXPECT_FALSE(Value::unknown("var.x") == Value::unknown("var.x"));
  EXPECT_TRUE(Value::symbolic("rg", "uniqueString(resourceGroup().id)") ==
              Value::symbolic("other", "uniqueString(resourceGroup().id)"));
  EXPECT_FALSE(Value::map({{"a", Value::unknown("x")}}).is_wholly_known());
  EXPECT_TRUE(Value::list({Value::ref({"a", {"id"}})}).is_wholly_known());
}

TEST(ValueTest, DisplaysValuesForMessages) {
  EXPECT_EQ(Value::string("10.0.0.0/16").to_display(), "10.0.0.0/16");
  EXPECT_EQ(Value::list({Value::number(22), Value::string("3389")}).to_display(), "[22,\"3389\"]");
  EXPECT_EQ(Value::ref({"azurerm_firewall.hub", {"id"}}).to_display(),
            "${azurerm_firewall.hub.id}");
}

}  // namespace
}  // namespace ztlint::value
