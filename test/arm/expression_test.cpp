#include "arm/expression.h"

#include <gtest/gtest.h>

namespace ztlint::arm {
namespace {

TEST(ExpressionTest, ClassifiesStrings) {
  EXPECT_EQ(string_form("[parameters('a')]"), StringForm::kExpression);
  EXPECT_EQ(string_form("[[not an expression]"), StringForm::kEscaped);
  EXPECT_EQ(string_form("plain"), StringForm::kLiteral);
  EXPECT_EQ(string_form("[unterminated"), StringForm::kLiteral);
  EXPECT_EQ(string_form("[]"), StringForm::kExpression);
}

TEST(ExpressionTest, ParsesNestedCallsWithAccessors) {
  const auto parsed =
      parse_expression("reference(resourceId('A.B/c', 'n'), '2020-01-01').ipConfigurations[0].id");
  ASSERT_TRUE(parsed.expression) << parsed.error;
  const Expression& e = *parsed.expression;
  ASSERT_EQ(e.kind, Expression::Kind::kMember);
  EXPECT_EQ(e.text, "id");
  const Expression& index = e.operands[0];
  ASSERT_EQ(index.kind, Expression::Kind::kIndex);
  EXPECT_EQ(index.operands[1].number, 0);
  const Expression& member = index.operands[0];
  ASSERT_EQ(member.kind, Expression::Kind::kMember);
  EXPECT_EQ(member.text, "ipConfigurations");
  const Expression& call = member.operands[0];
  ASSERT_EQ(call.kind, Expression::Kind::kCall);
  EXPECT_EQ(call.text, "reference");
  ASSERT_EQ(call.operands.size(), 2u);
  EXPECT_EQ(call.operands[0].text, "resourceId");
  EXPECT_EQ(call.operands[0].operands[1].text, "n");
}

TEST(ExpressionTest, ParsesLiterals) {
  const auto parsed = parse_expression("f('it''s', -3, true, null, ns.user(1))");
  ASSERT_TRUE(parsed.expression) << parsed.error;
  const auto& args = parsed.expression->operands;
  ASSERT_EQ(args.size(), 5u);
  EXPECT_EQ(args[0].text, "it's");
  EXPECT_EQ(args[1].number, -3);
  EXPECT_EQ(args[2].kind, Expression::Kind::kBool);
  EXPECT_EQ(args[3].kind, Expression::Kind::kNull);
  EXPECT_EQ(args[4].kind, Expression::Kind::kCall);
  EXPECT_EQ(args[4].text, "ns.user");
}

TEST(ExpressionTest, ReportsErrorsWithOffsets) {
  auto parsed = parse_expression("concat('a', 'b'");
  EXPECT_FALSE(parsed.expression);
  EXPECT_EQ(parsed.error, "expected ',' or ')' in the arguments of 'concat'");
  EXPECT_EQ(parsed.error_offset, 15u);

  parsed = parse_expression("concat('a)");
  EXPECT_FALSE(parsed.expression);
  EXPECT_EQ(parsed.error, "unterminated string literal");
  EXPECT_EQ(parsed.error_offset, 7u);

  parsed = parse_expression("variables");
  EXPECT_FALSE(parsed.expression);

  parsed = parse_expression("a() b");
  EXPECT_FALSE(parsed.expression);
  EXPECT_EQ(parsed.error, "unexpected 'b' after the expression");
}

TEST(ExpressionTest, DeepNestingIsAnError) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "f(";
  text += "1";
  for (int i = 0; i < 1000; ++i) text += ")";
  const auto parsed = parse_expression(text);
  EXPECT_FALSE(parsed.expression);
  EXPECT_EQ(parsed.error, "the expression is nested too deeply");
}

}  // namespace
}  // namespace ztlint::arm
