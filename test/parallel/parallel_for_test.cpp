#include "parallel/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "timing/stage_timings.h"

namespace ztlint::parallel {
namespace {

TEST(ParallelForTest, CallsEveryIndexExactlyOnce) {
  for (unsigned jobs : {0u, 1u, 2u, 7u}) {
    std::vector<std::atomic<int>> calls(1000);
    parallel_for(calls.size(), jobs, [&](std::size_t i) { ++calls[i]; });
    for (std::size_t i = 0; i < calls.size(); ++i) {
      ASSERT_EQ(calls[i].load(), 1) << "index " << i << " with " << jobs << " jobs";
    }
  }
}

TEST(ParallelForTest, NothingToDoReturnsAtOnce) {
  int calls = 0;
  parallel_for(0, 4, [&](std::size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
}

TEST(ParallelForTest, OneJobRunsOnTheCallingThread) {
  const auto caller = std::this_thread::get_id();
  std::set<std::thread::id> threads;
  parallel_for(50, 1, [&](std::size_t) { threads.insert(std::this_thread::get_id()); });
  EXPECT_EQ(threads, std::set<std::thread::id>{caller});
}

TEST(ParallelForTest, SeveralJobsUseSeveralThreads) {
  std::mutex mutex;
  std::set<std::thread::id> threads;
  parallel_for(8, 4, [&](std::size_t) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::lock_guard lock(mutex);
    threads.insert(std::this_thread::get_id());
  });
  EXPECT_GT(threads.size(), 1u);
  EXPECT_LE(threads.size(), 4u);
}

TEST(ParallelForTest, WorkersRecordIntoTheCallersTimings) {
  timing::StageTimings timings;
  timing::ScopedTimings recording(&timings);
  std::atomic<int> saw_timings{0};
  parallel_for(4, 4, [&](std::size_t) {
    if (timing::current_timings() == &timings) ++saw_timings;
    timing::ScopedStage parse(timing::Stage::kParse);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  });
  EXPECT_EQ(saw_timings.load(), 4);
  EXPECT_GE(timings.spent(timing::Stage::kParse), std::chrono::milliseconds(40));
}

// Per thread: the last call it worked in, and how many calls it worked in.
thread_local int last_call = -1;
thread_local int calls_worked_in = 0;

TEST(ParallelForTest, HelperThreadsAreKeptBetweenCalls) {
  const auto caller = std::this_thread::get_id();
  std::atomic<int> most_by_a_helper{0};
  for (int call = 0; call < 3; ++call) {
    parallel_for(4, 2, [&](std::size_t) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));  // long enough to share
      if (std::this_thread::get_id() == caller || last_call == call) return;
      last_call = call;
      const int worked_in = ++calls_worked_in;
      int most = most_by_a_helper.load();
      while (worked_in > most && !most_by_a_helper.compare_exchange_weak(most, worked_in)) {
      }
    });
  }
  // A thread started for each call would have worked in one only.
  EXPECT_GE(most_by_a_helper.load(), 2);
}

TEST(ParallelForTest, ANestedCallRunsEveryIndexToo) {
  std::vector<std::atomic<int>> calls(64);
  parallel_for(8, 2, [&](std::size_t outer) {
    parallel_for(8, 2, [&](std::size_t inner) { ++calls[outer * 8 + inner]; });
  });
  for (std::size_t i = 0; i < calls.size(); ++i) EXPECT_EQ(calls[i].load(), 1) << "index " << i;
}

TEST(ParallelForTest, DefaultJobsIsAtLeastOne) {
  EXPECT_GE(default_jobs(), 1u);
}

}  // namespace
}  // namespace ztlint::parallel
