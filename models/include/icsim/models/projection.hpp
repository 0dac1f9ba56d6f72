#pragma once
// Ten-year projections: each projected year's settings from the base
// scenario, demographic growth, a capacity policy and phased changes to the
// model of care. Growth is applied to demand as the simulation runs through
// the years (the model switches settings at each year's start), never by
// scaling results afterwards.

#include <array>
#include <optional>
#include <vector>

#include <icsim/models/scenario_spec.hpp>

namespace icsim::models {

struct GrowthSpec {
  // Residents per projected year and cell (a place's age band); empty: the
  // base year's population every year.
  std::vector<std::vector<double>> population;  // [year][cell]
  // Admission rates multiplied per year (trend, prevention); empty: 1.
  std::vector<double> admission_rate_multiplier;  // [year]
};

enum class CapacityPolicy {
  kFixed,           // capacities as the scenario states them
  kGrowWithDemand,  // "managing growth under the existing model": each service's
                    // capacity grows with the demand for it, holding today's performance
};

// A change to the model of care from `from_year`, reaching its targets in
// one step or linearly over `phase_in_years` (the first year gets
// 1/phase_in_years of the way). Unset targets are left alone.
struct ChangeSpec {
  int from_year = 0;  // a calendar year
  int phase_in_years = 0;  // 0 or 1: a step
  std::vector<std::optional<double>> capacity;                            // per service
  std::vector<std::optional<engine::Distribution>> length_of_stay_days;   // per service
  std::vector<std::optional<std::array<double, kPathways>>> pathway_split;  // per cell
  std::vector<std::optional<double>> step_up_share;                       // per cell
  std::vector<std::optional<double>> admissions_per_1000_per_year;       // per cell
  std::vector<std::optional<engine::Distribution>> time_to_nctr_days;    // per cell
  std::optional<engine::Distribution> triage_days;  // the hub's time for every pathway and band
  ByPathway hub_days;                               // for every band, by pathway
  std::optional<int> discharge_days_per_week;
};

// How far a change has gone in a calendar year: 0 before it, 1 once phased in.
[[nodiscard]] double phase_fraction(const ChangeSpec& change, int year);

// A distribution part way from a to b: the same family blends its
// parameters; a different family switches when the change is complete.
[[nodiscard]] engine::Distribution blend(const engine::Distribution& a, const engine::Distribution& b, double f);

// Every projected year's settings (spec.years of them).
[[nodiscard]] std::vector<YearSettings> project_years(const ScenarioSpec& spec, const GrowthSpec& growth,
                                                      CapacityPolicy policy, const std::vector<ChangeSpec>& changes);

}  // namespace icsim::models
