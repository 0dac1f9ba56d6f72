#pragma once
// results.xlsx: a run's results as an Excel workbook for commissioners, who
// live in Excel and board papers. Numbers are numbers (never text), with
// their units in the headers. Written with libxlsxwriter; a failure to write
// throws std::runtime_error naming the file and the reason.

#include <cstdint>
#include <filesystem>
#include <vector>

#include <icsim/models/comparison.hpp>
#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/scenario_spec.hpp>

#include "plan_results.hpp"

namespace icsim::tools {

// icsim run: "Summary" (every metric per year: mean, 95% low, 95% high),
// "BCF metrics" (the Better Care Fund metrics, laid out like the planning
// template), "Capacity and demand" (each service month by month, from the
// daily census) and "Inputs" (the scenario as it was run).
void write_results_workbook(const std::filesystem::path& file, const models::ScenarioSpec& spec,
                            const models::ScenarioSummary& summary);

// icsim compare: "Difference" (B - A per year with paired 95% intervals, and
// the change over the projection), "Summary A", "Summary B", "Inputs A" and
// "Inputs B". The replications are those compared, run with `seed`.
void write_comparison_workbook(const std::filesystem::path& file, const models::ScenarioSpec& a,
                               const std::vector<models::ReplicationResult>& results_a, const models::ScenarioSpec& b,
                               const std::vector<models::ReplicationResult>& results_b, std::uint64_t seed,
                               const models::Comparison& comparison);

// icsim plan: "Capacity plan" (per planned year: the recommended capacity of
// each service, its costs, the reported metric with its 95% interval, whether
// the target is met), "Trade-off" (each service's cost-against-delay curve)
// and "Inputs" (the scenario and the plan file).
void write_plan_workbook(const std::filesystem::path& file, const PlanResults& plan);

}  // namespace icsim::tools
