// Policy files (--policies) with a wrong type or no value in each field: the error names the
// file, line and column of the field, and every other policy still runs.
#include <gtest/gtest.h>

#include <string>

#include "bad_input/estate_check.h"

namespace ztlint::testing {
namespace {

// Fires on every subnet: proof that a valid policy beside the broken one still runs.
constexpr const char* kValidPolicy = R"(id: ZT-CUS-001
name: custom-every-subnet
severity: low
resource_types: [Microsoft.Network/virtualNetworks/subnets]
condition:
  type: Microsoft.Network/virtualNetworks/subnets
message: "custom {resource.name}"
docs:
  summary: Every subnet.
)";

// Lines 1-14 of a valid policy; each case replaces some of them.
constexpr const char* kTemplateLines[] = {
    "id: ZT-CUS-002",                                               // 1
    "name: custom-bad",                                             // 2
    "severity: high",                                               // 3
    "principles: [assume-breach]",                                  // 4
    "resource_types: [Microsoft.Network/virtualNetworks/subnets]",  // 5
    "condition:",                                                   // 6
    "  attribute: properties.addressPrefix",                        // 7
    "  exists: true",                                               // 8
    "message: \"m\"",                                               // 9
    "location: [properties.addressPrefix]",                         // 10
    "related: [parent]",                                            // 11
    "docs:",                                                        // 12
    "  summary: s",                                                 // 13
    "  references: [https://example.com]",                          // 14
};

struct WrongField {
  const char* name;  // the test's name
  int line;          // 1-based line replaced
  const char* text;  // its new text ("" removes the line)
  int error_line;    // where the error must be
  int error_column;
  const char* message;  // what it must say
};

constexpr WrongField kCases[] = {
    {"IdIsAList", 1, "id: [ZT-CUS-002]", 1, 5, "id must be a string"},
    {"IdIsAMap", 1, "id: {a: 1}", 1, 5, "id must be a string"},
    {"IdHasNoValue", 1, "id:", 1, 1, "'id' has no value"},
    {"IdIsNotAnId", 1, "id: 42", 1, 5, "id '42' must look like ZT-NET-001"},
    {"NameIsAList", 2, "name: [a, b]", 2, 7, "name must be a string"},
    {"SeverityIsAMap", 3, "severity: {level: high}", 3, 11, "severity must be a string"},
    {"SeverityIsANumber", 3, "severity: 3", 3, 11, "unknown severity '3'"},
    {"PrinciplesIsAMap", 4, "principles: {a: b}", 4, 13,
     "principles must be a string or a list of strings"},
    {"ResourceTypesIsAMap", 5, "resource_types: {type: x}", 5, 17,
     "resource_types must be a string or a list of strings"},
    {"ResourceTypeIsANestedList", 5, "resource_types: [[a]]", 5, 18,
     "resource_types must be a string"},
    {"ResourceTypeIsNotAnArmType", 5, "resource_types: [subnet]", 5, 17,
     "'subnet' is not an ARM resource type"},
    {"ConditionHasNoValue", 6, "condition:\n", 6, 1, "'condition' has no value"},
    {"ConditionIsAScalar", 6, "condition: yes", 6, 12, "a condition must be a map"},
    {"AttributeIsAList", 7, "  attribute: [a]", 7, 14, "attribute must be a string"},
    {"AttributeHasNoValue", 7, "  attribute:", 7, 3, "'attribute' has no value"},
    {"ExistsIsNotABoolean", 8, "  exists: maybe", 8, 11, "exists must be true or false"},
    {"EqualsIsAList", 8, "  equals: [a, b]", 8, 11, "equals takes one scalar"},
    {"InIsAScalar", 8, "  in: abc", 8, 7, "in takes a list of scalars"},
    {"MatchesIsAList", 8, "  matches: [a]", 8, 12, "matches must be a string"},
    {"GreaterThanIsText", 8, "  greater_than: abc", 8, 17, "greater_than must be a number"},
    {"CidrWithinIsAMap", 8, "  cidr_within: {a: b}", 8, 16,
     "cidr_within must be a string or a list of strings"},
    {"IgnoreCaseIsText", 8, "  exists: true\n  ignore_case: sometimes", 9, 16,
     "ignore_case must be true or false"},
    {"MessageIsAList", 9, "message: [m]", 9, 10, "message must be a string"},
    {"LocationIsAMap", 10, "location: {a: b}", 10, 11,
     "location must be a string or a list of strings"},
    {"RelatedIsAMap", 11, "related: {a: b}", 11, 10,
     "related must be a string or a list of strings"},
    {"DocsIsAList", 12, "docs: [a]", 12, 7, "docs must be a map"},
    {"DocsSummaryIsAList", 13, "  summary: [s]", 13, 12, "docs.summary must be a string"},
    {"DocsReferencesIsAMap", 14, "  references: {a: b}", 14, 15,
     "docs.references must be a string or a list of strings"},
};

std::string policy_with(const WrongField& field) {
  std::string text;
  for (int line = 1; line <= 14; ++line) {
    if (line == field.line) {
      text += field.text;
      text += "\n";
    } else if (!(field.line == 12 && line > 12) && !(field.line == 6 && line > 6 && line < 9)) {
      text += kTemplateLines[line - 1];
      text += "\n";
    }
  }
  return text;
}

class PolicyFieldOfTheWrongType : public ::testing::TestWithParam<WrongField> {};

TEST_P(PolicyFieldOfTheWrongType, IsReportedAtItsPlaceAndTheOtherPoliciesStillRun) {
  const WrongField& field = GetParam();
  ScratchDir dir;
  dir.write("estate/good.tf", kGoodTf);
  dir.write("policies/ok.yaml", kValidPolicy);
  const std::string text = policy_with(field);
  dir.write("policies/bad.yaml", text);
  const CheckRun run = check(dir, {"estate", "--policies", "policies"});
  SCOPED_TRACE("policies/bad.yaml:\n" + text);
  EXPECT_EQ(run.result.exit_code, 2) << describe(run);
  const auto errors = errors_in(run, "policies/bad.yaml");
  ASSERT_EQ(errors.size(), 1u) << describe(run);
  EXPECT_EQ(errors[0]["kind"], "config");
  const std::string expected = "policies/bad.yaml:" + std::to_string(field.error_line) + ":" +
                               std::to_string(field.error_column) + ": " + field.message;
  EXPECT_EQ(errors[0]["message"].get<std::string>().rfind(expected, 0), 0u)
      << "expected a message starting with: " << expected << "\n"
      << describe(run);
  EXPECT_EQ(findings_of(run, "ZT-CUS-001", "estate/good.tf"), 1) << describe(run);
  EXPECT_TRUE(good_sibling_linted(run, "estate/good.tf"));
}

INSTANTIATE_TEST_SUITE_P(BadInput, PolicyFieldOfTheWrongType, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<WrongField>& info) {
                           return std::string(info.param.name);
                         });

