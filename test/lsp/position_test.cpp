#include "lsp/position.h"

#include <gtest/gtest.h>

#include "lsp/document_store.h"

namespace ztlint::lsp {
namespace {

// "é" is 2 bytes / 1 unit, "€" 3 bytes / 1 unit, "😀" 4 bytes / 2 UTF-16 units.
constexpr std::string_view kText =
    "a\xC3\xA9"
    "b\n\xE2\x82\xAC\xF0\x9F\x98\x80x\r\nlast";

TEST(LineIndex, CountsUtf16CodeUnitsIncludingSurrogatePairs) {
  const LineIndex index(kText, PositionEncoding::kUtf16);
  EXPECT_EQ(index.position_of(3), (Position{0, 2}));   // after "aé"
  EXPECT_EQ(index.position_of(8), (Position{1, 1}));   // after "€"
  EXPECT_EQ(index.position_of(12), (Position{1, 3}));  // after "😀": a surrogate pair
  EXPECT_EQ(index.position_of(13), (Position{1, 4}));  // before "\r\n"
  EXPECT_EQ(index.offset_of({1, 3}), 12u);
  EXPECT_EQ(index.offset_of({0, 2}), 3u);
}

TEST(LineIndex, CountsBytesInUtf8) {
  const LineIndex index(kText, PositionEncoding::kUtf8);
  EXPECT_EQ(index.position_of(12), (Position{1, 7}));
  EXPECT_EQ(index.offset_of({1, 7}), 12u);
  EXPECT_EQ(index.offset_of({0, 3}), 3u);
}

TEST(LineIndex, RoundTripsEveryCodePointBoundary) {
  for (PositionEncoding encoding : {PositionEncoding::kUtf16, PositionEncoding::kUtf8}) {
    const LineIndex index(kText, encoding);
    for (std::uint32_t offset : {0u, 1u, 3u, 4u, 5u, 8u, 12u, 13u, 15u, 19u}) {
      EXPECT_EQ(index.offset_of(index.position_of(offset)), offset) << offset;
    }
  }
}

TEST(LineIndex, ClampsPositionsOutsideTheText) {
  const LineIndex index(kText, PositionEncoding::kUtf16);
  EXPECT_EQ(index.offset_of({1, 99}), 13u);  // end of line, before CRLF
  EXPECT_EQ(index.offset_of({42, 0}), kText.size());
  EXPECT_EQ(index.offset_of({1, 2}), 8u);              // inside the surrogate pair: its start
  EXPECT_EQ(index.position_of(10), (Position{1, 1}));  // inside a code point: its start
  EXPECT_EQ(index.position_of(1000), (Position{2, 4}));
}

TEST(ApplyChange, AppliesRangeEditsInUtf16) {
  std::string text(kText);
  apply_change(text, {Range{{1, 1}, {1, 3}}, "--"}, PositionEncoding::kUtf16);
  EXPECT_EQ(text,
            "a\xC3\xA9"
            "b\n\xE2\x82\xAC--x\r\nlast");
  apply_change(text, {Range{{2, 0}, {2, 4}}, "first"}, PositionEncoding::kUtf16);
  EXPECT_EQ(text,
            "a\xC3\xA9"
            "b\n\xE2\x82\xAC--x\r\nfirst");
}

TEST(ApplyChange, InsertsAndDeletesAcrossLines) {
  std::string text = "one\ntwo\nthree";
  apply_change(text, {Range{{0, 3}, {2, 0}}, " "}, PositionEncoding::kUtf16);
  EXPECT_EQ(text, "one three");
  apply_change(text, {Range{{0, 0}, {0, 0}}, "zero\n"}, PositionEncoding::kUtf8);
  EXPECT_EQ(text, "zero\none three");
}

TEST(ApplyChange, ClampsEditsOutOfRangeInsteadOfFailing) {
  std::string text = "abc\ndef";
  apply_change(text, {Range{{0, 10}, {9, 9}}, "!"}, PositionEncoding::kUtf16);
  EXPECT_EQ(text, "abc!");
  apply_change(text, {Range{{0, 3}, {0, 1}}, "?"}, PositionEncoding::kUtf16);  // reversed
  EXPECT_EQ(text, "abc?!");
}

TEST(ApplyChange, ReplacesTheWholeTextWithoutARange) {
  std::string text = "old";
  apply_change(text, {std::nullopt, "new text"}, PositionEncoding::kUtf16);
  EXPECT_EQ(text, "new text");
}

}  // namespace
}  // namespace ztlint::lsp
