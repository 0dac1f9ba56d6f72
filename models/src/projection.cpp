#include <icsim/models/projection.hpp>

#include <algorithm>

#include <icsim/engine/check.hpp>

#include "care/area_layout.hpp"
#include "pathway_referrals.hpp"

namespace icsim::models {
namespace {

double mix(double a, double b, double f) { return a + f * (b - a); }

// The admissions a year of the residents each service serves.
std::vector<double> served_admissions(const ScenarioSpec& spec, const care::AreaLayout& layout, const YearSettings& year) {
  std::vector<double> served(spec.services.size(), 0.0);
  for_each_admitted(layout, year, [&](std::size_t cell, HospitalIndex h, double admitted) {
    for (std::size_t s = 0; s < spec.services.size(); ++s)
      if (spec.services[s].owner.serves(layout.place_of_cell(cell), h)) served[s] += admitted;
  });
  return served;
}

// Referrals a year to each service from its pathways (the demand a
// service's capacity has to follow), each pathway's referrals shared out by
// its routes; a service on no pathway follows all the admissions of the
// residents it serves.
std::vector<double> service_demand(const ScenarioSpec& spec, const care::AreaLayout& layout, const YearSettings& year) {
  std::vector<double> demand(spec.services.size(), 0.0);
  std::vector<bool> on_pathway(spec.services.size(), false);
  for_each_pathway_referral(layout, year, [&](std::size_t, HospitalIndex, ServiceIndex service, double referrals) {
    demand[service] += referrals;
    on_pathway[service] = true;
  });
  const auto served = served_admissions(spec, layout, year);
  for (std::size_t s = 0; s < spec.services.size(); ++s)
    if (!on_pathway[s]) demand[s] = served[s];
  return demand;
}

}  // namespace

double phase_fraction(const ChangeSpec& change, int year) {
  if (year < change.from_year) return 0.0;
  const int steps = std::max(change.phase_in_years, 1);
  return std::min(1.0, static_cast<double>(year - change.from_year + 1) / steps);
}

engine::Distribution blend(const engine::Distribution& a, const engine::Distribution& b, double f) {
  if (f <= 0.0) return a;
  if (f >= 1.0) return b;
  using namespace engine;
  const auto& x = a.spec();
  const auto& y = b.spec();
  if (x.index() != y.index()) return a;
  if (const auto* p = std::get_if<Fixed>(&x)) return Distribution(Fixed{mix(p->value, std::get<Fixed>(y).value, f)});
  if (const auto* p = std::get_if<Exponential>(&x))
    return Distribution(Exponential{mix(p->mean, std::get<Exponential>(y).mean, f)});
  if (const auto* p = std::get_if<LogNormal>(&x)) {
    const auto& q = std::get<LogNormal>(y);
    return Distribution(LogNormal{mix(p->mean, q.mean, f), mix(p->sd, q.sd, f)});
  }
  if (const auto* p = std::get_if<Gamma>(&x)) {
    const auto& q = std::get<Gamma>(y);
    return Distribution(Gamma{mix(p->shape, q.shape, f), mix(p->scale, q.scale, f)});
  }
  if (const auto* p = std::get_if<Weibull>(&x)) {
    const auto& q = std::get<Weibull>(y);
    return Distribution(Weibull{mix(p->shape, q.shape, f), mix(p->scale, q.scale, f)});
  }
  if (const auto* p = std::get_if<Uniform>(&x)) {
    const auto& q = std::get<Uniform>(y);
    return Distribution(Uniform{mix(p->min, q.min, f), mix(p->max, q.max, f)});
  }
  if (const auto* p = std::get_if<Triangular>(&x)) {
    const auto& q = std::get<Triangular>(y);
    return Distribution(Triangular{mix(p->min, q.min, f), mix(p->mode, q.mode, f), mix(p->max, q.max, f)});
  }
  return a;  // empirical: switches when the change is complete
}

std::vector<YearSettings> project_years(const ScenarioSpec& spec, const GrowthSpec& growth, CapacityPolicy policy,
                                        const std::vector<ChangeSpec>& changes) {
  ScenarioSpec base = spec;
  base.yearly.clear();
  std::vector<YearSettings> years = yearly_settings(base);
  const auto cells = years.front().population.size();

  for (std::size_t y = 0; y < years.size(); ++y) {
    if (!growth.population.empty()) {
      ICSIM_CHECK(growth.population.size() >= years.size() && growth.population[y].size() == cells,
                  "population projection does not cover the years and cells");
      years[y].population = growth.population[y];
    }
    if (!growth.admission_rate_multiplier.empty())
      for (auto& rate : years[y].admissions_per_1000_per_year) rate *= growth.admission_rate_multiplier[y];
  }

  // People who come to a service from home are the same residents: as many
  // more as their admissions grow (population and admission-rate growth; not a
  // what-if's changes, which act on hospital admissions).
  const care::AreaLayout layout(spec);
  if (std::any_of(spec.services.begin(), spec.services.end(), [](const auto& s) { return s.community_starts_per_week > 0.0; })) {
    const auto first = served_admissions(spec, layout, years.front());
    for (auto& year : years) {
      const auto now = served_admissions(spec, layout, year);
      for (std::size_t s = 0; s < spec.services.size(); ++s)
        year.community_starts_per_week[s] *= first[s] > 0.0 ? now[s] / first[s] : 1.0;
    }
  }

  if (policy == CapacityPolicy::kGrowWithDemand) {
    const auto first = service_demand(spec, layout, years.front());
    for (auto& year : years) {
      const auto now = service_demand(spec, layout, year);
      for (std::size_t s = 0; s < spec.services.size(); ++s)
        if (first[s] > 0.0) year.capacity[s] *= now[s] / first[s];
    }
  }

  for (std::size_t y = 0; y < years.size(); ++y) {
    const int calendar_year = spec.start_year + static_cast<int>(y);
    auto& year = years[y];
    for (const auto& change : changes) {
      const double f = phase_fraction(change, calendar_year);
      if (f <= 0.0) continue;
      for (std::size_t s = 0; s < change.capacity.size(); ++s)
        if (change.capacity[s]) year.capacity[s] = mix(year.capacity[s], *change.capacity[s], f);
      for (std::size_t s = 0; s < change.length_of_stay_days.size(); ++s)
        if (change.length_of_stay_days[s])
          year.length_of_stay_days[s] = blend(year.length_of_stay_days[s], *change.length_of_stay_days[s], f);
      for (std::size_t cell = 0; cell < change.pathway_split.size(); ++cell)
        if (change.pathway_split[cell])
          for (std::size_t k = 0; k < kPathways; ++k)
            year.pathway_split[cell][k] = mix(year.pathway_split[cell][k], (*change.pathway_split[cell])[k], f);
      for (std::size_t cell = 0; cell < change.step_up_share.size(); ++cell)
        if (change.step_up_share[cell]) year.step_up_share[cell] = mix(year.step_up_share[cell], *change.step_up_share[cell], f);
      for (std::size_t cell = 0; cell < change.admissions_per_1000_per_year.size(); ++cell)
        if (change.admissions_per_1000_per_year[cell])
          year.admissions_per_1000_per_year[cell] =
              mix(year.admissions_per_1000_per_year[cell], *change.admissions_per_1000_per_year[cell], f);
      for (std::size_t cell = 0; cell < change.time_to_nctr_days.size(); ++cell)
        if (change.time_to_nctr_days[cell])
          year.time_to_nctr_days[cell] = blend(year.time_to_nctr_days[cell], *change.time_to_nctr_days[cell], f);
      if (change.triage_days) {
        year.triage_days = blend(year.triage_days, *change.triage_days, f);
        for (auto& hub : year.hub_days)
          for (auto& d : hub) d = blend(d, *change.triage_days, f);
      }
      for (std::size_t k = 0; k < kPathways; ++k)
        if (change.hub_days[k])
          for (auto& hub : year.hub_days) hub[k] = blend(hub[k], *change.hub_days[k], f);
      // Discharge days are whole days: the new service runs once the change is half done.
      if (change.discharge_days_per_week && f >= 0.5) year.discharge_days_per_week = *change.discharge_days_per_week;
    }
  }
  return years;
}

}  // namespace icsim::models
