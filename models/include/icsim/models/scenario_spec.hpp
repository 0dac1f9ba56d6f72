#pragma once
// A validated scenario: plain data, names already resolved to indices. The
// scenario loader builds it from YAML and nothing unvalidated gets here; the
// model reads it and never looks a name up while it runs.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <icsim/engine/distributions.hpp>
#include <icsim/engine/resource.hpp>
#include <icsim/engine/sim_time.hpp>

namespace icsim::models {

// The national discharge pathways: P0 home with no new support, P1 home with
// support, P2 bed-based intermediate care, P3 a care home.
inline constexpr int kPathways = 4;

using ServiceIndex = std::uint32_t;

// Where a person goes when a service ends.
enum class Destination : std::uint8_t {
  kHomeIndependent,   // home with no ongoing support
  kHomeWithCare,      // home with a long-term package of care
  kCareHomeResidential,
  kCareHomeNursing,
  kReadmission,       // back into hospital as an emergency admission
  kDeath,
  kNextService,       // on to another service (D2A bed -> placement, P2 -> P1)
};

struct OutcomeSpec {
  Destination destination = Destination::kHomeIndependent;
  double probability = 0.0;
  ServiceIndex next_service = 0;  // for kNextService
};

struct CapacityChange {
  engine::SimTime day = 0.0;  // days from the start of the projection (after warm-up)
  double capacity = 0.0;
};

enum class ServiceKind : std::uint8_t {
  kHomeBased,  // reablement, home-based intermediate care: packages of care hours
  kBedBased,   // rehabilitation, community hospital, D2A beds
};

struct ServiceSpec {
  std::string name;
  ServiceKind kind = ServiceKind::kBedBased;
  // Beds for bed-based services. For home-based ones, either concurrent
  // packages, or care hours a day when care_hours_per_day is set: then each
  // package takes package_hours_per_day_start hours a day for its first
  // package_intensive_days days and package_hours_per_day_after from then on.
  double capacity = 0.0;
  bool capacity_in_care_hours = false;
  double package_hours_per_day_start = 1.0;
  double package_hours_per_day_after = 1.0;
  double package_intensive_days = 0.0;
  engine::Distribution length_of_stay_days;
  std::vector<OutcomeSpec> outcomes;
  std::vector<CapacityChange> capacity_changes;
  engine::QueueDiscipline discipline = engine::QueueDiscipline::kFirstComeFirstServed;
  bool short_term_care = false;  // a short-term care-home bed (bridging, D2A)
  double cost_per_bed_day = 0.0;        // bed-based
  double cost_per_care_hour = 0.0;      // home-based
  // Places kept for step-down patients only: step-up may use capacity - this.
  double ring_fenced_for_step_down = 0.0;
};

struct AgeBandSpec {
  std::string name;      // "18-64", "65-74", "75-84", "85+"
  bool aged_65_plus = false;
  double population = 0.0;                 // residents in the base year
  double admissions_per_1000_per_year = 0.0;
  double step_up_share = 0.0;              // of would-be admissions seen by urgent community response
  std::array<double, kPathways> pathway_split{1.0, 0.0, 0.0, 0.0};
  engine::Distribution time_to_nctr_days;  // admission to no longer meeting criteria to reside
};

// Real-terms unit-cost growth a year, by setting: social care pay has risen
// faster than NHS tariffs, so settings may differ.
struct CostGrowth {
  double acute = 0.0;
  double ic_beds = 0.0;
  double home_ic = 0.0;
  double short_term_care = 0.0;
  double long_term_care = 0.0;
};

struct CostSpec {
  double acute_bed_day = 0.0;
  double nctr_bed_day = 0.0;  // extra cost of a delayed day on top of the acute bed day (often 0)
  double care_home_placement_per_week = 0.0;
  CostGrowth real_terms_growth_per_year;  // e.g. 0.02 for each setting
};

// Long-term care-home placements that follow intermediate care: how long
// they last (Lancashire medians: residential 344 days, nursing 147 days).
struct LongTermCareSpec {
  engine::Distribution residential_stay_days{engine::Fixed{0.0}};
  engine::Distribution nursing_stay_days{engine::Fixed{0.0}};
};

// What may change from one projected year to the next: demographic growth
// and phased changes to the model of care. The loader works out every
// year's values (growth, steps, linear phasing); the model only reads them,
// switching at the start of each projected year.
struct YearSettings {
  std::vector<double> population;                            // per age band
  std::vector<double> admissions_per_1000_per_year;          // per age band
  std::vector<double> step_up_share;                         // per age band
  std::vector<std::array<double, kPathways>> pathway_split;  // per age band
  std::vector<engine::Distribution> time_to_nctr_days;       // per age band
  std::vector<double> capacity;                              // per service
  std::vector<engine::Distribution> length_of_stay_days;     // per service
  engine::Distribution triage_days;
  int discharge_days_per_week = 7;
};

// The system as it is at the start of the run, so a projection need not
// start empty: people in acute beds (not yet NCTR), people who are NCTR and
// waiting in an acute bed for a service, and people in each service. Their
// remaining times are drawn as equilibrium residuals of the stays.
struct InitialCensus {
  double acute_inpatients = 0.0;
  std::vector<double> waiting_in_acute;  // per service, for its pathway
  std::vector<double> in_service;        // per service
  double placements_residential = 0.0;   // long-term care-home placements already in progress
  double placements_nursing = 0.0;
};

struct ScenarioSpec {
  std::string name;
  std::string file;          // the file it was loaded from
  std::string sha256;        // of the scenario's text (and everything it extends)

