#include "policy/policy_loader.h"

#include <gtest/gtest.h>

#include "policy/policy_set.h"

namespace ztlint::policy {
namespace {

constexpr const char* kValid = R"(id: ZT-TEST-001
name: test-policy
severity: high
principles: [assume-breach]
resource_types: [Microsoft.Network/virtualNetworks/subnets]
condition:
  all:
    - not:
        fact: subnet.is_special
    - attribute: properties.networkSecurityGroup
      exists: false
message: "Subnet {resource.name}"
docs:
  summary: s
  what: w
  why: y
  example: e
  fix: f
  references: [https://learn.microsoft.com/en-us/azure/virtual-network/]
)";

std::string error_of(const std::string& text) {
  source::Diagnostics errors;
  auto policy = parse_policy(text, "policies/x.yaml", errors);
  EXPECT_FALSE(policy);
  if (errors.size() != 1) return "expected one error, got " + std::to_string(errors.size());
  EXPECT_EQ(errors[0].kind, source::DiagnosticKind::kConfig);
  EXPECT_EQ(errors[0].path, "policies/x.yaml");
  return errors[0].message;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(PolicyLoaderTest, LoadsAValidPolicy) {
  source::Diagnostics errors;
  auto policy = parse_policy(kValid, "policies/x.yaml", errors);
  ASSERT_TRUE(policy) << (errors.empty() ? "" : errors[0].message);
  EXPECT_EQ(policy->info.id, "ZT-TEST-001");
  EXPECT_EQ(policy->info.severity, Severity::kHigh);
  EXPECT_EQ(policy->info.resource_types.size(), 1u);
  EXPECT_EQ(policy->rule.condition.kind, Condition::Kind::kAll);
  ASSERT_EQ(policy->rule.condition.children.size(), 2u);
  EXPECT_EQ(policy->rule.condition.children[1].test.op, TestOperator::kExists);
  EXPECT_FALSE(policy->rule.condition.children[1].test.expected);
  EXPECT_EQ(policy->info.docs.references.size(), 1u);
}

TEST(PolicyLoaderTest, UnknownTopLevelKeyNamesFileAndLine) {
  const std::string message = error_of(replace(kValid, "message:", "mesage:"));
  EXPECT_NE(message.find("policies/x.yaml:12:"), std::string::npos) << message;
  EXPECT_NE(message.find("unknown key 'mesage'"), std::string::npos) << message;
}

TEST(PolicyLoaderTest, BadYamlIsReportedWithItsLine) {
  const std::string message = error_of("id: [unclosed\nname: x\n");
  EXPECT_NE(message.find("policies/x.yaml:"), std::string::npos) << message;
}

TEST(PolicyLoaderTest, UnknownFactIsAnError) {
  const std::string message = error_of(replace(kValid, "subnet.is_special", "subnet.is_spacial"));
  EXPECT_NE(message.find("policies/x.yaml:9:"), std::string::npos) << message;
  EXPECT_NE(message.find("unknown fact 'subnet.is_spacial'"), std::string::npos) << message;
}

TEST(PolicyLoaderTest, UnknownOperatorIsAnError) {
  const std::string message = error_of(replace(kValid, "exists: false", "exist: false"));
  EXPECT_NE(message.find("unknown key 'exist'"), std::string::npos) << message;
}

TEST(PolicyLoaderTest, WrongTypesAreErrors) {
  EXPECT_NE(error_of(replace(kValid, "exists: false", "exists: maybe")).find("true or false"),
            std::string::npos);
  EXPECT_NE(error_of(replace(kValid, "severity: high", "severity: severe")).find("severity"),
            std::string::npos);
  EXPECT_NE(error_of(replace(kValid, "name: test-policy", "name: TestPolicy")).find("kebab-case"),
            std::string::npos);
  EXPECT_NE(error_of(replace(kValid, "principles: [assume-breach]", "principles: [trust]"))
                .find("unknown principle"),
            std::string::npos);
}

TEST(PolicyLoaderTest, InvalidRegexIsAnError) {
  const std::string text = replace(kValid, "      exists: false", "      matches: \"([a-z\"");
  EXPECT_NE(error_of(text).find("invalid regular expression"), std::string::npos);
}

TEST(PolicyLoaderTest, TwoOperatorsInOneTestAreAnError) {
  const std::string text =
      replace(kValid, "      exists: false", "      exists: false\n      equals: x");
  EXPECT_NE(error_of(text).find("one operator"), std::string::npos);
}

TEST(PolicySetTest, DuplicateIdIsAnError) {
  PolicySet set;
  source::Diagnostics errors;
  set.add_text(kValid, "a.yaml", errors);
  set.add_text(kValid, "b.yaml", errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("duplicate policy id 'ZT-TEST-001'"), std::string::npos);
  EXPECT_NE(errors[0].message.find("a.yaml"), std::string::npos);
  EXPECT_EQ(set.policies().size(), 1u);
}

TEST(PolicySetTest, BuiltinLibraryLoadsCleanlyAndIsSortedById) {
  source::Diagnostics errors;
  const PolicySet set = PolicySet::builtin(errors);
  for (const auto& error : errors) ADD_FAILURE() << error.message;
  ASSERT_GE(set.policies().size(), 4u);
  EXPECT_TRUE(
      std::is_sorted(set.policies().begin(), set.policies().end(),
                     [](const Policy& a, const Policy& b) { return a.info.id < b.info.id; }));
  ASSERT_TRUE(set.find("ZT-NET-001"));
  EXPECT_EQ(set.find("ZT-NET-001")->info.name, "subnet-without-nsg");
  EXPECT_FALSE(set.find("ZT-NOPE-001"));
}

TEST(PolicySetTest, LoadDirectoryReportsAMissingDirectory) {
  PolicySet set;
  source::Diagnostics errors;
  set.load_directory("/nonexistent/policies", errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].kind, source::DiagnosticKind::kConfig);
}

}  // namespace
}  // namespace ztlint::policy
