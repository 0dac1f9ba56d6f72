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
using PlaceIndex = std::uint32_t;
using HospitalIndex = std::uint32_t;

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

// Outcomes of their own for some of a service's patients: those stepped up
// from the community or discharged from hospital, in some age bands, or who
// waited at least so long for their place (deconditioning). A service's
// first rule that fits the person gives their outcome; none: its outcomes.
struct OutcomeRule {
  enum class From : std::uint8_t { kAnywhere, kCommunity, kHospital };
  From from = From::kAnywhere;
  std::vector<bool> age_bands;          // per area age band; empty: every band
  double waited_at_least_days = 0.0;    // 0: whatever the wait
  std::vector<OutcomeSpec> outcomes;

  [[nodiscard]] bool fits(bool stepped_up, std::size_t band, double waited_days) const {
    if (from == From::kCommunity && !stepped_up) return false;
    if (from == From::kHospital && stepped_up) return false;
    if (!age_bands.empty() && !age_bands[band]) return false;
    return waited_days >= waited_at_least_days;
  }
};

struct CapacityChange {
  engine::SimTime day = 0.0;  // days from the start of the projection (after warm-up)
  double capacity = 0.0;
};

// Whom a service serves: everybody in the area, the residents of one place
// or of a named group of places (a pooled service), or the patients of one
// hospital's discharge hub.
struct ServiceOwner {
  enum class Kind : std::uint8_t { kArea, kPlaces, kHospital };
  Kind kind = Kind::kArea;
  std::vector<PlaceIndex> places;  // kPlaces: one place, or the group that shares it
  HospitalIndex hospital = 0;      // kHospital

  [[nodiscard]] bool serves(PlaceIndex place, std::optional<HospitalIndex> discharged_from) const;
};

// Someone who has waited this long for their own service takes a free place
// in a neighbour's, the first of them with one.
struct MutualAidSpec {
  double after_days = 0.0;
  std::vector<ServiceIndex> neighbours;
};

// How the area pays for a service. A block contract pays for capacity,
// used or not, from the date it changes; a spot purchase pays for each bed
// day, care hour or package day used; both: a block of places paid whether
// used or not, and spot purchases above it at their own price.
struct ContractSpec {
  enum class Kind : std::uint8_t { kSpot, kBlock, kBlockAndSpot };
  Kind kind = Kind::kSpot;
  double block = 0.0;       // kBlockAndSpot: places on the block, in the service's capacity units
  double spot_price = 0.0;  // kBlockAndSpot: per unit-day used above the block
};

// Who pays: the NHS (health) or the council (social care).
enum class Funder : std::uint8_t { kHealth, kSocialCare };

enum class ServiceKind : std::uint8_t {
  kHomeBased,  // reablement, home-based intermediate care: packages of care hours
  kBedBased,   // rehabilitation, community hospital, D2A beds
};

// The long-term care market after intermediate care: domiciliary care
// (home-based) and care-home beds, with capacity, queues and fees. People
// wait for a place where they are: in intermediate care, holding its place
// ("stuck in reablement"), or in an acute bed.
enum class Market : std::uint8_t { kNone, kHomeCare, kCareHomeResidential, kCareHomeNursing };

// When people can arrive from hospital: the first days_per_week days of the
// week from Monday, between the hours (a care home that admits on weekdays).
struct AdmissionWindow {
  int days_per_week = 7;
  double hour_start = 0.0;
  double hour_end = 24.0;
};

// Times by discharge pathway, P0 first (empty: not given here).
using ByPathway = std::array<std::optional<engine::Distribution>, kPathways>;

