// The limits that keep hostile or broken input from exhausting a run (docs/limits.md).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace ztlint::source {

// A source file larger than this is not read (an io diagnostic): every stage is linear in
// the file's size, but a run should not hold gigabytes of text.
inline constexpr std::uint64_t kMaxFileBytes = 32u << 20;

// A string a function builds (format, join, replace, padLeft, file contents...) longer than
// this is not built: the call's value is Unknown and an evaluation diagnostic says why.
inline constexpr std::size_t kMaxStringBytes = 4u << 20;

// A list or map a function builds (range, setproduct, concat...) with more items than this
// is not built either.
inline constexpr std::size_t kMaxCollectionItems = 100'000;

// Resource and module instances one evaluation unit may expand to in total (a Terraform
// root module with the modules it calls, an ARM template with its nested and linked
// deployments, a Bicep file with its modules). Each block is limited on its own too.
inline constexpr std::size_t kMaxInstancesPerUnit = 100'000;

// How long one evaluation unit may take before its remaining values become Unknown.
inline constexpr std::chrono::milliseconds kDefaultTimeLimit{10'000};

// The time limit of each evaluation unit for this process (kDefaultTimeLimit unless set).
std::chrono::milliseconds evaluation_time_limit();
void set_evaluation_time_limit(std::chrono::milliseconds limit);

// A cooperative deadline for one evaluation unit: evaluation loops ask expired() and stop.
class Deadline {
 public:
  Deadline() : Deadline(evaluation_time_limit()) {}
  explicit Deadline(std::chrono::milliseconds budget)
      : end_(std::chrono::steady_clock::now() + budget) {}

  // True once the time is up; stays true. Cheap: reads the clock every 64th call.
  bool expired() {
    if (expired_) return true;
    if (++calls_ % 64 != 0) return false;
    expired_ = std::chrono::steady_clock::now() >= end_;
    return expired_;
  }

 private:
  std::chrono::steady_clock::time_point end_;
  unsigned calls_ = 0;
  bool expired_ = false;
};

}  // namespace ztlint::source
