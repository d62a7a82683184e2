#include "timing/stage_timings.h"

namespace ztlint::timing {

namespace {

thread_local StageTimings* t_timings = nullptr;
thread_local ScopedStage* t_innermost = nullptr;

constexpr std::array<std::string_view, kStageCount> kNames = {
    "discover", "parse", "lower", "link", "analyse", "evaluate", "report"};

}  // namespace

std::string_view stage_name(Stage stage) {
  return kNames[static_cast<std::size_t>(stage)];
}

StageTimings* current_timings() {
  return t_timings;
}

ScopedTimings::ScopedTimings(StageTimings* timings) : previous_(t_timings) {
  t_timings = timings;
}
ScopedTimings::~ScopedTimings() {
  t_timings = previous_;
}

ScopedStage::ScopedStage(Stage stage)
    : stage_(stage), outer_(t_innermost), started_(std::chrono::steady_clock::now()) {
  if (outer_ != nullptr) outer_->flush(started_);
  t_innermost = this;
}

ScopedStage::~ScopedStage() {
  const auto now = std::chrono::steady_clock::now();
  flush(now);
  t_innermost = outer_;
  if (outer_ != nullptr) outer_->started_ = now;
}

void ScopedStage::flush(std::chrono::steady_clock::time_point now) {
  if (t_timings != nullptr) t_timings->add(stage_, now - started_);
  started_ = now;
}

}  // namespace ztlint::timing
