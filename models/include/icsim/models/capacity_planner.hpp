#pragma once
// How much capacity is needed, year by year, to meet a target at least
// cost: simulation optimisation with common random numbers. A queueing
// start (Erlang C on each service's offered load), a coordinate search
// screened with few replications, then the best candidates confirmed with
// more and chosen by a rule that says how sure the choice is.

#include <functional>
#include <string>
#include <vector>

#include <icsim/engine/confidence.hpp>
#include <icsim/models/scenario_spec.hpp>

namespace icsim::models {

// A service's capacity costs what its contract says, in the plan as in a
// run (its cost_SERVICE): a block, capacity x price; spot, its use x price.
struct PlannedService {
  ServiceIndex service = 0;
  double min = 0.0, max = 0.0, step = 1.0;  // capacity in the service's units
  double cost_per_unit_per_year = 0.0;      // £ a bed, package or care hour a day, a year
  double fixed_cost_per_unit_opened = 0.0;  // £ once per unit above the scenario's capacity
  // The plan gives the price of a service the scenario buys spot without
  // one: the service is block-contracted at cost_per_unit_per_year in the
  // plan's runs. Otherwise cost_per_unit_per_year is the scenario's
  // contract price, for the report.
  bool price_from_plan = true;
};

struct PlanTarget {
  // Meet `metric` <= at_most (a metric name from metric_definitions), or,
  // when minimise_cost, minimise capacity cost plus NCTR days x delay cost.
  std::string metric;
  double at_most = 0.0;
  bool minimise_cost = false;
  double cost_per_nctr_day = 0.0;  // the acute delay day's cost in that objective
  // Where `metric` must be met: the area (none), or in each of these parts
  // (area_parts indices; one place, or every place of a level), judged by
  // the part that meets it least well.
  std::vector<std::size_t> parts;
  std::string where;  // in words: "West Lancashire", "every place"

  // The metric a plan reports for each year: the target's, or NCTR bed days when minimising cost.
  [[nodiscard]] std::string reported_metric() const { return minimise_cost ? "nctr_bed_days" : metric; }
};

struct PlanSpec {
  std::vector<PlannedService> services;
  PlanTarget target;
  std::vector<int> years;  // projected year indices to plan
  int screen_replications = 4;
  int confirm_replications = 20;
};

struct PlanPoint {
  std::vector<double> capacity;       // per planned service
  double capacity_cost = 0.0;         // a year: the planned services' cost under their contracts, and opening costs
  engine::Estimate metric;            // the target's metric (or NCTR bed days when minimising cost)
  std::string metric_where;           // the part it is measured in when the target is by part: the worst
  engine::Estimate delay_cost;        // NCTR bed days x cost per NCTR day
  [[nodiscard]] double total_cost() const { return capacity_cost + delay_cost.mean; }
};

struct YearPlan {
  int year = 0;                   // projected year index
  PlanPoint recommended;
  bool target_met = false;        // with 95% confidence (one-sided) for an at_most target
  std::string confidence;         // in words, for the report
  std::vector<PlanPoint> confirmed;  // the candidates confirmed, cheapest first
  // Per planned service: capacity cost against delay along that service's
  // range, the others at the recommendation; and the false-economy point,
  // beyond which a unit more costs more than the delay it saves.
  std::vector<std::vector<PlanPoint>> trade_off;
  std::vector<double> false_economy_capacity;
  int evaluations = 0;            // simulation runs screened and confirmed
};

[[nodiscard]] std::vector<YearPlan> plan_capacity(const ScenarioSpec& spec, const PlanSpec& plan, std::uint64_t seed,
                                                  int threads, const std::function<void(const std::string&)>& on_step = {});

}  // namespace icsim::models
