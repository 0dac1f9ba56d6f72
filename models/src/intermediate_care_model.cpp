#include <icsim/models/intermediate_care_model.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include <icsim/engine/replication_runner.hpp>
#include <icsim/engine/resource.hpp>
#include <icsim/engine/simulation.hpp>
#include <icsim/engine/statistics.hpp>
#include <icsim/models/calendar.hpp>
#include <icsim/models/event_priorities.hpp>

namespace icsim::models {
namespace {

using engine::SimTime;
using PatientId = std::uint32_t;

enum EventKind : std::uint32_t {
  kArrivalCandidate,  // a possible would-be admission (thinned to the day and month)
  kReadmission,       // subject: age band
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
};

// Stream numbers are never renumbered or reused; services take two each
// from kFirstServiceStream in the order the scenario declares them.
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
  kFirstServiceStream = 1000,
};

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr double kNever = engine::kNever;
constexpr int kQ3FirstMonth = 9;  // October: the ASCOF 2B(1) cohort is Oct-Dec discharges
constexpr double kFollowUpDays = 91.0;

// Acute inpatients by the day they were admitted, over the last 32 days:
// enough to count at each midnight who has been in 14 or 21 days or more,
// without looking at every patient.
class RecentAdmissions {
 public:
  void admitted(long day) {
    advance(day);
    ++count_[slot(day)];
  }
  void left(long admitted_day) {
    if (admitted_day > newest_ - kDays) --count_[slot(admitted_day)];  // older days are forgotten already
  }
  // Inpatients admitted on `today` or in the `days` days before it.
  [[nodiscard]] int within(long today, int days) {
    advance(today);
    int sum = 0;
    for (long d = today - days; d <= today; ++d) sum += count_[slot(d)];
    return sum;
  }

 private:
  static constexpr long kDays = 32;
  static std::size_t slot(long day) { return static_cast<std::size_t>(((day % kDays) + kDays) % kDays); }
  void advance(long day) {
    if (!started_ || day - newest_ >= kDays) {
      count_.fill(0);
      newest_ = day;
      started_ = true;
      return;
    }
    while (newest_ < day) count_[slot(++newest_)] = 0;
  }
  std::array<int, kDays> count_{};
  long newest_ = 0;
  bool started_ = false;
};

// A year's demand, ready to draw from.
struct YearDemand {
  double rate_per_day = 0.0;  // would-be admissions, before the day and month profiles
  engine::CategoricalChoice band_choice;
  std::vector<engine::CategoricalChoice> pathway_split;  // per band
  double population = 0.0;
  double population_65_plus = 0.0;
};

enum class Place : std::uint8_t { kGone, kAcute, kService, kBridging, kStepUpQueue };

// Queue priority under `queue: priority`: people in hospital beds first.
constexpr std::int32_t kFromHospital = 0;
constexpr std::int32_t kFromCommunity = 1;

struct Patient {
  SimTime admitted = 0.0;
  SimTime waiting_since = 0.0;
  SimTime nctr_since = 0.0;
  double triage_days = 0.0;
  double pathway_uniform = 0.0;
  double held_units = 0.0;           // in `service`
  double bridging_units = 0.0;       // in the bridging service while waiting
  engine::EventId timer = 0;         // bridging or step-up timeout, when timer_set
  engine::EventId ease = 0;          // package eases, when ease_set
  std::uint32_t service = kNone;     // the service the patient is in (or holds a place in)
  std::uint32_t waiting_for = kNone;  // the service whose queue the patient is in
  std::uint32_t leaving_to = kNone;  // where a scheduled discharge from acute goes
  std::uint32_t follow_up = kNone;   // the 91-day follow-up watching this patient
  std::uint8_t band = 0;
  std::uint8_t pathway = 0;
  Place place = Place::kGone;
  bool nctr = false;
  bool timer_set = false;
  bool ease_set = false;
  bool leave_scheduled = false;
  bool avoidable = false;  // an ambulatory-care-sensitive condition
  bool fall = false;
};

class IntermediateCareModel {
 public:
  IntermediateCareModel(const ScenarioSpec& spec, std::uint64_t seed, std::uint32_t replication)
      : spec_(spec),
        seed_(seed),
        replication_(replication),
        periods_{spec.warmup_days, engine::kDaysPerYear, spec.years},
        calendar_(spec.start_year, spec.warmup_days),
        years_(yearly_settings(spec)),
        arrivals_rng_(stream(seed, replication, Stream::kArrivals)),
        acute_rng_(stream(seed, replication, Stream::kAcuteStay)),
        triage_rng_(stream(seed, replication, Stream::kTriage)),
        pathway_rng_(stream(seed, replication, Stream::kPathwayChoice)),
        step_up_rng_(stream(seed, replication, Stream::kStepUp)),
        readmission_rng_(stream(seed, replication, Stream::kReadmissionDelay)),
        deconditioning_rng_(stream(seed, replication, Stream::kDeconditioning)),
        would_be_(periods_), admissions_(periods_), diversions_(periods_), discharges_(periods_),
        usual_residence_(periods_), care_home_65_(periods_), readmissions_(periods_), at_home_91_(periods_),
        cohort_91_(periods_), avoidable_(periods_), falls_65_(periods_),
        acute_occupied_(periods_), nctr_in_acute_(periods_),
        nctr_days_per_discharge_(periods_, {}), stayed_14_share_(periods_, {}), stayed_21_share_(periods_, {}),
        case_mix_rng_(stream(seed, replication, Stream::kCaseMix)),
        long_term_care_rng_(stream(seed, replication, Stream::kLongTermCare)),
        ic_episodes_(periods_),
        discharges_by_pathway_{engine::Counter(periods_), engine::Counter(periods_), engine::Counter(periods_),
                               engine::Counter(periods_)},
        placement_days_(static_cast<std::size_t>(spec.years), 0.0) {
    // Each year's demand; arrivals are thinned from the highest rate of all.
    double peak_rate = 0.0;
    for (const auto& year : years_) {
      YearDemand demand;
      std::vector<double> band_rates;
      for (std::size_t b = 0; b < spec.age_bands.size(); ++b) {
        band_rates.push_back(year.population[b] * year.admissions_per_1000_per_year[b] / 1000.0 /
                             engine::kDaysPerYear);
        demand.rate_per_day += band_rates.back();
        demand.pathway_split.emplace_back(std::vector<double>(year.pathway_split[b].begin(), year.pathway_split[b].end()));
        if (spec.age_bands[b].aged_65_plus) demand.population_65_plus += year.population[b];
        demand.population += year.population[b];
      }
      demand.band_choice = engine::CategoricalChoice(band_rates);
      peak_rate = std::max(peak_rate, demand.rate_per_day);
      demand_.push_back(std::move(demand));
      discharge_windows_.emplace_back(calendar_, year.discharge_days_per_week, spec.discharge_hour_start,
                                      spec.discharge_hour_end);
    }
    peak_profile_ = *std::max_element(spec.day_of_week_profile.begin(), spec.day_of_week_profile.end()) *
                    *std::max_element(spec.month_profile.begin(), spec.month_profile.end());
    peak_rate_ = peak_rate * peak_profile_;
    candidate_gap_ = engine::Distribution(engine::Exponential{1.0 / peak_rate_});
    for (std::size_t s = 0; s < spec.services.size(); ++s) {
      const auto& service = spec.services[s];
      services_.emplace_back(years_.front().capacity[s], service.discipline, periods_);
      const auto base = static_cast<engine::StreamId>(Stream::kFirstServiceStream) + 2 * static_cast<engine::StreamId>(s);
      stay_rngs_.push_back(engine::make_stream(seed, replication, base));
      outcome_rngs_.push_back(engine::make_stream(seed, replication, base + 1));
      std::vector<double> probabilities;
      for (const auto& o : service.outcomes) probabilities.push_back(o.probability);
      outcome_choice_.emplace_back(probabilities);
      for (const auto& change : service.capacity_changes)
        capacity_changes_.push_back({static_cast<std::uint32_t>(s), change});
    }
    for (int p = 0; p < 3; ++p) waits_.emplace_back(periods_, std::vector<double>{});
    daily_.assign(kDailyMeasureCount + kServiceDailyMeasureCount * spec.services.size(),
                  std::vector<double>(static_cast<std::size_t>(spec.years) * 365, 0.0));
    referrals_today_.assign(spec.services.size(), 0.0);
    step_up_referrals_today_.assign(spec.services.size(), 0.0);
  }

