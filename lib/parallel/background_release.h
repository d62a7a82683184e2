// Frees large objects on a thread of its own, so whoever lets go of them need not wait:
// the language server drops a whole estate after each lint, and the next lint should not
// start late for it.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace ztlint::parallel {

class BackgroundRelease {
 public:
  BackgroundRelease();
  // Frees what is still pending, then stops the thread.
  ~BackgroundRelease();
  BackgroundRelease(const BackgroundRelease&) = delete;
  BackgroundRelease& operator=(const BackgroundRelease&) = delete;

  // Drops this reference on the background thread; a null pointer is ignored.
  void release(std::shared_ptr<const void> object);

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<std::shared_ptr<const void>> pending_;
  bool stop_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace ztlint::parallel
