#pragma once
// The metrics a run reports, per projected year. The names and units are
// part of the interface contract (summary.json, yearly.csv): the fixed list
// first, then four for each service the scenario declares.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <icsim/models/scenario_spec.hpp>

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
  kDischargesP1,
  kDischargesP2,
  kDischargesP3,
  kIcEpisodes,
  kDischargeToUsualResidencePct,
  kAvoidableAdmissionsPer100k,
  kFallsAdmissions65PlusPer100k,
  kLengthOfStay14PlusPct,
  kLengthOfStay21PlusPct,
  kMeanWaitDaysP1,
  kMeanWaitDaysP2,
  kMeanWaitDaysP3,
  kMeanNctrDaysPerDischarge,
  kCostAcute,
  kCostIcBeds,
  kCostHomeIc,
  kCostShortTermCare,
  kCostIntermediateCare,
  kCostTotal,
  kLongTermCareWeeks,
  kCostLongTermCare,
  kMutualAidPlacements,
  kIdleCost,        // paid for capacity nobody used
  kCostHealth,      // the NHS's part of cost_total
  kCostSocialCare,  // the council's part
  kLongTermHomeCareHours,        // long-term domiciliary care (the market), hours used
  kIcDaysWaitingForLongTermCare, // days people held an IC place waiting for long-term care
  kOverPrescribedPackages,       // P1 sent from the ward to a long-term package, reablement being full
  // Why people who no longer meet the criteria to reside are still in an
  // acute bed: each NCTR bed day has one reason, and the reasons add up to
  // nctr_bed_days (the shape of NHS England's discharge situation report).
  kNctrBedDaysHub,              // assessment and arranging: the transfer-of-care hub
  kNctrBedDaysDischargeWindow,  // ready, with a place, waiting for a discharge day or hour
  kNctrBedDaysWaitingP1,        // waiting for a place in a pathway 1 service
  kNctrBedDaysWaitingP2,
  kNctrBedDaysWaitingP3,
  kNctrBedDaysWaitingHomeCare,  // waiting for long-term home care (the market)
  kNctrBedDaysWaitingCareHome,  // waiting for a care-home bed (the market)
  kNctrPatientsPer100k,         // in hospital not meeting the criteria to reside, per 100,000 adults (mean)
  kDeathsInHospital,
  kDeaths,                      // in hospital, after discharge home, or in or after a service
  kReadmissionRate30dPct,       // readmissions as a share of discharges
  kStepUpRefused,               // offered step-up, found no place (in time) and were admitted
  kCount
};

inline constexpr std::size_t kFixedMetricCount = static_cast<std::size_t>(Metric::kCount);

// What each service reports, named "<measure>_<service>".
enum class ServiceMeasure : std::size_t {
  kOccupancy,       // mean places (or care hours a day) in use
  kUtilisationPct,  // of the capacity there was
  kQueueLength,     // mean people waiting
  kWaitDays,        // mean wait of those who got a place
  kCapacity,        // mean capacity over the year
  kWaitedPct,       // share of requests that had to queue
  kWaitP95Days,     // 95th percentile wait of those who got a place
  kCost,            // what the area (or part) pays for it
  kIdleCost,        // of that, paid for capacity nobody used
  kNctrBedDays,     // acute bed days of people not meeting the criteria to reside, waiting for it
  kCount
};

inline constexpr std::size_t kServiceMeasureCount = static_cast<std::size_t>(ServiceMeasure::kCount);

struct MetricDefinition {
  std::string name;
  std::string unit;
};

// A count or a cost a year (people, bed days, pounds): its years add up to a
// total that means something. A rate, a mean, a share or a capacity does not.
[[nodiscard]] bool adds_up_over_years(const std::string& unit);

// The area's metrics: the fixed list, then every service's measures, then
// (when the scenario gives a budget) the budget and the share of it spent.
[[nodiscard]] std::vector<MetricDefinition> metric_definitions(const ScenarioSpec& spec);
// A part's: the fixed list, then the measures of the services it owns.
[[nodiscard]] std::vector<MetricDefinition> metric_definitions(const ScenarioSpec& spec,
                                                               const std::vector<ServiceIndex>& services);

// A part of the area with results of its own, beside the area's: a place
// (its residents, and the services that belong to it), a hospital (the
// patients admitted to it, and its discharge hub's services), a health and
// wellbeing board or an integrated care partnership (the residents of its
// places, and their services).
struct AreaPart {
  enum class Level : std::uint8_t { kPlace, kHospital, kBoard, kIcp };
  Level level = Level::kPlace;
  std::string id;
  std::string name;
  std::vector<PlaceIndex> places;         // whose residents are counted
  std::optional<HospitalIndex> hospital;  // a hospital: only its admissions
  std::vector<ServiceIndex> services;     // whose measures are reported
};

// Whether the scenario is divided into places or hospitals of its own; one
// that is not has one place and one hospital, each the whole area.
[[nodiscard]] inline bool has_places_or_hospitals(const ScenarioSpec& spec) {
  return !spec.places.empty() || !spec.hospitals.empty();
}

// Every place, then every hospital, then every board and every ICP the
// places name.
[[nodiscard]] std::vector<AreaPart> area_parts(const ScenarioSpec& spec);
[[nodiscard]] std::string_view level_name(AreaPart::Level level);  // "place", "hospital", "board", "icp"
inline constexpr std::array<AreaPart::Level, 4> kAreaPartLevels{AreaPart::Level::kPlace, AreaPart::Level::kHospital,
                                                                AreaPart::Level::kBoard, AreaPart::Level::kIcp};

// Day by day through the projection, counted at each midnight (referrals:
// over the day): the acute census, then four series for each service.
enum class DailyMeasure : std::size_t { kAcuteInpatients, kNctrInpatients, kCount };
// kReferrals counts every request for a place; kStepUpReferrals those of them
// from the community (step-up), the rest being hospital discharges.
enum class ServiceDailyMeasure : std::size_t { kInUse, kWaiting, kCapacity, kReferrals, kStepUpReferrals, kCount };
inline constexpr std::size_t kDailyMeasureCount = static_cast<std::size_t>(DailyMeasure::kCount);
inline constexpr std::size_t kServiceDailyMeasureCount = static_cast<std::size_t>(ServiceDailyMeasure::kCount);

[[nodiscard]] std::vector<MetricDefinition> daily_series_definitions(const ScenarioSpec& spec);
[[nodiscard]] constexpr std::size_t index(DailyMeasure m) { return static_cast<std::size_t>(m); }
[[nodiscard]] constexpr std::size_t index(std::size_t service, ServiceDailyMeasure m) {
  return kDailyMeasureCount + service * kServiceDailyMeasureCount + static_cast<std::size_t>(m);
}

[[nodiscard]] constexpr std::size_t index(Metric m) { return static_cast<std::size_t>(m); }
[[nodiscard]] constexpr std::size_t index(std::size_t service, ServiceMeasure measure) {
  return kFixedMetricCount + service * kServiceMeasureCount + static_cast<std::size_t>(measure);
}

}  // namespace icsim::models
