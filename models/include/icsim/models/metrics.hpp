#pragma once
// The metrics a run reports, per projected year: names and units are part
// of the interface contract (summary.json, yearly.csv).

#include <array>
#include <cstddef>
#include <string_view>

namespace icsim::models {

enum class Metric : std::size_t {
  kWouldBeAdmissions,
  kAdmissions,
  kStepUpDiversions,
  kAcuteBedDays,
  kNctrBedDays,
  kIcBedDays,
  kHomeIcCareHours,
  kShortTermCareBedDays,
  kCareHomeAdmissions65PlusPer100k,
  kAtHome91dPct,
  kReadmissions30d,
  kDischarges,
  kDischargeToUsualResidencePct,
  kMeanWaitDaysP1,
  kMeanWaitDaysP2,
  kMeanWaitDaysP3,
  kMeanNctrDaysPerDischarge,
  kCostAcute,
  kCostIcBeds,
  kCostHomeIc,
  kCostShortTermCare,
  kCostTotal,
  kCount
};

inline constexpr std::size_t kMetricCount = static_cast<std::size_t>(Metric::kCount);

struct MetricDefinition {
  std::string_view name;
  std::string_view unit;
};

inline constexpr std::array<MetricDefinition, kMetricCount> kMetricDefinitions{{
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
    {"discharge_to_usual_residence_pct", "%"},
    {"mean_wait_days_p1", "days"},
    {"mean_wait_days_p2", "days"},
    {"mean_wait_days_p3", "days"},
    {"mean_nctr_days_per_discharge", "days"},
    {"cost_acute", "GBP per year"},
    {"cost_ic_beds", "GBP per year"},
    {"cost_home_ic", "GBP per year"},
    {"cost_short_term_care", "GBP per year"},
    {"cost_total", "GBP per year"},
}};

[[nodiscard]] constexpr const MetricDefinition& definition(Metric m) {
  return kMetricDefinitions[static_cast<std::size_t>(m)];
}

}  // namespace icsim::models
