// Places in services: a request joins the service's queue when no place is
// free, and the patient waits where they are (an acute bed, a bridging bed,
// or the place they hold in the service before). Grants, bridging, mutual
// aid between neighbours' services, and capacity that changes.

#include <algorithm>

#include "model.hpp"

namespace icsim::models::care {
namespace {

// A list of mutual-aid seekers is cleaned of those no longer waiting once it
// has doubled since the last clean-up (and holds at least this many).
constexpr std::size_t kAidSeekersCleanUp = 64;

}  // namespace

double IntermediateCareModel::initial_units(std::uint32_t s) const {
  const auto& service = spec_.services[s];
  return service.capacity_in_care_hours ? service.package_hours_per_day_start : 1.0;
}

ServiceIndex IntermediateCareModel::service_for(const Patient& p, int pathway) const {
  const RouteChoices& choices = layout_.pathway(pathway, p.cell, p.hospital);
  ICSIM_CHECK(!choices.empty(), "no service on the patient's pathway serves them");
  return pick(choices, p.route_uniform);
}

// Grants from a release or a capacity change arrive inside the resource's
// callback: defer them to an event so the resource is never re-entered.
auto IntermediateCareModel::grant_later(std::uint32_t s) {
  return [this, s](const engine::Request& r) {
    measure_.use(patients_[r.requester].flow, s, sim_.now(), r.units);
    sim_.schedule(0.0, priority::kTransfer, kPlaceGranted, r.requester);
  };
}

// A place that is free now, with nobody queued for it.
void IntermediateCareModel::take(PatientId id, std::uint32_t s, double units) {
  const bool granted = services_[s].request(sim_.now(), id, units);
  ICSIM_CHECK(granted, "a free place was not granted");
  measure_.use(patients_[id].flow, s, sim_.now(), units);
}

void IntermediateCareModel::give_back(PatientId id, std::uint32_t s, double units) {
  if (units <= 0.0) return;
  services_[s].release(sim_.now(), units, grant_later(s));
  measure_.use(patients_[id].flow, s, sim_.now(), -units);
  if (mutual_aid_ && !aid_seekers_[s].empty()) offer_mutual_aid(s);
}

void IntermediateCareModel::request_place(PatientId id, std::uint32_t s) {
  const engine::SimTime now = sim_.now();
  Patient& p = patients_[id];
  measure_.referral(s, false);
  p.waiting_for = s;
  p.waiting_since = now;
  if (p.where == Whereabouts::kService && spec_.services[p.service].market == Market::kNone &&
      spec_.services[s].market != Market::kNone) {
    p.waiting_in_ic = true;
    counts(p).waiting_for_care_in_ic.add(now, 1.0);
  }
  const bool in_hospital = p.where == Whereabouts::kAcute || p.where == Whereabouts::kBridging;
  const double units = initial_units(s);
  if (services_[s].request(now, id, units, in_hospital ? kFromHospital : kFromCommunity)) {
    measure_.use(p.flow, s, now, units);
    on_place_granted(id);
    return;
  }
  if (p.where == Whereabouts::kAcute && p.nctr) set_nctr_reason(p, waiting_reason(p, s));
  if (p.where == Whereabouts::kAcute && spec_.bridging_after_days) {
    const RouteChoices& bridges = layout_.bridging(p.cell, p.hospital);
    if (!bridges.empty() && pick(bridges, p.route_uniform) != s) {
      p.timer = sim_.schedule(*spec_.bridging_after_days, priority::kMilestone, kBridgeDue, id);
      p.timer_set = true;
    }
  }
  if (const auto& aid = spec_.services[s].mutual_aid; mutual_aid_ && aid) {
    p.aid_timer = sim_.schedule(aid->after_days, priority::kMilestone, kMutualAidDue, id);
    p.aid_timer_set = true;
  }
}

void IntermediateCareModel::on_place_granted(PatientId id) {
  const engine::SimTime now = sim_.now();
  Patient& p = patients_[id];
  const std::uint32_t s = p.waiting_for;
  p.waiting_for = kNone;
  p.aid_ticket = 0;
  cancel_timer(p);
  if (p.aid_timer_set) {
    sim_.cancel(p.aid_timer);
    p.aid_timer_set = false;
  }
  const double waited = now - p.waiting_since;
  p.waited_days = waited;

  if (p.where == Whereabouts::kStepUpQueue) {
    counts(p).diversions.add(now);
    enter_service(id, s);
    return;
  }
  if (p.where == Whereabouts::kHome) {  // from the community into long-term care
    enter_service(id, s);
    return;
  }
  if (p.where == Whereabouts::kService) {  // finished one service, waited in its place for the next
    if (p.waiting_in_ic) {
      p.waiting_in_ic = false;
      counts(p).waiting_for_care_in_ic.add(now, -1.0);
    }
    give_back(id, p.service, p.held_units);
    enter_service(id, s);
    return;
  }
  // A step-down patient: deconditioning while waiting may call for a heavier pathway.
  if (spec_.deconditioning_per_day_waited > 0.0 && p.pathway < 3 && waited > 0.0 &&
      engine::uniform01(deconditioning_rng_) < std::min(1.0, spec_.deconditioning_per_day_waited * waited)) {
    give_back(id, s, initial_units(s));
    ++p.pathway;
    const engine::SimTime first_wait_start = p.waiting_since;
    request_place(id, service_for(p, p.pathway));
    if (p.waiting_for != kNone) p.waiting_since = first_wait_start;
    return;
  }
  counts(p).waits[p.pathway - 1U].add(now, waited);
  if (p.where == Whereabouts::kAcute && p.bridging_units > 0.0) {  // bridged, but not yet gone: no need now
    give_back(id, p.bridging_service, p.bridging_units);
    p.bridging_units = 0.0;
    p.bridging_service = kNone;
  }
  if (p.where == Whereabouts::kBridging) {
    give_back(id, p.bridging_service, p.bridging_units);
    p.bridging_units = 0.0;
    p.bridging_service = kNone;
    enter_service(id, s);
    return;
  }
  schedule_leave_acute(id, s);
}

void IntermediateCareModel::on_bridge_due(PatientId id) {
  Patient& p = patients_[id];
  p.timer_set = false;
  if (p.where != Whereabouts::kAcute || p.leave_scheduled) return;
  const std::uint32_t bridge = pick(layout_.bridging(p.cell, p.hospital), p.route_uniform);
  // Bridging only takes a free place; it never queues.
  auto& service = services_[bridge];
  const double units = initial_units(bridge);
  if (service.waiting() > 0 || service.available() < units) return;
  take(id, bridge, units);
  p.bridging_units = units;
  p.bridging_service = bridge;
  schedule_leave_acute(id, bridge);
}

// Takes up the place already granted; the stay is drawn now unless given.
void IntermediateCareModel::enter_service(PatientId id, std::uint32_t s, double stay) {
  Patient& p = patients_[id];
  const auto& service = spec_.services[s];
  p.where = Whereabouts::kService;
  p.service = s;
  p.held_units = initial_units(s);
  if (service.market == Market::kNone)
    counts(p).ic_episodes.add(sim_.now());
  else if (is_care_home(service.market) && spec_.age_bands[p.band].aged_65_plus && !p.community_client)
    counts(p).care_home_65.add(sim_.now(), service.council_funded_share);  // ASCOF 2A: council-supported
  if (stay < 0.0) stay = settings().length_of_stay_days[s].sample(stay_rngs_[s]);
  sim_.schedule(stay, priority::kRelease, kServiceEnd, id);
  if (service.capacity_in_care_hours && service.package_intensive_days < stay &&
      service.package_hours_per_day_after < service.package_hours_per_day_start) {
    p.ease = sim_.schedule(service.package_intensive_days, priority::kTransfer, kPackageEases, id);
    p.ease_set = true;
  }
}

void IntermediateCareModel::on_package_eases(PatientId id) {
  Patient& p = patients_[id];
  p.ease_set = false;
  const double eased = spec_.services[p.service].package_hours_per_day_after;
  give_back(id, p.service, p.held_units - eased);
  p.held_units = eased;
}

void IntermediateCareModel::set_capacity(std::uint32_t s, double capacity) {
  services_[s].set_capacity(sim_.now(), capacity, grant_later(s));
  measure_.capacity(s, sim_.now(), capacity);
  if (mutual_aid_ && !aid_seekers_[s].empty()) offer_mutual_aid(s);
}

void IntermediateCareModel::on_capacity_change(std::uint32_t index) {
  const auto& scheduled = capacity_changes_[index];
  set_capacity(scheduled.service, scheduled.change.capacity);
}

// A new year's settings: demand, splits and stays are read as they are
// needed; capacities that the year changes are set now.
void IntermediateCareModel::on_year_start(std::uint32_t year) {
  const auto& before = years_[year_].capacity;
  year_ = year;
  for (std::uint32_t s = 0; s < services_.size(); ++s) {
    if (settings().capacity[s] != before[s]) set_capacity(s, settings().capacity[s]);
    if (!community_start_due_[s]) schedule_community_start(s);
  }
}

// ---- mutual aid -----------------------------------------------------------------

void IntermediateCareModel::on_mutual_aid_due(PatientId id) {
  Patient& p = patients_[id];
  p.aid_timer_set = false;
  if (p.waiting_for == kNone) return;
  const auto& neighbours = spec_.services[p.waiting_for].mutual_aid->neighbours;
  for (const ServiceIndex n : neighbours)
    if (take_neighbours_place(id, n)) return;
  // None free now: the first neighbour's place to come free.
  p.aid_ticket = ++next_aid_ticket_;
  for (const ServiceIndex n : neighbours) {
    auto& seekers = aid_seekers_[n];
    seekers.push_back({id, p.aid_ticket, p.waiting_for});
    if (seekers.size() >= kAidSeekersCleanUp && seekers.size() >= 2 * aid_seekers_compacted_[n]) {
      std::erase_if(seekers, [&](const AidSeeker& a) {
        return patients_[a.patient].aid_ticket != a.ticket || patients_[a.patient].waiting_for != a.from;
      });
      aid_seekers_compacted_[n] = seekers.size();
    }
  }
}

// Takes a free place in the neighbour's service, if one is free and nobody
// waits for it there: out of the queue for the patient's own service.
bool IntermediateCareModel::take_neighbours_place(PatientId id, ServiceIndex neighbour) {
  const double units = initial_units(neighbour);
  if (services_[neighbour].waiting() > 0 || services_[neighbour].available() < units) return false;
  Patient& p = patients_[id];
  services_[p.waiting_for].withdraw(sim_.now(), id);
  take(id, neighbour, units);
  counts(p).mutual_aid.add(sim_.now());
  p.aid_ticket = 0;
  p.waiting_for = neighbour;
  // Taken up as a place granted from a queue is.
  sim_.schedule(0.0, priority::kTransfer, kPlaceGranted, id);
  return true;
}

void IntermediateCareModel::offer_mutual_aid(ServiceIndex freed) {
  auto& seekers = aid_seekers_[freed];
  while (!seekers.empty() && services_[freed].waiting() == 0 &&
         services_[freed].available() >= initial_units(freed)) {
    const AidSeeker seeker = seekers.front();
    seekers.pop_front();
    const Patient& p = patients_[seeker.patient];
    if (p.aid_ticket == seeker.ticket && p.waiting_for == seeker.from) take_neighbours_place(seeker.patient, freed);
  }
  if (seekers.size() < aid_seekers_compacted_[freed]) aid_seekers_compacted_[freed] = seekers.size();
}

}  // namespace icsim::models::care