  ReplicationResult run() {
    if (spec_.initial_census) place_census(*spec_.initial_census);
    sim_.set_warmup(spec_.warmup_days);
    sim_.on_warmup([this](SimTime t) { reset_statistics(t); });
    sim_.schedule(candidate_gap_.sample(arrivals_rng_), priority::kArrival, kArrivalCandidate);
    sim_.schedule_at(calendar_.midnight(0.0) + 1.0, priority::kObserve, kDailyCensus);
    for (std::uint32_t y = 1; y < years_.size(); ++y)
      sim_.schedule_at(periods_.start(static_cast<int>(y)), priority::kCapacityChange, kYearStart, y);
    for (std::uint32_t i = 0; i < capacity_changes_.size(); ++i)
      sim_.schedule_at(spec_.warmup_days + capacity_changes_[i].change.day, priority::kCapacityChange,
                       kCapacityChange, i);
    // The last year's October-December cohort is followed up after the
    // horizon; nothing else is measured beyond it.
    const SimTime end = periods_.horizon() + kFollowUpDays + 1.0;
    sim_.run_until(end, [this](const engine::Event& e) { handle(e); });
    acute_occupied_.advance(end);
    nctr_in_acute_.advance(end);
    for (auto& s : services_) s.advance_statistics(end);
    return result();
  }

 private:
  struct ScheduledCapacity {
    std::uint32_t service;
    CapacityChange change;
  };

  static engine::Rng stream(std::uint64_t seed, std::uint32_t replication, Stream s) {
    return engine::make_stream(seed, replication, static_cast<engine::StreamId>(s));
  }

  void handle(const engine::Event& e) {
    switch (e.kind) {
      case kArrivalCandidate: return on_arrival_candidate();
      case kReadmission: return on_would_be_admission(static_cast<std::uint8_t>(e.subject), true);
      case kNctr: return on_nctr(e.subject);
      case kTriageDone: return on_triage_done(e.subject);
      case kPlaceGranted: return on_place_granted(e.subject);
      case kLeaveAcute: return on_leave_acute(e.subject);
      case kServiceEnd: return on_service_end(e.subject);
      case kPackageEases: return on_package_eases(e.subject);
      case kBridgeDue: return on_bridge_due(e.subject);
      case kStepUpTimeout: return on_step_up_timeout(e.subject);
      case kCapacityChange: return on_capacity_change(e.subject);
      case kDailyCensus: return on_daily_census();
      case kYearStart: return on_year_start(e.subject);
      case kFollowUp91: return on_follow_up(e.subject);
      default: ICSIM_CHECK(false, "unknown event kind");
    }
  }

