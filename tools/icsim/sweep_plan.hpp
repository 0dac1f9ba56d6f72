#pragma once
// What a sweep runs: every point's scenario and the hash of its inputs, the
// slice a shard takes, and the work list of (point, replication) jobs still
// to do.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <icsim/models/scenario_spec.hpp>
#include <icsim/scenario/sweep.hpp>

namespace icsim::tools {

// `--shard I/N`: points I, I + N, I + 2N, ... (I from 0 to N - 1), so a job
// array's elements get points from all over the grid and take about as long.
struct Shard {
  std::size_t index = 0;
  std::size_t count = 1;
  [[nodiscard]] bool whole() const { return count == 1; }
  [[nodiscard]] bool contains(std::size_t point) const { return point % count == index; }
};
// "2/8" -> {2, 8}; nullopt when it is not I/N with 0 <= I < N.
[[nodiscard]] std::optional<Shard> parse_shard(const std::string& text);

struct SweepPlan {
  scenario::Sweep sweep;
  std::vector<models::ScenarioSpec> specs;  // per point
  std::vector<std::string> inputs_sha256;   // per point: icsim's version, the scenario with its overrides, seed, replications
  std::string sweep_sha256;                 // the keys and every point's inputs
};

[[nodiscard]] SweepPlan plan_sweep(scenario::Sweep sweep, std::vector<models::ScenarioSpec> specs);

struct ReplicationJob {
  std::uint32_t point = 0;
  std::uint32_t replication = 0;
};

// Every replication of every point in the shard that is not done, point by
// point: one list for every thread (and rank), so none waits while another
// still has work.
[[nodiscard]] std::vector<ReplicationJob> pending_jobs(const SweepPlan& plan, const std::vector<bool>& done,
                                                       const Shard& shard);

}  // namespace icsim::tools
