// The repository's pre-commit hook, run by the real pre-commit tool in a scratch repository.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "support/run_ztlint.h"

namespace ztlint::testing {
namespace {

namespace fs = std::filesystem;

std::string trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

constexpr const char* kSpoke = R"(resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg"
  address_space       = ["10.1.0.0/16"]
}
)";

constexpr const char* kSubnet = R"(resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}
)";

constexpr const char* kAssociation = R"(
resource "azurerm_network_security_group" "app" {
  name                = "nsg-app"
  location            = "westeurope"
  resource_group_name = "rg"
}

resource "azurerm_subnet_network_security_group_association" "app" {
  subnet_id                 = azurerm_subnet.app.id
  network_security_group_id = azurerm_network_security_group.app.id
}
)";

TEST(PreCommitTest, HookFailsOnFindingsAndPassesOnceFixed) {
  const std::string pre_commit = find_program("pre-commit");
  ASSERT_FALSE(pre_commit.empty()) << "pre-commit is not installed (scripts/dev installs it)";
  const std::string git = find_program("git");
  ASSERT_FALSE(git.empty());
  const std::string source_dir = ZTLINT_SOURCE_DIR;
  const CommandResult head = run_command(git, {"rev-parse", "HEAD"}, source_dir);
  ASSERT_EQ(head.exit_code, 0) << head.err;
  const CommandResult hook_tracked =
      run_command(git, {"cat-file", "-e", "HEAD:.pre-commit-hooks.yaml"}, source_dir);
  ASSERT_EQ(hook_tracked.exit_code, 0) << ".pre-commit-hooks.yaml is not committed";

  ScratchDir repo;
  ScratchDir cache;
  const fs::path bin_dir = fs::path(ZTLINT_BINARY).parent_path();
  setenv("PRE_COMMIT_HOME", cache.path().c_str(), 1);
  setenv("PATH", (bin_dir.string() + ":" + std::getenv("PATH")).c_str(), 1);
  setenv("GIT_AUTHOR_NAME", "ztlint test", 1);
  setenv("GIT_AUTHOR_EMAIL", "test@example.invalid", 1);
  setenv("GIT_COMMITTER_NAME", "ztlint test", 1);
  setenv("GIT_COMMITTER_EMAIL", "test@example.invalid", 1);

  ASSERT_EQ(run_command(git, {"init", "-q"}, repo.path()).exit_code, 0);
  repo.write(".pre-commit-config.yaml", "repos:\n  - repo: " + source_dir + "\n    rev: " +
                                            trim(head.out) + "\n    hooks:\n      - id: ztlint\n");
  // This repository adopts one policy first (the rest of the library would also judge the
  // routing and peering of this small estate).
  repo.write(".ztlint.yaml", "policies:\n  enable: [ZT-NET-001]\n");
  // The subnet and the VNet are in different files of one module.
  repo.write("network/vnet.tf", kSpoke);
  repo.write("network/subnet.tf", kSubnet);
  ASSERT_EQ(run_command(git, {"add", "-A"}, repo.path()).exit_code, 0);

  const CommandResult failing = run_command(pre_commit, {"run", "--all-files"}, repo.path());
  EXPECT_EQ(failing.exit_code, 1) << failing.out << failing.err;
  EXPECT_NE(failing.out.find("ZT-NET-001"), std::string::npos) << failing.out << failing.err;
  EXPECT_NE(failing.out.find("network/subnet.tf:1:1"), std::string::npos) << failing.out;

  // The fix lives in a third file: linted with its folder, the subnet is now covered.
  repo.write("network/nsg.tf", kAssociation);
  ASSERT_EQ(run_command(git, {"add", "-A"}, repo.path()).exit_code, 0);
  const CommandResult passing = run_command(pre_commit, {"run", "--all-files"}, repo.path());
  EXPECT_EQ(passing.exit_code, 0) << passing.out << passing.err;
}

}  // namespace
}  // namespace ztlint::testing
