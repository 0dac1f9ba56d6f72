// The acute stay: admission, the day the patient no longer meets the
// criteria to reside and is found a pathway, the transfer-of-care hub's time
// to arrange it, and discharge on a discharge day and hour; why an NCTR
// patient is still in the bed.

#include <algorithm>

#include "model.hpp"

namespace icsim::models::care {

// Into an acute bed; criteria to reside no longer met after acute_days
// (never, for a census patient who is already NCTR). Census patients were
// admitted before the run and are not counted as admissions.
void IntermediateCareModel::admit(PatientId id, double acute_days, bool in_census) {
  const engine::SimTime now = sim_.now();
  Patient& p = patients_[id];
  FlowStatistics& counted = counts(p);
  p.where = Whereabouts::kAcute;
  p.admitted = now;
  counted.recent_admissions.admitted(day_of(now));
  if (!in_census) {
    counted.admissions.add(now);
    if (p.avoidable) counted.avoidable.add(now);
    if (p.fall && spec_.age_bands[p.band].aged_65_plus) counted.falls_65.add(now);
  }
  counted.acute_occupied.add(now, 1.0);
  if (acute_days != engine::kNever) sim_.schedule(acute_days, priority::kMilestone, kNctr, id);
}

void IntermediateCareModel::on_nctr(PatientId id) {
  count_canonical(sim_.now());
  Patient& p = patients_[id];
  if (p.dies_in_hospital) return die_in_hospital(id);
  p.nctr = true;
  p.nctr_since = sim_.now();
  counts(p).nctr_in_acute.add(sim_.now(), 1.0);
  set_nctr_reason(p, NctrReason::kHub);
  // The pathway is known now, and the hub takes the time it takes to
  // arrange that pathway; none: decide now rather than through the event list.
  p.pathway = static_cast<std::uint8_t>(demand().pathway_split[p.cell].pick(p.pathway_uniform));
  const double hub_days = settings().hub_days[p.cell][p.pathway].quantile(p.hub_uniform);
  if (hub_days <= 0.0)
    on_triage_done(id);
  else
    sim_.schedule(hub_days, priority::kMilestone, kTriageDone, id);
}

void IntermediateCareModel::on_triage_done(PatientId id) {
  Patient& p = patients_[id];
  if (p.pathway == 0) {
    schedule_leave_acute(id, kNone);
    return;
  }
  const ServiceIndex s = service_for(p, p.pathway);
  // Over-prescription: with reablement full, the ward prescribes a
  // long-term package instead, for a share of pathway 1.
  if (p.pathway == 1 && spec_.over_prescription_share > 0.0 &&
      (services_[s].waiting() > 0 || services_[s].available() < initial_units(s))) {
    const bool prescribed = engine::uniform01(over_prescription_rng_) < spec_.over_prescription_share;
    if (const auto package = market_service(p, Destination::kHomeWithCare); prescribed && package) {
      counts(p).over_prescribed.add(sim_.now());
      request_place(id, *package);
      return;
    }
  }
  request_place(id, s);
}

void IntermediateCareModel::schedule_leave_acute(PatientId id, std::uint32_t to_service) {
  Patient& p = patients_[id];
  p.leaving_to = to_service;
  if (p.leave_scheduled) return;
  const DischargeWindow& window = to_service != kNone && !service_windows_.empty() ? service_windows_[year_][to_service]
                                                                                   : discharge_windows_[year_];
  const engine::SimTime leave = window.next_open(sim_.now());
  if (leave == sim_.now()) {  // the discharge window is open: go now
    on_leave_acute(id);
    return;
  }
  p.leave_scheduled = true;
  set_nctr_reason(p, NctrReason::kDischargeWindow);
  sim_.schedule_at(leave, priority::kMilestone, kLeaveAcute, id);
}

void IntermediateCareModel::on_leave_acute(PatientId id) {
  const engine::SimTime now = sim_.now();
  Patient& p = patients_[id];
  FlowStatistics& counted = counts(p);
  p.leave_scheduled = false;
  counted.recent_admissions.left(day_of(p.admitted));
  counted.acute_occupied.add(now, -1.0);
  counted.nctr_in_acute.add(now, -1.0);
  set_nctr_reason(p, NctrReason::kNoDelay);
  counted.nctr_days_per_discharge.add(now, now - p.nctr_since);
  counted.discharges.add(now);
  counted.discharges_by_pathway[p.pathway].add(now);
  if (p.pathway <= 1) counted.usual_residence.add(now);
  if (spec_.age_bands[p.band].aged_65_plus && (p.pathway == 1 || p.pathway == 2) &&
      calendar_.month(now) >= kQ3FirstMonth && periods_.index(now) >= 0)
    start_follow_up(id);
  if (p.pathway == 0) {
    leave_system(id, after_p0(p));
    return;
  }
  if (p.leaving_to == p.bridging_service && p.waiting_for != kNone) {
    p.where = Whereabouts::kBridging;  // still queued for the service needed
    return;
  }
  enter_service(id, p.leaving_to);
}

void IntermediateCareModel::set_nctr_reason(Patient& p, NctrReason reason) {
  const engine::SimTime now = sim_.now();
  auto& by_reason = counts(p).nctr_by_reason;
  const auto before = static_cast<NctrReason>(p.nctr_reason);
  if (before != NctrReason::kNoDelay) by_reason[static_cast<std::size_t>(before) - 1].add(now, -1.0);
  if (p.nctr_service != kNone) measure_.waiting_in_acute(p.nctr_service, now, -1.0);
  p.nctr_reason = static_cast<std::uint8_t>(reason);
  p.nctr_service = kNone;
  if (reason == NctrReason::kNoDelay) return;
  by_reason[static_cast<std::size_t>(reason) - 1].add(now, 1.0);
  if (reason >= NctrReason::kWaitingP1) {
    p.nctr_service = p.waiting_for;
    measure_.waiting_in_acute(p.nctr_service, now, 1.0);
  }
}

// The market's services by their kind, intermediate care by the patient's pathway.
NctrReason IntermediateCareModel::waiting_reason(const Patient& p, ServiceIndex s) const {
  const Market market = spec_.services[s].market;
  if (market == Market::kHomeCare) return NctrReason::kWaitingHomeCare;
  if (is_care_home(market)) return NctrReason::kWaitingCareHome;
  return static_cast<NctrReason>(static_cast<std::size_t>(NctrReason::kWaitingP1) + std::max<std::size_t>(p.pathway, 1) - 1);
}

void IntermediateCareModel::die_in_hospital(PatientId id) {
  const engine::SimTime now = sim_.now();
  Patient& p = patients_[id];
  FlowStatistics& counted = counts(p);
  counted.recent_admissions.left(day_of(p.admitted));
  counted.acute_occupied.add(now, -1.0);
  counted.deaths_in_hospital.add(now);
  counted.deaths.add(now);
  ++people_out_;
  patients_.release(id);
}

Destination IntermediateCareModel::after_p0(const Patient& p) const {
  const BandOutcomes& outcomes = band_outcomes_[p.cell];
  if (p.p0_uniform < outcomes.p0_readmission) return Destination::kReadmission;
  if (p.p0_uniform < outcomes.p0_readmission + outcomes.p0_death) return Destination::kDeath;
  return Destination::kHomeIndependent;
}

void IntermediateCareModel::on_daily_census() {
  const engine::SimTime now = sim_.now();
  sim_.schedule(1.0, priority::kObserve, kDailyCensus);
  measure_.midnight(now, day_of(now), services_);
  const int ended = periods_.index(now - 1e-9);  // the period this day's last moment was in
  if (ended >= 0 && periods_.end(ended) <= now + 1e-9) count_waits_so_far(ended, now);
}

// A year that ends with people still waiting counts their waits so far
// among its waits: for each service, and by pathway for those waiting in
// hospital (or in a bridging bed) to leave it.
void IntermediateCareModel::count_waits_so_far(int period, engine::SimTime now) {
  for (auto& service : services_) service.count_waits_so_far(period, now);
  // In the order they began to wait, not by id (ids depend on who else is in
  // the system), so that the sums are the same whatever else the scenario has.
  std::vector<std::pair<engine::SimTime, Patient*>> waiting;
  patients_.for_each([&](PatientId, Patient& p) {
    const bool leaving_hospital = p.where == Whereabouts::kAcute || p.where == Whereabouts::kBridging;
    if (p.waiting_for != kNone && leaving_hospital && p.pathway >= 1) waiting.emplace_back(p.waiting_since, &p);
  });
  std::stable_sort(waiting.begin(), waiting.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [since, p] : waiting) counts(*p).waits[p->pathway - 1U].add_in(period, now - since);
}

}  // namespace icsim::models::care
