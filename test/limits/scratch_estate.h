// A scratch repository on disk, linted end to end, for the limits and confinement tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "estate/estate.h"
#include "policy/evaluate.h"
#include "policy/finding.h"
#include "policy/policy_set.h"
#include "support/run_ztlint.h"

namespace ztlint::testing {

// A storage account accepting TLS 1.0 (and shared keys): each language's good sibling, with
// its finding (ZT-STG-001 in Terraform and Bicep, ZT-STG-003 in ARM).
inline constexpr std::string_view kGoodTerraform = R"(resource "azurerm_storage_account" "good" {
  name                     = "stgood"
  location                 = "westeurope"
  resource_group_name      = "rg"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_0"
}
)";

inline constexpr std::string_view kGoodBicep =
    R"(resource good 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stgood'
  location: 'westeurope'
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: { minimumTlsVersion: 'TLS1_0' }
}
)";

inline constexpr std::string_view kGoodArm = R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stgood",
      "location": "westeurope",
      "sku": { "name": "Standard_LRS" },
      "kind": "StorageV2",
      "properties": { "minimumTlsVersion": "TLS1_0" }
    }
  ]
})";

// The opening of an ARM template, to be followed by the rest of its members and "}".
inline constexpr std::string_view kArmHead =
    R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", )";

// A scratch folder (removed when the test ends) laid out for confinement: `base()/repo`
// is a repository (it holds `.git`), `base()/outside` lies beside it.
class Scratch {
 public:
  explicit Scratch(bool repository = true) {
    std::filesystem::create_directories(repo() / (repository ? ".git" : ""));
    std::filesystem::create_directories(base() / "outside");
  }

  std::filesystem::path base() const { return dir_.path(); }
  std::filesystem::path repo() const { return base() / "repo"; }
  // Writes `text` to `relative` (under base()), creating folders; returns the path.
  std::filesystem::path write(const std::string& relative, std::string_view text) const {
    return dir_.write(relative, std::string(text));
  }
  // The three good siblings, in repo/good (Terraform), repo/good.bicep and repo/good.json.
  void write_good_siblings() const {
    write("repo/good/main.tf", kGoodTerraform);
    write("repo/good.bicep", kGoodBicep);
    write("repo/good.json", kGoodArm);
  }

 private:
  ScratchDir dir_;  // a fresh folder per test process: ctest runs a fixture's tests in parallel
};

// One lint run: the estate and the built-in policies' findings.
struct LintRun {
  std::unique_ptr<estate::Estate> estate;
  std::vector<policy::Finding> findings;

  std::string path_of(const source::Span& span) const {
    return span.file == source::kNoFile ? std::string() : estate->sources.file(span.file).path();
  }
  // The first diagnostic whose message holds `text`, or null.
  const source::Diagnostic* diagnostic(std::string_view text) const {
    for (const auto& d : estate->diagnostics) {
      if (d.message.find(text) != std::string::npos) return &d;
    }
    return nullptr;
  }
  // The text of the file at the diagnostic's span.
  std::string spanned_text(const source::Diagnostic& d) const {
    if (d.span.file == source::kNoFile) return {};
    const auto& text = estate->sources.file(d.span.file).text();
    return std::string(text.substr(d.span.range.begin, d.span.range.end - d.span.range.begin));
  }
  // Whether `rule` was found in a file whose path ends with `file_suffix`.
  bool found(std::string_view rule, std::string_view file_suffix) const {
    for (const auto& f : findings) {
      if (f.rule_id == rule && path_of(f.span).ends_with(file_suffix)) return true;
    }
    return false;
  }
  std::string describe() const {
    std::string out;
    for (const auto& d : estate->diagnostics) {
      out += std::string(source::to_string(d.kind)) + " " + path_of(d.span) + d.path + ": " +
             d.message.substr(0, 300) + " [at: " + spanned_text(d).substr(0, 80) + "]\n";
    }
    for (const auto& f : findings) out += f.rule_id + " at " + path_of(f.span) + "\n";
    return out;
  }
};

inline LintRun lint_paths(std::vector<std::string> paths) {
  source::Diagnostics errors;
  static const policy::PolicySet policies = policy::PolicySet::builtin(errors);
  estate::LoadOptions options;
  options.paths = std::move(paths);
  LintRun run;
  run.estate = estate::load_estate(options);
  run.findings = policy::evaluate(*run.estate, policies, {});
  return run;
}

// Lints the scratch repository and checks that every good sibling still has its finding.
inline LintRun lint_repo(const Scratch& scratch) {
  LintRun run = lint_paths({scratch.repo().string()});
  EXPECT_TRUE(run.found("ZT-STG-001", "good/main.tf")) << run.describe();
  EXPECT_TRUE(run.found("ZT-STG-001", "good.bicep")) << run.describe();
  EXPECT_TRUE(run.found("ZT-STG-003", "good.json")) << run.describe();
  return run;
}

}  // namespace ztlint::testing
