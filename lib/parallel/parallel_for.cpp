#include "parallel/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "parallel/helper_threads.h"
#include "timing/stage_timings.h"

namespace ztlint::parallel {

unsigned default_jobs() {
  return std::max(1u, std::thread::hardware_concurrency());
}

void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& work) {
  if (jobs == 0) jobs = default_jobs();
  const std::size_t threads = std::min<std::size_t>(jobs, count);
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) work(i);
    return;
  }
  // Items are taken one at a time: files differ in size by orders of magnitude, so fixed
  // shares would leave a thread idle while another parses the largest file.
  std::atomic<std::size_t> next{0};
  timing::StageTimings* timings = timing::current_timings();
  auto drain = [&] {
    timing::ScopedTimings inherit(timings);
    for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) work(i);
  };
  if (HelperThreads::shared().run(threads - 1, drain, drain)) return;
  // The kept helpers are busy (another call, or this one nested in a work item).
  std::vector<std::thread> helpers;
  helpers.reserve(threads - 1);
  for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(drain);
  drain();
  for (std::thread& helper : helpers) helper.join();
}

}  // namespace ztlint::parallel
