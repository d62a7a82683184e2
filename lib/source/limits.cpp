#include "source/limits.h"

#include <atomic>

namespace ztlint::source {

namespace {
std::atomic<long long> time_limit_ms{kDefaultTimeLimit.count()};
}  // namespace

std::chrono::milliseconds evaluation_time_limit() {
  return std::chrono::milliseconds(time_limit_ms.load(std::memory_order_relaxed));
}

void set_evaluation_time_limit(std::chrono::milliseconds limit) {
  time_limit_ms.store(limit.count(), std::memory_order_relaxed);
}

}  // namespace ztlint::source
