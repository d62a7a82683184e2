// Text encodings and byte-level oddities: invalid UTF-8, NUL bytes, a byte order mark, CRLF
// line endings, tabs and empty files. Positions are checked exactly.
#include <gtest/gtest.h>

#include <string>

#include "bad_input/estate_check.h"

namespace ztlint::testing {
namespace {

using namespace std::string_literals;

constexpr const char* kBom = "\xEF\xBB\xBF";

std::string with_crlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// How many findings start at file:line:column.
int findings_at(const CheckRun& run, const std::string& file, int line, int column) {
  int count = 0;
  for (const auto& finding : run.out.value("findings", nlohmann::json::array())) {
    const auto& start = finding["range"]["start"];
    if (finding.value("file", "") == file && start.value("line", 0) == line &&
        start.value("column", 0) == column) {
      ++count;
    }
  }
  return count;
}

TEST(InvalidUtf8, TerraformIsRefusedAtTheFirstBadByteAndTheSiblingStillLints) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("latin1.tf", "variable \"a\" {\n  default = \"ok\xFF\xFE\"\n}\n");
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 2) << describe(run);
  EXPECT_TRUE(has_error_at(run, "latin1.tf", 2, 16, "not valid UTF-8 text"));
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(InvalidUtf8, BicepTruncatedSequenceIsReportedAtItsLeadByte) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("bad.bicep", "param p string = 'caf\xC3'\n");
  const CheckRun run = check(dir);
  EXPECT_TRUE(has_error_at(run, "bad.bicep", 1, 22, "not valid UTF-8 text"));
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(InvalidUtf8, ArmTemplateIsReportedRatherThanSkippedSilently) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  std::string text = kGoodArm;
  text.replace(text.find("vnet-a/snet-a"), 13, "vnet-a/snet-\xE9");  // Latin-1 e-acute
  dir.write("latin1.json", text);
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 2) << "a template that was not read must fail the run\n"
                                     << describe(run);
  EXPECT_TRUE(has_error_at(run, "latin1.json", 14, 28, "not valid UTF-8 text"));
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(NulByte, BicepIsRefusedAsBinaryAtTheNulAndTheSiblingStillLints) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("nul.bicep", "param x string = 'a\0b'\n"s);
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 2) << describe(run);
  EXPECT_TRUE(has_error_at(run, "nul.bicep", 1, 20, "binary file (contains a NUL byte)"));
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(NulByte, TerraformIsRefusedAsBinaryOnTheRightLine) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("nul.tf", "variable \"a\" {\n\0\n}\n"s);
  const CheckRun run = check(dir);
  EXPECT_TRUE(has_error_at(run, "nul.tf", 2, 1, "binary file"));
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(ByteOrderMark, TerraformLintsNormallyWithColumnsCountedAfterTheMark) {
  ScratchDir dir;
  dir.write("good.tf", std::string(kBom) + kGoodTf);
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 1) << describe(run);
  EXPECT_TRUE(errors_in(run, "good.tf").empty()) << describe(run);
  EXPECT_TRUE(good_sibling_linted(run));
  // The VNet starts the file: its findings are at 1:1, not 1:2.
  EXPECT_GE(findings_at(run, "good.tf", 1, 1), 1) << describe(run);
  EXPECT_EQ(findings_at(run, "good.tf", 1, 2), 0) << describe(run);
}

TEST(ByteOrderMark, ErrorOnTheFirstLineHasTheColumnOfTheSameFileWithoutTheMark) {
  ScratchDir plain;
  plain.write("x.tf", "variable \"a\" = {\n");
  ScratchDir marked;
  marked.write("x.tf", std::string(kBom) + "variable \"a\" = {\n");
  const CheckRun without = check(plain);
  const CheckRun with = check(marked);
  ASSERT_FALSE(errors_in(without, "x.tf").empty()) << describe(without);
  ASSERT_EQ(errors_in(with, "x.tf").size(), errors_in(without, "x.tf").size()) << describe(with);
  for (std::size_t i = 0; i < errors_in(with, "x.tf").size(); ++i) {
    EXPECT_EQ(errors_in(with, "x.tf")[i]["range"], errors_in(without, "x.tf")[i]["range"])
        << describe(with);
    EXPECT_EQ(errors_in(with, "x.tf")[i]["message"], errors_in(without, "x.tf")[i]["message"]);
  }
  // The stray quote is the 10th character.
  EXPECT_TRUE(has_error_at(with, "x.tf", 1, 10, "unexpected '\"'"));
  // The text report shows the line without the mark and the caret under column 10.
  const CommandResult text_report = run_command(ZTLINT_BINARY, {"check", "x.tf"}, marked.path());
  EXPECT_NE(text_report.out.find("x.tf:1:10:"), std::string::npos) << text_report.out;
  EXPECT_NE(text_report.out.find("1 | variable \"a\" = {\n  |          ^\n"), std::string::npos)
      << text_report.out;
}

