#pragma once
// The sheets of results.xlsx that say what the area pays: for icsim run,
// "Costs" (each cost line a year: the five settings to the total, the NHS's
// and the council's parts, the part paid for idle capacity, and the budget
// with the share spent; then each service a year under its contract, its
// cost and the idle part of it); for icsim compare, "Cost difference" (the
// same lines and services, B - A with paired 95% intervals, and summed over
// the projection).

#include <cstdint>

#include <icsim/models/comparison.hpp>
#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/scenario_spec.hpp>

#include "workbook.hpp"

namespace icsim::tools {

void write_costs_sheet(Workbook& book, const models::ScenarioSpec& spec, const models::ScenarioSummary& summary);

void write_cost_difference_sheet(Workbook& book, const models::ScenarioSpec& a, const models::ScenarioSpec& b,
                                 std::uint64_t seed, const models::Comparison& comparison);

}  // namespace icsim::tools
