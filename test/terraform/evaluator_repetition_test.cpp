// count, for_each, unknown repetition, limits and dynamic blocks.
#include <gtest/gtest.h>

#include "terraform_test_util.h"

namespace ztlint::terraform {
namespace {

using testing::evaluate;

TEST(EvaluatorRepetitionTest, CountGivesIndexedInstances) {
  auto run = evaluate({{"/m/main.tf",
                        "resource \"azurerm_subnet\" \"app\" {\n  count = 2\n"
                        "  name = \"snet-${count.index}\"\n}\n"}});
  EXPECT_EQ(run->addresses(),
            (std::vector<std::string>{"azurerm_subnet.app[0]", "azurerm_subnet.app[1]"}));
  EXPECT_EQ(run->argument("azurerm_subnet.app[1]", "name").to_display(), "snet-1");
  // count itself is not an argument.
  EXPECT_TRUE(run->argument("azurerm_subnet.app[1]", "count").is_null());
}

TEST(EvaluatorRepetitionTest, ForEachOverMapAndSet) {
  auto run =
      evaluate({{"/m/main.tf",
                 "resource \"azurerm_subnet\" \"app\" {\n"
                 "  for_each = { web = \"10.0.1.0/24\", api = \"10.0.2.0/24\" }\n"
                 "  name = each.key\n  address_prefixes = [each.value]\n}\n"
                 "resource \"azurerm_subnet\" \"set\" {\n"
                 "  for_each = toset([\"x\"])\n  name = \"${each.key}-${each.value}\"\n}\n"}});
  EXPECT_EQ(run->addresses(),
            (std::vector<std::string>{"azurerm_subnet.app[\"api\"]", "azurerm_subnet.app[\"web\"]",
                                      "azurerm_subnet.set[\"x\"]"}));
  EXPECT_EQ(run->argument("azurerm_subnet.app[\"web\"]", "address_prefixes").to_display(),
            R"(["10.0.1.0/24"])");
  EXPECT_EQ(run->argument("azurerm_subnet.set[\"x\"]", "name").to_display(), "x-x");
}

TEST(EvaluatorRepetitionTest, ZeroCountAndEmptyForEachGiveNoInstance) {
  auto run = evaluate({{"/m/main.tf",
                        "variable \"create\" {\n  default = false\n}\n"
                        "resource \"a\" \"b\" {\n  count = var.create ? 1 : 0\n}\n"
                        "resource \"a\" \"c\" {\n  for_each = {}\n}\n"}});
  EXPECT_TRUE(run->addresses().empty());
}

TEST(EvaluatorRepetitionTest, UnknownRepetitionGivesOneStarInstance) {
  auto run = evaluate({{"/m/main.tf",
                        "variable \"subnets\" {}\nvariable \"n\" {}\n"
                        "resource \"azurerm_subnet\" \"this\" {\n  for_each = var.subnets\n"
                        "  name = each.key\n  service_endpoints = [\"Microsoft.Storage\"]\n}\n"
                        "resource \"azurerm_subnet\" \"c\" {\n  count = var.n\n"
                        "  name = \"c${count.index}\"\n}\n"
                        "resource \"t\" \"r\" {\n  id = azurerm_subnet.this[\"x\"].id\n}\n"}});
  EXPECT_EQ(run->addresses(),
            (std::vector<std::string>{"azurerm_subnet.this[*]", "azurerm_subnet.c[*]", "t.r"}));
  EXPECT_TRUE(run->argument("azurerm_subnet.this[*]", "name").is_unknown());
  // What is written literally is still there.
  EXPECT_EQ(run->argument("azurerm_subnet.this[*]", "service_endpoints").to_display(),
            R"(["Microsoft.Storage"])");
  EXPECT_TRUE(run->argument("azurerm_subnet.c[*]", "name").is_unknown());
  EXPECT_EQ(run->argument("t.r", "id").as_ref().target, "azurerm_subnet.this[*]");
}

TEST(EvaluatorRepetitionTest, HugeCountIsAnErrorNotAHang) {
  auto run = evaluate(
      {{"/m/main.tf",
        "resource \"a\" \"b\" {\n  count = 100000000\n}\n"
        "resource \"a\" \"c\" {\n  for_each = toset([for i in range(20000) : tostring(i)])\n}\n"}});
  EXPECT_TRUE(run->has_diagnostic(source::DiagnosticKind::kEvaluation, "a.b expands to 100000000"));
  EXPECT_TRUE(run->has_diagnostic(source::DiagnosticKind::kEvaluation, "a.c expands to 20000"));
  EXPECT_EQ(run->addresses(), (std::vector<std::string>{"a.b[*]", "a.c[*]"}));
}

TEST(EvaluatorRepetitionTest, NestedBlocksAreListsOfMaps) {
  auto run = evaluate({{"/m/main.tf",
                        "resource \"azurerm_network_security_group\" \"n\" {\n"
                        "  security_rule {\n    name = \"a\"\n  }\n"
                        "  security_rule {\n    name = \"b\"\n  }\n"
                        "  lifecycle {\n    ignore_changes = [tags]\n  }\n}\n"}});
  const value::Value rules = run->argument("azurerm_network_security_group.n", "security_rule");
  ASSERT_TRUE(rules.is_list());
  ASSERT_EQ(rules.as_list().size(), 2u);
  EXPECT_EQ(rules.as_list()[1].get("name")->to_display(), "b");
  const auto& file = run->sources.file(rules.as_list()[0].span().file);
  EXPECT_EQ(file.slice(rules.as_list()[0].span().range).substr(0, 13), "security_rule");
  EXPECT_TRUE(run->argument("azurerm_network_security_group.n", "lifecycle").is_null());
}

TEST(EvaluatorRepetitionTest, DynamicBlocksExpand) {
  auto run = evaluate({{"/m/main.tf",
                        "locals {\n  rules = { ssh = 22, https = 443 }\n}\n"
                        "resource \"azurerm_network_security_group\" \"n\" {\n"
                        "  security_rule {\n    name = \"static\"\n  }\n"
                        "  dynamic \"security_rule\" {\n    for_each = local.rules\n"
                        "    iterator = rule\n    content {\n      name = rule.key\n"
                        "      destination_port_range = rule.value\n    }\n  }\n}\n"}});
  const value::Value rules = run->argument("azurerm_network_security_group.n", "security_rule");
  EXPECT_EQ(
      rules.to_display(),
      R"([{"name":"static"},{"destination_port_range":22,"name":"ssh"},{"destination_port_range":443,"name":"https"}])");
}

TEST(EvaluatorRepetitionTest, DynamicBlockOverUnknownGivesOneUnknownBlock) {
  auto run = evaluate({{"/m/main.tf",
                        "variable \"rules\" {}\n"
                        "resource \"azurerm_network_security_group\" \"n\" {\n"
                        "  dynamic \"security_rule\" {\n    for_each = var.rules\n"
                        "    content {\n      name = security_rule.value.name\n"
                        "      access = \"Allow\"\n    }\n  }\n}\n"}});
  const value::Value rules = run->argument("azurerm_network_security_group.n", "security_rule");
  ASSERT_TRUE(rules.is_list());
  ASSERT_EQ(rules.as_list().size(), 1u);
  EXPECT_TRUE(rules.as_list()[0].get("name")->is_unknown());
  EXPECT_EQ(rules.as_list()[0].get("access")->to_display(), "Allow");
}

}  // namespace
}  // namespace ztlint::terraform
