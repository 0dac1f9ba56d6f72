#pragma once
// One projected year on its own: a scenario of that single year, with the
// settings the full projection would use in it, preceded by a warm-up at
// those settings. A question about one year (how much capacity does 2030
// need?) then costs one simulated year and a warm-up, not every year before.

#include <icsim/engine/sim_time.hpp>
#include <icsim/models/scenario_spec.hpp>

namespace icsim::models {

// The scenario's projected year `year` (0 = start_year) as a one-year
// scenario: that year's demand, pathways, stays and capacities (growth,
// capacity policy and changes, as yearly_settings gives them), capacity
// changes made before the year already in force and those within it kept,
// and unit costs grown in real terms to the year. The warm-up is the
// scenario's, at least min_warmup_days. The starting census is kept: the
// model places it at the start of the warm-up, as in the full run, and after
// a year of warm-up only long care-home placements are left of it, standing
// in for the placements the full run carries from earlier years. What it
// cannot know is a backlog an overloaded service carries from earlier years:
// the year starts as if its capacities had held from the warm-up on.
[[nodiscard]] ScenarioSpec single_year_scenario(const ScenarioSpec& spec, int year,
                                                engine::SimTime min_warmup_days = 365.0);

// A service's capacity at the start of projected year `year`, as the full
// run has it then: the year's capacity when it differs from the year
// before's, and the capacity changes made by then, in time order.
[[nodiscard]] double capacity_at_year_start(const ScenarioSpec& spec, ServiceIndex service, int year);

// How much a unit cost has grown in real terms by projected year `year`:
// a service's (by its setting: home-based IC, IC beds or short-term care)
// and the acute bed day's.
[[nodiscard]] double service_cost_growth(const ScenarioSpec& spec, ServiceIndex service, int year);
[[nodiscard]] double acute_cost_growth(const ScenarioSpec& spec, int year);

// People in a service's starting census beyond its first year's capacity
// (after the capacity was changed, as the planner does) cannot hold a place:
// they are left out, so the census never overfills a service.
void fit_census_to_capacity(ScenarioSpec& spec);

}  // namespace icsim::models
