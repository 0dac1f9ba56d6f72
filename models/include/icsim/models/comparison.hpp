#pragma once
// Two scenarios run with the same seed share their random numbers (common
// random numbers), so each replication of one is paired with the same
// replication of the other and their difference is measured sharply.

#include <string>
#include <vector>

#include <icsim/engine/confidence.hpp>
#include <icsim/models/intermediate_care_model.hpp>

namespace icsim::models {

struct MetricComparison {
  std::string name;
  std::string unit;
  // Per year: each scenario's mean, and B - A paired by replication, for the
  // year alone and summed from the first year to this one (reported only when
  // the metric adds up over the years: adds_up_over_years).
  std::vector<engine::Estimate> a, b, difference, cumulative_difference;
  bool adds_up = false;
  // Over the projection, last year against the first, for A and for B; and
  // B against A in the last year, as a percentage.
  engine::Estimate change_a, change_b, change_a_pct, change_b_pct, last_year_difference_pct;
};

// A part (place, hospital, board) both scenarios have, by level and id.
struct PartComparison {
  AreaPart part;                          // as A has it
  std::vector<MetricComparison> metrics;  // those both report for it, in A's order
};

struct Comparison {
  std::vector<MetricComparison> metrics;  // those both scenarios report, in A's order
  std::vector<PartComparison> parts;      // in A's order
  int replications = 0;
};

// Pairs replication r of A with replication r of B. Both must have the same
// number of replications, start year and years.
[[nodiscard]] Comparison compare(const ScenarioSpec& spec_a, const std::vector<ReplicationResult>& a,
                                 const ScenarioSpec& spec_b, const std::vector<ReplicationResult>& b);

}  // namespace icsim::models
