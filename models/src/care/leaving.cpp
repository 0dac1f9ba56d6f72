// Leaving: the end of a service and where the person goes next (another
// service, home, a care home, hospital again, or death), the care-home
// placements that follow, and the 91-day follow-up (ASCOF 2B(1)).

#include "model.hpp"

namespace icsim::models::care {

void IntermediateCareModel::on_service_end(PatientId id) {
  count_canonical(sim_.now());
  Patient& p = patients_[id];
  if (p.ease_set) {
    sim_.cancel(p.ease);
    p.ease_set = false;
  }
  const std::uint32_t s = p.service;
  const auto& outcome = choose_outcome(p);
  if (outcome.destination == Destination::kNextService) {
    request_place(id, outcome.next_service);  // waits in the place it has until the next is free
    return;
  }
  if (const auto market = market_service(p, outcome.destination)) {
    request_place(id, *market);  // waits in its place for a package or a care-home bed ("stuck")
    return;
  }
  give_back(id, s, p.held_units);
  leave_system(id, outcome.destination);
}

// Intermediate care leads to the market; from long-term home care only a
// care home does (a care home's own ends are exits).
std::optional<ServiceIndex> IntermediateCareModel::market_service(const Patient& p, Destination destination) const {
  const Market market = market_for(destination);
  if (market == Market::kNone) return std::nullopt;
  const Market from = p.service == kNone ? Market::kNone : spec_.services[p.service].market;
  if (from != Market::kNone && !(from == Market::kHomeCare && is_care_home(market))) return std::nullopt;
  const RouteChoices& choices = layout_.market(market, p.cell, p.hospital);
  if (choices.empty()) return std::nullopt;
  return pick(choices, p.route_uniform);
}

void IntermediateCareModel::schedule_community_start(std::uint32_t s) {
  const double per_week = settings().community_starts_per_week[s];
  community_start_due_[s] = per_week > 0.0;
  if (per_week > 0.0)
    sim_.schedule(-7.0 / per_week * std::log(1.0 - engine::uniform01(community_rngs_[s])), priority::kArrival,
                  kCommunityStart, s);
}

// Someone referred from home: to intermediate care by a GP or community team
// (a step-up, not instead of an admission: they were not going to hospital),
// or to long-term care, a client who never passed through hospital or IC.
void IntermediateCareModel::on_community_start(std::uint32_t s) {
  if (settings().community_starts_per_week[s] <= 0.0) {  // none this year
    community_start_due_[s] = false;
    return;
  }
  schedule_community_start(s);
  const PatientId id = census_patient(community_rngs_[s], s);
  Patient& p = patients_[id];
  const bool long_term_care = spec_.services[s].market != Market::kNone;
  p.community_client = long_term_care;
  p.stepped_up = !long_term_care;
  p.where = Whereabouts::kHome;
  request_place(id, s);
}

// The first of the service's outcome rules that fits the person, or its own outcomes.
const OutcomeSpec& IntermediateCareModel::choose_outcome(const Patient& p) {
  const std::uint32_t s = p.service;
  const auto& service = spec_.services[s];
  for (std::size_t r = 0; r < service.outcome_rules.size(); ++r) {
    const auto& rule = service.outcome_rules[r];
    if (rule.fits(p.stepped_up, p.band, p.waited_days))
      return rule.outcomes[rule_choice_[s][r].sample(outcome_rngs_[s])];
  }
  return service.outcomes[outcome_choice_[s].sample(outcome_rngs_[s])];
}

void IntermediateCareModel::leave_system(PatientId id, Destination destination) {
  const engine::SimTime now = sim_.now();
  Patient& p = patients_[id];
  // Out of a care-home bed of the market: the admission was counted when it
  // began, and the bed was the placement.
  const bool left_care_home = p.where == Whereabouts::kService && is_care_home(spec_.services[p.service].market);
  const bool care_home = !left_care_home && is_care_home(market_for(destination));
  if (care_home && spec_.age_bands[p.band].aged_65_plus && !p.community_client) counts(p).care_home_65.add(now);
  if (care_home) start_placement(p.flow, destination);
  if (p.follow_up != kNone) {
    FollowUp& f = follow_ups_[p.follow_up];
    f.patient = kNone;
    f.at_home = destination == Destination::kHomeIndependent || destination == Destination::kHomeWithCare;
  }
  if (destination == Destination::kDeath) counts(p).deaths.add(now);
  if (destination == Destination::kReadmission) {
    const double delay = engine::uniform01(readmission_delay_rngs_[p.cell]) * spec_.readmission_days;
    sim_.schedule(delay, priority::kArrival, kReadmission, p.cell);
  }
  ++people_out_;
  patients_.release(id);
}

// A long-term care-home placement, counted for its cost until it ends;
// one already in progress at the census (census_rng given) has a residual stay.
void IntermediateCareModel::start_placement(std::size_t flow, Destination destination, engine::Rng* census_rng) {
  const auto& stay = destination == Destination::kCareHomeNursing ? spec_.long_term_care.nursing_stay_days
                                                                  : spec_.long_term_care.residential_stay_days;
  if (stay.mean() <= 0.0) return;
  // Its end is known now and changes nothing else: count its days per
  // year at once instead of keeping an event for it.
  const double days = census_rng ? stay.sample_residual(*census_rng) : stay.sample(long_term_care_rng_);
  measure_.placement(flow, sim_.now(), days);
}

void IntermediateCareModel::start_follow_up(PatientId id) {
  Patient& p = patients_[id];
  p.follow_up = follow_ups_.start(id, periods_.index(sim_.now()), p.flow);
  sim_.schedule(kFollowUpDays, priority::kObserve, kFollowUp91, p.follow_up);
}

// At home: left intermediate care for home, or still in a home-based
// service. In a bed, a care home, hospital again, or dead: not at home.
void IntermediateCareModel::on_follow_up(std::uint32_t f) {
  const FollowUp& follow_up = follow_ups_[f];
  bool at_home = follow_up.at_home;
  if (follow_up.patient != kNone) {
    Patient& p = patients_[follow_up.patient];
    at_home = p.where == Whereabouts::kService && spec_.services[p.service].kind == ServiceKind::kHomeBased;
    p.follow_up = kNone;
  }
  FlowStatistics& counted = measure_.flow(follow_up.flow);
  const engine::SimTime in_year = periods_.start(follow_up.cohort_year);  // counted in the year of the discharge
  counted.cohort_91.add(in_year);
  if (at_home) counted.at_home_91.add(in_year);
  follow_ups_.finish(f);
}

}  // namespace icsim::models::care
