#include "terraform/evaluation_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "estate/estate.h"
#include "estate/syntax_cache.h"
#include "support/run_ztlint.h"

namespace ztlint::terraform {
namespace {

std::string where(source::Span span) {
  return "@" + std::to_string(span.file) + ":" + std::to_string(span.range.begin) + "-" +
         std::to_string(span.range.end);
}

// Everything a value holds, spans and Unknown reasons included: what a reused evaluation
// must reproduce exactly.
std::string render(const value::Value& v) {
  std::string out;
  switch (v.kind()) {
    case value::Value::Kind::kNull: out = "null"; break;
    case value::Value::Kind::kBool: out = v.as_bool() ? "true" : "false"; break;
    case value::Value::Kind::kNumber: out = std::to_string(v.as_number()); break;
    case value::Value::Kind::kString: out = "\"" + v.as_string() + "\""; break;
    case value::Value::Kind::kList:
      out = "[";
      for (const value::Value& item : v.as_list()) out += render(item) + ",";
      out += "]";
      break;
    case value::Value::Kind::kMap:
      out = "{";
      for (const auto& [key, item] : v.as_map()) out += key + ":" + render(item) + ",";
      out += "}";
      break;
    case value::Value::Kind::kUnknown:
      out = "unknown(" + v.as_unknown().reason + "|" + v.as_unknown().symbol + ")";
      break;
    case value::Value::Kind::kRef:
      out = "ref(" + v.as_ref().target;
      for (const std::string& step : v.as_ref().path) out += "." + step;
      out += ")";
      break;
  }
  return out + where(v.span());
}

std::vector<std::string> outcome(const estate::Estate& estate) {
  std::vector<std::string> out;
  for (graph::ResourceIndex i = 0; i < estate.graph.size(); ++i) {
    const graph::Resource& r = estate.graph.resource(i);
    out.push_back(r.address + " " + r.type + " " + render(r.name) + " " + render(r.parent) + " " +
                  render(r.body) + " " + where(r.range));
  }
  for (const source::Diagnostic& diagnostic : estate.diagnostics) {
    out.push_back("diagnostic " + diagnostic.message + " " + where(diagnostic.span));
  }
  return out;
}

const char* const kMain = R"(variable "prefix" {
  type    = string
  default = "dev"
}

variable "spokes" {
  type = map(string)
}

locals {
  location = "westeurope"
  rg       = "rg-${var.prefix}"
  tags     = { env = var.prefix }
}

resource "azurerm_virtual_network" "hub" {
  name                = "vnet-${var.prefix}-hub"
  location            = local.location
  resource_group_name = local.rg
  address_space       = ["10.0.0.0/16"]
  tags                = local.tags
}

resource "azurerm_subnet" "spoke" {
  for_each             = var.spokes
  name                 = "snet-${each.key}"
  resource_group_name  = local.rg
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = [each.value]
}

resource "azurerm_network_security_group" "nsg" {
  count               = 2
  name                = "nsg-${count.index}"
  location            = local.location
  resource_group_name = local.rg
}

resource "azurerm_subnet_network_security_group_association" "spoke" {
  for_each                  = azurerm_subnet.spoke
  subnet_id                 = each.value.id
  network_security_group_id = azurerm_network_security_group.nsg[0].id
}
)";

// The language server's way: one cache over a sequence of versions of the same estate.
class EvaluationCacheTest : public ::testing::Test {
 protected:
  EvaluationCacheTest() {
    dir_.write("main.tf", kMain);
    dir_.write("terraform.tfvars", "spokes = { a = \"10.0.1.0/24\", b = \"10.0.2.0/24\" }\n");
    dir_.write("modules/tagged/main.tf",
               "variable \"name\" {}\noutput \"tag\" { value = \"t-${var.name}\" }\n");
    options_.paths = {dir_.path().string()};
  }

  std::string path(const std::string& relative) const { return (dir_.path() / relative).string(); }

  // Loads the estate with the cache and without one; they must agree.
  void expect_same_as_uncached(const std::string& step) {
    estate::LoadOptions plain = options_;
    const auto expected = estate::load_estate(plain);
    estate::LoadOptions cached = options_;
    cached.evaluations = &cache_;
    cached.cache = &parses_;  // edited files are re-parsed from their previous parse
    const auto actual = estate::load_estate(cached);
    EXPECT_EQ(outcome(*actual), outcome(*expected)) << step;
  }

  ztlint::testing::ScratchDir dir_;
  estate::LoadOptions options_;
  EvaluationCache cache_;
  estate::SyntaxCache parses_;
};

