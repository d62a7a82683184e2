// `-j N` and `--timings` of `ztlint check`.
#include <gtest/gtest.h>

#include <string>

#include "cli/ztlint_command.h"
#include "support/run_ztlint.h"

namespace ztlint::testing {
namespace {

TEST(ParallelCheckTest, OutputIsTheSameWhateverTheThreadCount) {
  for (const char* example :
       {"examples/terraform-flawed", "examples/bicep-flawed", "examples/arm-flawed"}) {
    const std::filesystem::path root = ZTLINT_SOURCE_DIR;
    const CommandResult one = ztlint({"check", example, "--format", "json", "-j", "1"}, root);
    ASSERT_EQ(one.exit_code, 1) << one.err;
    for (const char* jobs : {"2", "4", "0"}) {
      const CommandResult many = ztlint({"check", example, "--format", "json", "-j", jobs}, root);
      EXPECT_EQ(many.exit_code, 1);
      EXPECT_EQ(many.out, one.out) << example << " with -j " << jobs;
    }
  }
}

TEST(ParallelCheckTest, ManyFilesWithSyntaxErrorsReportInTheSameOrder) {
  ScratchDir dir;
  for (int i = 0; i < 40; ++i) {
    dir.write("estate/f" + std::to_string(i) + ".tf",
              i % 3 == 0
                  ? "resource \"azurerm_subnet\" \"s" + std::to_string(i) + "\" {\n  name = \n"
                  : "variable \"v" + std::to_string(i) + "\" {}\n");
  }
  const CommandResult one = ztlint({"check", "estate", "--format", "json", "-j", "1"}, dir.path());
  const CommandResult two = ztlint({"check", "estate", "--format", "json", "-j", "2"}, dir.path());
  EXPECT_EQ(one.exit_code, 2);
  EXPECT_EQ(two.out, one.out);
}

TEST(ParallelCheckTest, TimingsGoToStandardErrorStageByStage) {
  const std::filesystem::path root = ZTLINT_SOURCE_DIR;
  const CommandResult plain =
      ztlint({"check", "examples/terraform-flawed", "--format", "json"}, root);
  const CommandResult timed =
      ztlint({"check", "examples/terraform-flawed", "--format", "json", "--timings"}, root);
  EXPECT_EQ(timed.out, plain.out) << "the report is unchanged";
  std::size_t at = 0;
  for (const char* stage :
       {"discover", "parse", "lower", "link", "analyse", "evaluate", "report", "wall"}) {
    const std::size_t found = timed.err.find(std::string("  ") + stage + " ", at);
    ASSERT_NE(found, std::string::npos) << stage << " missing or out of order in:\n" << timed.err;
    at = found;
  }
}

TEST(ParallelCheckTest, ANegativeOrHugeJobCountIsAUsageError) {
  ScratchDir dir;
  EXPECT_EQ(ztlint({"check", "-j", "-1"}, dir.path()).exit_code, 2);
  EXPECT_EQ(ztlint({"check", "-j", "100000"}, dir.path()).exit_code, 2);
  EXPECT_EQ(ztlint({"check", "-j", "many"}, dir.path()).exit_code, 2);
}

}  // namespace
}  // namespace ztlint::testing
