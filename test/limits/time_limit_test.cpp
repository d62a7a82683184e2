// Pathological input that would evaluate for ages stops at the per-unit time limit with
// one diagnostic; the rest of the estate is still linted.
#include <gtest/gtest.h>

#include <chrono>

#include "limits/scratch_estate.h"
#include "source/limits.h"

namespace ztlint::testing {
namespace {

using Clock = std::chrono::steady_clock;

class TimeLimitTest : public ::testing::Test {
 protected:
  void SetUp() override { source::set_evaluation_time_limit(std::chrono::milliseconds(1000)); }
  void TearDown() override { source::set_evaluation_time_limit(source::kDefaultTimeLimit); }

  // Lints and checks the single time-limit diagnostic lies in `file`.
  void expect_stopped_in(const Scratch& scratch, std::string_view file) {
    const auto start = Clock::now();
    const LintRun run = lint_repo(scratch);
    EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 20.0);
    int stopped = 0;
    for (const auto& d : run.estate->diagnostics) {
      if (d.message.find("took longer than the limit of 1000 ms") == std::string::npos) continue;
      ++stopped;
      EXPECT_EQ(d.kind, source::DiagnosticKind::kEvaluation);
      EXPECT_TRUE(run.path_of(d.span).ends_with(file)) << run.path_of(d.span);
    }
    EXPECT_EQ(stopped, 1) << run.describe();
  }
};

TEST_F(TimeLimitTest, TerraformBillionStepForExpressionStops) {
  Scratch scratch;
  scratch.write_good_siblings();
  scratch.write("repo/slow/main.tf", R"(locals {
  cube = length([for a in range(1000) : length([for b in range(1000) :
    length([for c in range(1000) : c])])])
}
resource "azurerm_resource_group" "r" {
  name     = "rg-${local.cube}"
  location = "westeurope"
}
)");
  expect_stopped_in(scratch, "slow/main.tf");
}

TEST_F(TimeLimitTest, BicepFunctionCallingItselfTwiceStops) {
  Scratch scratch;
  scratch.write_good_siblings();
  scratch.write("repo/slow.bicep",
                "func f(n int) int => n == 0 ? 0 : f(n - 1) + f(n - 1)\n"
                "resource r 'Microsoft.Resources/resourceGroups@2022-09-01' = {\n"
                "  name: 'rg${f(100)}'\n  location: 'westeurope'\n}\n");
  expect_stopped_in(scratch, "slow.bicep");
}

TEST_F(TimeLimitTest, ArmNestedPropertyCopiesStop) {
  Scratch scratch;
  scratch.write_good_siblings();
  scratch.write("repo/slow.json", std::string(kArmHead) + R"("variables": {"copy": [
    {"name": "a", "count": 800, "input": {"copy": [
      {"name": "b", "count": 800, "input": {"copy": [
        {"name": "c", "count": 800, "input": "[copyIndex('c')]"}]}}]}}]},
    "resources": [{"type": "Microsoft.Resources/resourceGroups", "apiVersion": "2022-09-01",
      "name": "[string(length(variables('a')))]", "location": "westeurope"}]})");
  expect_stopped_in(scratch, "slow.json");
}

}  // namespace
}  // namespace ztlint::testing