struct ServiceSpec {
  std::string name;
  ServiceKind kind = ServiceKind::kBedBased;
  Market market = Market::kNone;  // a long-term care service, not intermediate care
  // Beds for bed-based services. For home-based ones, either concurrent
  // packages, or care hours a day when care_hours_per_day is set: then each
  // package takes package_hours_per_day_start hours a day for its first
  // package_intensive_days days and package_hours_per_day_after from then on.
  double capacity = 0.0;
  bool capacity_in_care_hours = false;
  // Capacity given as staff (whole-time equivalents), each giving this many
  // care hours a day averaged over the week; 0: given in care hours.
  double care_hours_per_wte_day = 0.0;
  double package_hours_per_day_start = 1.0;
  double package_hours_per_day_after = 1.0;
  double package_intensive_days = 0.0;
  engine::Distribution length_of_stay_days;
  std::vector<OutcomeSpec> outcomes;
  std::vector<OutcomeRule> outcome_rules;  // outcomes_for: first fit wins, else `outcomes`
  std::vector<CapacityChange> capacity_changes;
  engine::QueueDiscipline discipline = engine::QueueDiscipline::kFirstComeFirstServed;
  bool short_term_care = false;  // a short-term care-home bed (bridging, D2A)
  // The price of a unit-day of capacity: the block price, or the spot price
  // under a spot contract.
  double cost_per_bed_day = 0.0;        // bed-based
  double cost_per_care_hour = 0.0;      // home-based (a package day when capacity is in packages)
  ContractSpec contract;
  Funder funder = Funder::kHealth;
  // Long-term care: people who start from the community (not from
  // intermediate care) a week, and the share of use the council pays for
  // (self-funders pay the rest) and of admissions it supports (ASCOF 2A).
  double community_starts_per_week = 0.0;
  double council_funded_share = 1.0;
  // Places kept for step-down patients only: step-up may use capacity - this.
  double ring_fenced_for_step_down = 0.0;
  ServiceOwner owner;
  std::optional<MutualAidSpec> mutual_aid;
  // Discharges from hospital into it only within this window, as well as the
  // area's (empty: the area's discharge days and hours).
  std::optional<AdmissionWindow> admits;
  // Its random streams are numbered by where the service was written, so a
  // what-if that removes or pools services leaves the others' numbers alone.
  // Empty: its index.
  std::optional<std::uint32_t> stream_slot;
};

// One way to a service: a pathway, step-up or bridging names one or several.
// A patient takes a route whose service serves them (their place, or their
// hospital's hub) and whose age bands include theirs; when several do, one
// is chosen by the routes' shares, which then sum to 1.
struct Route {
  Route() = default;
  Route(ServiceIndex to) : service(to) {}  // NOLINT(google-explicit-constructor): {{0}} is a route to service 0

  ServiceIndex service = 0;
  std::vector<bool> age_bands;  // per area age band; empty: every band
  double share = 1.0;
  // Whom the route takes when not whom its service serves (when
  // own_audience): a route to a pooled service keeps the patients it took to
  // the service pooled. (Not an optional: GCC 12 warns, wrongly, of an empty
  // one copied uninitialised.)
  bool own_audience = false;
  ServiceOwner audience;

  [[nodiscard]] bool takes_band(std::size_t band) const { return age_bands.empty() || age_bands[band]; }
};
using Routes = std::vector<Route>;

struct AgeBandSpec {
  std::string name;      // "18-64", "65-74", "75-84", "85+"
  bool aged_65_plus = false;
  double population = 0.0;                 // residents in the base year
  double admissions_per_1000_per_year = 0.0;
  double step_up_share = 0.0;              // of would-be admissions seen by urgent community response
  std::array<double, kPathways> pathway_split{1.0, 0.0, 0.0, 0.0};
  engine::Distribution time_to_nctr_days;  // admission to no longer meeting criteria to reside
  ByPathway hub_days;                      // the hub's time by pathway for this band, over the area's
  // Of admissions, the share who die in hospital (at the end of the acute
  // stay, before they would no longer meet the criteria to reside); of
  // pathway 0 discharges, the shares readmitted as an emergency within
  // readmission_days and who die (the rest stay home). Pathways 1-3 have
  // their services' outcomes.
  double died_in_hospital = 0.0;
  double p0_readmission = 0.0;
  double p0_death = 0.0;
};

