#include "timing/stage_timings.h"

#include <gtest/gtest.h>

#include <thread>

namespace ztlint::timing {
namespace {

using namespace std::chrono_literals;

TEST(StageTimingsTest, NamesEveryStageInPipelineOrder) {
  EXPECT_EQ(stage_name(Stage::kDiscover), "discover");
  EXPECT_EQ(stage_name(Stage::kParse), "parse");
  EXPECT_EQ(stage_name(Stage::kLower), "lower");
  EXPECT_EQ(stage_name(Stage::kLink), "link");
  EXPECT_EQ(stage_name(Stage::kAnalyse), "analyse");
  EXPECT_EQ(stage_name(Stage::kEvaluate), "evaluate");
  EXPECT_EQ(stage_name(Stage::kReport), "report");
}

TEST(StageTimingsTest, ANestedStagePausesTheEnclosingOne) {
  StageTimings timings;
  ScopedTimings recording(&timings);
  const auto started = std::chrono::steady_clock::now();
  {
    ScopedStage lower(Stage::kLower);
    std::this_thread::sleep_for(20ms);
    {
      ScopedStage parse(Stage::kParse);
      std::this_thread::sleep_for(40ms);
    }
    std::this_thread::sleep_for(20ms);
  }
  const auto wall = std::chrono::steady_clock::now() - started;
  EXPECT_GE(timings.spent(Stage::kParse), 40ms);
  EXPECT_GE(timings.spent(Stage::kLower), 40ms);
  // Counted once: had the parse also counted as lowering, the sum would exceed the wall
  // time by the parse's 40 ms.
  EXPECT_LE(timings.spent(Stage::kLower) + timings.spent(Stage::kParse), wall);
  EXPECT_EQ(timings.spent(Stage::kLink), 0ns);
}

TEST(StageTimingsTest, NothingIsRecordedWithoutTimingsInScope) {
  StageTimings timings;
  {
    ScopedStage orphan(Stage::kLink);  // no ScopedTimings: a no-op
  }
  EXPECT_EQ(current_timings(), nullptr);
  {
    ScopedTimings recording(&timings);
    EXPECT_EQ(current_timings(), &timings);
  }
  EXPECT_EQ(current_timings(), nullptr);
  EXPECT_EQ(timings.spent(Stage::kLink), 0ns);
}

TEST(StageTimingsTest, ThreadsAddToTheSameTotals) {
  StageTimings timings;
  auto work = [&] {
    ScopedTimings recording(&timings);
    ScopedStage parse(Stage::kParse);
    std::this_thread::sleep_for(30ms);
  };
  std::thread a(work), b(work);
  a.join();
  b.join();
  EXPECT_GE(timings.spent(Stage::kParse), 60ms);
}

}  // namespace
}  // namespace ztlint::timing