  // ---- the starting census ------------------------------------------------

  // People already in the system at time 0, in services first (they hold the
  // places), then those waiting in acute beds, then the other inpatients.
  void place_census(const InitialCensus& census) {
    engine::Rng rng = engine::make_stream(seed_, replication_, static_cast<engine::StreamId>(Stream::kCensus));
    auto new_person = [&] {
      ++people_in_;
      const PatientId id = allocate();
      Patient& p = patients_[id];
      p.band = static_cast<std::uint8_t>(demand().band_choice.sample(rng));
      p.triage_days = settings().triage_days.sample(rng);
      p.pathway_uniform = engine::uniform01(rng);
      return id;
    };
    for (std::uint32_t s = 0; s < census.in_service.size(); ++s) {
      for (int i = 0; i < static_cast<int>(census.in_service[s]); ++i) {
        const PatientId id = new_person();
        patients_[id].pathway = pathway_of(s);
        services_[s].request(0.0, id, initial_units(s), kFromCommunity);
        enter_service(id, s, settings().length_of_stay_days[s].sample_residual(rng));
      }
    }
    for (std::uint32_t s = 0; s < census.waiting_in_acute.size(); ++s) {
      for (int i = 0; i < static_cast<int>(census.waiting_in_acute[s]); ++i) {
        const PatientId id = new_person();
        Patient& p = patients_[id];
        p.pathway = pathway_of(s);
        admit(id, kNever, true);
        p.nctr = true;
        nctr_in_acute_.add(0.0, 1.0);
        request_place(id, s);
      }
    }
    for (int i = 0; i < static_cast<int>(census.placements_residential); ++i)
      start_placement(Destination::kCareHomeResidential, &rng);
    for (int i = 0; i < static_cast<int>(census.placements_nursing); ++i)
      start_placement(Destination::kCareHomeNursing, &rng);
    for (int i = 0; i < static_cast<int>(census.acute_inpatients); ++i) {
      const PatientId id = new_person();
      admit(id, settings().time_to_nctr_days[patients_[id].band].sample_residual(rng), true);
    }
  }

  // The pathway that refers to service s (the loader makes sure there is one).
  [[nodiscard]] std::uint8_t pathway_of(std::uint32_t s) const {
    for (std::uint8_t k = 1; k < kPathways; ++k)
      if (spec_.pathway_service[k] == s) return k;
    return 1;
  }

  // ---- demand -------------------------------------------------------------

  void on_arrival_candidate() {
    const SimTime now = sim_.now();
    sim_.schedule(candidate_gap_.sample(arrivals_rng_), priority::kArrival, kArrivalCandidate);
    // Thinning: keep the candidate with probability rate(now) / peak rate.
    const double profile = spec_.day_of_week_profile[static_cast<std::size_t>(calendar_.weekday(now))] *
                           spec_.month_profile[static_cast<std::size_t>(calendar_.month(now))];
    const double rate = demand().rate_per_day * profile;
    if (rate < peak_rate_ && engine::uniform01(arrivals_rng_) * peak_rate_ >= rate) return;
    on_would_be_admission(static_cast<std::uint8_t>(demand().band_choice.sample(arrivals_rng_)), false);
  }

  void on_would_be_admission(std::uint8_t band_index, bool readmission) {
    const SimTime now = sim_.now();
    ++people_in_;
    count_canonical(now);
    would_be_.add(now);
    // Every attribute is drawn now, whatever happens next, so two scenarios
    // with the same seed give this person the same stay and pathway.
    const PatientId id = allocate();
    Patient& p = patients_[id];
    p.band = band_index;
    p.triage_days = settings().triage_days.sample(triage_rng_);
    p.pathway_uniform = engine::uniform01(pathway_rng_);
    const double acute_days = settings().time_to_nctr_days[band_index].sample(acute_rng_);
    const double step_up_uniform = engine::uniform01(step_up_rng_);
    p.avoidable = engine::uniform01(case_mix_rng_) < spec_.acsc_share;
    p.fall = engine::uniform01(case_mix_rng_) < spec_.fall_share;

    if (readmission) readmissions_.add(now);
    if (!readmission && spec_.step_up_service && step_up_uniform < settings().step_up_share[band_index] &&
        try_step_up(id))
      return;
    admit(id, acute_days);
  }

  // The urgent community response offers a step-up place; true when the
  // person is cared for there (or waits for one) instead of being admitted.
  bool try_step_up(PatientId id) {
    const SimTime now = sim_.now();
    const std::uint32_t s = *spec_.step_up_service;
    auto& service = services_[s];
    const double units = initial_units(s);
    const double free_for_step_up = service.available() - spec_.services[s].ring_fenced_for_step_down;
    Patient& p = patients_[id];
    referrals_today_[s] += 1.0;
    step_up_referrals_today_[s] += 1.0;
    if (service.waiting() == 0 && free_for_step_up >= units) {
      const bool granted = service.request(now, id, units, kFromCommunity);
      ICSIM_CHECK(granted, "a free step-up place was not granted");
      diversions_.add(now);
      enter_service(id, s);
      return true;
    }
    if (spec_.step_up_max_wait_hours <= 0.0) return false;
    p.place = Place::kStepUpQueue;
    p.waiting_for = s;
    p.waiting_since = now;
    if (service.request(now, id, units, kFromCommunity)) {  // cannot happen: no place was free
      on_place_granted(id);
      return true;
    }
    p.timer = sim_.schedule(spec_.step_up_max_wait_hours / engine::kHoursPerDay, priority::kMilestone,
                            kStepUpTimeout, id);
    p.timer_set = true;
    return true;
  }

