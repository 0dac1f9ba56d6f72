#pragma once
// Whether each service keeps up with what is asked of it: results that look
// like a year's figures can hide a queue that grows without end. Two checks:
// from the scenario alone, before anything runs (the load offered to each
// service against its capacity, year by year), and from a run's figures (a
// service nearly always full with a growing queue, a queue that grows
// through a year, or waits longer than a season).

#include <string>
#include <vector>

#include <icsim/models/intermediate_care_model.hpp>

namespace icsim::models {

struct FallingBehind {
  std::string service;
  int from_year = 0;                  // the first calendar year it cannot keep up
  double times_capacity = 0.0;        // what is asked of it in that year, over its capacity
  double queue_growth_per_day = 0.0;  // people a day its queue grows by in that year
  // In words, after "SERVICE cannot keep up ": "from 2027: 1.3 times its
  // capacity is asked of it; its queue grows by about 4 people a day".
  std::string why;

  [[nodiscard]] std::string sentence() const { return service + " cannot keep up " + why; }
};

// From the scenario alone: each service whose offered load (offered_loads)
// reaches its capacity in some projected year, from the first such year.
[[nodiscard]] std::vector<FallingBehind> services_over_capacity(const ScenarioSpec& spec);

// From a run's figures: each service that falls behind in some year.
[[nodiscard]] std::vector<FallingBehind> services_falling_behind(const ScenarioSpec& spec,
                                                                 const ScenarioSummary& summary);

}  // namespace icsim::models
