#pragma once
// results.xlsx for icsim plan: the capacity each planned service needs, year
// by year, for commissioners to take into Excel and board papers.

#include <filesystem>

#include "plan_results.hpp"

namespace icsim::tools {

// "Capacity plan" (per planned year: the recommended capacity of each
// service, its costs, the reported metric with its 95% interval, whether the
// target is met), "Trade-off" (each service's cost-against-delay curve) and
// "Inputs" (the scenario and the plan file). A failure to write throws
// std::runtime_error naming the file and the reason.
void write_plan_workbook(const std::filesystem::path& file, const PlanResults& plan);

}  // namespace icsim::tools
