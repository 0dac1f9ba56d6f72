#include <icsim/models/workload.hpp>

#include <cmath>
#include <cstdio>

#include <icsim/engine/sim_time.hpp>
#include <icsim/models/metrics.hpp>

namespace icsim::models {
namespace {

// Lancashire and South Cumbria (30 services, five ICPs) moves about 1.7
// million people a replication in about 7 s on one core of the project's
// two-core build machine: some 250,000 a second; areas with fewer services
// are faster. Only for saying roughly how long.
constexpr double kPeoplePerSecond = 250'000.0;
constexpr double kFollowUpDays = 92.0;  // the last cohort's 91-day follow-up

std::string rounded(double value) {
  char text[32];
  if (!std::isfinite(value)) return "more than can be counted:";
  if (value >= 1e9) std::snprintf(text, sizeof text, "%.3g billion", value / 1e9);
  else if (value >= 1e6) std::snprintf(text, sizeof text, "%.3g million", value / 1e6);
  else std::snprintf(text, sizeof text, "%.0f", value);
  return text;
}

std::string gigabytes(double bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f GB", bytes / 1e9);
  return text;
}

std::string duration(double seconds) {
  char text[48];
  if (seconds >= 2 * 86400.0) std::snprintf(text, sizeof text, "%.0f days", seconds / 86400.0);
  else if (seconds >= 2 * 3600.0) std::snprintf(text, sizeof text, "%.0f hours", seconds / 3600.0);
  else std::snprintf(text, sizeof text, "%.0f minutes", std::ceil(seconds / 60.0));
  return text;
}

}  // namespace

Workload workload(const ScenarioSpec& spec) {
  Workload work;
  const double warmup_years = spec.warmup_days / engine::kDaysPerYear;
  const std::vector<YearSettings> years = yearly_settings(spec);
  for (std::size_t y = 0; y < years.size(); ++y) {
    double per_year = 0.0;
    const YearSettings& year = years[y];
    for (std::size_t cell = 0; cell < year.population.size(); ++cell)
      per_year += year.population[cell] * year.admissions_per_1000_per_year[cell] / 1000.0;
    double share = 1.0;
    if (y == 0) share += warmup_years;
    if (y + 1 == years.size()) share += kFollowUpDays / engine::kDaysPerYear;
    // One setting for every year when nothing is projected.
    if (years.size() == 1) share += static_cast<double>(spec.years - 1);
    work.would_be_admissions += per_year * share;
    // Starts from home grow with the residents' admissions, year by year (the follow-up takes none).
    if (y + 1 == years.size()) share -= kFollowUpDays / engine::kDaysPerYear;
    for (const double per_week : year.community_starts_per_week)
      work.community_starts += per_week * engine::kDaysPerYear / 7.0 * share;
  }
  if (const auto& census = spec.initial_census) {
    work.people_at_start = census->acute_inpatients + census->placements_residential + census->placements_nursing;
    for (const double n : census->waiting_in_acute) work.people_at_start += n;
    for (const double n : census->in_service) work.people_at_start += n;
  }
  const double days = static_cast<double>(spec.years) * engine::kDaysPerYear;
  const double parts = static_cast<double>(area_parts(spec).size());
  work.bytes_kept = 8.0 * (days * static_cast<double>(daily_series_definitions(spec).size()) +
                           static_cast<double>(spec.years) * static_cast<double>(metric_definitions(spec).size()) *
                               (1.0 + parts));
  return work;
}

WorkloadRefusal workload_refusal(const ScenarioSpec& spec, const Workload& work, std::optional<int> replications) {
  // Written as !(x <= limit), so that a population of 1e308 (inf admissions,
  // or nan) is refused too.
  if (!(work.people_at_start <= kMostPeopleAtStart))
    return {WorkloadLimit::kCensus, "the starting census holds " + rounded(work.people_at_start) +
                                        " people; icsim starts from at most " + rounded(kMostPeopleAtStart) +
                                        " (check initial_census)"};
  if (!(work.people() <= kMostPeoplePerReplication))
    return {WorkloadLimit::kPeople,
            "a replication would simulate about " + rounded(work.people()) + " people (" +
                rounded(work.would_be_admissions) + " would-be admissions over the warm-up and " +
                std::to_string(spec.years) + " years, " + rounded(work.community_starts) +
                " from the community); the most icsim simulates in one replication is " +
                rounded(kMostPeoplePerReplication) +
                ": check the populations (residents, not thousands?), the admission rates (per 1,000 a year), "
                "the growth rates (0.035 for 3.5%), warmup_days and years"};
  if (replications && !(work.bytes_kept * *replications <= kMostBytesKept))
    return {WorkloadLimit::kMemory, std::to_string(*replications) + " replications of " + std::to_string(spec.years) +
                                        " years would keep about " + gigabytes(work.bytes_kept * *replications) +
                                        " of results in memory; the most is " + gigabytes(kMostBytesKept) +
                                        ": run fewer replications or years"};
  return {};
}

double estimated_seconds(const Workload& work, int replications, int threads) {
  const double rounds = std::ceil(static_cast<double>(replications) / static_cast<double>(std::max(threads, 1)));
  return work.people() * rounds / kPeoplePerSecond;
}

std::string long_run_note(const Workload& work, int replications, int threads) {
  const double seconds = estimated_seconds(work, replications, threads);
  if (seconds < 600.0) return {};
  return "this run simulates about " + rounded(work.people() * replications) + " people in " +
         std::to_string(replications) + " replications: roughly " + duration(seconds) + " on " +
         std::to_string(threads) + (threads == 1 ? " core" : " cores");
}

}  // namespace icsim::models
