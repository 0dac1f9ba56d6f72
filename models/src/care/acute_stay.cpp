// The acute stay: admission, the day the patient no longer meets the
// criteria to reside, the transfer-of-care hub's triage to a pathway, and
// discharge on a discharge day and hour.

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
  p.nctr = true;
  p.nctr_since = sim_.now();
  counts(p).nctr_in_acute.add(sim_.now(), 1.0);
  // No triage time: decide now rather than through the event list.
  if (p.triage_days <= 0.0)
    on_triage_done(id);
  else
    sim_.schedule(p.triage_days, priority::kMilestone, kTriageDone, id);
}

void IntermediateCareModel::on_triage_done(PatientId id) {
  Patient& p = patients_[id];
  p.pathway = static_cast<std::uint8_t>(demand().pathway_split[p.cell].pick(p.pathway_uniform));
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
  const engine::SimTime leave = discharge_windows_[year_].next_open(sim_.now());
  if (leave == sim_.now()) {  // the discharge window is open: go now
    on_leave_acute(id);
    return;
  }
  p.leave_scheduled = true;
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
  counted.nctr_days_per_discharge.add(now, now - p.nctr_since);
  counted.discharges.add(now);
  counted.discharges_by_pathway[p.pathway].add(now);
  if (p.pathway <= 1) counted.usual_residence.add(now);
  if (spec_.age_bands[p.band].aged_65_plus && (p.pathway == 1 || p.pathway == 2) &&
      calendar_.month(now) >= kQ3FirstMonth && periods_.index(now) >= 0)
    start_follow_up(id);
  if (p.pathway == 0) {
    leave_system(id, Destination::kHomeIndependent);
    return;
  }
  if (p.leaving_to == p.bridging_service && p.waiting_for != kNone) {
    p.where = Whereabouts::kBridging;  // still queued for the service needed
    return;
  }
  enter_service(id, p.leaving_to);
}

void IntermediateCareModel::on_daily_census() {
  const engine::SimTime now = sim_.now();
  sim_.schedule(1.0, priority::kObserve, kDailyCensus);
  measure_.midnight(now, day_of(now), services_);
}

}  // namespace icsim::models::care
