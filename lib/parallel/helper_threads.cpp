#include "parallel/helper_threads.h"

namespace ztlint::parallel {

HelperThreads& HelperThreads::shared() {
  static HelperThreads helpers;
  return helpers;
}

HelperThreads::~HelperThreads() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

bool HelperThreads::run(std::size_t helpers, const std::function<void()>& task,
                        const std::function<void()>& own) {
  {
    std::lock_guard lock(mutex_);
    if (busy_ || stop_) return false;
    busy_ = true;
    while (threads_.size() < helpers) threads_.emplace_back([this] { serve(); });
    task_ = &task;
    offered_ = helpers;
  }
  wake_.notify_all();
  own();
  std::unique_lock lock(mutex_);
  offered_ = 0;  // what the caller finished needs no late helper
  idle_.wait(lock, [this] { return running_ == 0; });
  task_ = nullptr;
  busy_ = false;
  return true;
}

void HelperThreads::serve() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stop_ || offered_ > 0; });
    if (stop_) return;
    --offered_;
    ++running_;
    const std::function<void()>& task = *task_;
    lock.unlock();
    task();
    lock.lock();
    if (--running_ == 0) idle_.notify_all();
  }
}

}  // namespace ztlint::parallel
