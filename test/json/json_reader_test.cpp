#include "json/json_reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace ztlint::json {
namespace {

using value::Value;

// The byte range of the n-th occurrence of `needle` in `text`.
source::TextRange range_of(std::string_view text, std::string_view needle, int nth = 0) {
  std::size_t at = text.find(needle);
  for (int i = 0; i < nth; ++i) at = text.find(needle, at + 1);
  EXPECT_NE(at, std::string_view::npos) << needle;
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
}

TEST(JsonReaderTest, ReadsScalarsListsAndMaps) {
  const auto result = read(R"({"a": 1.5, "b": [true, false, null], "c": "x\ny", "d": -2e3})");
  ASSERT_TRUE(result.ok()) << result.error->message;
  EXPECT_EQ(result.value.get("a")->as_number(), 1.5);
  EXPECT_EQ(result.value.get("b")->as_list().size(), 3u);
  EXPECT_TRUE(result.value.get("b")->as_list()[0].as_bool());
  EXPECT_TRUE(result.value.get("b")->as_list()[2].is_null());
  EXPECT_EQ(result.value.get("c")->as_string(), "x\ny");
  EXPECT_EQ(result.value.get("d")->as_number(), -2000);
}

TEST(JsonReaderTest, MemberValueSpanCoversKeyAndValue) {
  const std::string text = R"({
  "properties": { "priority": 100, "access": "Allow" }
})";
  const auto result = read(text, 7);
  ASSERT_TRUE(result.ok());
  const Value* access = result.value.find_path("properties.access");
  ASSERT_NE(access, nullptr);
  EXPECT_EQ(access->span().file, 7u);
  EXPECT_EQ(access->span().range, range_of(text, R"("access": "Allow")"));
  EXPECT_EQ(result.value.span().range,
            (source::TextRange{0, static_cast<std::uint32_t>(text.size())}));
}

TEST(JsonReaderTest, ListItemSpanIsTheItemAlone) {
  const std::string text = R"([ {"name": "a"}, "b" ])";
  const auto result = read(text);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value.as_list()[0].span().range, range_of(text, R"({"name": "a"})"));
  EXPECT_EQ(result.value.as_list()[1].span().range, range_of(text, R"("b")"));
}

TEST(JsonReaderTest, ValueSpansWithoutMemberSpansOption) {
  const std::string text = R"({"k": "v"})";
  ReadOptions options;
  options.member_spans = false;
  const auto result = read(text, 0, 0, options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value.get("k")->span().range, range_of(text, R"("v")"));
}

TEST(JsonReaderTest, BaseOffsetShiftsEverySpan) {
  const auto result = read(R"({"k": 1})", 0, 3);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value.span().range, (source::TextRange{3, 11}));
}

TEST(JsonReaderTest, AcceptsCommentsAndTrailingCommas) {
  const std::string text = R"(// leading
{
  /* block
     comment */ "a": [1, 2, ],  // trailing
  "b": {"c": 3,},
})";
  const auto result = read(text);
  ASSERT_TRUE(result.ok()) << result.error->message;
  EXPECT_EQ(result.value.get("a")->as_list().size(), 2u);
  EXPECT_EQ(result.value.find_path("b.c")->as_number(), 3);
}

TEST(JsonReaderTest, StrictOptionsRejectCommentsAndTrailingCommas) {
  ReadOptions strict;
  strict.allow_comments = false;
  strict.allow_trailing_commas = false;
  EXPECT_FALSE(read("{} // x", 0, 0, strict).ok());
  const auto result = read("[1,]", 0, 0, strict);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->range, (source::TextRange{2, 3}));
}

TEST(JsonReaderTest, DecodesEscapesAndSurrogatePairs) {
  const auto result = read(R"(["\u00e9\t\"\\\/", "\ud83d\ude00"])");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value.as_list()[0].as_string(), "\xC3\xA9\t\"\\/");
  EXPECT_EQ(result.value.as_list()[1].as_string(), "\xF0\x9F\x98\x80");
}

TEST(JsonReaderTest, MissingCommaIsReportedAtTheNextMember) {
  const std::string text = "{\n  \"a\": 1\n  \"b\": 2\n}";
  const auto result = read(text);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->message, "expected ',' or '}' after object member, found '\"'");
  EXPECT_EQ(result.error->range.begin, range_of(text, "\"b\"").begin);
}

TEST(JsonReaderTest, ReportsMissingColonAndBadValues) {
  auto result = read(R"({"a" 1})");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->message, "expected ':' after object member name, found '1'");
  EXPECT_EQ(result.error->range.begin, 5u);

  result = read(R"({"a": tru})");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->message, "expected a JSON value, found 'tru'");
  EXPECT_EQ(result.error->range, (source::TextRange{6, 9}));

  result = read("[1, 2");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->message, "unterminated array: expected ']'");
  EXPECT_EQ(result.error->range.begin, 0u);

  result = read(R"({"a": "b)");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->message, "unterminated string");
  EXPECT_EQ(result.error->range.begin, 6u);

  result = read("[01]");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->message, "numbers may not have leading zeros");

  result = read("{} {}");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->message, "unexpected text after the JSON value");
  EXPECT_EQ(result.error->range.begin, 3u);

  result = read("");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->message, "expected a JSON value, found end of file");

  result = read(R"(["a\qb"])");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->message, "invalid escape '\\q' in a string");
  EXPECT_EQ(result.error->range, (source::TextRange{3, 5}));

  result = read("/* open");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->message, "unterminated /* comment");
}

TEST(JsonReaderTest, AcceptsLineBreaksInsideStringsAsAzureDoes) {
  const auto result = read("[\"[concat('a',\n   'b')]\"]");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value.as_list()[0].as_string(), "[concat('a',\n   'b')]");
  ReadOptions strict;
  strict.allow_control_characters = false;
  const auto rejected = read("[\"a\nb\"]", 0, 0, strict);
  ASSERT_FALSE(rejected.ok());
  EXPECT_EQ(rejected.error->message, "unterminated string (line break inside a string)");
}

TEST(JsonReaderTest, DeepNestingIsAnErrorNotACrash) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const auto result = read(deep);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->message, "nesting deeper than 512 levels is not supported");
  EXPECT_EQ(result.error->range.begin, 512u);

  const std::string fine = std::string(500, '[') + std::string(500, ']');
  EXPECT_TRUE(read(fine).ok());
}

TEST(JsonReaderTest, ReadsLargeDocumentsQuickly) {
  std::string text = "{\"resources\": [";
  for (int i = 0; i < 20000; ++i) {
    if (i) text += ",";
    text +=
        R"({"type": "Microsoft.Network/networkSecurityGroups/securityRules", "name": "[concat(variables('nsg'), '/rule')]", "properties": {"priority": 100, "access": "Allow", "ports": ["22", "3389"], "enabled": true}})";
  }
  text += "]}";
  const auto start = std::chrono::steady_clock::now();
  const auto result = read(text);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value.get("resources")->as_list().size(), 20000u);
  const double megabytes_per_second = text.size() / 1e6 / seconds;
  RecordProperty("megabytes_per_second", std::to_string(megabytes_per_second));
#if defined(__OPTIMIZE__) && !defined(__SANITIZE_ADDRESS__)
  // Generous floor so a loaded CI machine does not flake; measured figures are far higher.
  EXPECT_GT(megabytes_per_second, 10.0);
#endif
}

}  // namespace
}  // namespace ztlint::json
