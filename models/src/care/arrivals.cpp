// Demand: would-be admissions, step-up instead of admission, and the people
// already in the system when the run starts.

#include "model.hpp"

namespace icsim::models::care {
namespace {

// The pathway whose routes lead to service s (the loader makes sure there is one).
std::uint8_t pathway_of(const ScenarioSpec& spec, std::uint32_t s) {
  for (std::uint8_t k = 1; k < kPathways; ++k)
    for (const Route& route : spec.pathway_routes[k])
      if (route.service == s) return k;
  return 1;
}

}  // namespace

void IntermediateCareModel::set_flow(Patient& p, std::size_t cell, HospitalIndex hospital) {
  p.cell = static_cast<std::uint16_t>(cell);
  p.band = static_cast<std::uint8_t>(layout_.band_of_cell(cell));
  p.hospital = static_cast<std::uint16_t>(hospital);
  p.flow = static_cast<std::uint16_t>(layout_.flow(layout_.place_of_cell(cell), hospital));
}

void IntermediateCareModel::draw_hospital_outcome(Patient& p, engine::Rng& rng) {
  const BandOutcomes& outcomes = band_outcomes_[p.cell];
  if (outcomes.died_in_hospital <= 0.0 && outcomes.p0_readmission <= 0.0 && outcomes.p0_death <= 0.0) return;
  p.dies_in_hospital = engine::uniform01(rng) < outcomes.died_in_hospital;
  p.p0_uniform = engine::uniform01(rng);
}

// ---- the starting census ----------------------------------------------------

// Someone already in the system at time 0, drawn among the residents a
// service serves (everyone, for none).
PatientId IntermediateCareModel::census_patient(engine::Rng& rng, std::optional<ServiceIndex> service) {
  ++people_in_;
  const PatientId id = patients_.allocate();
  Patient& p = patients_[id];
  const ServiceOwner* owner = service ? &spec_.services[*service].owner : nullptr;
  std::size_t cell = 0;
  if (owner == nullptr || owner->kind == ServiceOwner::Kind::kArea) {
    cell = demand().cell_choice.sample(rng);
  } else {
    std::vector<double> weights(layout_.cells(), 0.0);
    double total = 0.0;
    for (std::size_t c = 0; c < layout_.cells(); ++c) {
      weights[c] = layout_.reach(*owner, c) * settings().population[c] * settings().admissions_per_1000_per_year[c];
      total += weights[c];
    }
    if (total <= 0.0)  // nobody it serves is admitted: any resident it serves
      for (std::size_t c = 0; c < layout_.cells(); ++c) weights[c] = layout_.reach(*owner, c) > 0.0 ? 1.0 : 0.0;
    cell = engine::CategoricalChoice(weights).sample(rng);
  }
  p.hub_uniform = engine::uniform01(rng);
  p.pathway_uniform = engine::uniform01(rng);
  HospitalIndex hospital = 0;
  if (owner != nullptr && owner->kind == ServiceOwner::Kind::kHospital)
    hospital = owner->hospital;
  else
    hospital = layout_.admitted_to(cell, rng);
  set_flow(p, cell, hospital);
  if (layout_.routes_by_share()) p.route_uniform = engine::uniform01(rng);
  draw_hospital_outcome(p, rng);
  return id;
}

// People in services first (they hold the places), then those waiting in
// acute beds, then the other inpatients.
void IntermediateCareModel::place_census(const InitialCensus& census) {
  engine::Rng rng = stream(Stream::kCensus);
  for (std::uint32_t s = 0; s < census.in_service.size(); ++s) {
    for (int i = 0; i < static_cast<int>(census.in_service[s]); ++i) {
      const PatientId id = census_patient(rng, s);
      patients_[id].pathway = pathway_of(spec_, s);
      // Long-term care's existing clients: not people through hospital or IC.
      patients_[id].community_client = spec_.services[s].market != Market::kNone;
      take(id, s, initial_units(s));
      enter_service(id, s, settings().length_of_stay_days[s].sample_residual(rng));
    }
  }
  for (std::uint32_t s = 0; s < census.waiting_in_acute.size(); ++s) {
    for (int i = 0; i < static_cast<int>(census.waiting_in_acute[s]); ++i) {
      const PatientId id = census_patient(rng, s);
      Patient& p = patients_[id];
      p.pathway = pathway_of(spec_, s);
      admit(id, engine::kNever, true);
      p.nctr = true;
      counts(p).nctr_in_acute.add(0.0, 1.0);
      request_place(id, s);
    }
  }
  const auto placement_flow = [&] {
    if (layout_.flows() == 1) return std::size_t{0};
    const std::size_t cell = demand().cell_choice.sample(rng);
    const PlaceIndex place = layout_.place_of_cell(cell);
    return layout_.flow(place, layout_.admitted_to(cell, rng));
  };
  for (int i = 0; i < static_cast<int>(census.placements_residential); ++i)
    start_placement(placement_flow(), Destination::kCareHomeResidential, &rng);
  for (int i = 0; i < static_cast<int>(census.placements_nursing); ++i)
    start_placement(placement_flow(), Destination::kCareHomeNursing, &rng);
  for (int i = 0; i < static_cast<int>(census.acute_inpatients); ++i) {
    const PatientId id = census_patient(rng, std::nullopt);
    admit(id, settings().time_to_nctr_days[patients_[id].cell].sample_residual(rng), true);
  }
}

// ---- demand -------------------------------------------------------------------

void IntermediateCareModel::on_arrival_candidate() {
  sim_.schedule(demand_.next_gap(), priority::kArrival, kArrivalCandidate);
  if (!demand_.accept(sim_.now(), year_)) return;
  on_would_be_admission(demand_.draw_cell(year_), false);
}

void IntermediateCareModel::on_would_be_admission(std::size_t cell, bool readmission) {
  const engine::SimTime now = sim_.now();
  ++people_in_;
  count_canonical(now);
  // Every attribute is drawn now, whatever happens next, so two scenarios
  // with the same seed give this person the same stay and pathway.
  const PatientId id = patients_.allocate();
  Patient& p = patients_[id];
  ArrivalStreams& draws = readmission ? readmitted_[cell] : first_arrivals_;
  set_flow(p, cell, layout_.admitted_to(cell, draws.hospital));
  counts(p).would_be.add(now);
  p.hub_uniform = engine::uniform01(draws.hub);
  p.pathway_uniform = engine::uniform01(draws.pathway);
  p.acute_days = settings().time_to_nctr_days[cell].sample(draws.acute);
  const double step_up_uniform = engine::uniform01(draws.step_up);
  p.avoidable = engine::uniform01(draws.case_mix) < spec_.acsc_share;
  p.fall = engine::uniform01(draws.case_mix) < spec_.fall_share;
  if (layout_.routes_by_share()) p.route_uniform = engine::uniform01(draws.route);
  draw_hospital_outcome(p, draws.outcome);

  if (readmission) counts(p).readmissions.add(now);
  if (!readmission && layout_.has_step_up(cell) && step_up_uniform < settings().step_up_share[cell] &&
      try_step_up(id))
    return;
  admit(id, p.acute_days);
}

// The urgent community response offers a step-up place; true when the
// person is cared for there (or waits for one) instead of being admitted.
bool IntermediateCareModel::try_step_up(PatientId id) {
  const engine::SimTime now = sim_.now();
  Patient& p = patients_[id];
  p.stepped_up = true;
  const std::uint32_t s = pick(layout_.step_up(p.cell), p.route_uniform);
  auto& service = services_[s];
  const double units = initial_units(s);
  const double free_for_step_up = service.available() - spec_.services[s].ring_fenced_for_step_down;
  measure_.referral(s, true);
  if (service.waiting() == 0 && free_for_step_up >= units) {
    take(id, s, units);
    counts(p).diversions.add(now);
    enter_service(id, s);
    return true;
  }
  if (spec_.step_up_max_wait_hours <= 0.0) {
    counts(p).step_up_refused.add(now);
    p.stepped_up = false;
    return false;
  }
  p.where = Whereabouts::kStepUpQueue;
  p.waiting_for = s;
  p.waiting_since = now;
  if (service.request(now, id, units, kFromCommunity)) {  // cannot happen: no place was free
    measure_.use(p.flow, s, now, units);
    on_place_granted(id);
    return true;
  }
  p.timer = sim_.schedule(spec_.step_up_max_wait_hours / engine::kHoursPerDay, priority::kMilestone,
                          kStepUpTimeout, id);
  p.timer_set = true;
  return true;
}

void IntermediateCareModel::on_step_up_timeout(PatientId id) {
  Patient& p = patients_[id];
  p.timer_set = false;
  counts(p).step_up_refused.add(sim_.now());
  services_[p.waiting_for].withdraw(sim_.now(), id);
  p.waiting_for = kNone;
  p.stepped_up = false;
  admit(id, p.acute_days);  // as drawn on arrival
}

}  // namespace icsim::models::care
