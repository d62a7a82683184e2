#include "terraform/hcl_parser.h"

#include <gtest/gtest.h>

#include <string>

#include "source/source_file.h"

namespace ztlint::terraform {
namespace {

using source::DiagnosticKind;

struct Parsed {
  source::SourceFile file;
  source::Diagnostics diagnostics;
  Body body;
};

std::unique_ptr<Parsed> parse(std::string text) {
  auto p = std::make_unique<Parsed>(Parsed{source::SourceFile("main.tf", std::move(text)), {}, {}});
  p->body = parse_hcl(p->file, 0, p->diagnostics);
  return p;
}

// Byte offset of the n-th occurrence of `needle`.
std::uint32_t offset_of(const Parsed& p, std::string_view needle, int nth = 0) {
  std::size_t at = p.file.text().find(needle);
  while (nth-- > 0) at = p.file.text().find(needle, at + 1);
  EXPECT_NE(at, std::string_view::npos) << needle;
  return static_cast<std::uint32_t>(at);
}

TEST(HclParserTest, ReadsBlocksLabelsAndAttributes) {
  auto p = parse(
      "resource \"azurerm_subnet\" \"app\" {\n  name = \"snet\"\n  delegation {\n"
      "    name = \"d\"\n  }\n}\nlocals { x = 1 }\n");
  EXPECT_TRUE(p->diagnostics.empty());
  ASSERT_EQ(p->body.blocks.size(), 2u);
  const Block& r = p->body.blocks[0];
  EXPECT_EQ(r.type, "resource");
  EXPECT_EQ(r.labels, (std::vector<std::string>{"azurerm_subnet", "app"}));
  ASSERT_NE(r.body.attribute("name"), nullptr);
  EXPECT_EQ(r.body.attribute("name")->expr->kind, Expr::Kind::kLiteral);
  EXPECT_EQ(r.body.attribute("name")->expr->value.as_string(), "snet");
  ASSERT_NE(r.body.block("delegation"), nullptr);
  EXPECT_EQ(r.span.range.begin, 0u);
  EXPECT_EQ(r.span.range.end, offset_of(*p, "}\nlocals") + 1);
  const Attribute* name = r.body.attribute("name");
  EXPECT_EQ(p->file.slice(name->span.range), "name = \"snet\"");
}

TEST(HclParserTest, BuildsExpressionTrees) {
  auto p = parse(
      "x = a.b[0].c[*].d\ny = f(1, z...)\nw = { k = 1, (v) = 2 }\n"
      "v = [for k, v in x : v if k]\nu = c ? -1 : !d\nt = (1 + 2) * 3\n");
  ASSERT_TRUE(p->diagnostics.empty());
  const Body& b = p->body;
  // Top-level attributes of a file without blocks.
  const Expr& x = *b.attribute("x")->expr;
  ASSERT_EQ(x.kind, Expr::Kind::kTraversal);
  EXPECT_EQ(x.operands[0]->name, "a");
  ASSERT_EQ(x.steps.size(), 5u);
  EXPECT_EQ(x.steps[2].name, "c");
  EXPECT_EQ(x.steps[3].kind, TraversalStep::Kind::kSplat);
  const Expr& y = *b.attribute("y")->expr;
  EXPECT_EQ(y.kind, Expr::Kind::kCall);
  EXPECT_EQ(y.name, "f");
  EXPECT_TRUE(y.expand_last);
  const Expr& w = *b.attribute("w")->expr;
  ASSERT_EQ(w.items.size(), 2u);
  EXPECT_EQ(w.items[0].key->kind, Expr::Kind::kLiteral);
  EXPECT_EQ(w.items[1].key->kind, Expr::Kind::kVariable);
  const Expr& v = *b.attribute("v")->expr;
  EXPECT_EQ(v.kind, Expr::Kind::kFor);
  EXPECT_EQ(v.key_var, "k");
  EXPECT_NE(v.operands[3], nullptr);
  const Expr& t = *b.attribute("t")->expr;
  ASSERT_EQ(t.kind, Expr::Kind::kBinary);
  EXPECT_EQ(t.op, "*");
  EXPECT_EQ(t.operands[0]->kind, Expr::Kind::kBinary);
}

TEST(HclParserTest, StrayClosingBraceIsUnexpected) {
  auto p = parse("resource \"a\" \"b\" {\n  x = 1\n}\n}\n");
  ASSERT_EQ(p->diagnostics.size(), 1u);
  EXPECT_EQ(p->diagnostics[0].kind, DiagnosticKind::kSyntax);
  EXPECT_EQ(p->diagnostics[0].message, "unexpected '}'");
  EXPECT_EQ(p->diagnostics[0].span.range.begin, offset_of(*p, "}", 1));
  // What parsed is still there.
  ASSERT_EQ(p->body.blocks.size(), 1u);
  EXPECT_NE(p->body.blocks[0].body.attribute("x"), nullptr);
}

TEST(HclParserTest, UnclosedBlockPointsAtItsHeader) {
  auto p = parse("resource \"a\" \"b\" {\n  x = 1\n\nresource \"c\" \"d\" {\n  y = 2\n}\n");
  ASSERT_EQ(p->diagnostics.size(), 1u);
  EXPECT_EQ(p->diagnostics[0].message, "unclosed block started here: missing '}'");
  EXPECT_EQ(p->diagnostics[0].span.range.begin, 0u);
  EXPECT_EQ(p->diagnostics[0].span.range.end, offset_of(*p, "{") + 1);
}

TEST(HclParserTest, AttributeWithoutEqualsSignIsNamed) {
  auto p = parse("resource \"a\" \"b\" {\n  x 1\n  y = 2\n}\n");
  ASSERT_FALSE(p->diagnostics.empty());
  EXPECT_EQ(p->diagnostics[0].message, "missing '=' after attribute name");
  EXPECT_EQ(p->diagnostics[0].span.range.begin, offset_of(*p, "x 1"));
  EXPECT_EQ(p->diagnostics[0].span.range.end, offset_of(*p, "x 1") + 1);
}

TEST(HclParserTest, MissingValueAfterEquals) {
  auto p = parse("locals {\n  x = \n}\nresource \"a\" \"b\" {}\n");
  ASSERT_FALSE(p->diagnostics.empty());
  EXPECT_EQ(p->diagnostics[0].message, "missing value after '='");
  EXPECT_EQ(p->diagnostics[0].span.range.begin, offset_of(*p, "="));
  EXPECT_EQ(p->diagnostics[0].span.range.end, offset_of(*p, "=") + 1);
}

TEST(HclParserTest, MissingObjectValueAndOperand) {
  auto p = parse("variable \"x\" {\n  default = {\n    a = 1,\n    b = \n  }\n}\n");
  ASSERT_EQ(p->diagnostics.size(), 1u);
  EXPECT_EQ(p->diagnostics[0].message, "missing value after '='");
  EXPECT_EQ(p->diagnostics[0].span.range.begin, offset_of(*p, "=", 2));
  auto q = parse("locals {\n  a = 1 +\n}\n");
  ASSERT_EQ(q->diagnostics.size(), 1u);
  EXPECT_EQ(q->diagnostics[0].message, "missing operand after '+'");
  EXPECT_EQ(q->diagnostics[0].span.range.begin, offset_of(*q, "+"));
}

TEST(HclParserTest, UnclosedListNamesTheList) {
  auto p = parse("locals {\n  x = [1, 2\n  y = 3\n}\n");
  ASSERT_FALSE(p->diagnostics.empty());
  EXPECT_EQ(p->diagnostics[0].message, "unclosed list started here: missing ']'");
  EXPECT_EQ(p->diagnostics[0].span.range.begin, offset_of(*p, "["));
}

TEST(HclParserTest, UnterminatedStringIsReported) {
  auto p = parse("locals {\n  x = \"abc\n}\n");
  ASSERT_FALSE(p->diagnostics.empty());
  EXPECT_EQ(p->diagnostics[0].message, "unclosed string started here");
  EXPECT_EQ(p->diagnostics[0].span.range.begin, offset_of(*p, "\""));
}

TEST(HclParserTest, ReturnsCommentsWithSpans) {
  source::SourceFile file("main.tf",
                          "# expect: ZT-NET-001\nresource \"a\" \"b\" { // trailing\n"
                          "  x = 1 /* block */\n}\n");
  const auto comments = file_comments(file, 7);
  ASSERT_EQ(comments.size(), 3u);
  EXPECT_EQ(comments[0].text, "# expect: ZT-NET-001");
  EXPECT_EQ(comments[0].span.file, 7u);
  EXPECT_EQ(comments[0].span.range.begin, 0u);
  EXPECT_EQ(comments[1].text, "// trailing");
  EXPECT_EQ(comments[2].text, "/* block */");
  EXPECT_EQ(file.slice(comments[2].span.range), "/* block */");
}

TEST(HclParserTest, DeeplyNestedExpressionIsCutOffNotCrashing) {
  std::string text = "x = ";
  for (int i = 0; i < 20000; ++i) text += "[";
  for (int i = 0; i < 20000; ++i) text += "]";
  text += "\nresource \"a\" \"b\" {}\n";
  auto p = parse(text);
  bool reported = false;
  for (const auto& d : p->diagnostics)
    reported |= d.message.find("nesting deeper") != std::string::npos;
  EXPECT_TRUE(reported);
  EXPECT_EQ(p->body.blocks.size(), 1u);
}

TEST(HclParserTest, HeredocStripsIndentationAndKeepsInterpolation) {
  auto p = parse("x = <<-EOT\n    hello ${name}\n      indented\n    EOT\n");
  ASSERT_TRUE(p->diagnostics.empty());
  const Expr& x = *p->body.attribute("x")->expr;
  ASSERT_EQ(x.kind, Expr::Kind::kTemplate);
  ASSERT_EQ(x.parts.size(), 3u);
  EXPECT_EQ(x.parts[0].text, "hello ");
  EXPECT_EQ(x.parts[2].text, "\n  indented\n");
}

TEST(HclParserTest, QuotedStringEscapes) {
  auto p = parse("x = \"a\\n\\\"b\\u00e9 $${c}\"\n");
  const Expr& x = *p->body.attribute("x")->expr;
  ASSERT_EQ(x.kind, Expr::Kind::kLiteral);
  EXPECT_EQ(x.value.as_string(), "a\n\"b\xC3\xA9 ${c}");
}

TEST(HclParserTest, ByteOrderMarkIsSkipped) {
  auto p = parse("\xEF\xBB\xBFlocals { x = 1 }\n");
  EXPECT_TRUE(p->diagnostics.empty());
  EXPECT_EQ(p->body.blocks.size(), 1u);
}

}  // namespace
}  // namespace ztlint::terraform
