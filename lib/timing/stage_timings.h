// Time spent per pipeline stage, for `ztlint check --timings` and the benchmarks.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string_view>

namespace ztlint::timing {

enum class Stage { kDiscover, kParse, kLower, kLink, kAnalyse, kEvaluate, kReport };
inline constexpr std::size_t kStageCount = 7;

std::string_view stage_name(Stage stage);

// Nanoseconds per stage, summed over the threads that worked in it: with `-j 2`, a stage
// that kept both cores busy for one second counts two.
class StageTimings {
 public:
  void add(Stage stage, std::chrono::nanoseconds spent) {
    nanos_[static_cast<std::size_t>(stage)].fetch_add(spent.count(), std::memory_order_relaxed);
  }
  std::chrono::nanoseconds spent(Stage stage) const {
    return std::chrono::nanoseconds(
        nanos_[static_cast<std::size_t>(stage)].load(std::memory_order_relaxed));
  }

 private:
  std::array<std::atomic<std::int64_t>, kStageCount> nanos_{};
};

// The timings the current thread records into (null: none). Worker threads are given
// their parent's with ScopedTimings.
StageTimings* current_timings();

class ScopedTimings {
 public:
  explicit ScopedTimings(StageTimings* timings);
  ~ScopedTimings();
  ScopedTimings(const ScopedTimings&) = delete;
  ScopedTimings& operator=(const ScopedTimings&) = delete;

 private:
  StageTimings* previous_;
};

// Counts the time until its end to `stage`. Nested ones pause the enclosing one, so a
// module parsed while lowering counts as parse, not twice.
class ScopedStage {
 public:
  explicit ScopedStage(Stage stage);
  ~ScopedStage();
  ScopedStage(const ScopedStage&) = delete;
  ScopedStage& operator=(const ScopedStage&) = delete;

 private:
  void flush(std::chrono::steady_clock::time_point now);

  Stage stage_;
  ScopedStage* outer_;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace ztlint::timing