// An acute trust. Places send their residents' admissions to hospitals by shares.
struct HospitalSpec {
  std::string id;    // as the scenario names it
  std::string name;  // for reports
};

// A locality, borough or integrated care partnership: its own residents in
// the area's age bands, their rates, step-up shares and pathway splits, and
// the hospitals its admissions go to.
struct PlaceSpec {
  std::string id;
  std::string name;
  std::string board;  // its health and wellbeing board ("" when not given)
  std::string icp;    // its integrated care partnership ("" when not given)
  std::vector<AgeBandSpec> age_bands;   // the area's bands, in the area's order
  std::vector<double> hospital_shares;  // per hospital; they sum to 1
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

// A budget the area's spend is shown against: the BCF pooled budget, or the
// intermediate-care budget, and the cost lines it pays for.
struct BudgetSpec {
  std::string name;
  std::vector<double> per_year;  // per projected year, in that year's prices
  bool acute = false, intermediate_care = false, short_term_care = false, long_term_care = false;
};

struct CostSpec {
  double acute_bed_day = 0.0;
  double nctr_bed_day = 0.0;  // extra cost of a delayed day on top of the acute bed day (often 0)
  double care_home_placement_per_week = 0.0;
  CostGrowth real_terms_growth_per_year;  // e.g. 0.02 for each setting
  std::optional<BudgetSpec> budget;
};

// Long-term care-home placements that follow intermediate care when no
// care-home service of the market takes them (an exit without capacity):
// how long they last (Lancashire medians: residential 344 days, nursing 147 days).
struct LongTermCareSpec {
  engine::Distribution residential_stay_days{engine::Fixed{0.0}};
  engine::Distribution nursing_stay_days{engine::Fixed{0.0}};
};

// What may change from one projected year to the next: demographic growth
// and phased changes to the model of care. The loader works out every
// year's values (growth, steps, linear phasing); the model only reads them,
// switching at the start of each projected year. Demand is by cell: a
// place's age band, place by place (cell = place x bands + band).
struct YearSettings {
  std::vector<double> population;                            // per cell
  std::vector<double> admissions_per_1000_per_year;          // per cell
  std::vector<double> step_up_share;                         // per cell
  std::vector<std::array<double, kPathways>> pathway_split;  // per cell
  std::vector<engine::Distribution> time_to_nctr_days;       // per cell
  // The transfer-of-care hub's time, NCTR to ready to leave: per cell, by pathway.
  std::vector<std::array<engine::Distribution, kPathways>> hub_days;
  std::vector<double> capacity;                              // per service
  std::vector<engine::Distribution> length_of_stay_days;     // per service
  // People who start a service from home (a GP's or community team's referral to
  // intermediate care, long-term care sought from the community): per service,
  // following the admissions of the residents it serves as they grow.
  std::vector<double> community_starts_per_week;             // per service
  engine::Distribution triage_days;  // the hub's time where no pathway or band has its own
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

  // The area's age bands. Without places they are its residents; with
  // places, each place has its own copy of every band and these hold the
  // area's totals (population summed, the rest the area's defaults).
  std::vector<AgeBandSpec> age_bands;
  std::vector<PlaceSpec> places;        // empty: the whole area is one place
  std::vector<HospitalSpec> hospitals;  // empty: one hospital for all
  std::array<double, 7> day_of_week_profile{1, 1, 1, 1, 1, 1, 1};  // Monday first; mean 1
  std::array<double, 12> month_profile{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};  // January first; mean 1
  double fall_share = 0.0;   // of admissions flagged as a fall
  double acsc_share = 0.0;   // of admissions for ambulatory-care-sensitive conditions

