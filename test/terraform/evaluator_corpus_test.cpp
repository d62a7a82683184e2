// The Terraform front end over the shared corpus: every file parses, resources come out of
// (almost) every file that declares some.
#include <gtest/gtest.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "terraform/module_evaluator.h"

namespace ztlint::terraform {
namespace {

namespace fs = std::filesystem;

TEST(EvaluatorCorpusTest, ReportsResourcesForDeclaringFiles) {
  const fs::path corpus = ZTLINT_SOURCE_DIR "/../shared/corpus";
  if (!fs::is_directory(corpus)) GTEST_SKIP() << "corpus not present at " << corpus;

  source::SourceSet sources;
  source::Diagnostics diagnostics;
  Inputs inputs;
  std::map<source::FileId, bool> declares;  // .tf file → declares a resource block
  const std::regex resource_block(R"((^|\n)\s*resource\s+"[A-Za-z0-9_]+"\s+")");
  for (auto it = fs::recursive_directory_iterator(corpus); it != fs::recursive_directory_iterator();
       ++it) {
    const std::string name = it->path().filename().string();
    if (it->is_directory() && (name == ".git" || name == ".terraform" || name == "node_modules")) {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    const bool tf = it->path().extension() == ".tf";
    const bool tfvars = name == "terraform.tfvars" || name.ends_with(".auto.tfvars") ||
                        name == "terraform.tfvars.json" || name.ends_with(".auto.tfvars.json");
    if (!tf && !tfvars) continue;
    source::Diagnostic error;
    const auto id = sources.load(it->path().string(), &error);
    if (!id) continue;
    if (tf) {
      inputs.tf_files.push_back(*id);
      const std::string text(sources.file(*id).text());
      declares[*id] = std::regex_search(text, resource_block);
    } else {
      inputs.tfvars_files.push_back(*id);
    }
  }
  ASSERT_FALSE(inputs.tf_files.empty());

  std::size_t bytes = 0;
  for (source::FileId id : inputs.tf_files) bytes += sources.file(id).text().size();
  const std::clock_t start = std::clock();
  const Evaluation evaluation = evaluate_modules(sources, inputs, diagnostics);
  const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;

  std::set<source::FileId> with_resources, with_syntax_errors;
  for (const auto& r : evaluation.resources) {
    if (!r.is_data_source) with_resources.insert(r.range.file);
  }
  for (const auto& d : diagnostics) {
    if (d.kind == source::DiagnosticKind::kSyntax) with_syntax_errors.insert(d.span.file);
  }
  std::size_t declaring = 0, covered = 0, parsed = 0;
  std::vector<std::string> missed;
  for (const auto& [id, has] : declares) {
    if (!with_syntax_errors.count(id)) ++parsed;
    if (!has) continue;
    ++declaring;
    if (with_resources.count(id)) {
      ++covered;
    } else {
      missed.push_back(sources.file(id).path());
    }
  }
  const double parse_rate = static_cast<double>(parsed) / static_cast<double>(declares.size());
  const double coverage = static_cast<double>(covered) / static_cast<double>(declaring);
  std::map<std::string, int> by_kind;
  for (const auto& d : diagnostics) by_kind[std::string(source::to_string(d.kind))]++;
  std::printf(
      "corpus: %zu .tf files, parsed %.2f%%, resources from %zu of %zu declaring files "
      "(%.2f%%), %zu instances, %.2f MB in %.2f s CPU\n",
      declares.size(), 100 * parse_rate, covered, declaring, 100 * coverage,
      evaluation.resources.size(), static_cast<double>(bytes) / 1e6, seconds);
  for (const auto& [kind, n] : by_kind) std::printf("  diagnostics %s: %d\n", kind.c_str(), n);
  if (std::getenv("ZTLINT_CORPUS_VERBOSE") != nullptr) {
    for (const auto& d : diagnostics) {
      std::printf("  %s: %s\n", d.span.valid() ? sources.file(d.span.file).path().c_str() : "",
                  d.message.c_str());
    }
  }
  for (std::size_t i = 0; i < missed.size() && i < 15; ++i) {
    std::printf("  no resources: %s\n", missed[i].c_str());
  }
  EXPECT_GE(parse_rate, 0.99);
  EXPECT_GE(coverage, 0.95);
}

}  // namespace
}  // namespace ztlint::terraform
