// Running independent pieces of work on several threads, with results in a fixed order.
#pragma once

#include <cstddef>
#include <functional>

namespace ztlint::parallel {

// The thread count `-j 0` means: the machine's cores.
unsigned default_jobs();

// Calls work(i) for every i in [0, count) on up to `jobs` threads (the calling thread is
// one of them) and returns when all are done. Callers write results into slot i, so the
// outcome does not depend on scheduling. Threads inherit the caller's stage timings. The
// helper threads are kept for the next call (HelperThreads).
// `work` must not throw.
void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& work);

}  // namespace ztlint::parallel
