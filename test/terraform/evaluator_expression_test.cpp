// Expressions: references, splats, for expressions, conditionals, templates, operators.
#include <gtest/gtest.h>

#include "terraform_test_util.h"

namespace ztlint::terraform {
namespace {

using testing::eval_expression;
using testing::evaluate;

TEST(EvaluatorExpressionTest, OperatorsAndConditionals) {
  EXPECT_EQ(eval_expression("1 + 2 * 3").to_display(), "7");
  EXPECT_EQ(eval_expression("(1 + 2) * 3").to_display(), "9");
  EXPECT_EQ(eval_expression("7 % 4 - 10 / 4").to_display(), "0.5");
  EXPECT_EQ(eval_expression("-(2) < 1 && !false").to_display(), "true");
  EXPECT_EQ(eval_expression("\"a\" == \"a\" || false").to_display(), "true");
  EXPECT_EQ(eval_expression("1 == \"1\"").to_display(), "false");
  EXPECT_EQ(eval_expression("[1, 2] == [1, 2]").to_display(), "true");
  EXPECT_EQ(eval_expression("3 >= 3 ? \"yes\" : \"no\"").to_display(), "yes");
  EXPECT_EQ(eval_expression("null == null").to_display(), "true");
}

TEST(EvaluatorExpressionTest, UnknownPropagatesThroughOperators) {
  const std::string prelude = "variable \"x\" {}\n";
  EXPECT_TRUE(eval_expression("var.x + 1", prelude).is_unknown());
  EXPECT_TRUE(eval_expression("var.x ? 1 : 2", prelude).is_unknown());
  EXPECT_TRUE(eval_expression("var.x == 1", prelude).is_unknown());
  // Short-circuit where the known side decides.
  EXPECT_EQ(eval_expression("false && var.x", prelude).to_display(), "false");
  EXPECT_EQ(eval_expression("var.x || true", prelude).to_display(), "true");
}

TEST(EvaluatorExpressionTest, TemplatesAndDirectives) {
  const std::string prelude = "locals {\n  name = \"app\"\n  list = [\"a\", \"b\"]\n  n = 3\n}\n";
  EXPECT_EQ(eval_expression("\"snet-${local.name}-${local.n}\"", prelude).to_display(),
            "snet-app-3");
  // A lone interpolation keeps the type.
  EXPECT_TRUE(eval_expression("\"${local.list}\"", prelude).is_list());
  EXPECT_EQ(
      eval_expression("\"%{ if local.n > 2 }big%{ else }small%{ endif }\"", prelude).to_display(),
      "big");
  EXPECT_EQ(eval_expression("\"%{ for x in local.list }[${x}]%{ endfor }\"", prelude).to_display(),
            "[a][b]");
  EXPECT_EQ(eval_expression("<<EOT\nhello ${local.name}\nEOT", prelude).to_display(),
            "hello app\n");
  EXPECT_TRUE(eval_expression("\"x-${var.nope}\"", "variable \"nope\" {}\n").is_unknown());
}

TEST(EvaluatorExpressionTest, ForExpressions) {
  const std::string prelude =
      "locals {\n  tiers = { web = { n = 1, nsg = true }, batch = { n = 3, nsg = false } }\n"
      "  names = [\"a\", \"b\", \"a\"]\n}\n";
  EXPECT_EQ(eval_expression("[for k, t in local.tiers : k if t.nsg]", prelude).to_display(),
            R"(["web"])");
  EXPECT_EQ(eval_expression("{ for k, t in local.tiers : k => t.n }", prelude).to_display(),
            R"({"batch":3,"web":1})");
  EXPECT_EQ(eval_expression("[for i, n in local.names : \"${i}${n}\"]", prelude).to_display(),
            R"(["0a","1b","2a"])");
  EXPECT_EQ(eval_expression("{ for n in local.names : n => n... }", prelude).to_display(),
            R"({"a":["a","a"],"b":["b"]})");
  EXPECT_TRUE(eval_expression("[for x in var.v : x]", "variable \"v\" {}\n").is_unknown());
}

TEST(EvaluatorExpressionTest, IndexAndSplat) {
  const std::string prelude =
      "locals {\n  rules = [{ name = \"a\", port = 22 }, { name = \"b\", port = 443 }]\n"
      "  m = { k = [10, 20] }\n}\n";
  EXPECT_EQ(eval_expression("local.rules[*].port", prelude).to_display(), "[22,443]");
  EXPECT_EQ(eval_expression("local.rules.*.name", prelude).to_display(), R"(["a","b"])");
  EXPECT_EQ(eval_expression("local.rules[1].name", prelude).to_display(), "b");
  EXPECT_EQ(eval_expression("local.m[\"k\"][1]", prelude).to_display(), "20");
  EXPECT_EQ(eval_expression("local.m.k.0", prelude).to_display(), "10");
  EXPECT_EQ(eval_expression("local.m[*]", prelude).to_display(), R"([{"k":[10,20]}])");
}

TEST(EvaluatorExpressionTest, ConfiguredAttributesOfOtherResourcesEvaluate) {
  auto run = evaluate({{"/m/main.tf",
                        "resource \"azurerm_virtual_network\" \"hub\" {\n"
                        "  name          = \"vnet-hub\"\n"
                        "  address_space = [\"10.0.0.0/16\"]\n"
                        "}\n"
                        "resource \"azurerm_firewall\" \"fw\" {\n"
                        "  ip_configuration {\n    name = \"cfg\"\n  }\n"
                        "}\n"
                        "resource \"t\" \"r\" {\n"
                        "  vnet_name = azurerm_virtual_network.hub.name\n"
                        "  space     = azurerm_virtual_network.hub.address_space[0]\n"
                        "  vnet_id   = azurerm_virtual_network.hub.id\n"
                        "  fw_ip     = azurerm_firewall.fw.ip_configuration[0].private_ip_address\n"
                        "  cfg_name  = azurerm_firewall.fw.ip_configuration[0].name\n"
                        "}\n"}});
  EXPECT_EQ(run->argument("t.r", "vnet_name").to_display(), "vnet-hub");
  EXPECT_EQ(run->argument("t.r", "space").to_display(), "10.0.0.0/16");
  const value::Value id = run->argument("t.r", "vnet_id");
  ASSERT_TRUE(id.is_ref());
  EXPECT_EQ(id.as_ref().target, "azurerm_virtual_network.hub");
  EXPECT_EQ(id.as_ref().path, std::vector<std::string>{"id"});
  const value::Value ip = run->argument("t.r", "fw_ip");
  ASSERT_TRUE(ip.is_ref());
  EXPECT_EQ(ip.as_ref().target, "azurerm_firewall.fw");
  EXPECT_EQ(ip.as_ref().path,
            (std::vector<std::string>{"ip_configuration", "0", "private_ip_address"}));
  EXPECT_EQ(run->argument("t.r", "cfg_name").to_display(), "cfg");
}

TEST(EvaluatorExpressionTest, WholeRepeatedResourceIsACollectionOfInstances) {
  auto run = evaluate(
      {{"/m/main.tf",
        "resource \"azurerm_subnet\" \"s\" {\n"
        "  for_each = toset([\"a\", \"b\"])\n  name = \"snet-${each.key}\"\n}\n"
        "resource \"azurerm_subnet\" \"c\" {\n  count = 2\n  name = \"c${count.index}\"\n}\n"
        "resource \"t\" \"r\" {\n"
        "  names = [for k, s in azurerm_subnet.s : s.name]\n"
        "  ids   = azurerm_subnet.c[*].id\n"
        "  one   = azurerm_subnet.s[\"b\"].id\n"
        "  cname = azurerm_subnet.c[1].name\n"
        "}\n"}});
  EXPECT_EQ(run->argument("t.r", "names").to_display(), R"(["snet-a","snet-b"])");
  const value::Value ids = run->argument("t.r", "ids");
  ASSERT_TRUE(ids.is_list());
  ASSERT_EQ(ids.as_list().size(), 2u);
  EXPECT_EQ(ids.as_list()[1].as_ref().target, "azurerm_subnet.c[1]");
  EXPECT_EQ(run->argument("t.r", "one").as_ref().target, "azurerm_subnet.s[\"b\"]");
  EXPECT_EQ(run->argument("t.r", "cname").to_display(), "c1");
}

TEST(EvaluatorExpressionTest, DataSourcesAndPathsAndSelf) {
  auto run = evaluate({{"/m/main.tf",
                        "data \"azurerm_virtual_network\" \"hub\" {\n  name = \"vnet-hub\"\n}\n"
                        "resource \"t\" \"r\" {\n"
                        "  a = data.azurerm_virtual_network.hub.id\n"
                        "  b = data.azurerm_virtual_network.hub.name\n"
                        "  c = path.module\n"
                        "  d = terraform.workspace\n"
                        "}\n"}});
  const value::Value a = run->argument("t.r", "a");
  ASSERT_TRUE(a.is_ref());
  EXPECT_EQ(a.as_ref().target, "data.azurerm_virtual_network.hub");
  EXPECT_EQ(run->argument("t.r", "b").to_display(), "vnet-hub");
  EXPECT_EQ(run->argument("t.r", "c").to_display(), "/m");
  EXPECT_EQ(run->argument("t.r", "d").to_display(), "default");
  const EvaluatedResource* data = run->find("data.azurerm_virtual_network.hub");
  ASSERT_NE(data, nullptr);
  EXPECT_TRUE(data->is_data_source);
}

TEST(EvaluatorExpressionTest, AttributeValuesCarryTheAttributeSpan) {
  auto run = evaluate({{"/m/main.tf", "resource \"t\" \"r\" {\n  port = \"22\"\n}\n"}});
  const value::Value port = run->argument("t.r", "port");
  const auto& file = run->sources.file(port.span().file);
  EXPECT_EQ(file.slice(port.span().range), "port = \"22\"");
  const EvaluatedResource* r = run->find("t.r");
  EXPECT_EQ(file.slice(r->range.range).substr(0, 8), "resource");
}

TEST(EvaluatorExpressionTest, DeeplyNestedEvaluationStopsCleanly) {
  // A chain of 2,000 locals, each referring to the next.
  std::string prelude = "locals {\n";
  for (int i = 0; i < 2000; ++i)
    prelude += "  l" + std::to_string(i) + " = local.l" + std::to_string(i + 1) + "\n";
  prelude += "  l2000 = 1\n}\n";
  source::Diagnostics diagnostics;
  const value::Value v = eval_expression("local.l0", prelude, &diagnostics);
  EXPECT_TRUE(v.is_unknown());
  bool reported = false;
  for (const auto& d : diagnostics)
    reported |= d.message.find("nested deeper") != std::string::npos;
  EXPECT_TRUE(reported);
}

}  // namespace
}  // namespace ztlint::terraform
