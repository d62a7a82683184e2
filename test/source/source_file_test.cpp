#include "source/source_file.h"

#include <gtest/gtest.h>

#include "source/source_set.h"

namespace ztlint::source {
namespace {

TEST(SourceFileTest, ConvertsOffsetsToOneBasedLineAndCodePointColumn) {
  SourceFile file("a.tf", "ab\nc\u00e9d\n");
  EXPECT_EQ(file.line_count(), 3u);
  EXPECT_EQ(file.line_column(0), (LineColumn{1, 1}));
  EXPECT_EQ(file.line_column(3), (LineColumn{2, 1}));
  // 'é' is two bytes; 'd' after it is the third code point of line 2.
  EXPECT_EQ(file.line_column(6), (LineColumn{2, 3}));
  EXPECT_EQ(file.offset_of(LineColumn{2, 3}), 6u);
  EXPECT_EQ(file.line_text(1), "c\u00e9d");
}

TEST(SourceFileTest, SkipsByteOrderMarkAndStripsCrlf) {
  SourceFile file("a.json", "\xEF\xBB\xBF{}\r\nx");
  EXPECT_EQ(file.content_begin(), 3u);
  EXPECT_EQ(file.line_text(0), "\xEF\xBB\xBF{}");
  EXPECT_EQ(file.line_column(7), (LineColumn{2, 1}));
}

TEST(SourceSetTest, RejectsBinaryAndInvalidUtf8WithAPosition) {
  std::uint32_t offset = 0;
  EXPECT_EQ(validate_text(std::string("ab\0c", 4), &offset), "binary file (contains a NUL byte)");
  EXPECT_EQ(offset, 2u);
  EXPECT_EQ(validate_text("ok \xC3(", &offset), "not valid UTF-8 text");
  EXPECT_EQ(offset, 3u);
  EXPECT_EQ(validate_text("caf\u00e9 \xF0\x9F\x94\x92", &offset), "");
}

TEST(SourceSetTest, ReportsMissingFileAsIoError) {
  SourceSet set;
  Diagnostic error;
  EXPECT_FALSE(set.load("/nonexistent/ztlint/file.tf", &error));
  EXPECT_EQ(error.kind, DiagnosticKind::kIo);
  EXPECT_EQ(error.path, "/nonexistent/ztlint/file.tf");
}

}  // namespace
}  // namespace ztlint::source
