#include "parallel/background_release.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace ztlint::parallel {
namespace {

// Records on which thread it was destroyed.
struct Tracked {
  Tracked(std::mutex* m, std::vector<std::thread::id>* d) : mutex(m), destroyed_on(d) {}
  Tracked(const Tracked&) = delete;
  Tracked& operator=(const Tracked&) = delete;
  std::mutex* mutex;
  std::vector<std::thread::id>* destroyed_on;
  ~Tracked() {
    std::lock_guard lock(*mutex);
    destroyed_on->push_back(std::this_thread::get_id());
  }
};

TEST(BackgroundReleaseTest, FreesOnItsOwnThreadAndEverythingBeforeItStops) {
  std::mutex mutex;
  std::vector<std::thread::id> destroyed_on;
  {
    BackgroundRelease release;
    for (int i = 0; i < 50; ++i) {
      release.release(std::make_shared<const Tracked>(&mutex, &destroyed_on));
    }
    release.release(nullptr);  // ignored
  }
  ASSERT_EQ(destroyed_on.size(), 50u);
  for (const std::thread::id id : destroyed_on) EXPECT_NE(id, std::this_thread::get_id());
}

TEST(BackgroundReleaseTest, AnObjectStillSharedElsewhereLivesOn) {
  std::mutex mutex;
  std::vector<std::thread::id> destroyed_on;
  auto kept = std::make_shared<const Tracked>(&mutex, &destroyed_on);
  {
    BackgroundRelease release;
    release.release(kept);
  }
  EXPECT_TRUE(destroyed_on.empty());
  EXPECT_EQ(kept.use_count(), 1);
}

}  // namespace
}  // namespace ztlint::parallel
