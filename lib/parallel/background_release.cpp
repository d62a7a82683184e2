#include "parallel/background_release.h"

#include <utility>

namespace ztlint::parallel {

BackgroundRelease::BackgroundRelease() : thread_([this] { run(); }) {}

BackgroundRelease::~BackgroundRelease() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void BackgroundRelease::release(std::shared_ptr<const void> object) {
  if (!object) return;
  {
    std::lock_guard lock(mutex_);
    pending_.push_back(std::move(object));
  }
  wake_.notify_all();
}

void BackgroundRelease::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stop_ || !pending_.empty(); });
    if (pending_.empty()) return;  // stopping, and nothing left to free
    std::vector<std::shared_ptr<const void>> batch = std::exchange(pending_, {});
    lock.unlock();
    batch.clear();  // the frees themselves, without the lock
    lock.lock();
  }
}

}  // namespace ztlint::parallel
