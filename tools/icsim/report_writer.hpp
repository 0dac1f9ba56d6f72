#pragma once
// report.html: the page a commissioner attaches to a board paper. One
// self-contained file that opens offline (NHS networks block CDNs): the
// results and the scenario's inputs as a JSON blob, the charting libraries
// (Vega-Lite, Vega, vega-embed) and tools/report/report.js, which draws the
// charts from the blob, all embedded in the icsim binary.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <icsim/models/comparison.hpp>
#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/scenario_spec.hpp>

#include "plan_results.hpp"

namespace icsim::tools {

// icsim run: the scenario's results year by year and day by day, against the
// Better Care Fund's national reference values, and its inputs.
void write_run_report(const std::filesystem::path& file, const models::ScenarioSpec& spec,
                      const models::ScenarioSummary& summary);

// icsim compare: both scenarios, and B - A with paired 95% intervals.
void write_comparison_report(const std::filesystem::path& file, const models::ScenarioSpec& a,
                             const models::ScenarioSummary& summary_a, const models::ScenarioSpec& b,
                             const models::ScenarioSummary& summary_b, std::uint64_t seed,
                             const models::Comparison& comparison);
// The same page as text, for icsim serve, which keeps it in memory.
[[nodiscard]] std::string comparison_report(const models::ScenarioSpec& a, const models::ScenarioSummary& summary_a,
                                            const models::ScenarioSpec& b, const models::ScenarioSummary& summary_b,
                                            std::uint64_t seed, const models::Comparison& comparison);

// icsim plan: the recommended capacity per service and year with its costs
// and how sure it is, the cost-against-delay trade-off with the false-economy
// points, the plan file and the scenario's inputs.
void write_plan_report(const std::filesystem::path& file, const PlanResults& plan);

}  // namespace icsim::tools
