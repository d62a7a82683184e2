// Threads kept between parallel_for calls. Starting a thread per call cost the language
// server, on every lint, a thread's start, a fresh allocator cache torn down again at its
// exit, and the first touches of a new stack.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ztlint::parallel {

class HelperThreads {
 public:
  // The process's helpers, started as calls first need them.
  static HelperThreads& shared();

  HelperThreads() = default;
  // Stops and joins the helpers.
  ~HelperThreads();
  HelperThreads(const HelperThreads&) = delete;
  HelperThreads& operator=(const HelperThreads&) = delete;

  // Runs `task` on up to `helpers` helper threads while the caller runs `own` (typically the
  // same work), and returns once the caller is done and no helper still runs `task`.
  // Helpers that had not started `task` by then never do. One call at a time: returns
  // false at once, running nothing, when another call is in progress (or this is a nested
  // call from inside `task`); the caller then finds threads elsewhere.
  bool run(std::size_t helpers, const std::function<void()>& task,
           const std::function<void()>& own);

 private:
  void serve();

  std::mutex mutex_;
  std::condition_variable wake_;  // helpers: a task is offered, or stop
  std::condition_variable idle_;  // the caller: no helper runs the task any more
  std::vector<std::thread> threads_;
  bool busy_ = false;  // a call is in progress
  const std::function<void()>* task_ = nullptr;
  std::size_t offered_ = 0;  // helpers that may still take the task
  std::size_t running_ = 0;  // helpers running it
  bool stop_ = false;
};

}  // namespace ztlint::parallel
