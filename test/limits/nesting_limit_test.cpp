// Input nested 100,000 deep: every reader stops at its depth limit with a diagnostic in
// that file, without exhausting the stack, and the rest of the estate is still linted.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "limits/scratch_estate.h"

namespace ztlint::testing {
namespace {

constexpr int kDepth = 100'000;

std::string repeat(std::string_view piece, int times) {
  std::string out;
  out.reserve(piece.size() * static_cast<std::size_t>(times));
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

// Lints a repository holding the good siblings and `file` with `text`; the file must get
// a syntax or evaluation diagnostic of its own.
// `companion` is another file the construct needs (path, text).
void expect_refused_alone(const std::string& file, const std::string& text,
                          std::pair<std::string, std::string> companion = {}) {
  Scratch scratch;
  scratch.write_good_siblings();
  scratch.write("repo/" + file, text);
  if (!companion.first.empty()) scratch.write("repo/" + companion.first, companion.second);
  const LintRun run = lint_repo(scratch);
  bool reported = false;
  for (const auto& d : run.estate->diagnostics) {
    if (run.path_of(d.span).ends_with(file) && (d.kind == source::DiagnosticKind::kSyntax ||
                                                d.kind == source::DiagnosticKind::kEvaluation)) {
      reported = true;
    }
  }
  EXPECT_TRUE(reported) << run.describe();
}

TEST(NestingLimitTest, TerraformDeeplyNestedListsAreRefused) {
  expect_refused_alone("deep/main.tf",
                       "locals {\n  x = " + repeat("[", kDepth) + repeat("]", kDepth) + "\n}\n");
}

TEST(NestingLimitTest, TerraformDeeplyNestedParenthesesAreRefused) {
  expect_refused_alone("deep/main.tf", "locals {\n  x = " + repeat("(", kDepth) + "1" +
                                           repeat(")", kDepth) + "\n}\n");
}

TEST(NestingLimitTest, TerraformDeeplyNestedBlocksAreRefused) {
  expect_refused_alone("deep/main.tf", "resource \"azurerm_resource_group\" \"x\" {\n" +
                                           repeat("a {\n", kDepth) + repeat("}\n", kDepth) + "}\n");
}

TEST(NestingLimitTest, TerraformDeeplyNestedObjectsInTfvarsAreRefused) {
  expect_refused_alone("deep/terraform.tfvars",
                       "x = " + repeat("{a = ", kDepth) + "1" + repeat("}", kDepth) + "\n",
                       {"deep/main.tf", "variable \"x\" {}\n"});
}

TEST(NestingLimitTest, JsonDeeplyNestedArraysAreRefused) {
  expect_refused_alone("deep.json", std::string(kArmHead) +
                                        "\"variables\": {\"x\": " + repeat("[", kDepth) +
                                        repeat("]", kDepth) + "}, \"resources\": []}");
}

TEST(NestingLimitTest, ArmDeeplyNestedExpressionIsRefused) {
  expect_refused_alone("deep.json",
                       std::string(kArmHead) +
                           "\"resources\": [{\"type\": \"Microsoft.Storage/storageAccounts\", "
                           "\"apiVersion\": \"2023-01-01\", \"name\": \"[" +
                           repeat("concat(", kDepth) + "'a'" + repeat(")", kDepth) + "]\"}]}");
}

TEST(NestingLimitTest, BicepDeeplyNestedArraysAreRefused) {
  expect_refused_alone("deep.bicep", "var x = " + repeat("[", kDepth) + repeat("]", kDepth) + "\n");
}

TEST(NestingLimitTest, BicepDeeplyNestedParenthesesAreRefused) {
  expect_refused_alone("deep.bicep",
                       "var x = " + repeat("(", kDepth) + "1" + repeat(")", kDepth) + "\n");
}

TEST(NestingLimitTest, BicepDeeplyNestedObjectsAreRefused) {
  expect_refused_alone("deep.bicep",
                       "var x = " + repeat("{\na: ", kDepth) + "1" + repeat("\n}", kDepth) + "\n");
}

TEST(NestingLimitTest, BicepDeeplyNestedCallsAreRefused) {
  expect_refused_alone("deep.bicep",
                       "var x = " + repeat("concat(", kDepth) + "'a'" + repeat(")", kDepth) + "\n");
}

}  // namespace
}  // namespace ztlint::testing
