// Repetitions (count, for_each, copy, loops) beyond their limits are reported at the
// construct and evaluated as one instance with an unknown key, without allocating them.
#include <gtest/gtest.h>

#include "limits/scratch_estate.h"

namespace ztlint::testing {
namespace {

TEST(ExpansionLimitTest, TerraformCountOfABillionIsReportedAtTheCount) {
  Scratch scratch;
  scratch.write_good_siblings();
  scratch.write("repo/big/main.tf", R"(resource "azurerm_resource_group" "many" {
  count    = 1000000000
  name     = "rg-${count.index}"
  location = "westeurope"
}
)");
  const LintRun run = lint_repo(scratch);
  const source::Diagnostic* d = run.diagnostic("more than the limit of 10000");
  ASSERT_NE(d, nullptr) << run.describe();
  EXPECT_EQ(d->kind, source::DiagnosticKind::kEvaluation);
  EXPECT_EQ(run.spanned_text(*d), "count    = 1000000000");
}

TEST(ExpansionLimitTest, TerraformForEachOverAHugeRangeIsRefusedAtTheCall) {
  Scratch scratch;
  scratch.write_good_siblings();
  scratch.write("repo/big/main.tf", R"(resource "azurerm_resource_group" "many" {
  for_each = toset([for i in range(1000000000) : tostring(i)])
  name     = each.key
  location = "westeurope"
}
)");
  const LintRun run = lint_repo(scratch);
  const source::Diagnostic* d = run.diagnostic("range() would build 1000000000 elements");
  ASSERT_NE(d, nullptr) << run.describe();
  EXPECT_EQ(d->kind, source::DiagnosticKind::kEvaluation);
  EXPECT_EQ(run.spanned_text(*d), "range(1000000000)");
}

TEST(ExpansionLimitTest, TerraformInstancesOfARootModuleAreLimitedInTotal) {
  Scratch scratch;
  scratch.write_good_siblings();
  scratch.write("repo/big/main.tf", R"(module "m" {
  source = "./child"
  count  = 11
}
)");
  scratch.write("repo/big/child/main.tf", R"(resource "null_resource" "r" {
  count = 10000
}
)");
  const LintRun run = lint_repo(scratch);
  const source::Diagnostic* d = run.diagnostic("more than the limit of 100000");
  ASSERT_NE(d, nullptr) << run.describe();
  EXPECT_EQ(d->kind, source::DiagnosticKind::kEvaluation);
  EXPECT_EQ(run.spanned_text(*d), "count = 10000");
}

TEST(ExpansionLimitTest, ArmResourceCopyOfABillionIsCappedAndReported) {
  Scratch scratch;
  scratch.write_good_siblings();
  scratch.write("repo/big.json", std::string(kArmHead) + R"("resources": [{
    "type": "Microsoft.Resources/resourceGroups", "apiVersion": "2022-09-01",
    "name": "[concat('rg-', copyIndex())]", "location": "westeurope",
    "copy": {"name": "many", "count": 1000000000}}]})");
  const LintRun run = lint_repo(scratch);
  const source::Diagnostic* d = run.diagnostic("copy count 1000000000 exceeds");
  ASSERT_NE(d, nullptr) << run.describe();
  EXPECT_EQ(d->kind, source::DiagnosticKind::kEvaluation);
  EXPECT_EQ(run.spanned_text(*d), "\"count\": 1000000000");
}

TEST(ExpansionLimitTest, ArmPropertyCopyOfABillionIsCappedAndReported) {
  Scratch scratch;
  scratch.write_good_siblings();
  scratch.write("repo/big.json", std::string(kArmHead) + R"("resources": [{
    "type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-09-01",
    "name": "nsg", "location": "westeurope", "properties": {"copy": [
      {"name": "securityRules", "count": 1000000000,
       "input": {"name": "[concat('r', copyIndex('securityRules'))]"}}]}}]})");
  const LintRun run = lint_repo(scratch);
  const source::Diagnostic* d = run.diagnostic("copy count 1000000000 exceeds");
  ASSERT_NE(d, nullptr) << run.describe();
  EXPECT_EQ(run.spanned_text(*d), "\"count\": 1000000000");
}

TEST(ExpansionLimitTest, ArmNestedCopiesAreLimitedInTotal) {
  Scratch scratch;
  scratch.write_good_siblings();
  // 200 deployments of 800 resource groups each: more than 100,000 resources in all.
  scratch.write("repo/big.json", std::string(kArmHead) + R"("resources": [{
    "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
    "name": "[concat('d', copyIndex())]", "copy": {"name": "outer", "count": 200},
    "properties": {"mode": "Incremental", "template": {
      "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
      "contentVersion": "1.0.0.0",
      "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-09-01",
        "name": "[concat('nsg', copyIndex())]", "location": "westeurope",
        "copy": {"name": "inner", "count": 800}}]}}}]})");
  const LintRun run = lint_repo(scratch);
  const source::Diagnostic* d = run.diagnostic("more than the limit of 100000");
  ASSERT_NE(d, nullptr) << run.describe();
  EXPECT_EQ(d->kind, source::DiagnosticKind::kEvaluation);
}

TEST(ExpansionLimitTest, BicepLoopOverAHugeRangeIsRefusedAtTheCall) {
  Scratch scratch;
  scratch.write_good_siblings();
  scratch.write("repo/big.bicep",
                "resource rgs 'Microsoft.Network/networkSecurityGroups@2023-09-01' = "
                "[for i in range(0, 1000000000): {\n  name: 'nsg${i}'\n  location: "
                "'westeurope'\n}]\n");
  const LintRun run = lint_repo(scratch);
  const source::Diagnostic* d = run.diagnostic("range()");
  ASSERT_NE(d, nullptr) << run.describe();
  EXPECT_EQ(d->kind, source::DiagnosticKind::kEvaluation);
  EXPECT_EQ(run.spanned_text(*d), "range(0, 1000000000)");
}

TEST(ExpansionLimitTest, BicepLoopBeyondAzuresCopyLimitIsReported) {
  Scratch scratch;
  scratch.write_good_siblings();
  scratch.write("repo/big.bicep",
                "resource rgs 'Microsoft.Network/networkSecurityGroups@2023-09-01' = "
                "[for i in range(0, 5000): {\n  name: 'nsg${i}'\n  location: "
                "'westeurope'\n}]\n");
  const LintRun run = lint_repo(scratch);
  const source::Diagnostic* d = run.diagnostic("more than Azure's limit of 800");
  ASSERT_NE(d, nullptr) << run.describe();
  EXPECT_EQ(run.spanned_text(*d), "range(0, 5000)");
}

}  // namespace
}  // namespace ztlint::testing
