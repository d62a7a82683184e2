// Every input language cut at many places, in process: a cut never throws, never reports a
// position outside the file, and never costs another file its findings.
#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "bad_input/estate_check.h"
#include "lint/lint.h"

namespace ztlint::testing {
namespace {

using FindingKey = std::tuple<std::string, std::string, std::uint32_t, std::uint32_t>;

struct Sample {
  const char* name;
  const char* text;
};

constexpr Sample kSamples[] = {
    {"good.tf", kGoodTf},       {"terraform.tfvars", kGoodTfvars},
    {"good.bicep", kGoodBicep}, {"good.bicepparam", kGoodBicepparam},
    {"good.json", kGoodArm},    {"good.parameters.json", kGoodArmParameters},
};

// Cuts per file: enough to land in every construct of the samples, few enough to stay fast
// under the sanitizers.
constexpr std::size_t kCutsPerFile = 48;

class TruncationSweep : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const Sample& sample : kSamples) dir_.write(sample.name, sample.text);
  }

  std::string path_of(const std::string& name) const {
    return (dir_.path() / name).lexically_normal().generic_string();
  }

  // Lints the estate with `name` replaced by `text` (no replacement when name is empty).
  lint::LintResult lint_with(const std::string& name, const std::string& text) const {
    lint::LintOptions options;
    options.load.paths = {dir_.path().generic_string()};
    options.load.jobs = 1;
    options.config_search_dir = dir_.path().generic_string();
    if (!name.empty()) options.load.overlays.emplace(path_of(name), text);
    return lint::lint(options);
  }

  static std::set<FindingKey> findings_of(const lint::LintResult& result) {
    std::set<FindingKey> keys;
    for (const policy::Finding& finding : result.findings) {
      const source::SourceFile& file = result.estate->sources.file(finding.span.file);
      const source::LineColumn start = file.line_column(finding.span.range.begin);
      keys.emplace(finding.rule_id, file.path(), start.line, start.column);
    }
    return keys;
  }

  ScratchDir dir_;
};

TEST_F(TruncationSweep, EveryCutReportsInsideTheCutFileAndKeepsTheOtherFilesFindings) {
  const std::set<FindingKey> whole = findings_of(lint_with("", ""));
  ASSERT_GE(whole.size(), 3u) << "the uncut estate has findings in Terraform, Bicep and ARM";

  for (const Sample& sample : kSamples) {
    const std::string text = sample.text;
    const std::string cut_path = path_of(sample.name);
    const std::size_t stride = std::max<std::size_t>(1, text.size() / kCutsPerFile);
    for (std::size_t length = 0; length < text.size(); length += stride) {
      SCOPED_TRACE(std::string(sample.name) + " cut to " + std::to_string(length) + " bytes");
      lint::LintResult result;
      ASSERT_NO_THROW(result = lint_with(sample.name, text.substr(0, length)));

      for (const source::Diagnostic& diagnostic : result.estate->diagnostics) {
        if (diagnostic.span.file == source::kNoFile) continue;
        const source::SourceFile& file = result.estate->sources.file(diagnostic.span.file);
        EXPECT_LE(diagnostic.span.range.begin, diagnostic.span.range.end) << diagnostic.message;
        EXPECT_LE(diagnostic.span.range.end, file.text().size()) << diagnostic.message;
        // A .bicepparam names good.bicep: a cut template may be reported through it.
        const bool through_using =
            std::string(sample.name) == "good.bicep" && file.path() == path_of("good.bicepparam");
        EXPECT_TRUE(file.path() == cut_path || through_using)
            << "error in an uncut file " << file.path() << ": " << diagnostic.message;
      }
      const std::set<FindingKey> now = findings_of(result);
      for (const FindingKey& finding : whole) {
        if (std::get<1>(finding) == cut_path) continue;
        EXPECT_TRUE(now.count(finding)) << std::get<0>(finding) << " in " << std::get<1>(finding)
                                        << ":" << std::get<2>(finding) << " is lost";
      }
    }
  }
}

}  // namespace
}  // namespace ztlint::testing
