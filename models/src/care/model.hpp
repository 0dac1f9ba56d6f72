#pragma once
// The intermediate-care model of one replication: the patient's journey from
// a would-be admission, through the acute stay and the discharge hub, the
// services of their pathway, to home, a care home or death. Its parts are
// defined by the domain they model:
//   arrivals.cpp        demand, step-up, the starting census
//   acute_stay.cpp      admission, criteria to reside, the hub, discharge
//   service_places.cpp  places in services: queues, grants, bridging,
//                       mutual aid, capacity changes
//   leaving.cpp         the end of a service, outcomes (by person), the
//                       long-term care market and its starts from the
//                       community, placements and the 91-day follow-up
// What is measured lives in Measurement, demand in Demand, who goes where in
// AreaLayout. Events are dispatched by a switch, a direct call per event.

#include <cmath>
#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include <icsim/engine/random_streams.hpp>
#include <icsim/engine/resource.hpp>
#include <icsim/engine/simulation.hpp>
#include <icsim/engine/statistics.hpp>
#include <icsim/models/calendar.hpp>
#include <icsim/models/event_priorities.hpp>
#include <icsim/models/intermediate_care_model.hpp>

#include "area_layout.hpp"
#include "demand.hpp"
#include "follow_ups.hpp"
#include "measurement.hpp"
#include "patients.hpp"

namespace icsim::models::care {

// Stream numbers are never renumbered or reused; services take two each
// from kFirstServiceStream by where they were written, and long-term care
// one each from kFirstCommunityStartStream.
enum class Stream : engine::StreamId {
  kArrivals = 1,
  kAcuteStay = 2,
  kTriage = 3,
  kPathwayChoice = 4,
  kStepUp = 5,
  kCaseMix = 6,
  kReadmissionDelay = 7,
  kDeconditioning = 8,
  kCensus = 9,
  kLongTermCare = 10,
  kHospitalChoice = 11,
  kRouteChoice = 12,
  kOverPrescription = 13,
  kHospitalOutcome = 14,  // death in hospital, and what follows a pathway 0 discharge
  kFirstServiceStream = 1000,
  kFirstCommunityStartStream = 1'000'000,  // one per long-term care service with starts from the community
  // A readmitted person's draws, and when they come back, come from streams
  // of their own cell (place and band), 2 to 14 above plus the cell's offset:
  // how many people are readmitted, and when, depends on capacity, and must
  // move neither the draws of everyone admitted after them nor those of
  // people elsewhere (five more beds in one place, paired with none, pair
  // every other place's readmissions too).
  kFirstReadmittedStream = 2'000'000,
};
inline constexpr engine::StreamId kReadmittedStreamsPerCell = 16;

// Queue priority under `queue: priority`: people in hospital beds first.
inline constexpr std::int32_t kFromHospital = 0;
inline constexpr std::int32_t kFromCommunity = 1;

class IntermediateCareModel {
 public:
  IntermediateCareModel(const ScenarioSpec& spec, std::uint64_t seed, std::uint32_t replication);
  ReplicationResult run();

 private:
  enum EventKind : std::uint32_t {
    kArrivalCandidate,  // a possible would-be admission (thinned to the day and month)
    kReadmission,       // subject: cell
    kNctr,              // criteria to reside no longer met
    kTriageDone,        // the transfer-of-care hub has a pathway and a referral
    kPlaceGranted,      // a queued request got its place
    kLeaveAcute,        // discharge from the acute bed
    kServiceEnd,
    kPackageEases,      // a home package drops to its lower daily hours
    kBridgeDue,         // waited long enough in an acute bed to be bridged
    kStepUpTimeout,     // no step-up place in time: admit instead
    kCapacityChange,    // subject: index into the scenario's capacity changes
    kDailyCensus,       // midnight: who has been in an acute bed 14 or 21 days
    kYearStart,         // subject: the projected year whose settings now apply
    kFollowUp91,        // subject: a follow-up; 91 days after a discharge into reablement or rehab
    kMutualAidDue,      // waited long enough for a neighbour's free place
    kCommunityStart,    // subject: a long-term care service; someone needs it from the community
  };

  struct ScheduledCapacity {
    std::uint32_t service;
    CapacityChange change;
  };
  // Someone waiting for `from` long enough to take a neighbour's free place.
  struct AidSeeker {
    PatientId patient;
    std::uint32_t ticket;
    ServiceIndex from;
  };

  [[nodiscard]] engine::Rng stream(Stream s, engine::StreamId offset = 0) const {
    return engine::make_stream(seed_, replication_, static_cast<engine::StreamId>(s) + offset);
  }
  void handle(const engine::Event& e);

  // ---- arrivals.cpp
  void place_census(const InitialCensus& census);
  PatientId census_patient(engine::Rng& rng, std::optional<ServiceIndex> service);
  void on_arrival_candidate();
  void on_would_be_admission(std::size_t cell, bool readmission);
  bool try_step_up(PatientId id);
  void on_step_up_timeout(PatientId id);
  void set_flow(Patient& p, std::size_t cell, HospitalIndex hospital);
  // What happens at the end of the stay is drawn when the person comes in.
  void draw_hospital_outcome(Patient& p, engine::Rng& rng);

