#include "measurement.hpp"

#include <algorithm>
#include <cmath>

#include <icsim/models/single_year.hpp>

#include "service_payment.hpp"

namespace icsim::models::care {
namespace {

using engine::SimTime;

// Mean of the observations of several tallies in a period; one tally's own
// mean when there is one, so a single flow reports exactly what it measured.
template <class Tallies>
double pooled_mean(const Tallies& tallies, int y) {
  if (tallies.size() == 1) return tallies.front()->in_period(y).mean();
  double sum = 0.0, count = 0.0;
  for (const engine::Tally* t : tallies) {
    sum += t->in_period(y).sum();
    count += static_cast<double>(t->in_period(y).count());
  }
  return count > 0 ? sum / count : 0.0;
}

// Rates and percentages, 0 where there is nothing to divide by.
double per(double part, double whole, double scale) { return whole > 0 ? part / whole * scale : 0.0; }
double percent(double part, double whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }

}  // namespace

FlowStatistics::FlowStatistics(const engine::Periods& periods)
    : would_be(periods), admissions(periods), diversions(periods), step_up_refused(periods), discharges(periods), usual_residence(periods),
      care_home_65(periods), readmissions(periods), at_home_91(periods), cohort_91(periods), avoidable(periods),
      falls_65(periods), ic_episodes(periods), mutual_aid(periods), over_prescribed(periods),
      deaths_in_hospital(periods), deaths(periods),
      discharges_by_pathway{engine::Counter(periods), engine::Counter(periods), engine::Counter(periods),
                            engine::Counter(periods)},
      acute_occupied(periods), nctr_in_acute(periods), waiting_for_care_in_ic(periods),
      nctr_by_reason{engine::TimeWeighted(periods), engine::TimeWeighted(periods), engine::TimeWeighted(periods),
                     engine::TimeWeighted(periods), engine::TimeWeighted(periods), engine::TimeWeighted(periods),
                     engine::TimeWeighted(periods)},
      nctr_days_per_discharge(periods, {}),
      waits{engine::Tally(periods, {}), engine::Tally(periods, {}), engine::Tally(periods, {})},
      placement_days(static_cast<std::size_t>(periods.count), 0.0) {}

void FlowStatistics::reset(SimTime t) {
  for (auto* c : {&would_be, &admissions, &diversions, &step_up_refused, &discharges, &usual_residence, &care_home_65, &readmissions,
                  &at_home_91, &cohort_91, &avoidable, &falls_65, &ic_episodes, &mutual_aid, &over_prescribed,
                  &deaths_in_hospital, &deaths})
    c->reset();
  for (auto& r : nctr_by_reason) r.reset(t);
  for (auto& c : discharges_by_pathway) c.reset();
  acute_occupied.reset(t);
  nctr_in_acute.reset(t);
  waiting_for_care_in_ic.reset(t);
  nctr_days_per_discharge.reset();
  for (auto& w : waits) w.reset();
}

Measurement::Measurement(const ScenarioSpec& spec, const AreaLayout& layout, const engine::Periods& periods)
    : spec_(spec), layout_(layout), periods_(periods), services_(spec.services.size()) {
  flows_.reserve(layout.flows());
  for (std::size_t f = 0; f < layout.flows(); ++f) flows_.emplace_back(periods);
  track_use_ = layout.flows() > 1;
  if (track_use_) use_.assign(layout.flows() * services_, engine::TimeWeighted(periods));
  waiting_in_acute_.assign(services_, engine::TimeWeighted(periods));
  std::vector<PlaceIndex> everyone(layout.places());
  for (PlaceIndex p = 0; p < everyone.size(); ++p) everyone[p] = p;
  std::vector<ServiceIndex> all(services_);
  for (ServiceIndex s = 0; s < all.size(); ++s) all[s] = s;
  groups_.push_back(make_group(everyone, std::nullopt, all));
  for (const AreaPart& part : area_parts(spec)) groups_.push_back(make_group(part.places, part.hospital, part.services));
  daily_.assign(kDailyMeasureCount + kServiceDailyMeasureCount * services_,
                std::vector<double>(static_cast<std::size_t>(spec.years) * 365, 0.0));
  referrals_today_.assign(services_, 0.0);
  step_up_referrals_today_.assign(services_, 0.0);
  const auto block_and_spot = [](const ServiceSpec& s) { return s.contract.kind == ContractSpec::Kind::kBlockAndSpot; };
  if (std::any_of(spec.services.begin(), spec.services.end(), block_and_spot)) {
    const auto years = yearly_settings(spec);
    for (std::size_t s = 0; s < services_; ++s) {
      blocks_.emplace_back(periods, spec.services[s].contract.block, years.front().capacity[s]);
      blocks_.back().contracted = block_and_spot(spec.services[s]);
    }
  }
}

Measurement::Block::Block(const engine::Periods& periods, double block, double capacity)
    : size(block), there(periods, 0.0, std::min(block, capacity)), above(periods) {}

void Measurement::Block::use(SimTime now, double delta) {
  in_use += delta;
  above.set(now, std::max(0.0, in_use - size));
}

void Measurement::Block::set_capacity(SimTime now, double capacity) { there.set(now, std::min(size, capacity)); }

Measurement::Group Measurement::make_group(const std::vector<PlaceIndex>& places, std::optional<HospitalIndex> hospital,
                                           std::vector<ServiceIndex> services) {
  Group group{{},    std::vector<double>(layout_.places(), 0.0), std::move(services), {}, hospital, false,
              engine::Tally(periods_, {}), engine::Tally(periods_, {})};
  for (const PlaceIndex p : places) {
    const auto& shares = layout_.place_specs()[p].hospital_shares;
    group.place_weight[p] = hospital ? shares[*hospital] : 1.0;
    for (HospitalIndex h = 0; h < layout_.hospitals(); ++h)
      if (!hospital || *hospital == h) group.flows.push_back(layout_.flow(p, h));
  }
  group.whole_area = group.flows.size() == layout_.flows();
  const auto member = [&](PlaceIndex p) { return std::find(places.begin(), places.end(), p) != places.end(); };
  for (const auto& service : spec_.services) {
    const ServiceOwner& owner = service.owner;
    bool all = group.whole_area;
    if (owner.kind == ServiceOwner::Kind::kPlaces) {
      all = all || (!hospital && std::all_of(owner.places.begin(), owner.places.end(), member));
    } else if (owner.kind == ServiceOwner::Kind::kHospital) {
      bool every_sender = !hospital;
      for (PlaceIndex p = 0; p < layout_.places() && every_sender; ++p)
        every_sender = layout_.place_specs()[p].hospital_shares[owner.hospital] <= 0.0 || member(p);
      all = all || (hospital && *hospital == owner.hospital) || every_sender;
    }
    group.pays_all.push_back(all);
  }
  return group;
}

double Measurement::share_paid(const Group& group, std::size_t s, double group_used, double used,
                               const std::vector<double>& population) const {
  if (group.pays_all[s]) return 1.0;
  if (used > 0.0) return group_used / used;
  const ServiceOwner& owner = spec_.services[s].owner;
  if (owner.kind == ServiceOwner::Kind::kHospital && group.hospital && *group.hospital != owner.hospital) return 0.0;
  double ours = 0.0, served = 0.0;
  for (PlaceIndex p = 0; p < layout_.places(); ++p) {
    const double weight = owner.kind == ServiceOwner::Kind::kArea ? 1.0
                          : owner.kind == ServiceOwner::Kind::kHospital
                              ? layout_.place_specs()[p].hospital_shares[owner.hospital]
                              : static_cast<double>(std::find(owner.places.begin(), owner.places.end(), p) !=
                                                    owner.places.end());
    served += weight * population[p];
    ours += weight * group.place_weight[p] * population[p];
  }
  return served > 0.0 ? ours / served : 0.0;
}

void Measurement::placement(std::size_t f, SimTime now, double days) {
  auto& per_year = flows_[f].placement_days;
  periods_.for_each_overlap(now, now + days,
                            [&](int year, double overlap) { per_year[static_cast<std::size_t>(year)] += overlap; });
}

void Measurement::reset(SimTime t) {
  for (auto& f : flows_) f.reset(t);
  for (auto& u : use_) u.reset(t);
  for (auto& w : waiting_in_acute_) w.reset(t);
  for (auto& b : blocks_) {
    b.there.reset(t);
    b.above.reset(t);
  }
  for (auto& g : groups_) {
    g.stayed_14_share.reset();
    g.stayed_21_share.reset();
  }
}

double Measurement::acute_inpatients() const {
  double sum = 0.0;
  for (const auto& f : flows_) sum += f.acute_occupied.level();
  return sum;
}

double Measurement::nctr_inpatients() const {
  double sum = 0.0;
  for (const auto& f : flows_) sum += f.nctr_in_acute.level();
  return sum;
}

// BCF length of stay: the share of acute inpatients who have been in 14+
// (21+) days, counted at midnight and averaged over the year's days.
void Measurement::midnight(SimTime now, long today, const std::vector<engine::Resource>& services) {
  record_day(now, services);
  const auto census = [&](Group& group) {
    double inpatients = 0.0, stayed_14 = 0.0, stayed_21 = 0.0;
    for (const std::size_t f : group.flows) inpatients += flows_[f].acute_occupied.level();
    if (inpatients <= 0.0) return;
    stayed_14 = inpatients, stayed_21 = inpatients;
    for (const std::size_t f : group.flows) {
      stayed_14 -= flows_[f].recent_admissions.within(today, 14);
      stayed_21 -= flows_[f].recent_admissions.within(today, 21);
    }
    group.stayed_14_share.add(now, 100.0 * stayed_14 / inpatients);
    group.stayed_21_share.add(now, 100.0 * stayed_21 / inpatients);
  };
  census(groups_.front());
  for (std::size_t i = 1; i < groups_.size(); ++i)
    if (!groups_[i].whole_area) census(groups_[i]);
}

void Measurement::record_day(SimTime midnight, const std::vector<engine::Resource>& services) {
  const double day = std::floor(midnight - spec_.warmup_days) - 1.0;
  if (day < 0.0 || day >= static_cast<double>(daily_.front().size())) {
    std::fill(referrals_today_.begin(), referrals_today_.end(), 0.0);
    std::fill(step_up_referrals_today_.begin(), step_up_referrals_today_.end(), 0.0);
    return;
  }
  const auto d = static_cast<std::size_t>(day);
  daily_[index(DailyMeasure::kAcuteInpatients)][d] = acute_inpatients();
  daily_[index(DailyMeasure::kNctrInpatients)][d] = nctr_inpatients();
  for (std::size_t s = 0; s < services.size(); ++s) {
    daily_[index(s, ServiceDailyMeasure::kInUse)][d] = services[s].in_use();
    daily_[index(s, ServiceDailyMeasure::kWaiting)][d] = static_cast<double>(services[s].waiting());
    daily_[index(s, ServiceDailyMeasure::kCapacity)][d] = services[s].capacity();
    daily_[index(s, ServiceDailyMeasure::kReferrals)][d] = referrals_today_[s];
    daily_[index(s, ServiceDailyMeasure::kStepUpReferrals)][d] = step_up_referrals_today_[s];
    referrals_today_[s] = 0.0;
    step_up_referrals_today_[s] = 0.0;
  }
}

void Measurement::advance(SimTime end) {
  for (auto& f : flows_) {
    f.acute_occupied.advance(end);
    f.nctr_in_acute.advance(end);
    f.waiting_for_care_in_ic.advance(end);
    for (auto& r : f.nctr_by_reason) r.advance(end);
  }
  for (auto& u : use_) u.advance(end);
  for (auto& w : waiting_in_acute_) w.advance(end);
  for (auto& b : blocks_) {
    b.there.advance(end);
    b.above.advance(end);
  }
}

// Every metric of a group, [metric][year]: the fixed list, then the
// measures of the group's services.
std::vector<std::vector<double>> Measurement::values(const Group& group, const std::vector<engine::Resource>& services,
                                                     const Demand& demand) const {
  const auto years = static_cast<std::size_t>(spec_.years);
  const bool with_budget = &group == &groups_.front() && spec_.costs.budget;  // the area's own
  std::vector<std::vector<double>> v(kFixedMetricCount + kServiceMeasureCount * group.services.size() + (with_budget ? 2 : 0),
                                     std::vector<double>(years, 0.0));
  const auto set = [&](Metric m, int y, double x) { v[index(m)][static_cast<std::size_t>(y)] = x; };
  const auto sum = [&](auto member, int y) {
    double total = 0.0;
    for (const std::size_t f : group.flows) total += (flows_[f].*member).in_period(y);
    return total;
  };
  const auto integral = [&](auto member, int y) {
    double total = 0.0;
    for (const std::size_t f : group.flows) total += (flows_[f].*member).integral(y);
    return total;
  };
  const auto& g = spec_.costs.real_terms_growth_per_year;
  for (int y = 0; y < spec_.years; ++y) {
    const auto grown = [y](double rate) { return std::pow(1.0 + rate, y); };
    // What the group's patients used of each setting: the services' own
    // occupancy for the whole area, its flows' use otherwise; and what the
    // group pays for each service under its contract.
    const auto& year_demand = demand.year(static_cast<std::size_t>(y));
    double ic_bed_days = 0, care_hours = 0, short_term_bed_days = 0;
    double cost_ic_beds = 0, cost_home = 0, cost_short_term = 0, idle_cost = 0, cost_social_care = 0;
    double market_cost = 0, long_term_care_hours = 0, care_home_bed_days = 0;
    std::vector<ServicePayment> paid(services.size());
    for (std::size_t s = 0; s < services.size(); ++s) {
      const auto& service = spec_.services[s];
      ServiceYear year{services[s].occupancy().integral(y), services[s].capacity_over_time().integral(y)};
      if (!blocks_.empty() && blocks_[s].contracted) {
        year.above_block = blocks_[s].above.integral(y);
        year.block = blocks_[s].there.integral(y);
      }
      double used = year.used;
      if (!group.whole_area) {
        used = 0.0;
        for (const std::size_t f : group.flows) used += use_[f * services_ + s].integral(y);
      }
      const double growth = service_cost_growth(spec_, static_cast<ServiceIndex>(s), y);
      const double share = share_paid(group, s, used, year.used, year_demand.population);
      paid[s] = payment(service, year);
      paid[s].cost *= growth * share;
      paid[s].idle *= growth * share;
      idle_cost += paid[s].idle;
      if (service.funder == Funder::kSocialCare) cost_social_care += paid[s].cost;
      if (service.market != Market::kNone) {  // long-term care
        market_cost += paid[s].cost;
        if (service.kind == ServiceKind::kHomeBased)
          long_term_care_hours += service.capacity_in_care_hours ? used : used * service.package_hours_per_day_start;
        else
          care_home_bed_days += used;
      } else if (service.kind == ServiceKind::kHomeBased) {
        care_hours += service.capacity_in_care_hours ? used : used * service.package_hours_per_day_start;
        cost_home += paid[s].cost;
      } else if (service.short_term_care) {
        short_term_bed_days += used;
        cost_short_term += paid[s].cost;
      } else {
        ic_bed_days += used;
        cost_ic_beds += paid[s].cost;
      }
    }
    double population = 0.0, population_65_plus = 0.0;
    for (PlaceIndex p = 0; p < group.place_weight.size(); ++p) {
      if (group.place_weight[p] <= 0.0) continue;
      population += group.place_weight[p] * year_demand.population[p];
      population_65_plus += group.place_weight[p] * year_demand.population_65_plus[p];
    }
    const double acute_days = integral(&FlowStatistics::acute_occupied, y);
    const double nctr_days = integral(&FlowStatistics::nctr_in_acute, y);
    const double cost_acute =
        grown(g.acute) * (acute_days * spec_.costs.acute_bed_day + nctr_days * spec_.costs.nctr_bed_day);
    const double discharges = sum(&FlowStatistics::discharges, y);
    set(Metric::kWouldBeAdmissions, y, sum(&FlowStatistics::would_be, y));
    set(Metric::kAdmissions, y, sum(&FlowStatistics::admissions, y));
    set(Metric::kStepUpDiversions, y, sum(&FlowStatistics::diversions, y));
    set(Metric::kAcuteBedDays, y, acute_days);
    set(Metric::kNctrBedDays, y, nctr_days);
    set(Metric::kIcBedDays, y, ic_bed_days);
    set(Metric::kHomeIcCareHours, y, care_hours);
    set(Metric::kShortTermCareBedDays, y, short_term_bed_days);
    set(Metric::kCareHomeAdmissions65PlusPer100k, y,
        per(sum(&FlowStatistics::care_home_65, y), population_65_plus, 1e5));
    set(Metric::kAtHome91dPct, y, percent(sum(&FlowStatistics::at_home_91, y), sum(&FlowStatistics::cohort_91, y)));
    set(Metric::kReadmissions30d, y, sum(&FlowStatistics::readmissions, y));
    set(Metric::kDischarges, y, discharges);
    for (int k = 1; k < kPathways; ++k) {
      double by_pathway = 0.0;
      for (const std::size_t f : group.flows) by_pathway += flows_[f].discharges_by_pathway[static_cast<std::size_t>(k)].in_period(y);
      set(static_cast<Metric>(index(Metric::kDischargesP1) + static_cast<std::size_t>(k - 1)), y, by_pathway);
    }
    set(Metric::kIcEpisodes, y, sum(&FlowStatistics::ic_episodes, y));
    set(Metric::kDischargeToUsualResidencePct, y, percent(sum(&FlowStatistics::usual_residence, y), discharges));
    set(Metric::kAvoidableAdmissionsPer100k, y, per(sum(&FlowStatistics::avoidable, y), population, 1e5));
    set(Metric::kFallsAdmissions65PlusPer100k, y, per(sum(&FlowStatistics::falls_65, y), population_65_plus, 1e5));
    double placement_days = 0.0;
    for (const std::size_t f : group.flows) placement_days += flows_[f].placement_days[static_cast<std::size_t>(y)];
    const double placement_weeks = placement_days / 7.0;
    set(Metric::kLongTermCareWeeks, y, placement_weeks + care_home_bed_days / 7.0);
    const double placements_cost = grown(g.long_term_care) * placement_weeks * spec_.costs.care_home_placement_per_week;
    cost_social_care += placements_cost;  // the market's services are counted by their funder above
    const double cost_long_term = placements_cost + market_cost;
    set(Metric::kLongTermHomeCareHours, y, long_term_care_hours);
    set(Metric::kIcDaysWaitingForLongTermCare, y, integral(&FlowStatistics::waiting_for_care_in_ic, y));
    set(Metric::kOverPrescribedPackages, y, sum(&FlowStatistics::over_prescribed, y));
    set(Metric::kCostLongTermCare, y, cost_long_term);
    const Group& census = group.whole_area ? groups_.front() : group;
    set(Metric::kLengthOfStay14PlusPct, y, census.stayed_14_share.in_period(y).mean());
    set(Metric::kLengthOfStay21PlusPct, y, census.stayed_21_share.in_period(y).mean());
    std::vector<const engine::Tally*> tallies;
    for (std::size_t k = 0; k < 3; ++k) {
      tallies.clear();
      for (const std::size_t f : group.flows) tallies.push_back(&flows_[f].waits[k]);
      set(static_cast<Metric>(index(Metric::kMeanWaitDaysP1) + k), y, pooled_mean(tallies, y));
    }
    tallies.clear();
    for (const std::size_t f : group.flows) tallies.push_back(&flows_[f].nctr_days_per_discharge);
    set(Metric::kMeanNctrDaysPerDischarge, y, pooled_mean(tallies, y));
    set(Metric::kCostAcute, y, cost_acute);
    set(Metric::kCostIcBeds, y, cost_ic_beds);
    set(Metric::kCostHomeIc, y, cost_home);
    set(Metric::kCostShortTermCare, y, cost_short_term);
    set(Metric::kCostIntermediateCare, y, cost_ic_beds + cost_home);
    const double total = cost_acute + cost_ic_beds + cost_home + cost_short_term + cost_long_term;
    set(Metric::kCostTotal, y, total);
    set(Metric::kIdleCost, y, idle_cost);
    set(Metric::kCostSocialCare, y, cost_social_care);
    set(Metric::kCostHealth, y, total - cost_social_care);
    set(Metric::kMutualAidPlacements, y, sum(&FlowStatistics::mutual_aid, y));
    for (std::size_t r = 0; r < kNctrReasons; ++r) {
      double days = 0.0;
      for (const std::size_t f : group.flows) days += flows_[f].nctr_by_reason[r].integral(y);
      set(static_cast<Metric>(index(Metric::kNctrBedDaysHub) + r), y, days);
    }
    set(Metric::kNctrPatientsPer100k, y, per(nctr_days / periods_.length, population, 1e5));
    set(Metric::kDeathsInHospital, y, sum(&FlowStatistics::deaths_in_hospital, y));
    set(Metric::kDeaths, y, sum(&FlowStatistics::deaths, y));
    set(Metric::kReadmissionRate30dPct, y, percent(sum(&FlowStatistics::readmissions, y), discharges));
    set(Metric::kStepUpRefused, y, sum(&FlowStatistics::step_up_refused, y));

    for (std::size_t i = 0; i < group.services.size(); ++i) {
      const auto& pool = services[group.services[i]];
      const auto row = [&](ServiceMeasure m) -> double& {
        return v[kFixedMetricCount + i * kServiceMeasureCount + static_cast<std::size_t>(m)][static_cast<std::size_t>(y)];
      };
      const double used = pool.occupancy().integral(y);
      const double capacity_days = pool.capacity_over_time().integral(y);
      row(ServiceMeasure::kOccupancy) = pool.occupancy().mean(y);
      row(ServiceMeasure::kUtilisationPct) = percent(used, capacity_days);
      row(ServiceMeasure::kQueueLength) = pool.queue_length().mean(y);
      row(ServiceMeasure::kWaitDays) = pool.waits().in_period(y).mean();
      row(ServiceMeasure::kCapacity) = pool.capacity_over_time().mean(y);
      row(ServiceMeasure::kWaitedPct) = percent(pool.queued().in_period(y), pool.requests().in_period(y));
      row(ServiceMeasure::kWaitP95Days) = pool.waits().in_period(y).quantile(0.95);
      row(ServiceMeasure::kCost) = paid[group.services[i]].cost;
      row(ServiceMeasure::kIdleCost) = paid[group.services[i]].idle;
      row(ServiceMeasure::kNctrBedDays) = waiting_in_acute_[group.services[i]].integral(y);
    }
    if (with_budget) {
      const BudgetSpec& budget = *spec_.costs.budget;
      const double spent = (budget.acute ? cost_acute : 0.0) + (budget.intermediate_care ? cost_ic_beds + cost_home : 0.0) +
                           (budget.short_term_care ? cost_short_term : 0.0) +
                           (budget.long_term_care ? cost_long_term : 0.0);
      const double amount = budget.per_year[static_cast<std::size_t>(y)];
      v[v.size() - 2][static_cast<std::size_t>(y)] = amount;
      v[v.size() - 1][static_cast<std::size_t>(y)] = percent(spent, amount);
    }
  }
  return v;
}

void Measurement::fill(ReplicationResult& result, const std::vector<engine::Resource>& services, const Demand& demand) {
  result.values = values(groups_.front(), services, demand);
  result.parts.clear();
  for (std::size_t i = 1; i < groups_.size(); ++i) result.parts.push_back(values(groups_[i], services, demand));
  result.daily = std::move(daily_);
}

}  // namespace icsim::models::care
