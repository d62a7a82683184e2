#include "estate/file_text_cache.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "estate/estate.h"
#include "support/run_ztlint.h"

namespace ztlint::estate {
namespace {

std::string text_read(const std::string& path, FileTextCache& texts) {
  LoadOptions options;
  options.paths = {path};
  options.texts = &texts;
  const auto estate = load_estate(options);
  const auto id = estate->sources.find(path);
  return id ? std::string(estate->sources.file(*id).text()) : "<not read>";
}

TEST(FileTextCacheTest, AnUnchangedFileIsTakenFromTheCacheAndAChangedOneReadAgain) {
  const testing::ScratchDir scratch;
  const std::string path = scratch.write("main.tf", "variable \"a\" {}\n").string();
  FileTextCache texts;
  EXPECT_EQ(text_read(path, texts), "variable \"a\" {}\n");

  // What the cache holds for the file's current stamp is what the next run sees: the disk
  // is not read again.
  const auto stamp = FileTextCache::stamp_of(path);
  ASSERT_TRUE(stamp.has_value());
  const auto kept = texts.find(path, *stamp);
  ASSERT_NE(kept, nullptr);
  ASSERT_EQ(kept->text(), "variable \"a\" {}\n");
  texts.keep(path, *stamp,
             std::make_shared<const source::SourceFile>(path, "variable \"kept\" {}\n"));
  EXPECT_EQ(text_read(path, texts), "variable \"kept\" {}\n");

  // Another size (and time) is another version: read from disk.
  std::ofstream(path, std::ios::binary | std::ios::trunc) << "variable \"changed\" {}\n";
  EXPECT_EQ(text_read(path, texts), "variable \"changed\" {}\n");
}

TEST(FileTextCacheTest, OnlyRegularFilesHaveAStamp) {
  const testing::ScratchDir scratch;
  EXPECT_FALSE(FileTextCache::stamp_of(scratch.path().string()).has_value());
  EXPECT_FALSE(FileTextCache::stamp_of((scratch.path() / "missing.tf").string()).has_value());
  EXPECT_TRUE(FileTextCache::stamp_of(scratch.write("a.tf", "").string()).has_value());
}

}  // namespace
}  // namespace ztlint::estate
