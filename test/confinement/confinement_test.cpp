// ztlint reads only below the repository root of what it lints: references that leave it
// (module sources, linked templates, files read by functions, symbolic links) are refused
// with an io diagnostic where they are written, and the rest of the estate is still linted.
#include <gtest/gtest.h>

#include <filesystem>

#include "limits/scratch_estate.h"

namespace ztlint::testing {
namespace {

namespace fs = std::filesystem;

class ConfinementTest : public ::testing::Test {
 protected:
  ConfinementTest() {
    scratch_.write_good_siblings();
    scratch_.write("outside/secret.txt", "secret");
    scratch_.write("outside/secret.json", R"({"port": 22})");
    scratch_.write("outside/module/main.tf", std::string(kGoodTerraform));
    scratch_.write("outside/module.bicep", std::string(kGoodBicep));
    scratch_.write("outside/linked.json", std::string(kGoodArm));
  }

  // The io diagnostic about leaving the root whose span covers exactly `text`.
  void expect_refused_at(const LintRun& run, std::string_view text) {
    for (const auto& d : run.estate->diagnostics) {
      if (d.message.find("outside the repository root") != std::string::npos &&
          run.spanned_text(d) == text) {
        EXPECT_EQ(d.kind, source::DiagnosticKind::kIo);
        return;
      }
    }
    ADD_FAILURE() << "no refusal at " << text << "\n" << run.describe();
  }

  // Nothing from outside the root reached the graph: only the good siblings' accounts.
  void expect_nothing_read_from_outside(const LintRun& run) {
    for (source::FileId id = 0; id < run.estate->sources.size(); ++id) {
      EXPECT_EQ(run.estate->sources.file(id).path().find("outside"), std::string::npos)
          << run.estate->sources.file(id).path();
    }
    for (const auto& f : run.findings) {
      EXPECT_EQ(run.path_of(f.span).find("outside"), std::string::npos) << run.path_of(f.span);
    }
  }

  Scratch scratch_;
};

TEST_F(ConfinementTest, TerraformModuleSourceLeavingTheRootIsRefused) {
  scratch_.write("repo/escape/main.tf",
                 "module \"evil\" {\n  source = \"../../outside/module\"\n}\n");
  const LintRun run = lint_repo(scratch_);
  expect_refused_at(run, "source = \"../../outside/module\"");
  expect_nothing_read_from_outside(run);
}

TEST_F(ConfinementTest, TerraformFileFunctionsLeavingTheRootAreUnknownAndReported) {
  scratch_.write("repo/escape/main.tf", R"(resource "azurerm_resource_group" "r" {
  name = "rg"
  location = "westeurope"
  tags = {
    a = file("${path.module}/../../outside/secret.txt")
    b = templatefile("${path.module}/../../outside/secret.txt", {})
    c = fileexists("../../../../../../../../etc/passwd")
    d = filebase64("${path.module}/../../outside/secret.txt")
    e = jsondecode(file("${path.module}/../../outside/secret.json")).port
  }
}
)");
  const LintRun run = lint_repo(scratch_);
  expect_refused_at(run, "file(\"${path.module}/../../outside/secret.txt\")");
  expect_refused_at(run, "templatefile(\"${path.module}/../../outside/secret.txt\", {})");
  expect_refused_at(run, "fileexists(\"../../../../../../../../etc/passwd\")");
  expect_refused_at(run, "filebase64(\"${path.module}/../../outside/secret.txt\")");
  expect_refused_at(run, "file(\"${path.module}/../../outside/secret.json\")");
  const graph::Resource* rg = nullptr;
  for (const auto& resource : run.estate->graph.resources()) {
    if (resource.type == "Microsoft.Resources/resourceGroups") rg = &resource;
  }
  ASSERT_NE(rg, nullptr);
  for (const char* tag : {"tags.a", "tags.b", "tags.c", "tags.d", "tags.e"}) {
    const value::Value* v = rg->body.find_path(tag);
    ASSERT_NE(v, nullptr) << tag;
    EXPECT_TRUE(v->is_unknown()) << tag << " = " << v->to_display();
  }
}

TEST_F(ConfinementTest, ArmLinkedTemplateLeavingTheRootIsRefused) {
  scratch_.write("repo/escape.json", std::string(kArmHead) + R"("resources": [{
    "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "evil",
    "properties": {"mode": "Incremental",
      "templateLink": {"relativePath": "../outside/linked.json"}}}]})");
  const LintRun run = lint_repo(scratch_);
  expect_refused_at(run, "\"relativePath\": \"../outside/linked.json\"");
  expect_nothing_read_from_outside(run);
}

