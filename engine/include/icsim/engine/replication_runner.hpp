#pragma once
// N independent replications on T threads.
//
// Each replication is a pure function of its index (its own Simulation and
// streams), results are stored by index, and callers reduce them in index
// order: the bytes of the output never depend on the thread count or on which
// thread finished first. Threads take the next replication from a shared
// counter, so every core stays busy until the last one starts.

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace icsim::engine {

// The default thread count: every core.
[[nodiscard]] inline int default_threads() { return std::max(1U, std::thread::hardware_concurrency()); }

// Runs run_one(replication) for replication 0..count-1 and returns the
// results in replication order. on_done(completed) is called, under a lock,
// after each replication finishes (for a progress bar). The first exception
// thrown by any replication is rethrown once all threads have stopped.
template <class RunOne>
auto run_replications(int count, int threads, RunOne run_one, std::function<void(int)> on_done = {})
    -> std::vector<decltype(run_one(0))> {
  using Result = decltype(run_one(0));
  std::vector<Result> results(static_cast<std::size_t>(std::max(count, 0)));
  std::atomic<int> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr failure;
  std::mutex lock;
  int completed = 0;

  auto worker = [&] {
    for (;;) {
      const int replication = next.fetch_add(1);
      if (replication >= count || failed.load()) return;
      try {
        results[static_cast<std::size_t>(replication)] = run_one(replication);
      } catch (...) {
        const std::scoped_lock guard(lock);
        if (!failure) failure = std::current_exception();
        failed = true;
        return;
      }
      const std::scoped_lock guard(lock);
      ++completed;
      if (on_done) on_done(completed);
    }
  };

  const int workers = std::clamp(threads, 1, std::max(count, 1));
  if (workers == 1) {
    worker();
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(static_cast<std::size_t>(workers));
    for (int i = 0; i < workers; ++i) pool.emplace_back(worker);
  }
  if (failure) std::rethrow_exception(failure);
  return results;
}

}  // namespace icsim::engine
