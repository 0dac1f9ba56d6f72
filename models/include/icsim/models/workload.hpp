#pragma once
// What a scenario asks of the machine, before anything is simulated: the
// people a replication moves through the area (would-be admissions, people
// from the community, the starting census) and the results it keeps until
// the end. Every input has a bounded cost: a run that could not finish in
// reasonable time or memory is refused with its reason, and a long one says
// how long it will take.

#include <optional>
#include <string>

#include <icsim/models/scenario_spec.hpp>

namespace icsim::models {

struct Workload {
  double would_be_admissions = 0.0;  // per replication, the warm-up and the follow-up included
  double community_starts = 0.0;     // per replication
  double people_at_start = 0.0;      // the starting census
  double bytes_kept = 0.0;           // per replication: its yearly, part and daily results

  [[nodiscard]] double people() const { return would_be_admissions + community_starts + people_at_start; }
};

[[nodiscard]] Workload workload(const ScenarioSpec& spec);

// About 40 times Lancashire and South Cumbria's ten years (1.8 million
// residents): some minutes a replication.
inline constexpr double kMostPeoplePerReplication = 50e6;
inline constexpr double kMostPeopleAtStart = 5e6;
// What the replications of one run may keep in memory until the end.
inline constexpr double kMostBytesKept = 8e9;

// What the workload is refused for, in plain words, or "" (kNone).
enum class WorkloadLimit { kNone, kCensus, kPeople, kMemory };
struct WorkloadRefusal {
  WorkloadLimit limit = WorkloadLimit::kNone;
  std::string why;
};
// One replication's bounds (census, people), which the scenario alone sets;
// with `replications`, also the results kept in memory, which the command
// line may change.
[[nodiscard]] WorkloadRefusal workload_refusal(const ScenarioSpec& spec, const Workload& work,
                                               std::optional<int> replications = std::nullopt);

// A rough estimate of the run's time on `threads` cores, and a sentence
// saying it when it is over ten minutes ("" otherwise).
[[nodiscard]] double estimated_seconds(const Workload& work, int replications, int threads);
[[nodiscard]] std::string long_run_note(const Workload& work, int replications, int threads);

}  // namespace icsim::models
