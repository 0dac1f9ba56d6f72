#pragma once
// Threads that take (point, replication) jobs from one source until it runs
// dry, so every core stays busy to the end of the list.

#include <atomic>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "sweep_plan.hpp"

namespace icsim::tools {

class WorkerPool {
 public:
  // next() gives the next job, or nullopt when there are none left (it may
  // block until it knows); work(job) runs one. Both are called from the
  // pool's threads.
  using Next = std::function<std::optional<ReplicationJob>()>;
  using Work = std::function<void(const ReplicationJob&)>;

  WorkerPool(int threads, Next next, Work work);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Every thread has stopped: no jobs left, or one failed.
  [[nodiscard]] bool finished() const { return running_.load() == 0; }
  [[nodiscard]] bool failed() const { return failed_.load(); }
  // Joins the threads and rethrows the first failure.
  void wait();

 private:
  void work_loop();

  Next next_;
  Work work_;
  std::atomic<int> running_{0};
  std::atomic<bool> failed_{false};
  std::mutex lock_;
  std::exception_ptr failure_;
  std::vector<std::thread> threads_;
};

}  // namespace icsim::tools
