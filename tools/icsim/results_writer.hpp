#pragma once
// A run's results as files: summary.json and yearly.csv (the interface
// contract in DESIGN.md), and the summary table on the terminal.

#include <cstdio>
#include <filesystem>

#include <icsim/models/comparison.hpp>
#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/scenario_spec.hpp>

namespace icsim::tools {

void write_summary_json(const std::filesystem::path& file, const models::ScenarioSpec& spec,
                        const models::ScenarioSummary& summary);
void write_yearly_csv(const std::filesystem::path& file, const models::ScenarioSpec& spec,
                      const models::ScenarioSummary& summary);
// daily.csv: one row per (day, series): the census at each midnight.
void write_daily_csv(const std::filesystem::path& file, const models::ScenarioSpec& spec,
                     const models::ScenarioSummary& summary);
void print_summary_table(std::FILE* out, const models::ScenarioSpec& spec, const models::ScenarioSummary& summary);

// compare.csv: one row per (year, metric) with both means and B - A.
void write_comparison_csv(const std::filesystem::path& file, const models::ScenarioSpec& a,
                          const models::Comparison& comparison);
void print_comparison(std::FILE* out, const models::ScenarioSpec& a, const models::ScenarioSpec& b,
                      std::uint64_t seed, const models::Comparison& comparison);

}  // namespace icsim::tools
