#pragma once
// The intermediate-care model: patients from a would-be admission, through
// the acute stay, the point they no longer meet the criteria to reside, the
// discharge pathways and intermediate care, to home, a care home or death.

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include <icsim/engine/confidence.hpp>
#include <icsim/models/metrics.hpp>
#include <icsim/models/scenario_spec.hpp>

namespace icsim::models {

// One replication: every metric (metric_definitions order) for every
// projected year, plus the flow totals that must balance.
struct ReplicationResult {
  std::vector<std::vector<double>> values;  // [metric][year]
  // Each part of the area (area_parts order): [part][metric][year], its
  // metrics as metric_definitions(spec, part.services) lists them.
  std::vector<std::vector<std::vector<double>>> parts;
  std::vector<std::vector<double>> daily;   // [daily series][day of the projection]
  std::uint64_t events = 0;
  // The common benchmark's unit of work (scenarios/bench/ic-flow.yaml): arrivals,
  // ends of acute stays and ends of service stays before the horizon.
  std::uint64_t canonical_events = 0;
  std::uint64_t fingerprint = 0;
  // Conservation over the whole run (warm-up included): everyone who came
  // in left (home, care home, died) or is still in the system at the end.
  std::uint64_t people_in = 0;     // would-be admissions, readmissions included
  std::uint64_t people_out = 0;    // exits of every kind, readmissions included
  std::uint64_t people_in_system = 0;
};

[[nodiscard]] ReplicationResult run_replication(const ScenarioSpec& spec, std::uint64_t seed,
                                                std::uint32_t replication);

// A part's means and 95% intervals across replications.
struct PartSummary {
  AreaPart part;
  std::vector<MetricDefinition> metrics;
  std::vector<std::vector<engine::Estimate>> values;  // [metric][year]
};

// Means and 95% intervals across replications.
struct ScenarioSummary {
  std::vector<MetricDefinition> metrics;
  std::vector<std::vector<engine::Estimate>> values;  // [metric][year]
  std::vector<MetricDefinition> daily_series;
  std::vector<std::vector<engine::Estimate>> daily;   // [daily series][day of the projection]
  std::vector<PartSummary> parts;                     // area_parts order
  std::uint64_t events = 0;
  int replications = 0;
  std::uint64_t seed = 0;

  [[nodiscard]] const std::vector<engine::Estimate>& operator[](Metric m) const { return values[index(m)]; }
};

// Runs `replications` replications on `threads` threads, in replication
// order; on_progress(done) after each. Identical for any thread count.
[[nodiscard]] std::vector<ReplicationResult> run_replications(const ScenarioSpec& spec, int replications,
                                                              std::uint64_t seed, int threads,
                                                              const std::function<void(int)>& on_progress = {});

// run_replications, summarised.
[[nodiscard]] ScenarioSummary run_scenario(const ScenarioSpec& spec, int replications, std::uint64_t seed,
                                           int threads, const std::function<void(int)>& on_progress = {});

// One metric's replications reduced to a mean and 95% interval, as every
// summary does: every metric of a scenario is a count, a time, a share or a
// cost, so its interval stops at 0 (differences between scenarios are
// estimated by the comparison).
[[nodiscard]] engine::Estimate estimate_metric(std::span<const double> replications);

// Reduces replication results (in replication order) to means and intervals.
[[nodiscard]] ScenarioSummary summarise(const ScenarioSpec& spec, const std::vector<ReplicationResult>& results,
                                        std::uint64_t seed);

}  // namespace icsim::models