TEST_F(ConfinementTest, BicepModuleAndLoadFunctionsLeavingTheRootAreRefused) {
  scratch_.write("repo/escape.bicep", R"(module evil '../outside/module.bicep' = {
  name: 'evil'
}
var text = loadTextContent('../outside/secret.txt')
var data = loadJsonContent('../outside/secret.json')
var passwd = loadTextContent('../../../../../../../../etc/passwd')
var encoded = loadFileAsBase64('../outside/secret.txt')
resource r 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: 'rg${text}${data.port}${passwd}'
  tags: { encoded: encoded }
  location: 'westeurope'
}
)");
  const LintRun run = lint_repo(scratch_);
  expect_refused_at(run, "'../outside/module.bicep'");
  expect_refused_at(run, "loadTextContent('../outside/secret.txt')");
  expect_refused_at(run, "loadJsonContent('../outside/secret.json')");
  expect_refused_at(run, "loadTextContent('../../../../../../../../etc/passwd')");
  expect_refused_at(run, "loadFileAsBase64('../outside/secret.txt')");
  expect_nothing_read_from_outside(run);
}

TEST_F(ConfinementTest, SymbolicLinksLeavingTheRootAreNotRead) {
  fs::create_directories(scratch_.repo() / "linked");
  fs::create_symlink(scratch_.base() / "outside" / "module" / "main.tf",
                     scratch_.repo() / "linked" / "main.tf");
  fs::create_symlink(scratch_.base() / "outside" / "module.bicep",
                     scratch_.repo() / "linked.bicep");
  const LintRun run = lint_repo(scratch_);
  int refused = 0;
  for (const auto& d : run.estate->diagnostics) {
    if (d.message.find("outside the repository root") != std::string::npos) {
      EXPECT_EQ(d.kind, source::DiagnosticKind::kIo);
      ++refused;
    }
  }
  EXPECT_EQ(refused, 2) << run.describe();
  EXPECT_FALSE(run.found("ZT-STG-001", "linked/main.tf")) << run.describe();
  EXPECT_FALSE(run.found("ZT-STG-001", "linked.bicep")) << run.describe();
}

TEST_F(ConfinementTest, SymbolicLinkLoopsAreReportedAndNotFollowed) {
  fs::create_symlink(scratch_.repo() / "loop-b.bicep", scratch_.repo() / "loop-a.bicep");
  fs::create_symlink(scratch_.repo() / "loop-a.bicep", scratch_.repo() / "loop-b.bicep");
  fs::create_directories(scratch_.repo() / "folder");
  fs::create_directory_symlink(scratch_.repo(), scratch_.repo() / "folder" / "up");
  const LintRun run = lint_repo(scratch_);
  int loops = 0;
  for (const auto& d : run.estate->diagnostics) {
    if (d.message.find("symbolic link loop") != std::string::npos) {
      EXPECT_EQ(d.kind, source::DiagnosticKind::kIo);
      ++loops;
    }
  }
  EXPECT_EQ(loops, 2) << run.describe();
}

TEST_F(ConfinementTest, SymbolicLinksInsideTheRootAreRead) {
  fs::create_directories(scratch_.repo() / "alias");
  fs::create_symlink(scratch_.repo() / "good" / "main.tf", scratch_.repo() / "alias" / "main.tf");
  const LintRun run = lint_repo(scratch_);
  EXPECT_TRUE(run.found("ZT-STG-001", "alias/main.tf")) << run.describe();
  EXPECT_EQ(run.diagnostic("outside the repository root"), nullptr) << run.describe();
}

TEST_F(ConfinementTest, FileReadThroughALinkInsideTheRootToOutsideIsRefused) {
  fs::create_symlink(scratch_.base() / "outside" / "secret.txt", scratch_.repo() / "innocent.txt");
  scratch_.write("repo/escape.bicep",
                 "resource r 'Microsoft.Resources/resourceGroups@2022-09-01' = {\n"
                 "  name: loadTextContent('innocent.txt')\n  location: 'westeurope'\n}\n");
  const LintRun run = lint_repo(scratch_);
  expect_refused_at(run, "loadTextContent('innocent.txt')");
}

TEST(ConfinementRootTest, WithoutARepositoryTheLintedFolderIsTheRoot) {
  Scratch scratch(/*repository=*/false);
  scratch.write("outside/secret.txt", "secret");
  scratch.write("repo/app/main.tf", R"(resource "azurerm_resource_group" "r" {
  name     = file("${path.module}/../../outside/secret.txt")
  location = "westeurope"
}
)");
  const LintRun run = lint_paths({(scratch.repo() / "app").string()});
  const source::Diagnostic* d = run.diagnostic("outside the repository root");
  ASSERT_NE(d, nullptr) << run.describe();
  EXPECT_EQ(run.spanned_text(*d), "file(\"${path.module}/../../outside/secret.txt\")");
  EXPECT_EQ(d->kind, source::DiagnosticKind::kIo);
}

}  // namespace
}  // namespace ztlint::testing