TEST_F(EvaluationCacheTest, EveryEditGivesWhatAnUncachedRunGives) {
  const std::string main_tf = kMain;
  const auto edited = [&](const std::string& from, const std::string& to) {
    std::string text = main_tf;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  expect_same_as_uncached("first run");
  expect_same_as_uncached("no change");

  options_.overlays[path("main.tf")] = edited("\"westeurope\"", "\"northeurope\"");
  expect_same_as_uncached("a local that several resources read");

  options_.overlays[path("main.tf")] = edited("count               = 2", "count = 3");
  expect_same_as_uncached("a count, which shifts every later declaration");

  options_.overlays[path("terraform.tfvars")] = "spokes = { c = \"10.0.3.0/24\" }\n";
  expect_same_as_uncached("the variables' values");

  options_.overlays[path("aaa.tf")] = "locals { extra = 1 }\n";
  expect_same_as_uncached("a new file sorted first, which renumbers the files");

  options_.overlays[path("main.tf")] = edited("local.rg\n}", "local.missing\n}");
  expect_same_as_uncached("a reference to an undeclared local: an error");
  expect_same_as_uncached("the error again, unchanged");

  options_.overlays[path("main.tf")] =
      main_tf + "module \"tagged\" {\n  source = \"./modules/tagged\"\n  name   = local.rg\n}\n" +
      "resource \"azurerm_resource_group\" \"rg\" {\n  name     = module.tagged.tag\n" +
      "  location = local.location\n}\n";
  expect_same_as_uncached("a resource reading a module output");
  dir_.write("modules/tagged/main.tf",
             "variable \"name\" {}\noutput \"tag\" { value = \"other-${var.name}\" }\n");
  expect_same_as_uncached("the module changed, the root did not");

  options_.overlays[path("main.tf")] = edited("resource \"azurerm_subnet\" \"spoke\" {",
                                              "resource \"azurerm_subnet\" \"spoke\" {\n  bad = ");
  expect_same_as_uncached("a syntax error");
  options_.overlays.erase(path("main.tf"));
  expect_same_as_uncached("mended");
}

TEST_F(EvaluationCacheTest, OnlyWhatAnEditReachesIsEvaluatedAgain) {
  estate::LoadOptions cached = options_;
  cached.evaluations = &cache_;
  estate::load_estate(cached);
  ASSERT_GT(cache_.evaluated, 0u);
  const std::size_t everything = cache_.evaluated;

  estate::load_estate(cached);
  EXPECT_EQ(cache_.evaluated, 0u) << "nothing changed";
  EXPECT_EQ(cache_.lowered, 0u) << "nothing changed";

  // Edits that keep every declaration where it was. The NSGs' names are read by the
  // association alone: changing them re-evaluates those two.
  std::string text = kMain;
  const auto edited = [&](const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
    cached.overlays[path("main.tf")] = text;
    estate::load_estate(cached);
  };
  edited("nsg-${count.index}", "NSG-${count.index}");
  EXPECT_EQ(cache_.evaluated, 2u);
  EXPECT_EQ(cache_.lowered, 4u) << "two NSGs and two associations";

  // local.location is read by the hub and the NSGs; the subnets read the hub, and the
  // association reads the subnets.
  edited("\"westeurope\"", "\"easteurope\"");
  EXPECT_EQ(cache_.evaluated, 5u) << "local.location, the hub, the NSGs, the subnets, the "
                                     "association";
  EXPECT_LT(cache_.evaluated, everything);
  EXPECT_GT(cache_.reused, 0u);

  // A declaration an edit moves is evaluated again: its values carry their positions.
  edited("resource \"azurerm_network_security_group\"",
         "\nresource \"azurerm_network_security_group\"");
  EXPECT_EQ(cache_.evaluated, 2u) << "the NSGs and the association below them";

  // New variable values re-evaluate every variable and whatever reads one: here all but
  // local.location.
  cached.overlays[path("terraform.tfvars")] = "spokes = { c = \"10.0.3.0/24\" }\n";
  estate::load_estate(cached);
  EXPECT_EQ(cache_.evaluated, everything - 1);

  // Kept evaluations keep no parse alive: the old parses of an edited file are freed.
  for (const auto& [unit_key, unit] : cache_.units) {
    for (const auto& [key, evaluation] : unit.evaluations) {
      EXPECT_TRUE(evaluation->parsed.expired()) << key;
    }
  }
}

TEST_F(EvaluationCacheTest, RootModulesGoneFromTheEstateAreDropped) {
  estate::LoadOptions cached = options_;
  cached.evaluations = &cache_;
  estate::load_estate(cached);
  ASSERT_EQ(cache_.units.size(), 2u) << "the root and the folder nothing calls yet";
  cached.exclude = [](const std::string& path) { return path.ends_with("main.tf"); };
  estate::load_estate(cached);
  EXPECT_TRUE(cache_.units.empty());
}

}  // namespace
}  // namespace ztlint::terraform
