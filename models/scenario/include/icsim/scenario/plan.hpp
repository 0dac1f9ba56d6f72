#pragma once
// Plan files for `icsim plan`: the services whose capacity may change, with
// bounds, step and costs; the target; the years to plan. Read and checked
// like a scenario, against the scenario they plan for.

#include <string>

#include <icsim/models/capacity_planner.hpp>
#include <icsim/models/scenario_spec.hpp>
#include <icsim/scenario/load.hpp>

namespace icsim::scenario {

// Throws ScenarioError with every diagnostic when the plan is not valid.
[[nodiscard]] models::PlanSpec load_plan(const std::string& path, const models::ScenarioSpec& scenario);

}  // namespace icsim::scenario