TEST(ByteOrderMark, BicepAndArmLintNormally) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("good.bicep", std::string(kBom) + kGoodBicep);
  dir.write("good.json", std::string(kBom) + kGoodArm);
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 1) << describe(run);
  EXPECT_EQ(findings_at(run, "good.bicep", 11, 7), 2) << "ZT-NET-001 and ZT-RT-001\n"
                                                      << describe(run);
  EXPECT_EQ(findings_at(run, "good.json", 11, 5), 1) << describe(run);
  EXPECT_EQ(findings_of(run, "ZT-NET-001", "good.json"), 1) << describe(run);
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(CrlfLineEndings, EveryLanguageLintsWithTheSameLinesAndColumnsAsLf) {
  ScratchDir lf;
  ScratchDir crlf;
  const std::pair<const char*, const char*> files[] = {
      {"good.tf", kGoodTf},       {"terraform.tfvars", kGoodTfvars},
      {"good.bicep", kGoodBicep}, {"good.bicepparam", kGoodBicepparam},
      {"good.json", kGoodArm},    {"good.parameters.json", kGoodArmParameters}};
  for (const auto& [name, text] : files) {
    lf.write(name, text);
    crlf.write(name, with_crlf(text));
  }
  const CheckRun with_lf = check(lf);
  const CheckRun with_crlf_run = check(crlf);
  EXPECT_EQ(with_crlf_run.result.exit_code, 1) << describe(with_crlf_run);
  EXPECT_TRUE(with_crlf_run.out["errors"].empty()) << describe(with_crlf_run);
  ASSERT_GE(with_lf.out["findings"].size(), 3u) << describe(with_lf);
  ASSERT_EQ(with_crlf_run.out["findings"].size(), with_lf.out["findings"].size());
  for (std::size_t i = 0; i < with_lf.out["findings"].size(); ++i) {
    const auto& a = with_lf.out["findings"][i];
    const auto& b = with_crlf_run.out["findings"][i];
    EXPECT_EQ(a["rule"], b["rule"]);
    EXPECT_EQ(a["file"], b["file"]);
    EXPECT_EQ(a["range"], b["range"]) << a.dump() << "\n" << b.dump();
  }
  EXPECT_TRUE(good_sibling_linted(with_crlf_run));
}

TEST(CrlfLineEndings, SyntaxErrorIsOnItsLineAndTheCarriageReturnIsNoColumn) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("crlf.tf", "variable \"a\" {\r\n  type = string\r\n  default = \r\n}\r\n");
  const CheckRun run = check(dir);
  EXPECT_TRUE(has_error_at(run, "crlf.tf", 3, 11, "missing value after '='"));
  for (const auto& error : errors_in(run, "crlf.tf")) {
    EXPECT_LE(error["range"]["end"]["column"].get<int>(), 13) << error.dump();
  }
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(Tabs, ATabIsOneColumn) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("tabs.tf",
            "resource \"azurerm_subnet\" \"tab\" {\n\tname = \"s\"\n\tvirtual_network_name = "
            "\"v\"\n\tresource_group_name = \"rg\"\n\taddress_prefixes = [1 +]\n}\n");
  dir.write("tabs.bicep", "var a = {\n\tk: 'x'\n\tm: \n}\n");
  const CheckRun run = check(dir);
  EXPECT_TRUE(has_error_at(run, "tabs.tf", 5, 24, "missing operand after '+'"));
  EXPECT_TRUE(has_error_at(run, "tabs.bicep", 3, 4, "expected an expression after ':'"));
  EXPECT_TRUE(good_sibling_linted(run));
  // The subnet itself still reaches the graph: its block starts at 1:1.
  EXPECT_EQ(findings_of(run, "ZT-NET-001", "tabs.tf"), 1) << describe(run);
}

TEST(EmptyFiles, EveryKindIsReadWithoutErrorsAndWithoutResources) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  for (const char* name : {"empty.tf", "empty.tfvars", "empty.bicep", "empty.bicepparam",
                           "empty.json", "empty.parameters.json", "blank.tf"}) {
    dir.write(name, std::string(name) == "blank.tf" ? " \n\t\n" : "");
  }
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 1) << describe(run);
  EXPECT_TRUE(run.out["errors"].empty()) << describe(run);
  EXPECT_TRUE(good_sibling_linted(run));
  for (const auto& file : run.out["files"]) {
    if (file["file"] != "good.tf") {
      EXPECT_EQ(file["resources"], 0) << file.dump();
    }
  }
}

}  // namespace
}  // namespace ztlint::testing
