// Files cut short in every input language: a syntax error at the place the text stops, and
// nothing lost from the files beside it.
#include <gtest/gtest.h>

#include "bad_input/estate_check.h"

namespace ztlint::testing {
namespace {

TEST(TruncatedFile, TerraformBlockLeftOpenIsReportedAtItsHeaderAndTheSiblingStillLints) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("bad.tf", "resource \"azurerm_network_security_group\" \"x\" {\n  name = \"nsg-x\"\n");
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 2) << describe(run);
  EXPECT_TRUE(has_error_at(run, "bad.tf", 1, 1, "unclosed block started here: missing '}'"));
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(TruncatedFile, TerraformCutAfterEqualsSaysTheValueIsMissingAtTheEquals) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("bad.tf",
            "resource \"azurerm_network_security_group\" \"x\" {\n  name = \"a\"\n  location = ");
  const CheckRun run = check(dir);
  EXPECT_TRUE(has_error_at(run, "bad.tf", 3, 12, "missing value after '='"));
  for (const auto& error : errors_in(run, "bad.tf")) {
    // Grammar-internal names mean nothing to the person fixing the file.
    EXPECT_EQ(error["message"].get<std::string>().find("identifier"), std::string::npos)
        << error.dump();
  }
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(TruncatedFile, TerraformCutInsideAStringPointsAtTheOpeningQuote) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("bad.tf", "variable \"a\" {\n  default = \"abc");
  const CheckRun run = check(dir);
  EXPECT_TRUE(has_error_at(run, "bad.tf", 2, 13, "unclosed string started here"));
  for (const auto& error : errors_in(run, "bad.tf")) {
    EXPECT_EQ(error["message"].get<std::string>().find("quoted_template"), std::string::npos)
        << error.dump();
  }
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(TruncatedFile, TfvarsCutAfterEqualsIsReportedAndTheModuleStillLints) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("terraform.tfvars", "prefix = \"10.1.2.0/24\"\ntags = {\n  env = ");
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 2) << describe(run);
  EXPECT_TRUE(has_error_at(run, "terraform.tfvars", 3, 7, "missing value after '='"));
  EXPECT_TRUE(good_sibling_linted(run));
}

TEST(TruncatedFile, BicepObjectLeftOpenIsReportedAfterItsBraceAndSiblingsStillLint) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("good.bicep", kGoodBicep);
  const std::string text = kGoodBicep;
  // Cut after "    addressSpace: {\n" (line 7).
  dir.write("bad.bicep", text.substr(0, text.find("      addressPrefixes")));
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 2) << describe(run);
  EXPECT_TRUE(has_error_at(run, "bad.bicep", 7, 20, "expected '}'"));
  EXPECT_TRUE(good_sibling_linted(run));
  EXPECT_EQ(findings_of(run, "ZT-NET-001", "good.bicep"), 1) << describe(run);
}

TEST(TruncatedFile, ArmTemplateCutInsideAStringIsReportedAtTheStringAndSiblingsStillLint) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("good.json", kGoodArm);
  const std::string text = kGoodArm;
  dir.write("bad.json", text.substr(0, text.find("Microsoft.Network/virtualNetworks/sub")));
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 2) << describe(run);
  EXPECT_TRUE(has_error_at(run, "bad.json", 12, 15, "unterminated string"));
  EXPECT_TRUE(good_sibling_linted(run));
  EXPECT_EQ(findings_of(run, "ZT-NET-001", "good.json"), 1) << describe(run);
}

TEST(TruncatedFile, ArmParameterFileCutBeforeAValueIsReportedAtTheEndOfTheText) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("good.json", kGoodArm);
  const std::string text = kGoodArmParameters;
  dir.write("good.parameters.json", text.substr(0, text.find("\"10.3.2.0/24\"")));
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 2) << describe(run);
  EXPECT_TRUE(has_error_at(run, "good.parameters.json", 6, 16, "found end of file"));
  EXPECT_TRUE(good_sibling_linted(run));
  // The template still lints, with its own default.
  EXPECT_EQ(findings_of(run, "ZT-NET-001", "good.json"), 1) << describe(run);
}

TEST(TruncatedFile, BicepparamCutAfterEqualsIsReportedAndItsTemplateStillLints) {
  ScratchDir dir;
  dir.write("good.tf", kGoodTf);
  dir.write("good.bicep", kGoodBicep);
  dir.write("good.bicepparam", "using './good.bicep'\n\nparam prefix = ");
  const CheckRun run = check(dir);
  EXPECT_EQ(run.result.exit_code, 2) << describe(run);
  EXPECT_TRUE(has_error_at(run, "good.bicepparam", 3, 15, "expected an expression after '='"));
  EXPECT_TRUE(good_sibling_linted(run));
  EXPECT_EQ(findings_of(run, "ZT-NET-001", "good.bicep"), 1) << describe(run);
}

}  // namespace
}  // namespace ztlint::testing
