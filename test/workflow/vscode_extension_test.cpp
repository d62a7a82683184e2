// The VS Code extension packaged by `scripts/dev vsix` from its pinned npm packages.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "support/run_ztlint.h"

namespace ztlint::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Reads the .vsix (a zip archive) through Python's zipfile module.
class Vsix {
 public:
  Vsix(std::string python, fs::path archive)
      : python_(std::move(python)), archive_(std::move(archive)) {}

  std::set<std::string> names() const {
    const CommandResult listed = run_command(
        python_,
        {"-c", "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))",
         archive_.string()},
        archive_.parent_path());
    EXPECT_EQ(listed.exit_code, 0) << listed.err;
    std::set<std::string> result;
    std::istringstream lines(listed.out);
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) result.insert(line);
    }
    return result;
  }

  json read_json(const std::string& name) const {
    const CommandResult member = run_command(
        python_,
        {"-c",
         "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2])"
         ".decode())",
         archive_.string(), name},
        archive_.parent_path());
    EXPECT_EQ(member.exit_code, 0) << name << ": " << member.err;
    return json::parse(member.out, nullptr, /*allow_exceptions=*/false);
  }

 private:
  std::string python_;
  fs::path archive_;
};

// "./extension.js" -> "extension/extension.js", the path inside the archive.
std::string packaged_path(std::string relative) {
  if (relative.rfind("./", 0) == 0) relative.erase(0, 2);
  return "extension/" + relative;
}

TEST(VscodeExtensionTest, PackagesTheExtensionWithItsRuntimeDependenciesOnly) {
  const std::string bash = find_program("bash");
  ASSERT_FALSE(bash.empty());
  const std::string python = find_program("python3");
  ASSERT_FALSE(python.empty()) << "python3 is needed to read the .vsix";
  const fs::path source_dir = ZTLINT_SOURCE_DIR;
  const fs::path extension_dir = source_dir / "editors" / "vscode";
  const json manifest = json::parse(read_text(extension_dir / "package.json"), nullptr, false);
  ASSERT_TRUE(manifest.is_object());
  ASSERT_TRUE(fs::exists(extension_dir / "package-lock.json"))
      << "the extension's npm packages must be pinned by a lock file";
  const bool had_node_modules = fs::exists(extension_dir / "node_modules");

  // The real packaging job, with npm and the network: a failure here is a failure.
  ScratchDir out;
  setenv("ZTLINT_VSIX_DIR", out.path().c_str(), 1);
  const CommandResult packaged =
      run_command(bash, {(source_dir / "scripts" / "dev").string(), "vsix"}, source_dir);
  unsetenv("ZTLINT_VSIX_DIR");
  ASSERT_EQ(packaged.exit_code, 0) << packaged.out << packaged.err;
  const fs::path archive =
      out.path() / ("ztlint-" + manifest.at("version").get<std::string>() + ".vsix");
  ASSERT_TRUE(fs::exists(archive)) << packaged.out << packaged.err;
  EXPECT_EQ(fs::exists(extension_dir / "node_modules"), had_node_modules)
      << "packaging wrote into the source tree";

  const Vsix vsix(python, archive);
  const std::set<std::string> names = vsix.names();
  ASSERT_TRUE(names.count("extension/package.json")) << "no extension/package.json";

  // VS Code loads "main" from the package: it must be there.
  const json packaged_manifest = vsix.read_json("extension/package.json");
  ASSERT_TRUE(packaged_manifest.is_object());
  ASSERT_TRUE(packaged_manifest.contains("main"));
  EXPECT_EQ(packaged_manifest.at("main"), manifest.at("main"));
  EXPECT_TRUE(names.count(packaged_path(packaged_manifest.at("main").get<std::string>())))
      << packaged_manifest.at("main");
  EXPECT_TRUE(names.count("extension/README.md"));

  // The pinned language client, its `/node` entry that extension.js requires, and every
  // package it depends on (nested in its own node_modules or hoisted beside it).
  const std::string client = "extension/node_modules/vscode-languageclient/";
  ASSERT_TRUE(names.count(client + "package.json"));
  const json client_manifest = vsix.read_json(client + "package.json");
  ASSERT_TRUE(client_manifest.is_object());
  EXPECT_EQ(client_manifest.at("version"), "9.0.1");
  EXPECT_TRUE(names.count(client + "node.js"));
  EXPECT_TRUE(names.count(client + "lib/node/main.js"));
  ASSERT_TRUE(client_manifest.contains("dependencies"));
  for (const auto& [dependency, range] : client_manifest.at("dependencies").items()) {
    EXPECT_TRUE(names.count(client + "node_modules/" + dependency + "/package.json") ||
                names.count("extension/node_modules/" + dependency + "/package.json"))
        << dependency << " " << range << " is missing";
  }

  // Build tools, lock files and type declarations stay out.
  for (const std::string& name : names) {
    EXPECT_EQ(name.find("vsce"), std::string::npos) << name;
    EXPECT_EQ(name.find("package-lock.json"), std::string::npos) << name;
    EXPECT_EQ(name.find("node_modules/.bin/"), std::string::npos) << name;
    EXPECT_FALSE(name.ends_with(".d.ts")) << name;
  }
}

}  // namespace
}  // namespace ztlint::testing
