// Declarations that clash: each front end reports the second one where its name is written,
// says where the first one is, and keeps linting everything else.
#include <gtest/gtest.h>

#include "bad_input/estate_check.h"

namespace ztlint::testing {
namespace {

constexpr const char* kNsgTf = R"(resource "azurerm_network_security_group" "dup" {
  name                = "nsg-a"
  location            = "westeurope"
  resource_group_name = "rg"
}
)";

int resources_in(const CheckRun& run, const std::string& file) {
  for (const auto& entry : run.out.value("files", nlohmann::json::array())) {
    if (entry.value("file", "") == file) return entry.value("resources", -1);
  }
  return -1;
}

TEST(DuplicateDeclaration, TerraformResourceInTwoFilesIsReportedAtTheSecondWithTheFirstsPlace) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("a.tf", kNsgTf);
  dir.write("b.tf", std::string("\n\n") + kNsgTf);
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 2) << describe(run);
  EXPECT_TRUE(has_error_at(run, "b.tf", 3, 1,
                           "duplicate resource \"azurerm_network_security_group\" \"dup\": "
                           "already declared at a.tf:1:1"));
  EXPECT_TRUE(errors_in(run, "a.tf").empty()) << describe(run);
  EXPECT_EQ(resources_in(run, "a.tf"), 1) << "the first declaration stands\n" << describe(run);
  EXPECT_EQ(resources_in(run, "b.tf"), 0) << describe(run);
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(DuplicateDeclaration, TerraformVariableOutputAndModuleClashesAreReportedToo) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write(
      "more.tf",
      "variable \"prefix\" {\n  default = \"10.9.9.0/24\"\n}\n\noutput \"o\" {\n  value = 1\n}\n"
      "output \"o\" {\n  value = 2\n}\n");
  const CheckRun run = check(dir);
  EXPECT_TRUE(has_error_at(run, "more.tf", 1, 1,
                           "duplicate variable \"prefix\": already declared at good.tf:15:1"));
  EXPECT_TRUE(has_error_at(run, "more.tf", 8, 1,
                           "duplicate output \"o\": already declared at more.tf:5:1"));
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(DuplicateDeclaration, TerraformOverrideFilesAreNotClashes) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("a.tf", kNsgTf);
  dir.write("a_override.tf", kNsgTf);
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 1) << describe(run);
  EXPECT_TRUE(run.out["errors"].empty()) << describe(run);
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(DuplicateDeclaration, BicepSymbolDeclaredTwiceIsReportedAtTheSecondName) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("good.bicep", kGoodBicep);
  dir.write("dup.bicep", R"(resource nsg 'Microsoft.Network/networkSecurityGroups@2023-05-01' = {
  name: 'nsg-1'
  location: 'westeurope'
}

resource nsg 'Microsoft.Network/networkSecurityGroups@2023-05-01' = {
  name: 'nsg-2'
  location: 'westeurope'
}

var nsg = 'three'
)");
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 2) << describe(run);
  EXPECT_TRUE(has_error_at(run, "dup.bicep", 6, 10,
                           "duplicate symbol 'nsg': already declared at dup.bicep:1:10"));
  EXPECT_TRUE(has_error_at(run, "dup.bicep", 11, 5,
                           "duplicate symbol 'nsg': already declared at dup.bicep:1:10"));
  EXPECT_EQ(errors_in(run, "dup.bicep").size(), 2u) << "one error per clash\n" << describe(run);
  EXPECT_EQ(resources_in(run, "dup.bicep"), 1) << describe(run);
  EXPECT_EQ(findings_of(run, "ZT-NET-001", "good.bicep"), 1) << describe(run);
  EXPECT_TRUE(good_sibling_linted(run));
}

constexpr const char* kDuplicateArm = R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-05-01",
      "name": "nsg-x",
      "location": "westeurope"
    },
    {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2023-05-01",
      "name": "nsg-x",
      "location": "westeurope"
    }
  ]
}
)";

TEST(DuplicateDeclaration, ArmResourceDeclaredTwiceInOneTemplateIsReportedAtTheSecondName) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("good.json", kGoodArm);
  dir.write("dup.json", kDuplicateArm);
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 2) << describe(run);
  EXPECT_TRUE(has_error_at(run, "dup.json", 14, 7,
                           "resource 'Microsoft.Network/networkSecurityGroups/nsg-x' is declared "
                           "more than once in this template (first at dup.json:8:7)"));
  EXPECT_EQ(errors_in(run, "dup.json").size(), 1u) << describe(run);
  EXPECT_EQ(findings_of(run, "ZT-NET-001", "good.json"), 1) << describe(run);
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(DuplicateDeclaration, TheSameResourceInTwoArmTemplatesIsARedeploymentNotAClash) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  const std::string one = kDuplicateArm;
  const std::string single = one.substr(0, one.find("    },\n    {")) + "    }\n  ]\n}\n";
  dir.write("first.json", single);
  dir.write("second.json", single);
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 1) << describe(run);
  EXPECT_TRUE(run.out["errors"].empty()) << describe(run);
  EXPECT_TRUE(good_sibling_linted(run));
}

}  // namespace
}  // namespace ztlint::testing
