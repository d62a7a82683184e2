#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/ztlint_command.h"
#include "support/run_ztlint.h"

namespace ztlint::testing {
namespace {

constexpr const char* kSubnetWithoutNsg = R"(
resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}
)";

nlohmann::json json_of(const CommandResult& result) {
  return nlohmann::json::parse(result.out, nullptr, false);
}

TEST(CliTest, VersionAndHelpExitZero) {
  ScratchDir dir;
  const CommandResult version = ztlint({"--version"}, dir.path());
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("ztlint ", 0), 0u);
  const CommandResult help = ztlint({"check", "--help"}, dir.path());
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--format"), std::string::npos);
}

TEST(CliTest, UsageErrorsExitTwo) {
  ScratchDir dir;
  EXPECT_EQ(ztlint({"check", "--format", "yaml"}, dir.path()).exit_code, 2);
  EXPECT_EQ(ztlint({"frobnicate"}, dir.path()).exit_code, 2);
  EXPECT_EQ(ztlint({"check", "--format", "json", "--format", "text"}, dir.path()).exit_code, 2)
      << "two formats cannot both write to standard output";
  EXPECT_EQ(ztlint({"explain", "ZT-NOPE-999"}, dir.path()).exit_code, 2);
}

TEST(CliTest, CleanEstateExitsZeroAndFindingsExitOne) {
  ScratchDir dir;
  dir.write("clean/main.tf", "variable \"x\" {\n  default = 1\n}\n");
  const CommandResult clean = ztlint({"check", "clean"}, dir.path());
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  EXPECT_NE(clean.out.find("ok: 0 findings"), std::string::npos) << clean.out;

  dir.write("flawed/main.tf", kSubnetWithoutNsg);
  const CommandResult flawed = ztlint({"check", "flawed", "--format", "json"}, dir.path());
  EXPECT_EQ(flawed.exit_code, 1) << flawed.out << flawed.err;
  const nlohmann::json out = json_of(flawed);
  ASSERT_FALSE(out.is_discarded()) << flawed.out;
  bool found = false;
  for (const auto& finding : out["findings"]) {
    if (finding["rule"] == "ZT-NET-001" && finding["resource"] == "azurerm_subnet.app") {
      found = true;
      EXPECT_EQ(finding["file"], "flawed/main.tf");
      EXPECT_EQ(finding["range"]["start"]["line"], 9);
    }
  }
  EXPECT_TRUE(found) << flawed.out;
  EXPECT_EQ(out["files"][0]["language"], "terraform");
  EXPECT_EQ(out["files"][0]["resources"], 2);
}

TEST(CliTest, FailOnRaisesTheExitThreshold) {
  ScratchDir dir;
  dir.write("main.tf", kSubnetWithoutNsg);
  EXPECT_EQ(ztlint({"check", "--fail-on", "critical"}, dir.path()).exit_code, 0);
  EXPECT_EQ(ztlint({"check", "--fail-on", "high"}, dir.path()).exit_code, 1);
}

TEST(CliTest, SeveralFormatsInOneRun) {
  ScratchDir dir;
  dir.write("main.tf", kSubnetWithoutNsg);
  const CommandResult result =
      ztlint({"check", "--format", "sarif", "--output", "out.sarif", "--format", "json", "--output",
              "out.json", "--format", "text"},
             dir.path());
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.out.find("ZT-NET-001"), std::string::npos);
  std::ifstream sarif(dir.path() / "out.sarif");
  const nlohmann::json log = nlohmann::json::parse(sarif, nullptr, false);
  ASSERT_FALSE(log.is_discarded());
  EXPECT_EQ(log["version"], "2.1.0");
  std::ifstream json(dir.path() / "out.json");
  const nlohmann::json contract = nlohmann::json::parse(json, nullptr, false);
  ASSERT_FALSE(contract.is_discarded());
  EXPECT_EQ(contract["version"], 1);
}