  int start_year = 2025;
  int years = 1;
  engine::SimTime warmup_days = 365.0;
  int replications = 10;
  std::uint64_t seed = 1;

  std::vector<AgeBandSpec> age_bands;
  std::array<double, 7> day_of_week_profile{1, 1, 1, 1, 1, 1, 1};  // Monday first; mean 1
  std::array<double, 12> month_profile{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};  // January first; mean 1
  double fall_share = 0.0;   // of admissions flagged as a fall
  double acsc_share = 0.0;   // of admissions for ambulatory-care-sensitive conditions

  engine::Distribution triage_days;   // transfer-of-care hub: NCTR to ready to leave
  int discharge_days_per_week = 7;    // 5: Monday to Friday, 6: to Saturday, 7: every day
  double discharge_hour_start = 0.0;  // discharges happen within [start, end) hours of the day
  double discharge_hour_end = 24.0;

  std::vector<ServiceSpec> services;
  std::array<std::optional<ServiceIndex>, kPathways> pathway_service{};  // P1..P3 (P0 has none)
  std::optional<ServiceIndex> step_up_service;
  double step_up_max_wait_hours = 0.0;  // 0: a place must be free at once

  // Waiting: after bridging_after_days in an acute bed, move to the bridging
  // service while still queued for the one needed. Off when absent.
  std::optional<double> bridging_after_days;
  std::optional<ServiceIndex> bridging_service;
  // Deconditioning: each day waited adds this to the chance of stepping up
  // one pathway (P1 -> P2 -> P3). 0: off.
  double deconditioning_per_day_waited = 0.0;

  double readmission_days = 30.0;  // readmissions arrive within this window after leaving

  std::optional<InitialCensus> initial_census;  // empty: start empty and rely on the warm-up

  LongTermCareSpec long_term_care;
  // One entry per projected year; empty: the base values above every year.
  std::vector<YearSettings> yearly;

  CostSpec costs;
};

// Every projected year's settings: spec.yearly, or the base values repeated.
[[nodiscard]] std::vector<YearSettings> yearly_settings(const ScenarioSpec& spec);

// What a service's capacity is counted in: "beds", "care hours a day" or "packages".
[[nodiscard]] std::string capacity_unit(const ServiceSpec& service);

}  // namespace icsim::models
