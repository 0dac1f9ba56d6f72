#pragma once
// A run's results as files: summary.json and yearly.csv (the interface
// contract the README describes), and the summary table on the terminal.

#include <cstdio>
#include <filesystem>

#include <icsim/models/comparison.hpp>
#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/scenario_spec.hpp>

#include "plan_results.hpp"

namespace icsim::tools {

void write_summary_json(const std::filesystem::path& file, const models::ScenarioSpec& spec,
                        const models::ScenarioSummary& summary);
// Every replication's value of every metric, a row each
// (replication,year,metric,unit,value): percentiles across replications ("a
// bad year"), distributions, anything the means hide.
void write_replications_csv(const std::filesystem::path& file, const models::ScenarioSpec& spec,
                            const models::ScenarioSummary& summary, const std::vector<models::ReplicationResult>& results);

void write_yearly_csv(const std::filesystem::path& file, const models::ScenarioSpec& spec,
                      const models::ScenarioSummary& summary);
// places.csv: yearly.csv for each place, hospital and board, tidy:
// level,id,name,year,metric,unit,mean,ci95_low,ci95_high.
void write_parts_csv(const std::filesystem::path& file, const models::ScenarioSpec& spec,
                     const models::ScenarioSummary& summary);
// daily.csv: one row per (day, series): the census at each midnight.
void write_daily_csv(const std::filesystem::path& file, const models::ScenarioSpec& spec,
                     const models::ScenarioSummary& summary);
void print_summary_table(std::FILE* out, const models::ScenarioSpec& spec, const models::ScenarioSummary& summary);
// The headline metrics of each place, hospital and board in the first and
// last projected years (nothing for an area without places or hospitals).
void print_parts_table(std::FILE* out, const models::ScenarioSpec& spec, const models::ScenarioSummary& summary);

// compare's replications.csv: every metric both report, a row per replication
// and year (replication,year,metric,unit,a,b,difference): replication r of A
// and of B share their random numbers, so `difference` is the paired one.
void write_paired_replications_csv(const std::filesystem::path& file, const models::ScenarioSpec& a,
                                   const std::vector<models::ReplicationResult>& results_a,
                                   const models::ScenarioSpec& b,
                                   const std::vector<models::ReplicationResult>& results_b);

// compare.csv: one row per (year, metric) with both means and B - A.
void write_comparison_csv(const std::filesystem::path& file, const models::ScenarioSpec& a,
                          const models::Comparison& comparison);
void print_comparison(std::FILE* out, const models::ScenarioSpec& a, const models::ScenarioSpec& b,
                      std::uint64_t seed, const models::Comparison& comparison);
// B - A for each place, hospital and board both have, in the last year.
void print_parts_comparison(std::FILE* out, const models::ScenarioSpec& a, const models::Comparison& comparison);

// plan.csv: one row per (planned year, service): the recommended capacity,
// its false-economy point, the year's costs and the reported metric.
void write_plan_csv(const std::filesystem::path& file, const PlanResults& plan);
// trade_off.csv: one row per point of each service's cost-against-delay curve.
void write_trade_off_csv(const std::filesystem::path& file, const PlanResults& plan);
void print_plan(std::FILE* out, const PlanResults& plan);

}  // namespace icsim::tools