  void on_step_up_timeout(PatientId id) {
    Patient& p = patients_[id];
    p.timer_set = false;
    services_[p.waiting_for].withdraw(sim_.now(), id);
    p.waiting_for = kNone;
    admit(id, settings().time_to_nctr_days[p.band].sample(acute_rng_));
  }

  // ---- the acute stay -----------------------------------------------------

  // Into an acute bed; criteria to reside no longer met after acute_days
  // (never, for a census patient who is already NCTR). Census patients were
  // admitted before the run and are not counted as admissions.
  void admit(PatientId id, double acute_days, bool in_census = false) {
    Patient& p = patients_[id];
    p.place = Place::kAcute;
    p.admitted = sim_.now();
    recent_admissions_.admitted(day_of(p.admitted));
    if (!in_census) {
      admissions_.add(sim_.now());
      if (p.avoidable) avoidable_.add(sim_.now());
      if (p.fall && spec_.age_bands[p.band].aged_65_plus) falls_65_.add(sim_.now());
    }
    acute_occupied_.add(sim_.now(), 1.0);
    if (acute_days != kNever) sim_.schedule(acute_days, priority::kMilestone, kNctr, id);
  }

  void on_nctr(PatientId id) {
    count_canonical(sim_.now());
    Patient& p = patients_[id];
    p.nctr = true;
    p.nctr_since = sim_.now();
    nctr_in_acute_.add(sim_.now(), 1.0);
    // No triage time: decide now rather than through the event list.
    if (p.triage_days <= 0.0)
      on_triage_done(id);
    else
      sim_.schedule(p.triage_days, priority::kMilestone, kTriageDone, id);
  }

  void on_triage_done(PatientId id) {
    Patient& p = patients_[id];
    p.pathway = static_cast<std::uint8_t>(demand().pathway_split[p.band].pick(p.pathway_uniform));
    if (p.pathway == 0) {
      schedule_leave_acute(id, kNone);
      return;
    }
    request_place(id, *spec_.pathway_service[p.pathway]);
  }

  void schedule_leave_acute(PatientId id, std::uint32_t to_service) {
    Patient& p = patients_[id];
    p.leaving_to = to_service;
    if (p.leave_scheduled) return;
    const SimTime leave = discharge_windows_[year_].next_open(sim_.now());
    if (leave == sim_.now()) {  // the discharge window is open: go now
      on_leave_acute(id);
      return;
    }
    p.leave_scheduled = true;
    sim_.schedule_at(leave, priority::kMilestone, kLeaveAcute, id);
  }

  void on_leave_acute(PatientId id) {
    const SimTime now = sim_.now();
    Patient& p = patients_[id];
    p.leave_scheduled = false;
    recent_admissions_.left(day_of(p.admitted));
    acute_occupied_.add(now, -1.0);
    nctr_in_acute_.add(now, -1.0);
    nctr_days_per_discharge_.add(now, now - p.nctr_since);
    discharges_.add(now);
    discharges_by_pathway_[p.pathway].add(now);
    if (p.pathway <= 1) usual_residence_.add(now);
    const auto& band = spec_.age_bands[p.band];
    if (band.aged_65_plus && (p.pathway == 1 || p.pathway == 2) && calendar_.month(now) >= kQ3FirstMonth &&
        periods_.index(now) >= 0)
      start_follow_up(id);
    if (p.pathway == 0) {
      leave_system(id, Destination::kHomeIndependent);
      return;
    }
    if (p.leaving_to == spec_.bridging_service.value_or(kNone) && p.waiting_for != kNone) {
      p.place = Place::kBridging;  // still queued for the service needed
      return;
    }
    enter_service(id, p.leaving_to);
  }

  // ---- places in services -------------------------------------------------

  [[nodiscard]] double initial_units(std::uint32_t s) const {
    const auto& service = spec_.services[s];
    return service.capacity_in_care_hours ? service.package_hours_per_day_start : 1.0;
  }

  void request_place(PatientId id, std::uint32_t s) {
    Patient& p = patients_[id];
    referrals_today_[s] += 1.0;
    p.waiting_for = s;
    p.waiting_since = sim_.now();
    const std::int32_t priority = p.place == Place::kAcute || p.place == Place::kBridging ? kFromHospital : kFromCommunity;
    if (services_[s].request(sim_.now(), id, initial_units(s), priority)) {
      on_place_granted(id);
      return;
    }
    if (p.place == Place::kAcute && spec_.bridging_after_days && *spec_.bridging_service != s) {
      p.timer = sim_.schedule(*spec_.bridging_after_days, priority::kMilestone, kBridgeDue, id);
      p.timer_set = true;
    }
  }

  // Grants from a release or a capacity change arrive inside the resource's
  // callback: defer them to an event so the resource is never re-entered.
  auto grant_later() {
    return [this](const engine::Request& r) { sim_.schedule(0.0, priority::kTransfer, kPlaceGranted, r.requester); };
  }

