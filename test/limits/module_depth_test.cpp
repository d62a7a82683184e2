// Modules, linked templates and nested deployments that include themselves or nest too
// deep are reported where they are called and not followed; the rest is still linted.
#include <gtest/gtest.h>

#include <string>

#include "limits/scratch_estate.h"

namespace ztlint::testing {
namespace {

TEST(ModuleDepthTest, TerraformModuleCallingItsOwnFolderIsReported) {
  Scratch scratch;
  scratch.write_good_siblings();
  scratch.write("repo/self/main.tf", "module \"me\" {\n  source = \"./\"\n}\n");
  const LintRun run = lint_repo(scratch);
  const source::Diagnostic* d = run.diagnostic("includes itself");
  ASSERT_NE(d, nullptr) << run.describe();
  EXPECT_EQ(d->kind, source::DiagnosticKind::kEvaluation);
  EXPECT_EQ(run.spanned_text(*d), "source = \"./\"");
}

TEST(ModuleDepthTest, TerraformModulesCallingEachOtherAreReported) {
  Scratch scratch;
  scratch.write_good_siblings();
  scratch.write("repo/pair/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n");
  scratch.write("repo/a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\n");
  scratch.write("repo/b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n");
  const LintRun run = lint_repo(scratch);
  const source::Diagnostic* d = run.diagnostic("includes itself");
  ASSERT_NE(d, nullptr) << run.describe();
  EXPECT_EQ(run.spanned_text(*d), "source = \"../a\"");
}

TEST(ModuleDepthTest, TerraformModuleChainDeeperThanTheLimitIsCut) {
  Scratch scratch;
  scratch.write_good_siblings();
  for (int i = 0; i < 40; ++i) {
    scratch.write("repo/chain/m" + std::to_string(i) + "/main.tf",
                  "module \"next\" {\n  source = \"../m" + std::to_string(i + 1) + "\"\n}\n");
  }
  scratch.write("repo/chain/m40/main.tf", "");
  const LintRun run =
      lint_paths({(scratch.repo() / "chain" / "m0").string(), (scratch.repo() / "good").string()});
  EXPECT_TRUE(run.found("ZT-STG-001", "good/main.tf")) << run.describe();
  const source::Diagnostic* d = run.diagnostic("nested deeper than 16 levels");
  ASSERT_NE(d, nullptr) << run.describe();
  EXPECT_EQ(d->kind, source::DiagnosticKind::kEvaluation);
}

std::string arm_linking(const std::string& relative) {
  return std::string(kArmHead) + R"("resources": [{"type": "Microsoft.Resources/deployments",
    "apiVersion": "2022-09-01", "name": "link",
    "properties": {"mode": "Incremental", "templateLink": {"relativePath": ")" +
         relative + R"("}}}]})";
}

TEST(ModuleDepthTest, ArmLinkedTemplatesLinkingInALoopAreReported) {
  Scratch scratch;
  scratch.write_good_siblings();
  scratch.write("repo/loop/a.json", arm_linking("b.json"));
  scratch.write("repo/loop/b.json", arm_linking("a.json"));
  const LintRun run = lint_repo(scratch);
  const source::Diagnostic* d = run.diagnostic("links back to itself");
  ASSERT_NE(d, nullptr) << run.describe();
  EXPECT_EQ(d->kind, source::DiagnosticKind::kEvaluation);
  EXPECT_EQ(run.spanned_text(*d), "\"relativePath\": \"a.json\"");
}

TEST(ModuleDepthTest, ArmNestedDeploymentsDeeperThanTheLimitAreCut) {
  Scratch scratch;
  scratch.write_good_siblings();
  std::string inner =
      R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": []})";
  for (int i = 0; i < 30; ++i) {
    inner = std::string(kArmHead) + R"("resources": [{"type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01", "name": "d)" +
            std::to_string(i) + R"(", "properties": {"mode": "Incremental", "template": )" + inner +
            "}}]}";
  }
  scratch.write("repo/deep.json", inner);
  const LintRun run = lint_repo(scratch);
  const source::Diagnostic* d = run.diagnostic("deeper than 12 levels");
  ASSERT_NE(d, nullptr) << run.describe();
  EXPECT_EQ(d->kind, source::DiagnosticKind::kEvaluation);
}

TEST(ModuleDepthTest, BicepModulesIncludingEachOtherAreReported) {
  Scratch scratch;
  scratch.write_good_siblings();
  scratch.write("repo/cycle/a.bicep", "module b './b.bicep' = {\n  name: 'b'\n}\n");
  scratch.write("repo/cycle/b.bicep", "module a './a.bicep' = {\n  name: 'a'\n}\n");
  scratch.write("repo/cycle/self.bicep", "module me './self.bicep' = {\n  name: 'me'\n}\n");
  const LintRun run = lint_repo(scratch);
  int cycles = 0;
  for (const auto& d : run.estate->diagnostics) {
    if (d.message.find("includes itself") != std::string::npos) {
      ++cycles;
      EXPECT_EQ(d.kind, source::DiagnosticKind::kEvaluation);
    }
  }
  EXPECT_GE(cycles, 2) << run.describe();
}

TEST(ModuleDepthTest, BicepModuleChainDeeperThanTheLimitIsCut) {
  Scratch scratch;
  scratch.write_good_siblings();
  for (int i = 0; i < 40; ++i) {
    scratch.write("repo/chain/m" + std::to_string(i) + ".bicep",
                  "module next './m" + std::to_string(i + 1) + ".bicep' = {\n  name: 'n'\n}\n");
  }
  scratch.write("repo/chain/m40.bicep", "");
  const LintRun run = lint_repo(scratch);
  const source::Diagnostic* d = run.diagnostic("modules nest deeper than 32");
  ASSERT_NE(d, nullptr) << run.describe();
  EXPECT_EQ(d->kind, source::DiagnosticKind::kEvaluation);
}

}  // namespace
}  // namespace ztlint::testing
