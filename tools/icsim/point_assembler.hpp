#pragma once
// Replications in, point records out: a point's replications arrive in any
// order, from any thread or rank; when the last one is in, they are reduced
// in replication order (so the record never depends on who ran what) and the
// record is written.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <vector>

#include "sweep_plan.hpp"
#include "sweep_records.hpp"

namespace icsim::tools {

// One replication's yearly values, what a worker (or a rank) hands back.
struct ReplicationValues {
  ReplicationJob job;
  std::uint64_t events = 0;
  std::vector<double> values;  // metric by metric, each year by year: values[metric * years + year]
};

[[nodiscard]] ReplicationValues run_job(const SweepPlan& plan, const ReplicationJob& job);

// The point's replications (all of them, in replication order) reduced to means and 95% intervals.
[[nodiscard]] PointRecord reduce_point(const SweepPlan& plan, std::size_t point,
                                       const std::vector<ReplicationValues>& replications);

class PointAssembler {
 public:
  // on_progress(replications done, points done), under a lock, after each replication.
  using Progress = std::function<void(std::size_t, std::size_t)>;
  PointAssembler(const SweepPlan& plan, std::filesystem::path dir, Progress on_progress = {});

  // Thread-safe. Writes the point's record when this was its last replication.
  void add(ReplicationValues values);

  [[nodiscard]] std::size_t replications_done() const;
  [[nodiscard]] std::size_t points_written() const;

 private:
  const SweepPlan& plan_;
  std::filesystem::path dir_;
  Progress on_progress_;
  mutable std::mutex lock_;
  std::map<std::uint32_t, std::vector<ReplicationValues>> waiting_;  // points with replications still out
  std::size_t replications_done_ = 0;
  std::size_t points_written_ = 0;
};

}  // namespace icsim::tools