  void on_place_granted(PatientId id) {
    const SimTime now = sim_.now();
    Patient& p = patients_[id];
    const std::uint32_t s = p.waiting_for;
    p.waiting_for = kNone;
    cancel_timer(p);
    const double waited = now - p.waiting_since;

    if (p.place == Place::kStepUpQueue) {
      diversions_.add(now);
      enter_service(id, s);
      return;
    }
    if (p.place == Place::kService) {  // finished one service, waited in its place for the next
      give_back(p.service, p.held_units);
      enter_service(id, s);
      return;
    }
    // A step-down patient: deconditioning while waiting may call for a heavier pathway.
    if (spec_.deconditioning_per_day_waited > 0.0 && p.pathway < 3 && waited > 0.0 &&
        engine::uniform01(deconditioning_rng_) < std::min(1.0, spec_.deconditioning_per_day_waited * waited)) {
      give_back(s, initial_units(s));
      ++p.pathway;
      const SimTime first_wait_start = p.waiting_since;
      request_place(id, *spec_.pathway_service[p.pathway]);
      if (p.waiting_for != kNone) p.waiting_since = first_wait_start;
      return;
    }
    waits_[p.pathway - 1U].add(now, waited);
    if (p.place == Place::kAcute && p.bridging_units > 0.0) {  // bridged, but not yet gone: no need now
      give_back(*spec_.bridging_service, p.bridging_units);
      p.bridging_units = 0.0;
    }
    if (p.place == Place::kBridging) {
      give_back(*spec_.bridging_service, p.bridging_units);
      p.bridging_units = 0.0;
      enter_service(id, s);
      return;
    }
    schedule_leave_acute(id, s);
  }

  void on_bridge_due(PatientId id) {
    Patient& p = patients_[id];
    p.timer_set = false;
    const std::uint32_t bridge = *spec_.bridging_service;
    if (p.place != Place::kAcute || p.leave_scheduled) return;
    // Bridging only takes a free place; it never queues.
    auto& service = services_[bridge];
    const double units = initial_units(bridge);
    if (service.waiting() > 0 || service.available() < units) return;
    service.request(sim_.now(), id, units, kFromHospital);
    p.bridging_units = units;
    schedule_leave_acute(id, bridge);
  }

  // Takes up the place already granted; the stay is drawn now unless given.
  void enter_service(PatientId id, std::uint32_t s, double stay = -1.0) {
    Patient& p = patients_[id];
    const auto& service = spec_.services[s];
    p.place = Place::kService;
    p.service = s;
    p.held_units = initial_units(s);
    ic_episodes_.add(sim_.now());
    if (stay < 0.0) stay = settings().length_of_stay_days[s].sample(stay_rngs_[s]);
    sim_.schedule(stay, priority::kRelease, kServiceEnd, id);
    if (service.capacity_in_care_hours && service.package_intensive_days < stay &&
        service.package_hours_per_day_after < service.package_hours_per_day_start) {
      p.ease = sim_.schedule(service.package_intensive_days, priority::kTransfer, kPackageEases, id);
      p.ease_set = true;
    }
  }

  void on_package_eases(PatientId id) {
    Patient& p = patients_[id];
    p.ease_set = false;
    const double eased = spec_.services[p.service].package_hours_per_day_after;
    give_back(p.service, p.held_units - eased);
    p.held_units = eased;
  }

  void on_service_end(PatientId id) {
    count_canonical(sim_.now());
    Patient& p = patients_[id];
    if (p.ease_set) {
      sim_.cancel(p.ease);
      p.ease_set = false;
    }
    const std::uint32_t s = p.service;
    const auto& outcome = spec_.services[s].outcomes[outcome_choice_[s].sample(outcome_rngs_[s])];
    if (outcome.destination == Destination::kNextService) {
      request_place(id, outcome.next_service);  // waits in the place it has until the next is free
      return;
    }
    give_back(s, p.held_units);
    leave_system(id, outcome.destination);
  }

  void give_back(std::uint32_t s, double units) {
    if (units > 0.0) services_[s].release(sim_.now(), units, grant_later());
  }

  void on_capacity_change(std::uint32_t index) {
    const auto& scheduled = capacity_changes_[index];
    services_[scheduled.service].set_capacity(sim_.now(), scheduled.change.capacity, grant_later());
  }

  // BCF length of stay: the share of acute inpatients who have been in 14+
  // (21+) days, counted at midnight and averaged over the year's days.
  void on_daily_census() {
    const SimTime now = sim_.now();
    sim_.schedule(1.0, priority::kObserve, kDailyCensus);
    record_day(now);
    const double inpatients = acute_occupied_.level();
    if (inpatients <= 0.0) return;
    const long today = day_of(now);
    const double stayed_14 = inpatients - recent_admissions_.within(today, 14);
    const double stayed_21 = inpatients - recent_admissions_.within(today, 21);
    stayed_14_share_.add(now, 100.0 * stayed_14 / inpatients);
    stayed_21_share_.add(now, 100.0 * stayed_21 / inpatients);
  }

  // The state at midnight, as the day that just ended's entry.
  void record_day(SimTime midnight) {
    const double day = std::floor(midnight - spec_.warmup_days) - 1.0;
    if (day < 0.0 || day >= static_cast<double>(daily_.front().size())) {
      std::fill(referrals_today_.begin(), referrals_today_.end(), 0.0);
      std::fill(step_up_referrals_today_.begin(), step_up_referrals_today_.end(), 0.0);
      return;
    }
    const auto d = static_cast<std::size_t>(day);
    daily_[index(DailyMeasure::kAcuteInpatients)][d] = acute_occupied_.level();
    daily_[index(DailyMeasure::kNctrInpatients)][d] = nctr_in_acute_.level();
    for (std::size_t s = 0; s < services_.size(); ++s) {
      daily_[index(s, ServiceDailyMeasure::kInUse)][d] = services_[s].in_use();
      daily_[index(s, ServiceDailyMeasure::kWaiting)][d] = static_cast<double>(services_[s].waiting());
      daily_[index(s, ServiceDailyMeasure::kCapacity)][d] = services_[s].capacity();
      daily_[index(s, ServiceDailyMeasure::kReferrals)][d] = referrals_today_[s];
      daily_[index(s, ServiceDailyMeasure::kStepUpReferrals)][d] = step_up_referrals_today_[s];
      referrals_today_[s] = 0.0;
      step_up_referrals_today_[s] = 0.0;
    }
  }

