// Huge files and functions that build huge values: refused at a documented limit with a
// diagnostic, in linear time, and the rest of the estate is still linted.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <string>

#include "limits/scratch_estate.h"
#include "source/limits.h"

namespace ztlint::testing {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// A file of one line of `bytes` bytes: `head`, then `fill` repeated, then `tail`.
void write_one_line(const std::filesystem::path& path, std::string_view head, char fill,
                    std::size_t bytes, std::string_view tail) {
  std::ofstream out(path, std::ios::binary);
  out << head;
  const std::string chunk(1 << 20, fill);
  std::size_t left = bytes - head.size() - tail.size();
  while (left > 0) {
    const std::size_t n = std::min(left, chunk.size());
    out.write(chunk.data(), static_cast<std::streamsize>(n));
    left -= n;
  }
  out << tail;
}

TEST(SizeLimitTest, AHundredMegabyteSingleLineFileIsRefusedWithAnIoError) {
  Scratch scratch;
  scratch.write_good_siblings();
  std::filesystem::create_directories(scratch.repo() / "huge");
  write_one_line(scratch.repo() / "huge" / "main.tf", "locals { x = \"", 'a', 100u << 20, "\" }\n");
  write_one_line(scratch.repo() / "huge.bicep", "var x = '", 'a', 100u << 20, "'\n");
  const auto start = Clock::now();
  const LintRun run = lint_repo(scratch);
  EXPECT_LT(seconds_since(start), 10.0);
  int refused = 0;
  for (const auto& d : run.estate->diagnostics) {
    if (d.message.find("larger than the limit of 32 MiB") != std::string::npos) {
      EXPECT_EQ(d.kind, source::DiagnosticKind::kIo);
      EXPECT_TRUE(d.path.ends_with("huge/main.tf") || d.path.ends_with("huge.bicep")) << d.path;
      ++refused;
    }
  }
  EXPECT_EQ(refused, 2) << run.describe();
}

TEST(SizeLimitTest, AnEndlessDeviceGivenAsAnInputIsCutAtTheLimit) {
  Scratch scratch;
  scratch.write_good_siblings();
  estate::LoadOptions options;
  options.paths = {(scratch.repo() / "good").string()};
  options.var_files = {"/dev/zero"};
  const auto start = Clock::now();
  const auto estate = estate::load_estate(options);
  EXPECT_LT(seconds_since(start), 10.0);
  bool refused = false;
  for (const auto& d : estate->diagnostics) {
    refused |= d.kind == source::DiagnosticKind::kIo && d.path == "/dev/zero" &&
               d.message.find("larger than the limit of 32 MiB") != std::string::npos;
  }
  EXPECT_TRUE(refused);
}

TEST(SizeLimitTest, ALongSingleLineFileUnderTheLimitIsReadInLinearTime) {
  Scratch scratch;
  scratch.write_good_siblings();
  // 24 MB on one line in Bicep and ARM, 3 MB in Terraform (whose own limit is 4 MiB).
  std::filesystem::create_directories(scratch.repo() / "long");
  write_one_line(scratch.repo() / "long" / "main.tf",
                 "resource \"azurerm_resource_group\" \"r\" { name = \"", 'a', 3u << 20, "\" }\n");
  write_one_line(scratch.repo() / "long.bicep", "var x = '", 'a', 24u << 20, "'\n");
  write_one_line(scratch.repo() / "long.json", std::string(kArmHead) + "\"variables\": {\"x\": \"",
                 'a', 24u << 20, "\"}, \"resources\": []}");
  const auto start = Clock::now();
  const LintRun run = lint_repo(scratch);
  EXPECT_LT(seconds_since(start), 30.0);
  EXPECT_EQ(run.diagnostic("larger than the limit"), nullptr) << run.describe();
}

TEST(SizeLimitTest, TerraformFileAboveItsOwnLimitIsRefusedWithAnIoError) {
  Scratch scratch;
  scratch.write_good_siblings();
  std::filesystem::create_directories(scratch.repo() / "huge");
  write_one_line(scratch.repo() / "huge" / "main.tf", "locals { x = \"", 'a', 8u << 20, "\" }\n");
  const auto start = Clock::now();
  const LintRun run = lint_repo(scratch);
  EXPECT_LT(seconds_since(start), 10.0);
  const source::Diagnostic* d = run.diagnostic("larger than the limit of 4 MiB for Terraform");
  ASSERT_NE(d, nullptr) << run.describe();
  EXPECT_EQ(d->kind, source::DiagnosticKind::kIo);
  EXPECT_TRUE(run.path_of(d->span).ends_with("huge/main.tf"));
}

TEST(SizeLimitTest, TerraformFunctionsBuildingHugeStringsAreRefusedAtTheCall) {
  Scratch scratch;
  scratch.write_good_siblings();
  scratch.write("repo/strings/main.tf", R"(locals {
  padded   = format("%999999999999s", "x")
  joined   = join(",", [for i in range(100000) : format("%100s", "")])
  replaced = replace(join("", [for i in range(10000) : "aaaaaaaaaa"]), "a", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")
}
resource "azurerm_resource_group" "r" {
  name     = "rg"
  location = "westeurope"
  tags     = { padded = local.padded, joined = local.joined, replaced = local.replaced }
}
)");
  const LintRun run = lint_repo(scratch);
  const source::Diagnostic* format = run.diagnostic("format() built a string longer");
  ASSERT_NE(format, nullptr) << run.describe();
  EXPECT_EQ(format->kind, source::DiagnosticKind::kEvaluation);
  EXPECT_EQ(run.spanned_text(*format), "format(\"%999999999999s\", \"x\")");
  const source::Diagnostic* join = run.diagnostic("join() built a string longer");
  ASSERT_NE(join, nullptr) << run.describe();
  EXPECT_TRUE(run.spanned_text(*join).starts_with("join(\",\", [for i")) << run.spanned_text(*join);
  const source::Diagnostic* replace = run.diagnostic("replace() would build a string longer");
  ASSERT_NE(replace, nullptr) << run.describe();
}

TEST(SizeLimitTest, ArmFunctionsBuildingHugeStringsAreRefused) {
  Scratch scratch;
  scratch.write_good_siblings();
  std::string variables = "\"v0\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"";
  for (int i = 1; i <= 40; ++i) {
    variables +=
        fmt::format(", \"v{}\": \"[concat(variables('v{}'), variables('v{}'))]\"", i, i - 1, i - 1);
  }
  scratch.write("repo/strings.json",
                std::string(kArmHead) + "\"variables\": {" + variables +
                    R"(, "padded": "[padLeft('x', 1000000000)]"}, "resources": [{
    "type": "Microsoft.Resources/resourceGroups", "apiVersion": "2022-09-01",
    "name": "[concat(variables('v40'), variables('padded'))]", "location": "westeurope"}]})");
  const auto start = Clock::now();
  const LintRun run = lint_repo(scratch);
  EXPECT_LT(seconds_since(start), 10.0);
  const source::Diagnostic* pad = run.diagnostic("padLeft() would build a string longer");
  ASSERT_NE(pad, nullptr) << run.describe();
  EXPECT_EQ(pad->kind, source::DiagnosticKind::kEvaluation);
  const source::Diagnostic* concat = run.diagnostic("concat(): it built a string longer");
  ASSERT_NE(concat, nullptr) << run.describe();
}

TEST(SizeLimitTest, BicepFunctionsBuildingHugeStringsAreRefused) {
  Scratch scratch;
  scratch.write_good_siblings();
  std::string text = "var v0 = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'\n";
  for (int i = 1; i <= 40; ++i) {
    text += fmt::format("var v{} = '${{v{}}}${{v{}}}'\n", i, i - 1, i - 1);
  }
  text += "var padded = padLeft('x', 1000000000)\n";
  text +=
      "resource r 'Microsoft.Resources/resourceGroups@2022-09-01' = {\n"
      "  name: '${v40}${padded}'\n  location: 'westeurope'\n}\n";
  scratch.write("repo/strings.bicep", text);
  const auto start = Clock::now();
  const LintRun run = lint_repo(scratch);
  EXPECT_LT(seconds_since(start), 10.0);
  const source::Diagnostic* pad = run.diagnostic("padLeft() would build a string longer");
  ASSERT_NE(pad, nullptr) << run.describe();
  EXPECT_EQ(run.spanned_text(*pad), "padLeft('x', 1000000000)");
  EXPECT_NE(run.diagnostic("built a string longer than the limit"), nullptr) << run.describe();
}

}  // namespace
}  // namespace ztlint::testing