  // ---- acute_stay.cpp
  void admit(PatientId id, double acute_days, bool in_census = false);
  void on_nctr(PatientId id);
  void on_triage_done(PatientId id);
  void schedule_leave_acute(PatientId id, std::uint32_t to_service);
  void on_leave_acute(PatientId id);
  void on_daily_census();
  void count_waits_so_far(int period, engine::SimTime now);
  void die_in_hospital(PatientId id);
  // After a pathway 0 discharge: home, readmitted or dead, by the patient's band.
  [[nodiscard]] Destination after_p0(const Patient& p) const;
  // Why the NCTR patient is still in the acute bed from now; waiting: for
  // the service in p.waiting_for.
  void set_nctr_reason(Patient& p, NctrReason reason);
  [[nodiscard]] NctrReason waiting_reason(const Patient& p, ServiceIndex s) const;

  // ---- service_places.cpp
  [[nodiscard]] double initial_units(std::uint32_t s) const;
  [[nodiscard]] ServiceIndex service_for(const Patient& p, int pathway) const;
  void request_place(PatientId id, std::uint32_t s);
  auto grant_later(std::uint32_t s);
  void on_place_granted(PatientId id);
  void on_bridge_due(PatientId id);
  void enter_service(PatientId id, std::uint32_t s, double stay = -1.0);
  void on_package_eases(PatientId id);
  void take(PatientId id, std::uint32_t s, double units);
  void give_back(PatientId id, std::uint32_t s, double units);
  void on_capacity_change(std::uint32_t index);
  void on_year_start(std::uint32_t year);
  void set_capacity(std::uint32_t s, double capacity);
  void on_mutual_aid_due(PatientId id);
  bool take_neighbours_place(PatientId id, ServiceIndex neighbour);
  void offer_mutual_aid(ServiceIndex freed);

  // ---- leaving.cpp
  void on_service_end(PatientId id);
  // The long-term care service for a destination, if the market has one for the patient.
  [[nodiscard]] std::optional<ServiceIndex> market_service(const Patient& p, Destination destination) const;
  void on_community_start(std::uint32_t s);
  // The next person to come to service s from home: Poisson starts at this
  // year's weekly rate; none while it is 0 (each year start looks again).
  void schedule_community_start(std::uint32_t s);
  [[nodiscard]] const OutcomeSpec& choose_outcome(const Patient& p);
  void leave_system(PatientId id, Destination destination);
  void start_placement(std::size_t flow, Destination destination, engine::Rng* census_rng = nullptr);
  void start_follow_up(PatientId id);
  void on_follow_up(std::uint32_t f);

  void cancel_timer(Patient& p);
  void count_canonical(engine::SimTime now) { canonical_events_ += now < periods_.horizon() ? 1 : 0; }
  // The calendar day of a time, counted from the projection's first day.
  [[nodiscard]] long day_of(engine::SimTime t) const {
    return static_cast<long>(std::floor(t - spec_.warmup_days));
  }
  [[nodiscard]] const YearSettings& settings() const { return years_[year_]; }
  [[nodiscard]] const YearDemand& demand() const { return demand_.year(year_); }
  [[nodiscard]] FlowStatistics& counts(const Patient& p) { return measure_.flow(p.flow); }

  const ScenarioSpec& spec_;
  std::uint64_t seed_;
  std::uint32_t replication_;
  engine::Periods periods_;
  Calendar calendar_;
  std::vector<YearSettings> years_;
  std::size_t year_ = 0;  // whose settings apply now (the first during the warm-up)
  AreaLayout layout_;
  engine::Simulation sim_;

  // What a would-be admission draws when they arrive, in arrival order:
  // first arrivals and readmissions each have their own (common random
  // numbers: a scenario with more capacity gives each first arrival the same
  // draws, however many readmissions it saves).
  struct ArrivalStreams {
    ArrivalStreams(const IntermediateCareModel& model, engine::StreamId offset);
    engine::Rng acute, hub, pathway, step_up, case_mix, hospital, route, outcome;
  };
  ArrivalStreams first_arrivals_;
  std::vector<ArrivalStreams> readmitted_;  // per cell
  std::vector<engine::Rng> readmission_delay_rngs_;  // per cell: when its people come back
  engine::Rng deconditioning_rng_, long_term_care_rng_;
  std::vector<engine::Rng> stay_rngs_, outcome_rngs_;
  engine::Rng over_prescription_rng_;
  struct BandOutcomes {
    double died_in_hospital = 0.0, p0_readmission = 0.0, p0_death = 0.0;
  };
  std::vector<BandOutcomes> band_outcomes_;  // per cell
  std::vector<engine::Rng> community_rngs_;  // per service (used by services with community starts)
  std::vector<bool> community_start_due_;    // per service: a community start is scheduled

  Demand demand_;
  Measurement measure_;
  std::vector<DischargeWindow> discharge_windows_;                // per year
  std::vector<std::vector<DischargeWindow>> service_windows_;     // [year][service], when some service has its own
  std::vector<engine::CategoricalChoice> outcome_choice_;
  std::vector<std::vector<engine::CategoricalChoice>> rule_choice_;  // per service, per outcome rule

  std::vector<engine::Resource> services_;
  std::vector<ScheduledCapacity> capacity_changes_;
  std::vector<std::deque<AidSeeker>> aid_seekers_;  // per neighbour service, in the order they became due
  std::vector<std::size_t> aid_seekers_compacted_;  // size of each list after its last clean-up
  std::uint32_t next_aid_ticket_ = 0;
  bool mutual_aid_ = false;  // some service has it
  PatientPool patients_;
  FollowUps follow_ups_;
  std::uint64_t people_in_ = 0, people_out_ = 0, canonical_events_ = 0;
};

}  // namespace icsim::models::care