  // A new year's settings: demand, splits and stays are read as they are
  // needed; capacities that the year changes are set now.
  void on_year_start(std::uint32_t year) {
    const auto& before = years_[year_].capacity;
    year_ = year;
    for (std::uint32_t s = 0; s < services_.size(); ++s)
      if (settings().capacity[s] != before[s]) services_[s].set_capacity(sim_.now(), settings().capacity[s], grant_later());
  }

  // A long-term care-home placement, counted for its cost until it ends;
  // one already in progress at the census (census_rng given) has a residual stay.
  void start_placement(Destination destination, engine::Rng* census_rng = nullptr) {
    const auto& stay = destination == Destination::kCareHomeNursing ? spec_.long_term_care.nursing_stay_days
                                                                    : spec_.long_term_care.residential_stay_days;
    if (stay.mean() <= 0.0) return;
    // Its end is known now and changes nothing else: count its days per
    // year at once instead of keeping an event for it.
    const double days = census_rng ? stay.sample_residual(*census_rng) : stay.sample(long_term_care_rng_);
    periods_.for_each_overlap(sim_.now(), sim_.now() + days,
                              [&](int year, double overlap) { placement_days_[static_cast<std::size_t>(year)] += overlap; });
  }

  [[nodiscard]] const YearSettings& settings() const { return years_[year_]; }
  [[nodiscard]] const YearDemand& demand() const { return demand_[year_]; }

  // ASCOF 2B(1): 65+ discharged from hospital into reablement or rehab in
  // October to December, and where they are 91 days later.
  void start_follow_up(PatientId id) {
    std::uint32_t f;
    if (free_follow_ups_.empty()) {
      f = static_cast<std::uint32_t>(follow_ups_.size());
      follow_ups_.emplace_back();
    } else {
      f = free_follow_ups_.back();
      free_follow_ups_.pop_back();
    }
    follow_ups_[f] = FollowUp{id, static_cast<std::int16_t>(periods_.index(sim_.now())), false};
    patients_[id].follow_up = f;
    sim_.schedule(kFollowUpDays, priority::kObserve, kFollowUp91, f);
  }

  // At home: left intermediate care for home, or still in a home-based
  // service. In a bed, a care home, hospital again, or dead: not at home.
  void on_follow_up(std::uint32_t f) {
    const FollowUp& follow_up = follow_ups_[f];
    bool at_home = follow_up.at_home;
    if (follow_up.patient != kNone) {
      Patient& p = patients_[follow_up.patient];
      at_home = p.place == Place::kService && spec_.services[p.service].kind == ServiceKind::kHomeBased;
      p.follow_up = kNone;
    }
    const SimTime in_year = periods_.start(follow_up.cohort_year);  // counted in the year of the discharge
    cohort_91_.add(in_year);
    if (at_home) at_home_91_.add(in_year);
    free_follow_ups_.push_back(f);
  }

  void cancel_timer(Patient& p) {
    if (!p.timer_set) return;
    sim_.cancel(p.timer);
    p.timer_set = false;
  }

  // ---- leaving ------------------------------------------------------------

  void leave_system(PatientId id, Destination destination) {
    const SimTime now = sim_.now();
    Patient& p = patients_[id];
    const auto& band = spec_.age_bands[p.band];
    const bool care_home =
        destination == Destination::kCareHomeResidential || destination == Destination::kCareHomeNursing;
    if (care_home && band.aged_65_plus) care_home_65_.add(now);
    if (care_home) start_placement(destination);
    if (p.follow_up != kNone) {
      FollowUp& f = follow_ups_[p.follow_up];
      f.patient = kNone;
      f.at_home = destination == Destination::kHomeIndependent || destination == Destination::kHomeWithCare;
    }
    if (destination == Destination::kReadmission) {
      const double delay = engine::uniform01(readmission_rng_) * spec_.readmission_days;
      sim_.schedule(delay, priority::kArrival, kReadmission, p.band);
    }
    ++people_out_;
    p.place = Place::kGone;
    free_.push_back(id);
  }

  // The calendar day of a time, counted from the projection's first day.
  [[nodiscard]] long day_of(SimTime t) const { return static_cast<long>(std::floor(t - spec_.warmup_days)); }

  void count_canonical(SimTime now) { canonical_events_ += now < periods_.horizon() ? 1 : 0; }

  PatientId allocate() {
    if (free_.empty()) {
      patients_.emplace_back();
      return static_cast<PatientId>(patients_.size() - 1);
    }
    const PatientId id = free_.back();
    free_.pop_back();
    patients_[id] = Patient{};
    return id;
  }

  // ---- results ------------------------------------------------------------

  void reset_statistics(SimTime t) {
    for (auto* c : {&would_be_, &admissions_, &diversions_, &discharges_, &usual_residence_, &care_home_65_,
                    &readmissions_, &at_home_91_, &cohort_91_, &avoidable_, &falls_65_, &ic_episodes_})
      c->reset();
    for (auto& c : discharges_by_pathway_) c.reset();
    acute_occupied_.reset(t);
    nctr_in_acute_.reset(t);
    for (auto* tally : {&nctr_days_per_discharge_, &stayed_14_share_, &stayed_21_share_}) tally->reset();
    for (auto& w : waits_) w.reset();
    for (auto& s : services_) s.reset_statistics(t);
  }

