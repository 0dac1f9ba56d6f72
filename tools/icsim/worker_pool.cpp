#include "worker_pool.hpp"

#include <algorithm>

namespace icsim::tools {

WorkerPool::WorkerPool(int threads, Next next, Work work) : next_(std::move(next)), work_(std::move(work)) {
  const int count = std::max(threads, 1);
  running_ = count;
  threads_.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) threads_.emplace_back([this] { work_loop(); });
}

WorkerPool::~WorkerPool() {
  for (std::thread& t : threads_)
    if (t.joinable()) t.join();
}

void WorkerPool::work_loop() {
  try {
    while (!failed_.load()) {
      const std::optional<ReplicationJob> job = next_();
      if (!job) break;
      work_(*job);
    }
  } catch (...) {
    const std::scoped_lock guard(lock_);
    if (!failure_) failure_ = std::current_exception();
    failed_ = true;
  }
  --running_;
}

void WorkerPool::wait() {
  for (std::thread& t : threads_)
    if (t.joinable()) t.join();
  if (failure_) std::rethrow_exception(failure_);
}

}  // namespace icsim::tools
