// Loads every ARM template of the shared corpus: no crash, parse and coverage rates.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <set>

#include "arm/arm_front_end.h"
#include "arm/template_evaluator.h"
#include "json/json_reader.h"

namespace ztlint::arm {
namespace {

namespace fs = std::filesystem;

TEST(ArmCorpusTest, LoadsTheCorpus) {
  const fs::path corpus = fs::path(ZTLINT_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::is_directory(corpus)) GTEST_SKIP() << "no corpus at " << corpus;

  source::SourceSet sources;
  Inputs inputs;
  std::uintmax_t bytes = 0;
  for (auto it = fs::recursive_directory_iterator(corpus); it != fs::recursive_directory_iterator();
       ++it) {
    const std::string name = it->path().filename().string();
    if (it->is_directory() && (name == ".git" || name == "node_modules" || name == ".terraform")) {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file() || it->path().extension() != ".json") continue;
    source::Diagnostic error;
    if (auto id = sources.load(it->path().string(), &error)) {
      inputs.json_files.push_back(*id);
      bytes += sources.file(*id).text().size();
    }
  }
  if (inputs.json_files.empty()) GTEST_SKIP() << "the corpus has no JSON files";

  // Read speed of the JSON reader alone.
  const auto read_start = std::chrono::steady_clock::now();
  for (source::FileId id : inputs.json_files) {
    const auto& file = sources.file(id);
    const auto result =
        json::read(file.text().substr(file.content_begin()), id, file.content_begin());
    ASSERT_TRUE(result.ok() || !result.error->message.empty());
  }
  const double read_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - read_start).count();

  graph::Fragment fragment;
  source::Diagnostics diagnostics;
  const auto start = std::chrono::steady_clock::now();
  load(sources, inputs, fragment, diagnostics);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::set<source::FileId> syntax_errors;
  std::map<std::string, int> kinds;
  for (const auto& diagnostic : diagnostics) {
    ++kinds[std::string(source::to_string(diagnostic.kind))];
    if (diagnostic.kind == source::DiagnosticKind::kSyntax)
      syntax_errors.insert(diagnostic.span.file);
  }
  std::map<source::FileId, int> resources;
  for (const auto& resource : fragment.resources) {
    if (!resource.reference_only) ++resources[resource.range.file];
  }
  int templates = 0, parsed = 0, declaring = 0, covered = 0;
  std::vector<std::string> uncovered;
  for (const auto& [file, language] : fragment.files) {
    if (language != graph::Language::kArm) continue;
    ++templates;
    if (!syntax_errors.count(file)) ++parsed;
    const auto& source = sources.file(file);
    const auto document = json::read(source.text().substr(source.content_begin()));
    const value::Value* declared = document.ok() ? document.value.get("resources") : nullptr;
    const bool declares = declared && ((declared->is_list() && !declared->as_list().empty()) ||
                                       (declared->is_map() && !declared->as_map().empty()));
    if (!declares) continue;
    ++declaring;
    if (resources[file] > 0) {
      ++covered;
    } else {
      uncovered.push_back(source.path());
    }
  }
  const double parse_rate = templates ? static_cast<double>(parsed) / templates : 1.0;
  const double coverage = declaring ? static_cast<double>(covered) / declaring : 1.0;
  std::cout << "ARM corpus: " << templates << " templates, parsed " << parse_rate * 100
            << "%, resources in " << coverage * 100 << "% of " << declaring << " declaring files, "
            << fragment.resources.size() << " resources, " << seconds << " s to load; JSON read "
            << bytes / 1e6 / read_seconds << " MB/s over " << bytes / 1e6 << " MB\n";
  for (const auto& [kind, n] : kinds) std::cout << "  diagnostics " << kind << ": " << n << "\n";
  if (std::getenv("ZTLINT_CORPUS_VERBOSE")) {
    std::map<std::string, int> unknown_names;
    for (const auto& resource : fragment.resources) {
      if (resource.name.is_unknown() && resource.name.as_unknown().symbol.empty()) {
        ++unknown_names[resource.name.as_unknown().reason];
      }
    }
    for (const auto& [reason, n] : unknown_names)
      std::cout << "  unknown name x" << n << ": " << reason << "\n";
    for (const auto& diagnostic : diagnostics) {
      std::cout << "  " << source::to_string(diagnostic.kind) << " "
                << (diagnostic.span.valid() ? sources.file(diagnostic.span.file).path() : "")
                << ": " << diagnostic.message << "\n";
    }
  }
  for (std::size_t i = 0; i < uncovered.size() && i < 10; ++i) {
    std::cout << "  no resources: " << uncovered[i] << "\n";
  }
  RecordProperty("parse_rate", std::to_string(parse_rate));
  RecordProperty("coverage", std::to_string(coverage));
  EXPECT_GE(parse_rate, 0.99);
  EXPECT_GE(coverage, 0.97);
}

// Damaged copies of real templates (a byte deleted or a bracket swapped): every one loads
// to resources or diagnostics, never a crash or a hang.
TEST(ArmCorpusTest, DamagedTemplatesNeverCrash) {
  const fs::path corpus = fs::path(ZTLINT_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::is_directory(corpus)) GTEST_SKIP() << "no corpus at " << corpus;
  std::vector<std::string> texts;
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    if (texts.size() >= 150) break;
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.find("deploymentTemplate") != std::string::npos && text.size() < 400000) {
      texts.push_back(std::move(text));
    }
  }
  if (texts.empty()) GTEST_SKIP() << "the corpus has no templates";
  std::mt19937 random(20261123);
  std::size_t loaded = 0;
  for (const std::string& original : texts) {
    for (int round = 0; round < 4; ++round) {
      std::string text = original;
      const std::size_t at = random() % text.size();
      if (round % 2 == 0) {
        text.erase(at, 1);
      } else {
        const char swaps[] = {'[', ']', '(', ')', '\'', ','};
        text[at] = swaps[random() % sizeof(swaps)];
      }
      source::SourceSet sources;
      Inputs inputs;
      inputs.json_files.push_back(sources.add("damaged.json", std::move(text)));
      graph::Fragment fragment;
      source::Diagnostics diagnostics;
      load(sources, inputs, fragment, diagnostics);
      for (const auto& diagnostic : diagnostics) EXPECT_FALSE(diagnostic.message.empty());
      ++loaded;
    }
  }
  EXPECT_EQ(loaded, texts.size() * 4);
}

}  // namespace
}  // namespace ztlint::arm