  ReplicationResult result() {
    ReplicationResult r;
    const auto years = static_cast<std::size_t>(spec_.years);
    r.values.assign(kFixedMetricCount + kServiceMeasureCount * services_.size(), std::vector<double>(years, 0.0));
    auto put = [&](std::size_t metric, int y, double v) { r.values[metric][static_cast<std::size_t>(y)] = v; };
    auto set = [&](Metric m, int y, double v) { put(index(m), y, v); };
    for (int y = 0; y < spec_.years; ++y) {
      double ic_bed_days = 0, care_hours = 0, short_term_bed_days = 0;
      double cost_ic_beds = 0, cost_home = 0, cost_short_term = 0;
      for (std::size_t s = 0; s < services_.size(); ++s) {
        const auto& service = spec_.services[s];
        const auto& pool = services_[s];
        const double used = pool.occupancy().integral(y);  // unit-days
        const double capacity_days = pool.capacity_over_time().integral(y);
        put(index(s, ServiceMeasure::kOccupancy), y, pool.occupancy().mean(y));
        put(index(s, ServiceMeasure::kUtilisationPct), y, capacity_days > 0 ? 100.0 * used / capacity_days : 0.0);
        put(index(s, ServiceMeasure::kQueueLength), y, pool.queue_length().mean(y));
        put(index(s, ServiceMeasure::kWaitDays), y, pool.waits().in_period(y).mean());
        put(index(s, ServiceMeasure::kCapacity), y, pool.capacity_over_time().mean(y));
        const double requests = pool.requests().in_period(y);
        put(index(s, ServiceMeasure::kWaitedPct), y, requests > 0 ? 100.0 * pool.queued().in_period(y) / requests : 0.0);
        put(index(s, ServiceMeasure::kWaitP95Days), y, pool.waits().in_period(y).quantile(0.95));
        if (service.kind == ServiceKind::kHomeBased) {
          const double hours = service.capacity_in_care_hours ? used : used * service.package_hours_per_day_start;
          care_hours += hours;
          cost_home += hours * service.cost_per_care_hour;
        } else if (service.short_term_care) {
          short_term_bed_days += used;
          cost_short_term += used * service.cost_per_bed_day;
        } else {
          ic_bed_days += used;
          cost_ic_beds += used * service.cost_per_bed_day;
        }
      }
      const auto& g = spec_.costs.real_terms_growth_per_year;
      const auto grown = [y](double rate) { return std::pow(1.0 + rate, y); };
      const double acute_days = acute_occupied_.integral(y), nctr_days = nctr_in_acute_.integral(y);
      const double cost_acute =
          grown(g.acute) * (acute_days * spec_.costs.acute_bed_day + nctr_days * spec_.costs.nctr_bed_day);
      cost_ic_beds *= grown(g.ic_beds);
      cost_home *= grown(g.home_ic);
      cost_short_term *= grown(g.short_term_care);
      const double discharges = discharges_.in_period(y);
      set(Metric::kWouldBeAdmissions, y, would_be_.in_period(y));
      set(Metric::kAdmissions, y, admissions_.in_period(y));
      set(Metric::kStepUpDiversions, y, diversions_.in_period(y));
      set(Metric::kAcuteBedDays, y, acute_days);
      set(Metric::kNctrBedDays, y, nctr_days);
      set(Metric::kIcBedDays, y, ic_bed_days);
      set(Metric::kHomeIcCareHours, y, care_hours);
      set(Metric::kShortTermCareBedDays, y, short_term_bed_days);
      const auto& demand_y = demand_[static_cast<std::size_t>(y)];
      set(Metric::kCareHomeAdmissions65PlusPer100k, y,
          demand_y.population_65_plus > 0 ? care_home_65_.in_period(y) / demand_y.population_65_plus * 1e5 : 0.0);
      const double cohort = cohort_91_.in_period(y);
      set(Metric::kAtHome91dPct, y, cohort > 0 ? 100.0 * at_home_91_.in_period(y) / cohort : 0.0);
      set(Metric::kReadmissions30d, y, readmissions_.in_period(y));
      set(Metric::kDischarges, y, discharges);
      set(Metric::kDischargesP1, y, discharges_by_pathway_[1].in_period(y));
      set(Metric::kDischargesP2, y, discharges_by_pathway_[2].in_period(y));
      set(Metric::kDischargesP3, y, discharges_by_pathway_[3].in_period(y));
      set(Metric::kIcEpisodes, y, ic_episodes_.in_period(y));
      set(Metric::kDischargeToUsualResidencePct, y, discharges > 0 ? 100.0 * usual_residence_.in_period(y) / discharges : 0.0);
      set(Metric::kAvoidableAdmissionsPer100k, y, avoidable_.in_period(y) / demand_y.population * 1e5);
      set(Metric::kFallsAdmissions65PlusPer100k, y,
          demand_y.population_65_plus > 0 ? falls_65_.in_period(y) / demand_y.population_65_plus * 1e5 : 0.0);
      const double placement_weeks = placement_days_[static_cast<std::size_t>(y)] / 7.0;
      set(Metric::kLongTermCareWeeks, y, placement_weeks);
      set(Metric::kCostLongTermCare, y,
          grown(g.long_term_care) * placement_weeks * spec_.costs.care_home_placement_per_week);
      set(Metric::kLengthOfStay14PlusPct, y, stayed_14_share_.in_period(y).mean());
      set(Metric::kLengthOfStay21PlusPct, y, stayed_21_share_.in_period(y).mean());
      for (int k = 0; k < 3; ++k)
        set(static_cast<Metric>(static_cast<std::size_t>(Metric::kMeanWaitDaysP1) + static_cast<std::size_t>(k)), y,
            waits_[static_cast<std::size_t>(k)].in_period(y).mean());
      set(Metric::kMeanNctrDaysPerDischarge, y, nctr_days_per_discharge_.in_period(y).mean());
      set(Metric::kCostAcute, y, cost_acute);
      set(Metric::kCostIcBeds, y, cost_ic_beds);
      set(Metric::kCostHomeIc, y, cost_home);
      set(Metric::kCostShortTermCare, y, cost_short_term);
      set(Metric::kCostIntermediateCare, y, cost_ic_beds + cost_home);
      set(Metric::kCostTotal, y, cost_acute + cost_ic_beds + cost_home + cost_short_term);
    }
    r.daily = std::move(daily_);
    r.events = sim_.events_executed();
    r.canonical_events = canonical_events_;
    r.fingerprint = sim_.fingerprint().value();
    r.people_in = people_in_;
    r.people_out = people_out_;
    r.people_in_system = patients_.size() - free_.size();
    return r;
  }

