// Replications of the model, and their summary: means and 95% intervals
// across replications, for the area and each of its parts.

#include <icsim/engine/replication_runner.hpp>
#include <icsim/models/intermediate_care_model.hpp>

#include "care/model.hpp"

namespace icsim::models {
namespace {

// [metric][year] of each replication's `values(result)`, estimated.
template <class Values>
std::vector<std::vector<engine::Estimate>> estimates(const std::vector<ReplicationResult>& results, std::size_t metrics,
                                                     std::size_t years, Values values) {
  std::vector<std::vector<engine::Estimate>> out(metrics);
  std::vector<double> sample(results.size());
  for (std::size_t m = 0; m < metrics; ++m) {
    for (std::size_t y = 0; y < years; ++y) {
      for (std::size_t r = 0; r < results.size(); ++r) sample[r] = values(results[r])[m][y];
      out[m].push_back(estimate_metric(sample));
    }
  }
  return out;
}

}  // namespace

engine::Estimate estimate_metric(std::span<const double> replications) {
  return engine::estimate_non_negative(replications);
}

ReplicationResult run_replication(const ScenarioSpec& spec, std::uint64_t seed, std::uint32_t replication) {
  return care::IntermediateCareModel(spec, seed, replication).run();
}

ScenarioSummary summarise(const ScenarioSpec& spec, const std::vector<ReplicationResult>& results,
                          std::uint64_t seed) {
  ScenarioSummary summary;
  const auto years = static_cast<std::size_t>(spec.years);
  summary.metrics = metric_definitions(spec);
  summary.replications = static_cast<int>(results.size());
  summary.seed = seed;
  summary.values = estimates(results, summary.metrics.size(), years, [](const ReplicationResult& r) -> const auto& {
    return r.values;
  });
  summary.daily_series = daily_series_definitions(spec);
  const std::size_t days = results.empty() ? 0 : results.front().daily.front().size();
  summary.daily = estimates(results, summary.daily_series.size(), days,
                            [](const ReplicationResult& r) -> const auto& { return r.daily; });
  const auto parts = area_parts(spec);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    PartSummary part{parts[i], metric_definitions(spec, parts[i].services), {}};
    part.values = estimates(results, part.metrics.size(), years,
                            [i](const ReplicationResult& r) -> const auto& { return r.parts[i]; });
    summary.parts.push_back(std::move(part));
  }
  for (const auto& r : results) summary.events += r.events;
  return summary;
}

std::vector<ReplicationResult> run_replications(const ScenarioSpec& spec, int replications, std::uint64_t seed,
                                                int threads, const std::function<void(int)>& on_progress) {
  return engine::run_replications(
      replications, threads, [&](int r) { return run_replication(spec, seed, static_cast<std::uint32_t>(r)); },
      on_progress);
}

ScenarioSummary run_scenario(const ScenarioSpec& spec, int replications, std::uint64_t seed, int threads,
                             const std::function<void(int)>& on_progress) {
  return summarise(spec, run_replications(spec, replications, seed, threads, on_progress), seed);
}

}  // namespace icsim::models
