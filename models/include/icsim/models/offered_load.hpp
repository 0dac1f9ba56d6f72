#pragma once
// What each service is asked for, year by year, from the scenario alone
// (no simulation): the load offered to it, referrals a day times the
// capacity one person's stay takes, beside the capacity it has. A service
// offered at least its capacity cannot keep up: its queue grows without end.

#include <vector>

#include <icsim/engine/distributions.hpp>
#include <icsim/models/scenario_spec.hpp>

namespace icsim::models {

struct OfferedLoad {
  double referrals_per_day = 0.0;      // people a day who need a place and wait for one
  double unit_days_per_person = 0.0;   // capacity-unit days one stay takes: the mean stay x units per person
  double offered = 0.0;                // referrals_per_day x unit_days_per_person: the capacity they keep busy
  double capacity = 0.0;               // the year's mean, in the service's capacity units

  // How many times its capacity is asked of it (infinite with none).
  [[nodiscard]] double times_capacity() const;
  // People a day the queue grows by: what is asked beyond capacity, in people.
  [[nodiscard]] double queue_growth_per_day() const;
};

// Capacity-unit days one stay of `stay` takes: a bed or a package for the
// stay; care hours a day, package_hours_per_day_start for its first
// package_intensive_days days and package_hours_per_day_after from then on.
[[nodiscard]] double unit_days_per_person(const ServiceSpec& service, const engine::Distribution& stay);

// A service's mean capacity over projected year `year`: its capacity at the
// year's start and the capacity changes within it, weighted by time.
[[nodiscard]] double mean_capacity_in_year(const ScenarioSpec& spec, ServiceIndex service, int year);

// Every projected year's load on every service: [year][service]. The
// referrals are those that queue for a place: from the acute pathways (the
// estimate grow_with_demand follows), onward from one service to the next
// and to the long-term care market by the outcomes a patient discharged from
// hospital gets (the first outcome rule that fits their age band, no wait),
// and a market's community starts. Left out: step-up (it takes only a free
// place, so it cannot make a queue grow; the estimate counts every would-be
// admission as admitted, as when the step-up service is full), readmissions
// (a few per cent), bridging and time held waiting for the next service.
[[nodiscard]] std::vector<std::vector<OfferedLoad>> offered_loads(const ScenarioSpec& spec);

}  // namespace icsim::models
