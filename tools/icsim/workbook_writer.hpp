#pragma once
// results.xlsx: a run's or a comparison's results as an Excel workbook for
// commissioners, who live in Excel and board papers. Numbers are numbers
// (never text), with their units in the headers. Written with libxlsxwriter;
// a failure to write throws std::runtime_error naming the file and the
// reason. icsim plan's workbook is in workbook_plan.hpp.

#include <cstdint>
#include <filesystem>
#include <vector>

#include <icsim/models/comparison.hpp>
#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/scenario_spec.hpp>

namespace icsim::tools {

// icsim run: "Summary" (every metric per year: mean, 95% low, 95% high),
// "Costs" (what the area pays, line by line and service by service, with
// the idle part and the budget: workbook_costs.hpp), "BCF metrics" (the Better Care Fund metrics, laid out like the planning
// template), "Capacity and demand" (each service month by month, from the
// daily census) and "Inputs" (the scenario as it was run). A scenario with
// places or hospitals also has "By place" (each place, hospital and board:
// its key metrics per year) and "Places (tidy)" (places.csv as a table).
void write_results_workbook(const std::filesystem::path& file, const models::ScenarioSpec& spec,
                            const models::ScenarioSummary& summary);

// icsim compare: "Difference" (B - A per year with paired 95% intervals, and
// the change over the projection), "Cost difference" (its cost lines and
// each service's cost and idle cost, B - A), "Summary A", "Summary B", "Inputs A" and
// "Inputs B"; when both have places or hospitals, "Difference by place" (each
// place, hospital and board both have, paired alike). The replications are
// those compared, run with `seed`.
void write_comparison_workbook(const std::filesystem::path& file, const models::ScenarioSpec& a,
                               const models::ScenarioSummary& summary_a, const models::ScenarioSpec& b,
                               const models::ScenarioSummary& summary_b, std::uint64_t seed,
                               const models::Comparison& comparison);

}  // namespace icsim::tools
