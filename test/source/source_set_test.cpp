#include "source/source_set.h"

#include <gtest/gtest.h>

namespace ztlint::source {
namespace {

TEST(SourceSetTest, AFileSharedWithAnotherSetIsTheSameFileUnderItsOwnId) {
  SourceSet first;
  first.add("/ws/a.tf", "variable \"a\" {}\n");
  const FileId in_first = first.add("/ws/b.tf", "variable \"b\" {}\n");

  SourceSet second;
  const FileId in_second = second.add_shared(first.shared(in_first));
  EXPECT_EQ(in_second, 0u) << "ids are the set's own";
  EXPECT_EQ(&second.file(in_second), &first.file(in_first)) << "shared, not copied";
  EXPECT_EQ(second.find("/ws/b.tf"), in_second);
  EXPECT_FALSE(second.find("/ws/a.tf").has_value());
  EXPECT_EQ(second.file(in_second).text(), "variable \"b\" {}\n");
}

TEST(SourceSetTest, PathRanksOrderFilesByPathAndTieFilesOfOnePath) {
  SourceSet set;
  set.add("/w/b.tf", "");
  set.add("/w/a.tf", "");
  set.add("/w/c.tf", "");
  set.add("/w/a.tf", "");  // the same path again
  EXPECT_EQ(set.path_ranks(), (std::vector<std::uint32_t>{3, 1, 4, 1}));
}

}  // namespace
}  // namespace ztlint::source
