// Modules, variables and tfvars, locals, outputs, provider version.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "terraform_test_util.h"

namespace ztlint::terraform {
namespace {

using source::DiagnosticKind;
using testing::evaluate;

const char* kSpokeModule =
    "variable \"name\" {}\nvariable \"cidr\" {}\n"
    "variable \"with_nsg\" {\n  default = true\n}\n"
    "resource \"azurerm_virtual_network\" \"this\" {\n  name = \"vnet-${var.name}\"\n"
    "  address_space = [var.cidr]\n}\n"
    "resource \"azurerm_subnet\" \"this\" {\n  name = \"snet-${var.name}\"\n"
    "  virtual_network_name = azurerm_virtual_network.this.name\n"
    "  address_prefixes = [cidrsubnet(var.cidr, 8, 1)]\n}\n"
    "resource \"azurerm_network_security_group\" \"this\" {\n  count = var.with_nsg ? 1 : 0\n}\n"
    "output \"vnet_id\" {\n  value = azurerm_virtual_network.this.id\n}\n"
    "output \"subnet_prefix\" {\n  value = azurerm_subnet.this.address_prefixes[0]\n}\n";

TEST(ModuleEvaluatorTest, LocalModuleIsInstantiatedWithItsInputs) {
  auto run = evaluate({{"/r/main.tf",
                        "module \"spoke\" {\n  source = \"./modules/spoke\"\n  name = \"a\"\n"
                        "  cidr = \"10.1.0.0/16\"\n  with_nsg = false\n}\n"
                        "resource \"t\" \"r\" {\n  vnet = module.spoke.vnet_id\n"
                        "  prefix = module.spoke.subnet_prefix\n}\n"},
                       {"/r/modules/spoke/main.tf", kSpokeModule}});
  EXPECT_EQ(run->addresses(),
            (std::vector<std::string>{"t.r", "module.spoke.azurerm_virtual_network.this",
                                      "module.spoke.azurerm_subnet.this"}));
  EXPECT_EQ(run->argument("module.spoke.azurerm_subnet.this", "address_prefixes").to_display(),
            R"(["10.1.1.0/24"])");
  EXPECT_EQ(run->argument("module.spoke.azurerm_subnet.this", "virtual_network_name").to_display(),
            "vnet-a");
  EXPECT_EQ(run->argument("t.r", "vnet").as_ref().target,
            "module.spoke.azurerm_virtual_network.this");
  EXPECT_EQ(run->argument("t.r", "prefix").to_display(), "10.1.1.0/24");
}

TEST(ModuleEvaluatorTest, ForEachOnModuleBlockAddressesEachInstance) {
  auto run = evaluate({{"/r/main.tf",
                        "module \"spoke\" {\n  source = \"./modules/spoke\"\n"
                        "  for_each = { a = \"10.1.0.0/16\", b = \"10.2.0.0/16\" }\n"
                        "  name = each.key\n  cidr = each.value\n}\n"
                        "resource \"t\" \"r\" {\n  b = module.spoke[\"b\"].subnet_prefix\n"
                        "  all = [for k, m in module.spoke : m.subnet_prefix]\n}\n"},
                       {"/r/modules/spoke/main.tf", kSpokeModule}});
  EXPECT_NE(run->find("module.spoke[\"a\"].azurerm_subnet.this"), nullptr);
  EXPECT_NE(run->find("module.spoke[\"b\"].azurerm_network_security_group.this[0]"), nullptr);
  EXPECT_EQ(run->argument("module.spoke[\"b\"].azurerm_subnet.this", "name").to_display(),
            "snet-b");
  EXPECT_EQ(run->argument("t.r", "b").to_display(), "10.2.1.0/24");
  EXPECT_EQ(run->argument("t.r", "all").to_display(), R"(["10.1.1.0/24","10.2.1.0/24"])");
}

TEST(ModuleEvaluatorTest, NestedModulesComposeAddresses) {
  auto run = evaluate(
      {{"/r/main.tf", "module \"outer\" {\n  source = \"./outer\"\n}\n"},
       {"/r/outer/main.tf",
        "module \"inner\" {\n  source = \"../inner\"\n  count = 2\n"
        "  n = count.index\n}\n"},
       {"/r/inner/main.tf", "variable \"n\" {}\nresource \"a\" \"b\" {\n  n = var.n\n}\n"}});
  EXPECT_EQ(run->addresses(), (std::vector<std::string>{"module.outer.module.inner[0].a.b",
                                                        "module.outer.module.inner[1].a.b"}));
  EXPECT_EQ(run->argument("module.outer.module.inner[1].a.b", "n").to_display(), "1");
}

TEST(ModuleEvaluatorTest, UncalledFolderIsARootWithUnknownInputs) {
  auto run = evaluate({{"/r/modules/spoke/main.tf", kSpokeModule}});
  EXPECT_TRUE(run->argument("azurerm_virtual_network.this", "name").is_unknown());
  EXPECT_NE(run->find("azurerm_network_security_group.this[0]"), nullptr);
}

TEST(ModuleEvaluatorTest, RemoteSourceIsReportedOnceAndItsOutputsAreUnknown) {
  auto run =
      evaluate({{"/r/main.tf",
                 "module \"a\" {\n  source = \"Azure/avm-res-network-virtualnetwork/azurerm\"\n}\n"
                 "module \"b\" {\n  source = \"Azure/avm-res-network-virtualnetwork/azurerm\"\n}\n"
                 "module \"c\" {\n  source = \"git::https://example.com/x.git\"\n}\n"
                 "resource \"t\" \"r\" {\n  id = module.a.resource_id\n}\n"}});
  int remote = 0;
  for (const auto& d : run->diagnostics) {
    if (d.kind == DiagnosticKind::kUnsupported && d.message.find("remote module source") == 0)
      ++remote;
  }
  EXPECT_EQ(remote, 2);
  EXPECT_TRUE(run->has_diagnostic(
      DiagnosticKind::kUnsupported,
      "remote module source 'Azure/avm-res-network-virtualnetwork/azurerm' is not followed "
      "(ztlint never fetches)"));
  EXPECT_TRUE(run->argument("t.r", "id").is_unknown());
}

TEST(ModuleEvaluatorTest, SelfIncludingModuleIsAnErrorNotAHang) {
  auto run = evaluate({{"/r/main.tf",
                        "module \"loop\" {\n  source = \"./\"\n}\n"
                        "resource \"a\" \"b\" {}\n"},
                       {"/s/main.tf", "module \"x\" {\n  source = \"./x\"\n}\n"},
                       {"/s/x/main.tf",
                        "module \"back\" {\n  source = \"../\"\n}\n"
                        "resource \"c\" \"d\" {}\n"}});
  EXPECT_TRUE(run->has_diagnostic(DiagnosticKind::kEvaluation, "module 'loop' includes itself"));
  EXPECT_TRUE(run->has_diagnostic(DiagnosticKind::kEvaluation, "module 'back' includes itself"));
  // Two root modules: addresses are qualified by their folder.
  EXPECT_NE(run->find("/r#a.b"), nullptr);
  EXPECT_NE(run->find("/s#module.x.c.d"), nullptr);
}

TEST(ModuleEvaluatorTest, LocalsCycleIsReportedAndUnknown) {
  auto run =
      evaluate({{"/r/main.tf",
                 "locals {\n  a = local.b\n  b = \"${local.c}-x\"\n  c = local.a\n  ok = 1\n}\n"
                 "resource \"t\" \"r\" {\n  v = local.a\n  w = local.ok\n}\n"}});
  EXPECT_TRUE(run->argument("t.r", "v").is_unknown());
  EXPECT_EQ(run->argument("t.r", "w").to_display(), "1");
  ASSERT_TRUE(run->has_diagnostic(DiagnosticKind::kEvaluation,
                                  "reference cycle: local.a → local.b → local.c → local.a"));
}

TEST(ModuleEvaluatorTest, SeveralRootModulesQualifyAddressesByFolder) {
  auto run = evaluate(
      {{"/e/prod/main.tf", "resource \"a\" \"x\" {}\nresource \"b\" \"y\" {\n  r = a.x.id\n}\n"},
       {"/e/test/main.tf", "resource \"a\" \"x\" {}\n"}});
  EXPECT_EQ(run->addresses(),
            (std::vector<std::string>{"/e/prod#a.x", "/e/prod#b.y", "/e/test#a.x"}));
  EXPECT_EQ(run->argument("/e/prod#b.y", "r").as_ref().target, "/e/prod#a.x");
}

TEST(ModuleEvaluatorTest, ResourceReferenceCycleIsReported) {
  auto run = evaluate({{"/r/main.tf",
                        "resource \"a\" \"x\" {\n  v = a.y.v\n}\n"
                        "resource \"a\" \"y\" {\n  v = a.x.v\n  w = 1\n}\n"}});
  EXPECT_TRUE(run->has_diagnostic(DiagnosticKind::kEvaluation, "reference cycle: a.x → a.y → a.x"));
  EXPECT_TRUE(run->argument("a.x", "v").is_unknown());
  EXPECT_EQ(run->argument("a.y", "w").to_display(), "1");
}

TEST(ModuleEvaluatorTest, ModuleWithUnknownCountGivesOneStarInstance) {
  auto run =
      evaluate({{"/r/main.tf",
                 "variable \"n\" {}\n"
                 "module \"m\" {\n  source = \"./m\"\n  count = var.n\n  i = count.index\n}\n"
                 "resource \"t\" \"r\" {\n  o = module.m[0].o\n}\n"},
                {"/r/m/main.tf",
                 "variable \"i\" {}\nresource \"a\" \"b\" {\n  i = var.i\n  k = \"lit\"\n}\n"
                 "output \"o\" {\n  value = a.b.k\n}\n"}});
  EXPECT_NE(run->find("module.m[*].a.b"), nullptr);
  EXPECT_TRUE(run->argument("module.m[*].a.b", "i").is_unknown());
  EXPECT_EQ(run->argument("t.r", "o").to_display(), "lit");
}

TEST(ModuleEvaluatorTest, TfvarsPrecedence) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "ztlint_tfvars_test";
  fs::create_directories(dir);
  std::ofstream(dir / "override.tfvars") << "c = \"var-file\"\n";
  auto run = evaluate(
      {{"/r/main.tf",
        "variable \"a\" {\n  default = \"default\"\n}\nvariable \"b\" {\n  default = "
        "\"default\"\n}\n"
        "variable \"c\" {\n  default = \"default\"\n}\nvariable \"d\" {\n  default = "
        "\"default\"\n}\n"
        "variable \"port\" {\n  type = number\n}\n"
        "resource \"t\" \"r\" {\n  a = var.a\n  b = var.b\n  c = var.c\n  d = var.d\n"
        "  port = var.port\n}\n"},
       {"/r/terraform.tfvars", "a = \"tfvars\"\nb = \"tfvars\"\nc = \"tfvars\"\nport = \"8080\"\n"},
       {"/r/terraform.tfvars.json", R"({"b": "json", "c": "json"})"},
       {"/r/x.auto.tfvars", "c = \"auto\"\n"}},
      {(dir / "override.tfvars").string()});
  EXPECT_EQ(run->argument("t.r", "a").to_display(), "tfvars");
  EXPECT_EQ(run->argument("t.r", "b").to_display(), "json");
  EXPECT_EQ(run->argument("t.r", "c").to_display(), "var-file");
  EXPECT_EQ(run->argument("t.r", "d").to_display(), "default");
  const value::Value port = run->argument("t.r", "port");
  ASSERT_TRUE(port.is_number());
  EXPECT_EQ(port.as_number(), 8080);
  int tfvars = 0;
  for (const auto& [id, language] : run->evaluation.files)
    tfvars += language == graph::Language::kTfvars;
  EXPECT_EQ(tfvars, 4);
  fs::remove_all(dir);
}

TEST(ModuleEvaluatorTest, MissingVarFileIsAnIoDiagnostic) {
  auto run = evaluate({{"/r/main.tf", "resource \"a\" \"b\" {}\n"}}, {"/nonexistent/x.tfvars"});
  ASSERT_FALSE(run->diagnostics.empty());
  EXPECT_EQ(run->diagnostics[0].kind, DiagnosticKind::kIo);
  EXPECT_NE(run->find("a.b"), nullptr);
}

TEST(ModuleEvaluatorTest, ProviderMajorVersionIsInherited) {
  auto run = evaluate(
      {{"/r/main.tf",
        "terraform {\n  required_providers {\n    azurerm = {\n"
        "      source = \"hashicorp/azurerm\"\n      version = \"~> 3.100\"\n    }\n  }\n}\n"
        "module \"m\" {\n  source = \"./m\"\n}\nresource \"a\" \"b\" {}\n"},
       {"/r/m/main.tf", "resource \"c\" \"d\" {}\n"},
       {"/other/main.tf", "resource \"e\" \"f\" {}\n"}});
  EXPECT_EQ(run->find("/r#a.b")->azurerm_major_version, 3);
  EXPECT_EQ(run->find("/r#module.m.c.d")->azurerm_major_version, 3);
  EXPECT_EQ(run->find("/other#e.f")->azurerm_major_version, 0);
}

TEST(ModuleEvaluatorTest, SyntaxErrorsKeepTheRestOfTheModule) {
  auto run = evaluate({{"/r/a.tf", "resource \"a\" \"b\" {\n  x = \n}\n"},
                       {"/r/b.tf", "resource \"c\" \"d\" {\n  y = 1\n}\n"}});
  EXPECT_TRUE(run->has_diagnostic(DiagnosticKind::kSyntax, "missing value after '='"));
  EXPECT_NE(run->find("c.d"), nullptr);
  EXPECT_NE(run->find("a.b"), nullptr);
}

TEST(ModuleEvaluatorTest, OptionalObjectAttributesGetTheirDefaults) {
  auto run = evaluate({{"/r/main.tf",
                        "module \"nsg\" {\n  source = \"./nsg\"\n"
                        "  rules = { ssh = { port = \"22\" } }\n}\n"},
                       {"/r/nsg/main.tf",
                        "variable \"rules\" {\n  type = map(object({\n    port = string\n"
                        "    description = optional(string)\n"
                        "    access = optional(string, \"Allow\")\n"
                        "    priority = optional(number, \"100\")\n  }))\n}\n"
                        "resource \"azurerm_network_security_rule\" \"this\" {\n"
                        "  for_each = var.rules\n  description = each.value.description\n"
                        "  access = each.value.access\n  priority = each.value.priority\n"
                        "  destination_port_range = each.value.port\n}\n"}});
  const std::string rule = "module.nsg.azurerm_network_security_rule.this[\"ssh\"]";
  // Null means not set: the argument is absent.
  EXPECT_EQ(run->find(rule)->arguments.get("description"), nullptr);
  EXPECT_EQ(run->argument(rule, "access").to_display(), "Allow");
  const value::Value priority = run->argument(rule, "priority");
  ASSERT_TRUE(priority.is_number());
  EXPECT_EQ(priority.as_number(), 100);
  EXPECT_EQ(run->argument(rule, "destination_port_range").to_display(), "22");
}

TEST(ModuleEvaluatorTest, ResourceWithOneLabelIsReported) {
  auto run = evaluate({{"/r/main.tf",
                        "resource \"azurerm_subnet\" {\n  name = \"x\"\n}\n"
                        "resource \"a\" \"b\" {}\n"}});
  ASSERT_TRUE(run->has_diagnostic(DiagnosticKind::kSyntax,
                                  "a resource block needs a type and a name label"));
  EXPECT_EQ(run->diagnostics[0].span.range.begin, 0u);
  EXPECT_EQ(run->addresses(), std::vector<std::string>{"a.b"});
}

TEST(ModuleEvaluatorTest, AcceptanceEvaluationScenario) {
  namespace fs = std::filesystem;
  const fs::path dir = ZTLINT_SOURCE_DIR "/../shared/acceptance/scenarios/tf-evaluation";
  if (!fs::exists(dir)) GTEST_SKIP() << "acceptance scenarios not present";
  testing::Run run;
  Inputs inputs;
  for (const char* f : {"main.tf", "modules/spoke/main.tf"}) {
    source::Diagnostic error;
    inputs.tf_files.push_back(*run.sources.load((dir / f).string(), &error));
  }
  run.evaluation = evaluate_modules(run.sources, inputs, run.diagnostics);
  EXPECT_TRUE(run.diagnostics.empty());
  // The filtered for_each leaves batch without an association.
  EXPECT_NE(run.find("azurerm_subnet_network_security_group_association.tier[\"web\"]"), nullptr);
  EXPECT_EQ(run.find("azurerm_subnet_network_security_group_association.tier[\"batch\"]"), nullptr);
  EXPECT_EQ(run.argument("azurerm_subnet.migration", "address_prefixes").to_display(),
            R"(["10.2.40.0/24"])");
  EXPECT_EQ(
      run.find(
          "module.spoke_payments.azurerm_subnet_network_security_group_association.workload[0]"),
      nullptr);
  EXPECT_NE(
      run.find("module.spoke_orders.azurerm_subnet_network_security_group_association.workload[0]"),
      nullptr);
  const value::Value rules = run.argument("azurerm_network_security_group.shared", "security_rule");
  ASSERT_TRUE(rules.is_list());
  const value::Value* ssh = rules.as_list()[0].get("destination_port_range");
  EXPECT_EQ(ssh->to_display(), "22");
  EXPECT_TRUE(rules.as_list()[1].get("destination_port_range")->is_unknown());
  EXPECT_EQ(run.find("azurerm_subnet.tier[\"web\"]")->azurerm_major_version, 4);
}

}  // namespace
}  // namespace ztlint::terraform
