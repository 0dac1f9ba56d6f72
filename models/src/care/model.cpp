#include "model.hpp"

#include <algorithm>

namespace icsim::models::care {

IntermediateCareModel::IntermediateCareModel(const ScenarioSpec& spec, std::uint64_t seed, std::uint32_t replication)
    : spec_(spec),
      seed_(seed),
      replication_(replication),
      periods_{spec.warmup_days, engine::kDaysPerYear, spec.years},
      calendar_(spec.start_year, spec.warmup_days),
      years_(yearly_settings(spec)),
      layout_(spec),
      first_arrivals_(*this, 0),
      deconditioning_rng_(stream(Stream::kDeconditioning)),
      long_term_care_rng_(stream(Stream::kLongTermCare)),
      over_prescription_rng_(stream(Stream::kOverPrescription)),
      demand_(spec, years_, layout_, calendar_, stream(Stream::kArrivals)),
      measure_(spec, layout_, periods_) {
  const bool service_windows = std::any_of(spec.services.begin(), spec.services.end(),
                                           [](const auto& s) { return s.admits.has_value(); });
  for (const auto& year : years_) {
    discharge_windows_.emplace_back(calendar_, year.discharge_days_per_week, spec.discharge_hour_start,
                                    spec.discharge_hour_end);
    if (!service_windows) continue;
    // Into a service with its own window: when both it and the area's are open.
    auto& windows = service_windows_.emplace_back();
    for (const auto& service : spec.services) {
      const AdmissionWindow own = service.admits.value_or(AdmissionWindow{});
      windows.emplace_back(calendar_, std::min(year.discharge_days_per_week, own.days_per_week),
                           std::max(spec.discharge_hour_start, own.hour_start),
                           std::min(spec.discharge_hour_end, own.hour_end));
    }
  }
  for (std::size_t s = 0; s < spec.services.size(); ++s) {
    const auto& service = spec.services[s];
    services_.emplace_back(years_.front().capacity[s], service.discipline, periods_);
    const auto slot = static_cast<engine::StreamId>(service.stream_slot.value_or(static_cast<std::uint32_t>(s)));
    const auto base = static_cast<engine::StreamId>(Stream::kFirstServiceStream) + 2 * slot;
    stay_rngs_.push_back(engine::make_stream(seed, replication, base));
    outcome_rngs_.push_back(engine::make_stream(seed, replication, base + 1));
    community_rngs_.push_back(engine::make_stream(
        seed, replication, static_cast<engine::StreamId>(Stream::kFirstCommunityStartStream) + slot));
    const auto choice = [](const std::vector<OutcomeSpec>& outcomes) {
      std::vector<double> probabilities;
      for (const auto& o : outcomes) probabilities.push_back(o.probability);
      return engine::CategoricalChoice(probabilities);
    };
    outcome_choice_.push_back(choice(service.outcomes));
    rule_choice_.emplace_back();
    for (const auto& rule : service.outcome_rules) rule_choice_.back().push_back(choice(rule.outcomes));
    for (const auto& change : service.capacity_changes)
      capacity_changes_.push_back({static_cast<std::uint32_t>(s), change});
  }
  for (const auto& place : places_of(spec))
    for (const auto& band : place.age_bands) {
      band_outcomes_.push_back({band.died_in_hospital, band.p0_readmission, band.p0_death});
      const auto offset = static_cast<engine::StreamId>(Stream::kFirstReadmittedStream) +
                          kReadmittedStreamsPerCell * static_cast<engine::StreamId>(readmitted_.size());
      readmitted_.emplace_back(*this, offset);
      readmission_delay_rngs_.push_back(stream(Stream::kReadmissionDelay, offset));
    }
  aid_seekers_.resize(spec.services.size());
  mutual_aid_ = std::any_of(spec.services.begin(), spec.services.end(), [](const auto& s) { return s.mutual_aid.has_value(); });
  aid_seekers_compacted_.assign(spec.services.size(), 0);
}

IntermediateCareModel::ArrivalStreams::ArrivalStreams(const IntermediateCareModel& model, engine::StreamId offset)
    : acute(model.stream(Stream::kAcuteStay, offset)),
      hub(model.stream(Stream::kTriage, offset)),
      pathway(model.stream(Stream::kPathwayChoice, offset)),
      step_up(model.stream(Stream::kStepUp, offset)),
      case_mix(model.stream(Stream::kCaseMix, offset)),
      hospital(model.stream(Stream::kHospitalChoice, offset)),
      route(model.stream(Stream::kRouteChoice, offset)),
      outcome(model.stream(Stream::kHospitalOutcome, offset)) {}

ReplicationResult IntermediateCareModel::run() {
  if (spec_.initial_census) place_census(*spec_.initial_census);
  sim_.set_warmup(spec_.warmup_days);
  sim_.on_warmup([this](engine::SimTime t) {
    measure_.reset(t);
    for (auto& s : services_) s.reset_statistics(t);
  });
  if (demand_.any()) sim_.schedule(demand_.next_gap(), priority::kArrival, kArrivalCandidate);
  community_start_due_.assign(spec_.services.size(), false);
  for (std::uint32_t s = 0; s < spec_.services.size(); ++s) schedule_community_start(s);
  sim_.schedule_at(calendar_.midnight(0.0) + 1.0, priority::kObserve, kDailyCensus);
  for (std::uint32_t y = 1; y < years_.size(); ++y)
    sim_.schedule_at(periods_.start(static_cast<int>(y)), priority::kCapacityChange, kYearStart, y);
  for (std::uint32_t i = 0; i < capacity_changes_.size(); ++i)
    sim_.schedule_at(spec_.warmup_days + capacity_changes_[i].change.day, priority::kCapacityChange,
                     kCapacityChange, i);
  // The last year's October-December cohort is followed up after the
  // horizon; nothing else is measured beyond it.
  const engine::SimTime end = periods_.horizon() + kFollowUpDays + 1.0;
  sim_.run_until(end, [this](const engine::Event& e) { handle(e); });
  measure_.advance(end);
  for (auto& s : services_) s.advance_statistics(end);

  ReplicationResult r;
  measure_.fill(r, services_, demand_);
  r.events = sim_.events_executed();
  r.canonical_events = canonical_events_;
  r.fingerprint = sim_.fingerprint().value();
  r.people_in = people_in_;
  r.people_out = people_out_;
  r.people_in_system = patients_.in_system();
  return r;
}

void IntermediateCareModel::handle(const engine::Event& e) {
  switch (e.kind) {
    case kArrivalCandidate: return on_arrival_candidate();
    case kReadmission: return on_would_be_admission(e.subject, true);
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
    case kMutualAidDue: return on_mutual_aid_due(e.subject);
    case kCommunityStart: return on_community_start(e.subject);
    default: ICSIM_CHECK(false, "unknown event kind");
  }
}

void IntermediateCareModel::cancel_timer(Patient& p) {
  if (!p.timer_set) return;
  sim_.cancel(p.timer);
  p.timer_set = false;
}

}  // namespace icsim::models::care
