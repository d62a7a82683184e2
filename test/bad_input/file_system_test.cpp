// What the file system can throw at discovery: folders named like files, files that cannot
// be read, and files that name other files which are not there.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "bad_input/estate_check.h"

namespace ztlint::testing {
namespace {

TEST(DirectoryNamedLikeAFile, IsWalkedAsAFolderWhenTheEstateIsWalked) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  std::filesystem::create_directories(dir.path() / "x.bicep");
  std::filesystem::create_directories(dir.path() / "x.json");
  dir.write("x.tf/inner.tf", kGoodTf);  // a module folder named like a file
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 1) << describe(run);
  EXPECT_TRUE(run.out["errors"].empty()) << describe(run);
  EXPECT_TRUE(good_sibling_linted(run));
  EXPECT_TRUE(good_sibling_linted(run, "x.tf/inner.tf"));
}

TEST(DirectoryNamedLikeAFile, IsNoSiblingOfATerraformFileGivenByName) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  std::filesystem::create_directories(dir.path() / "x.tf");
  std::filesystem::create_directories(dir.path() / "x.tfvars");
  const CheckRun run = check(dir, {"good.tf"});
  EXPECT_EQ(run.result.exit_code, 1) << describe(run);
  EXPECT_TRUE(run.out["errors"].empty()) << "a folder is not a file of the module\n"
                                         << describe(run);
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(DirectoryNamedLikeAFile, GivenByNameIsLintedAsTheFolderItIs) {
  ScratchDir dir;
  dir.write("x.bicep/main.bicep", kGoodBicep);
  std::filesystem::create_directories(dir.path() / "empty.json");
  const CheckRun run = check(dir, {"x.bicep", "empty.json"});
  EXPECT_EQ(run.result.exit_code, 1) << describe(run);
  EXPECT_TRUE(run.out["errors"].empty()) << describe(run);
  EXPECT_EQ(findings_of(run, "ZT-NET-001", "x.bicep/main.bicep"), 1) << describe(run);
}

TEST(UnreadableFile, PermissionDeniedIsReportedForThatFileAloneOrReadByRoot) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  const auto locked = dir.write("locked.bicep", kGoodBicep);
  ASSERT_EQ(::chmod(locked.c_str(), 0), 0);
  const CheckRun run = check(dir);
  ::chmod(locked.c_str(), 0644);  // so the scratch folder can be removed
  EXPECT_TRUE(good_sibling_linted(run));
  if (::geteuid() == 0) {
    // Mode bits do not bind root: the file is read and linted like any other.
    EXPECT_EQ(run.result.exit_code, 1) << describe(run);
    EXPECT_TRUE(errors_in(run, "locked.bicep").empty()) << describe(run);
    EXPECT_EQ(findings_of(run, "ZT-NET-001", "locked.bicep"), 1) << describe(run);
  } else {
    EXPECT_EQ(run.result.exit_code, 2) << describe(run);
    EXPECT_TRUE(has_file_error(run, "locked.bicep", "cannot read: Permission denied"));
    EXPECT_EQ(findings_of(run, "ZT-NET-001", "locked.bicep"), 0) << describe(run);
  }
}

// A read that fails for everyone, root included: a FIFO would block a reader forever.
TEST(UnreadableFile, FifoIsRefusedWithoutBlockingWhenWalkedOrNamed) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  ASSERT_EQ(::mkfifo((dir.path() / "pipe.tf").c_str(), 0644), 0);
  const CheckRun walked = check(dir);
  EXPECT_EQ(walked.result.exit_code, 2) << describe(walked);
  EXPECT_TRUE(has_file_error(walked, "pipe.tf", "cannot read: not a regular file"));
  EXPECT_TRUE(good_sibling_linted(walked));
  const CheckRun named = check(dir, {"pipe.tf", "good.tf"});
  EXPECT_TRUE(has_file_error(named, "pipe.tf", "cannot read: not a regular file"));
  EXPECT_TRUE(good_sibling_linted(named));
}

TEST(UnreadableFile, MissingPathGivenByNameIsReportedAndTheOthersStillLint) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  const CheckRun run = check(dir, {"nothere.tf", "good.tf"});
  EXPECT_EQ(run.result.exit_code, 2) << describe(run);
  EXPECT_TRUE(has_file_error(run, "nothere.tf", "no such file or directory"));
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(MissingReferencedFile, BicepparamUsingAMissingTemplateIsReportedAtThePath) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("good.bicep", kGoodBicep);
  dir.write("orphan.bicepparam", "using './nothere.bicep'\n\nparam prefix = '10.9.0.0/24'\n");
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 2) << describe(run);
  // The path string starts at column 7.
  EXPECT_TRUE(has_error_at(run, "orphan.bicepparam", 1, 7, "nothere.bicep"));
  EXPECT_TRUE(has_error_at(run, "orphan.bicepparam", 1, 7, "No such file or directory"));
  EXPECT_TRUE(good_sibling_linted(run));
  EXPECT_EQ(findings_of(run, "ZT-NET-001", "good.bicep"), 1) << describe(run);
}

TEST(MissingReferencedFile, ParametersOptionNamingAMissingFileIsReportedOnce) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("good.json", kGoodArm);
  const CheckRun run = check(dir, {".", "--parameters", "nothere.parameters.json"});
  EXPECT_EQ(run.result.exit_code, 2) << describe(run);
  ASSERT_EQ(errors_in(run, "nothere.parameters.json").size(), 1u) << describe(run);
  EXPECT_TRUE(has_file_error(run, "nothere.parameters.json", "No such file or directory"));
  EXPECT_TRUE(good_sibling_linted(run));
  EXPECT_EQ(findings_of(run, "ZT-NET-001", "good.json"), 1) << describe(run);
}

// `<stem>.parameters.json` pairs with `<stem>.json`; without that template the values may be
// meant for a Bicep file or a pipeline's template, so the file is read but costs nothing.
TEST(MissingReferencedFile, ParameterFileWithoutItsTemplateIsReadAndLosesNothing) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("good.json", kGoodArm);
  dir.write("network.parameters.json", kGoodArmParameters);
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 1) << describe(run);
  EXPECT_TRUE(run.out["errors"].empty()) << describe(run);
  EXPECT_TRUE(good_sibling_linted(run));
  EXPECT_EQ(findings_of(run, "ZT-NET-001", "good.json"), 1) << describe(run);
}

}  // namespace
}  // namespace ztlint::testing
