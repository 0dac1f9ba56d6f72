#pragma once
// A capacity plan as its output files need it: the scenario and the plan
// file it was asked of, what the planner found for each year, and the seed.

#include <cstdint>
#include <string>
#include <vector>

#include <icsim/models/capacity_planner.hpp>
#include <icsim/models/metrics.hpp>
#include <icsim/models/scenario_spec.hpp>

namespace icsim::tools {

struct PlanResults {
  const models::ScenarioSpec& spec;
  std::string plan_file;
  const models::PlanSpec& plan;
  const std::vector<models::YearPlan>& years;  // in the order planned
  std::uint64_t seed = 0;

  [[nodiscard]] const std::string& service_name(std::size_t planned) const {
    return spec.services[plan.services[planned].service].name;
  }
  [[nodiscard]] int calendar_year(const models::YearPlan& y) const { return spec.start_year + y.year; }
  // The unit of the metric reported for each year ("days", "bed days per year").
  [[nodiscard]] std::string metric_unit() const {
    const std::string name = plan.target.reported_metric();
    for (const auto& d : models::metric_definitions(spec))
      if (d.name == name) return d.unit;
    return "";
  }
};

}  // namespace icsim::tools