TEST(PolicyFile, EmptyFileIsReportedAtItsStartNotAtLineZero) {
  ScratchDir dir;
  dir.write("estate/good.tf", kGoodTf);
  dir.write("policies/ok.yaml", kValidPolicy);
  dir.write("policies/empty.yaml", "");
  const CheckRun run = check(dir, {"estate", "--policies", "policies"});
  EXPECT_TRUE(has_file_error(run, "policies/empty.yaml",
                             "policies/empty.yaml:1:1: a policy file must be a YAML map"));
  EXPECT_EQ(findings_of(run, "ZT-CUS-001", "estate/good.tf"), 1) << describe(run);
}

TEST(PolicyFile, BrokenYamlIsReportedWhereTheParserStopped) {
  ScratchDir dir;
  dir.write("estate/good.tf", kGoodTf);
  dir.write("policies/ok.yaml", kValidPolicy);
  dir.write("policies/broken.yaml", "id: ZT-CUS-003\nname: [unclosed\n");
  const CheckRun run = check(dir, {"estate", "--policies", "policies"});
  const auto errors = errors_in(run, "policies/broken.yaml");
  ASSERT_EQ(errors.size(), 1u) << describe(run);
  EXPECT_EQ(errors[0]["message"].get<std::string>().rfind("policies/broken.yaml:3:1: ", 0), 0u)
      << describe(run);
  EXPECT_EQ(findings_of(run, "ZT-CUS-001", "estate/good.tf"), 1) << describe(run);
}

}  // namespace
}  // namespace ztlint::testing