  const ScenarioSpec& spec_;
  std::uint64_t seed_;
  std::uint32_t replication_;
  engine::Periods periods_;
  Calendar calendar_;
  std::vector<YearSettings> years_;
  std::size_t year_ = 0;  // whose settings apply now (the first during the warm-up)
  engine::Simulation sim_;

  engine::Rng arrivals_rng_, acute_rng_, triage_rng_, pathway_rng_, step_up_rng_, readmission_rng_,
      deconditioning_rng_;
  std::vector<engine::Rng> stay_rngs_, outcome_rngs_;

  std::vector<YearDemand> demand_;
  std::vector<DischargeWindow> discharge_windows_;
  std::vector<engine::CategoricalChoice> outcome_choice_;
  engine::Distribution candidate_gap_;
  double peak_profile_ = 1.0;
  double peak_rate_ = 1.0;

  std::vector<engine::Resource> services_;
  std::vector<ScheduledCapacity> capacity_changes_;
  std::vector<Patient> patients_;
  std::vector<PatientId> free_;
  std::uint64_t people_in_ = 0, people_out_ = 0, canonical_events_ = 0;

  engine::Counter would_be_, admissions_, diversions_, discharges_, usual_residence_, care_home_65_, readmissions_,
      at_home_91_, cohort_91_, avoidable_, falls_65_;
  engine::TimeWeighted acute_occupied_, nctr_in_acute_;
  engine::Tally nctr_days_per_discharge_, stayed_14_share_, stayed_21_share_;
  engine::Rng case_mix_rng_, long_term_care_rng_;
  engine::Counter ic_episodes_;
  std::array<engine::Counter, kPathways> discharges_by_pathway_;
  struct FollowUp {
    PatientId patient = kNone;  // kNone once the patient has left the system
    std::int16_t cohort_year = 0;
    bool at_home = false;       // where the patient went on leaving
  };
  std::vector<FollowUp> follow_ups_;
  std::vector<std::vector<double>> daily_;  // [series][day]
  std::vector<double> referrals_today_;     // per service, since the last midnight
  std::vector<double> step_up_referrals_today_;  // of them, from the community
  RecentAdmissions recent_admissions_;
  std::vector<std::uint32_t> free_follow_ups_;
  std::vector<double> placement_days_;  // per projected year; only days after the warm-up count
  std::vector<engine::Tally> waits_;  // P1..P3: ready to leave until a place is granted
};

}  // namespace

ReplicationResult run_replication(const ScenarioSpec& spec, std::uint64_t seed, std::uint32_t replication) {
  return IntermediateCareModel(spec, seed, replication).run();
}

ScenarioSummary summarise(const ScenarioSpec& spec, const std::vector<ReplicationResult>& results,
                          std::uint64_t seed) {
  ScenarioSummary summary;
  summary.metrics = metric_definitions(spec);
  summary.replications = static_cast<int>(results.size());
  summary.seed = seed;
  summary.values.resize(summary.metrics.size());
  std::vector<double> values(results.size());
  for (std::size_t m = 0; m < summary.metrics.size(); ++m) {
    for (std::size_t y = 0; y < static_cast<std::size_t>(spec.years); ++y) {
      for (std::size_t r = 0; r < results.size(); ++r) values[r] = results[r].values[m][y];
      summary.values[m].push_back(engine::estimate(values));
    }
  }
  summary.daily_series = daily_series_definitions(spec);
  summary.daily.resize(summary.daily_series.size());
  for (std::size_t series = 0; series < summary.daily_series.size(); ++series) {
    const std::size_t days = results.empty() ? 0 : results.front().daily[series].size();
    for (std::size_t d = 0; d < days; ++d) {
      for (std::size_t r = 0; r < results.size(); ++r) values[r] = results[r].daily[series][d];
      summary.daily[series].push_back(engine::estimate(values));
    }
  }
  for (const auto& r : results) summary.events += r.events;
  return summary;
}

std::vector<ReplicationResult> run_replications(const ScenarioSpec& spec, int replications, std::uint64_t seed,
                                                int threads, const std::function<void(int)>& on_progress) {
  return engine::run_replications(
      replications, threads, [&](int r) { return run_replication(spec, seed, static_cast<std::uint32_t>(r)); },
      on_progress);
}

ScenarioSummary run_scenario(const ScenarioSpec& spec, int replications, std::uint64_t seed, int threads,
                             const std::function<void(int)>& on_progress) {
  return summarise(spec, run_replications(spec, replications, seed, threads, on_progress), seed);
}

}  // namespace icsim::models
