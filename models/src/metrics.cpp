#include <icsim/models/metrics.hpp>

#include <array>

namespace icsim::models {

std::vector<MetricDefinition> metric_definitions(const ScenarioSpec& spec) {
  static const std::array<MetricDefinition, kFixedMetricCount> fixed{{
      {"would_be_admissions", "people per year"},
      {"admissions", "admissions per year"},
      {"step_up_diversions", "people per year"},
      {"acute_bed_days", "bed days per year"},
      {"nctr_bed_days", "bed days per year"},
      {"ic_bed_days", "bed days per year"},
      {"home_ic_care_hours", "care hours per year"},
      {"short_term_care_bed_days", "bed days per year"},
      {"care_home_admissions_65plus_per_100k", "per 100,000 aged 65+ per year"},
      {"at_home_91d_pct", "%"},
      {"readmissions_30d", "readmissions per year"},
      {"discharges", "discharges per year"},
      {"discharges_p1", "discharges per year"},
      {"discharges_p2", "discharges per year"},
      {"discharges_p3", "discharges per year"},
      {"ic_episodes", "episodes per year"},
      {"discharge_to_usual_residence_pct", "%"},
      {"avoidable_admissions_per_100k", "per 100,000 adults per year"},
      {"falls_admissions_65plus_per_100k", "per 100,000 aged 65+ per year"},
      {"length_of_stay_14plus_pct", "% of acute inpatients"},
      {"length_of_stay_21plus_pct", "% of acute inpatients"},
      {"mean_wait_days_p1", "days"},
      {"mean_wait_days_p2", "days"},
      {"mean_wait_days_p3", "days"},
      {"mean_nctr_days_per_discharge", "days"},
      {"cost_acute", "GBP per year"},
      {"cost_ic_beds", "GBP per year"},
      {"cost_home_ic", "GBP per year"},
      {"cost_short_term_care", "GBP per year"},
      {"cost_intermediate_care", "GBP per year"},
      {"cost_total", "GBP per year"},
      {"long_term_care_weeks", "placement weeks per year"},
      {"cost_long_term_care", "GBP per year"},
  }};
  std::vector<MetricDefinition> all(fixed.begin(), fixed.end());
  for (const auto& service : spec.services) {
    const std::string places = capacity_unit(service);
    all.push_back({"occupancy_" + service.name, places + " in use (mean)"});
    all.push_back({"utilisation_pct_" + service.name, "% of capacity"});
    all.push_back({"queue_" + service.name, "people waiting (mean)"});
    all.push_back({"wait_days_" + service.name, "days"});
    all.push_back({"capacity_" + service.name, places + " (mean)"});
    all.push_back({"waited_pct_" + service.name, "% of requests"});
    all.push_back({"wait_p95_days_" + service.name, "days"});
  }
  return all;
}

std::vector<MetricDefinition> daily_series_definitions(const ScenarioSpec& spec) {
  std::vector<MetricDefinition> all{{"acute_inpatients", "patients"}, {"nctr_inpatients", "patients"}};
  for (const auto& service : spec.services) {
    const std::string places = capacity_unit(service);
    all.push_back({"in_use_" + service.name, places});
    all.push_back({"waiting_" + service.name, "people"});
    all.push_back({"capacity_" + service.name, places});
    all.push_back({"referrals_" + service.name, "people a day"});
    all.push_back({"step_up_referrals_" + service.name, "people a day"});
  }
  return all;
}

}  // namespace icsim::models