// Each bad input becomes an error entry with a position where one exists; the good file
// beside it is still linted, and the exit code is 2.
TEST(CliBadInputTest, NothingElseIsLost) {
  ScratchDir dir;
  dir.write("good.tf", kSubnetWithoutNsg);
  dir.write("broken/syntax.tf", "resource \"azurerm_subnet\" \"x\" {\n  name = \n");
  dir.write("binary/bin.tf", std::string("resource \0 x", 12));
  dir.write("latin1/latin1.tf", "# caf\xE9\nvariable \"x\" {}\n");
  dir.write("empty/empty.tf", "");
  std::filesystem::create_directories(dir.path() / "dir.tf");  // a directory named like a file
  std::filesystem::create_symlink(dir.path() / "missing.tf", dir.path() / "dangling.tf");
  mkfifo((dir.path() / "pipe.tf").c_str(), 0644);  // must not block the run
  std::string deep = "locals {\n  deep = ";
  for (int i = 0; i < 5000; ++i) deep += "[";
  for (int i = 0; i < 5000; ++i) deep += "]";
  dir.write("deep/deep.tf", deep + "\n}\n");
  dir.write("cycle/cycle.tf",
            "locals {\n  a = local.b\n  b = local.a\n}\n"
            "resource \"azurerm_resource_group\" \"rg\" {\n  name     = local.a\n"
            "  location = \"westeurope\"\n}\n");

  const CommandResult result = ztlint({"check", ".", "--format", "json"}, dir.path());
  ASSERT_EQ(result.exit_code, 2) << result.out << result.err;
  const nlohmann::json out = json_of(result);
  ASSERT_FALSE(out.is_discarded()) << result.out;

  auto error_for = [&](const std::string& file) -> nlohmann::json {
    for (const auto& error : out["errors"]) {
      if (error["file"] == file) return error;
    }
    return nullptr;
  };
  const auto syntax = error_for("broken/syntax.tf");
  ASSERT_FALSE(syntax.is_null()) << out["errors"].dump(1);
  EXPECT_EQ(syntax["kind"], "syntax");
  EXPECT_GE(syntax["range"]["start"]["line"], 2);
  const auto binary = error_for("binary/bin.tf");
  ASSERT_FALSE(binary.is_null());
  EXPECT_EQ(binary["kind"], "io");
  EXPECT_EQ(binary["range"]["start"]["column"], 10);
  const auto latin1 = error_for("latin1/latin1.tf");
  ASSERT_FALSE(latin1.is_null());
  EXPECT_NE(latin1["message"].get<std::string>().find("UTF-8"), std::string::npos);
  EXPECT_EQ(latin1["range"]["start"]["line"], 1);
  EXPECT_EQ(latin1["range"]["start"]["column"], 6);
  EXPECT_FALSE(error_for("dangling.tf").is_null());
  EXPECT_FALSE(error_for("pipe.tf").is_null());
  EXPECT_TRUE(error_for("empty/empty.tf").is_null()) << "an empty file is valid and empty";
  const auto cycle = error_for("cycle/cycle.tf");
  ASSERT_FALSE(cycle.is_null()) << out["errors"].dump(1);
  EXPECT_EQ(cycle["kind"], "evaluation");
  EXPECT_FALSE(error_for("deep/deep.tf").is_null()) << "nesting beyond the limit is reported";

  bool good_linted = false;
  for (const auto& finding : out["findings"]) {
    good_linted = good_linted || (finding["file"] == "good.tf" && finding["rule"] == "ZT-NET-001");
  }
  EXPECT_TRUE(good_linted) << "the good file beside the bad ones is still linted";
}

TEST(CliTest, ExplainPrintsThePolicyDocumentation) {
  ScratchDir dir;
  const CommandResult result = ztlint({"explain", "ZT-NET-001"}, dir.path());
  EXPECT_EQ(result.exit_code, 0);
  for (const char* section : {"## What it checks", "## Why it matters", "## Example", "## Fix",
                              "## References", "assume-breach"}) {
    EXPECT_NE(result.out.find(section), std::string::npos) << section << "\n" << result.out;
  }
  const CommandResult by_name = ztlint({"explain", "subnet-without-nsg"}, dir.path());
  EXPECT_EQ(by_name.out, result.out);
}

TEST(CliTest, RepeatableFlagsTakeOneValueEachAndLeaveThePathsAlone) {
  ScratchDir dir;
  dir.write("infra/main.tf", kSubnetWithoutNsg);
  dir.write("elsewhere/main.tf", kSubnetWithoutNsg);
  dir.write("vars.tfvars", "region = \"westeurope\"\n");
  dir.write("extra-policies/.keep", "");
  // Had a flag swallowed `infra`, the default path `.` would be linted, elsewhere/ too.
  const CommandResult result =
      ztlint({"check", "--var-file", "vars.tfvars", "--policies", "extra-policies", "infra",
              "--parameters", "none.json", "--format", "json"},
             dir.path());
  EXPECT_EQ(result.exit_code, 2) << "the missing parameters file is an error: " << result.err;
  EXPECT_NE(result.out.find("none.json"), std::string::npos) << result.out;
  const nlohmann::json report = json_of(result);
  ASSERT_TRUE(report.is_object()) << result.out;
  ASSERT_TRUE(report.contains("files"));
  int terraform_files = 0;
  for (const auto& file : report["files"]) {
    if (file["language"] != "terraform") continue;  // the --var-file is listed too
    ++terraform_files;
    EXPECT_EQ(file["file"].get<std::string>().rfind("infra/", 0), 0u) << file.dump();
  }
  EXPECT_EQ(terraform_files, 1);
}

}  // namespace
}  // namespace ztlint::testing