  // The transfer-of-care hub: NCTR to ready to leave (assessment, referral,
  // arranging), for every pathway (triage_days) or by pathway (hub_days,
  // over triage_days), and by age band (AgeBandSpec::hub_days, over both).
  engine::Distribution triage_days;
  ByPathway hub_days;
  int discharge_days_per_week = 7;    // 5: Monday to Friday, 6: to Saturday, 7: every day
  double discharge_hour_start = 0.0;  // discharges happen within [start, end) hours of the day
  double discharge_hour_end = 24.0;

  std::vector<ServiceSpec> services;
  std::array<Routes, kPathways> pathway_routes{};  // P1..P3 (P0 has none)
  Routes step_up_routes;                           // empty: no step-up
  double step_up_max_wait_hours = 0.0;  // 0: a place must be free at once

  // Waiting: after bridging_after_days in an acute bed, move to the bridging
  // service while still queued for the one needed. Off when absent.
  std::optional<double> bridging_after_days;
  Routes bridging_routes;
  // The long-term care market: the services that people whose outcome is
  // home_with_care, care_home_residential or care_home_nursing go to (empty
  // routes: an exit without capacity, as before), and the share of pathway 1
  // sent from the ward to a long-term package when reablement has no free place.
  std::array<Routes, 3> market_routes{};  // by Market - 1
  double over_prescription_share = 0.0;

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
// The hub's time by pathway for a reader: the area's (a band may have its own),
// and a year's mean over its cells.
[[nodiscard]] const engine::Distribution& area_hub_days(const ScenarioSpec& spec, std::size_t pathway);
[[nodiscard]] std::array<double, kPathways> mean_hub_days(const YearSettings& year);

// The places and hospitals the model runs: the scenario's, or the whole area
// as one place (id "area") sending everyone to one hospital (id "hospital").
[[nodiscard]] std::vector<PlaceSpec> places_of(const ScenarioSpec& spec);
[[nodiscard]] std::vector<HospitalSpec> hospitals_of(const ScenarioSpec& spec);

// Whether a route takes a place's residents in `band`, discharged from
// `hospital` (none: stepped up from the community).
[[nodiscard]] bool route_takes(const ScenarioSpec& spec, const Route& route, PlaceIndex place,
                               std::optional<HospitalIndex> hospital, std::size_t band);

// The services routes lead to, each once, in the order first named.
[[nodiscard]] std::vector<ServiceIndex> services_of(const Routes& routes);

// The market a destination is served by, or kNone.
[[nodiscard]] inline Market market_for(Destination d) {
  switch (d) {
    case Destination::kHomeWithCare: return Market::kHomeCare;
    case Destination::kCareHomeResidential: return Market::kCareHomeResidential;
    case Destination::kCareHomeNursing: return Market::kCareHomeNursing;
    default: return Market::kNone;
  }
}
[[nodiscard]] inline bool is_care_home(Market m) {
  return m == Market::kCareHomeResidential || m == Market::kCareHomeNursing;
}

// What a service's capacity is counted in: "beds", "care hours a day" or "packages".
[[nodiscard]] std::string capacity_unit(const ServiceSpec& service);
// The key its capacity is written with: capacity_beds,
// capacity_care_hours_per_day, capacity_packages or capacity_staff_wte;
// and what one unit of that key is in capacity_unit's units.
[[nodiscard]] std::string capacity_key(const ServiceSpec& service);
[[nodiscard]] inline double capacity_per_written_unit(const ServiceSpec& service) {
  return service.care_hours_per_wte_day > 0.0 ? service.care_hours_per_wte_day : 1.0;
}

// The price of one unit-day of the service's capacity (a bed day, a care
// hour, a package day), before real-terms growth.
[[nodiscard]] inline double unit_price(const ServiceSpec& service) {
  return service.kind == ServiceKind::kHomeBased ? service.cost_per_care_hour : service.cost_per_bed_day;
}

}  // namespace icsim::models
