// Parse rate of the Bicep parser over the shared corpus (skipped when the corpus is absent).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "bicep/bicep_front_end.h"
#include "bicep/parser.h"

namespace ztlint::bicep {
namespace {

namespace fs = std::filesystem;

TEST(BicepCorpusTest, AtLeast99PercentOfCorpusFilesParseWithoutSyntaxErrors) {
  const fs::path corpus = fs::path(ZTLINT_SOURCE_DIR "/../shared/corpus");
  if (!fs::is_directory(corpus)) GTEST_SKIP() << "corpus absent: " << corpus;
  const bool verbose = std::getenv("ZTLINT_VERBOSE") != nullptr;
  int files = 0;
  int clean = 0;
  std::size_t bytes = 0;
  std::chrono::nanoseconds elapsed{0};
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    const std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".bicep" && extension != ".bicepparam")) {
      continue;
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    const std::uint32_t begin = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    const auto start = std::chrono::steady_clock::now();
    const SyntaxTree tree = parse(text, begin);
    elapsed += std::chrono::steady_clock::now() - start;
    bytes += text.size();
    ++files;
    if (tree.errors.empty()) {
      ++clean;
    } else if (verbose) {
      const auto& error = tree.errors.front();
      const std::size_t line = 1 + std::count(text.begin(), text.begin() + error.range.begin, '\n');
      std::cout << entry.path().string() << ":" << line << ": " << error.message << "\n";
    }
  }
  ASSERT_GT(files, 0);
  const double rate = 100.0 * clean / files;
  std::cout << "parsed " << clean << " of " << files << " Bicep files without syntax errors ("
            << rate << "%), " << bytes / 1024 << " KiB in "
            << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() << " ms\n";
  EXPECT_GE(rate, 99.0);
}

// Every repository of the corpus loaded as one run: no crash, and the files that declare
// resources (other than `existing` ones) get them into the graph.
TEST(BicepCorpusTest, ResourcesReachTheGraphFromAtLeast97PercentOfDeclaringFiles) {
  const fs::path corpus = fs::path(ZTLINT_SOURCE_DIR "/../shared/corpus");
  if (!fs::is_directory(corpus)) GTEST_SKIP() << "corpus absent: " << corpus;
  const bool verbose = std::getenv("ZTLINT_VERBOSE") != nullptr;
  int declaring = 0;
  int reaching = 0;
  std::size_t resources = 0;
  for (const auto& repository : fs::directory_iterator(corpus)) {
    if (!repository.is_directory()) continue;
    source::SourceSet sources;
    Inputs inputs;
    std::vector<std::string> paths;
    for (const auto& entry : fs::recursive_directory_iterator(repository.path())) {
      if (entry.is_regular_file()) paths.push_back(entry.path().string());
    }
    std::sort(paths.begin(), paths.end());
    for (const std::string& path : paths) {
      source::Diagnostic error;
      if (path.ends_with(".bicep")) {
        if (auto id = sources.load(path, &error)) inputs.bicep_files.push_back(*id);
      } else if (path.ends_with(".bicepparam")) {
        if (auto id = sources.load(path, &error)) inputs.bicepparam_files.push_back(*id);
      }
    }
    if (inputs.bicep_files.empty()) continue;
    graph::Fragment fragment;
    source::Diagnostics diagnostics;
    load(sources, inputs, fragment, diagnostics);
    std::set<source::FileId> reached;
    for (const graph::Resource& resource : fragment.resources) {
      if (!resource.reference_only) reached.insert(resource.range.file);
    }
    resources += fragment.resources.size();
    for (source::FileId id : inputs.bicep_files) {
      const source::SourceFile& file = sources.file(id);
      const SyntaxTree tree = parse(file.text(), file.content_begin());
      bool declares = false;
      for (const Node* node : tree.root->items) {
        declares = declares || (node->kind == NodeKind::kResource && !node->flag);
      }
      if (!declares) continue;
      ++declaring;
      if (reached.contains(id)) {
        ++reaching;
      } else if (verbose) {
        std::cout << "no resources from " << file.path() << "\n";
      }
    }
  }
  ASSERT_GT(declaring, 0);
  const double rate = 100.0 * reaching / declaring;
  std::cout << "resources reach the graph from " << reaching << " of " << declaring
            << " declaring files (" << rate << "%), " << resources << " resources\n";
  EXPECT_GE(rate, 97.0);
}

// Truncated and damaged files (what an editor holds while the user types) never crash the
// front end, and still yield syntax errors rather than nothing.
TEST(BicepCorpusTest, DamagedCorpusFilesLoadWithoutCrashing) {
  const fs::path corpus = fs::path(ZTLINT_SOURCE_DIR "/../shared/corpus");
  if (!fs::is_directory(corpus)) GTEST_SKIP() << "corpus absent: " << corpus;
  std::vector<std::string> paths;
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    if (entry.is_regular_file() && entry.path().extension() == ".bicep") {
      paths.push_back(entry.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  int damaged = 0;
  int with_errors = 0;
  for (std::size_t i = 0; i < paths.size(); i += 7) {
    std::ifstream in(paths[i], std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    for (int cut = 1; cut <= 3; ++cut) {
      std::string broken = text.substr(0, text.size() * cut / 4);
      if (cut == 2) broken += "\n}}]) = 'x${\nresource";
      source::SourceSet sources;
      Inputs inputs;
      inputs.bicep_files.push_back(sources.add(paths[i], broken));
      graph::Fragment fragment;
      source::Diagnostics diagnostics;
      load(sources, inputs, fragment, diagnostics);
      ++damaged;
      for (const source::Diagnostic& diagnostic : diagnostics) {
        if (diagnostic.kind == source::DiagnosticKind::kSyntax) {
          ++with_errors;
          break;
        }
      }
    }
  }
  ASSERT_GT(damaged, 0);
  EXPECT_GT(with_errors, damaged / 2);
}

}  // namespace
}  // namespace ztlint::bicep
