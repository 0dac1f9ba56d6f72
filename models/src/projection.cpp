#include <icsim/models/projection.hpp>

#include <algorithm>

#include <icsim/engine/check.hpp>

namespace icsim::models {
namespace {

double mix(double a, double b, double f) { return a + f * (b - a); }

// Referrals a year to each service's pathway (the demand a service's
// capacity has to follow); services off the pathways follow all demand.
std::vector<double> service_demand(const ScenarioSpec& spec, const YearSettings& year) {
  double total = 0.0;
  std::array<double, kPathways> by_pathway{};
  for (std::size_t b = 0; b < spec.age_bands.size(); ++b) {
    const double admissions = year.population[b] * year.admissions_per_1000_per_year[b];
    total += admissions;
    for (int k = 0; k < kPathways; ++k) by_pathway[static_cast<std::size_t>(k)] += admissions * year.pathway_split[b][static_cast<std::size_t>(k)];
  }
  std::vector<double> demand(spec.services.size(), total);
  for (int k = 1; k < kPathways; ++k)
    if (const auto s = spec.pathway_service[static_cast<std::size_t>(k)]) demand[*s] = by_pathway[static_cast<std::size_t>(k)];
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
  const auto bands = spec.age_bands.size();

  for (std::size_t y = 0; y < years.size(); ++y) {
    if (!growth.population.empty()) {
      ICSIM_CHECK(growth.population.size() >= years.size() && growth.population[y].size() == bands,
                  "population projection does not cover the years and bands");
      years[y].population = growth.population[y];
    }
    if (!growth.admission_rate_multiplier.empty())
      for (auto& rate : years[y].admissions_per_1000_per_year) rate *= growth.admission_rate_multiplier[y];
  }

  if (policy == CapacityPolicy::kGrowWithDemand) {
    const auto first = service_demand(spec, years.front());
    for (auto& year : years) {
      const auto now = service_demand(spec, year);
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
      for (std::size_t b = 0; b < change.pathway_split.size(); ++b)
        if (change.pathway_split[b])
          for (std::size_t k = 0; k < kPathways; ++k)
            year.pathway_split[b][k] = mix(year.pathway_split[b][k], (*change.pathway_split[b])[k], f);
      for (std::size_t b = 0; b < change.step_up_share.size(); ++b)
        if (change.step_up_share[b]) year.step_up_share[b] = mix(year.step_up_share[b], *change.step_up_share[b], f);
      for (std::size_t b = 0; b < change.admissions_per_1000_per_year.size(); ++b)
        if (change.admissions_per_1000_per_year[b])
          year.admissions_per_1000_per_year[b] =
              mix(year.admissions_per_1000_per_year[b], *change.admissions_per_1000_per_year[b], f);
      for (std::size_t b = 0; b < change.time_to_nctr_days.size(); ++b)
        if (change.time_to_nctr_days[b])
          year.time_to_nctr_days[b] = blend(year.time_to_nctr_days[b], *change.time_to_nctr_days[b], f);
      if (change.triage_days) year.triage_days = blend(year.triage_days, *change.triage_days, f);
      // Discharge days are whole days: the new service runs once the change is half done.
      if (change.discharge_days_per_week && f >= 0.5) year.discharge_days_per_week = *change.discharge_days_per_week;
    }
  }
  return years;
}

}  // namespace icsim::models
