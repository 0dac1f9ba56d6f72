#include <icsim/models/single_year.hpp>

#include <algorithm>
#include <cmath>

#include <icsim/engine/check.hpp>

namespace icsim::models {
namespace {

// A service's capacity at the start of projected year `year`, as the full
// run has it then: the yearly capacity, switched at each year's start when
// it differs from the year before, and the capacity changes, in time order;
// at the same instant a year's start comes first (it is scheduled first).
double capacity_at_start(const ServiceSpec& service, std::size_t s, const std::vector<YearSettings>& years, int year) {
  double capacity = years.front().capacity[s];
  auto change = service.capacity_changes.begin();
  const auto end = service.capacity_changes.end();
  for (int y = 1; y <= year; ++y) {
    const double start = y * engine::kDaysPerYear;
    for (; change != end && change->day < start; ++change) capacity = change->capacity;
    const auto now = static_cast<std::size_t>(y);
    if (years[now].capacity[s] != years[now - 1].capacity[s]) capacity = years[now].capacity[s];
  }
  for (; change != end && change->day <= year * engine::kDaysPerYear; ++change) capacity = change->capacity;
  return capacity;
}

double grown(double rate, int years) { return std::pow(1.0 + rate, years); }

}  // namespace

ScenarioSpec single_year_scenario(const ScenarioSpec& spec, int year, engine::SimTime min_warmup_days) {
  ICSIM_CHECK(year >= 0 && year < spec.years, "the year is not one the scenario projects");
  const auto years = yearly_settings(spec);
  YearSettings settings = years[static_cast<std::size_t>(year)];
  const double start = year * engine::kDaysPerYear, end = start + engine::kDaysPerYear;

  ScenarioSpec one = spec;
  one.start_year = spec.start_year + year;
  one.years = 1;
  one.warmup_days = std::max(spec.warmup_days, min_warmup_days);
  for (std::size_t s = 0; s < one.services.size(); ++s) {
    ServiceSpec& service = one.services[s];
    settings.capacity[s] = capacity_at_start(spec.services[s], s, years, year);
    std::vector<CapacityChange> within;
    for (const auto& change : service.capacity_changes)
      if (change.day > start && change.day < end) within.push_back({change.day - start, change.capacity});
    service.capacity_changes = std::move(within);
    service.capacity = settings.capacity[s];
    service.length_of_stay_days = settings.length_of_stay_days[s];
  }
  // The year's demand, cell by cell: a place's band (the area's bands
  // without places, whose totals are kept up to date with them).
  const auto set_band = [&](AgeBandSpec& band, std::size_t cell) {
    band.population = settings.population[cell];
    band.admissions_per_1000_per_year = settings.admissions_per_1000_per_year[cell];
    band.step_up_share = settings.step_up_share[cell];
    band.pathway_split = settings.pathway_split[cell];
    band.time_to_nctr_days = settings.time_to_nctr_days[cell];
    for (std::size_t k = 0; k < kPathways; ++k) band.hub_days[k] = settings.hub_days[cell][k];
  };
  const std::size_t bands = one.age_bands.size();
  if (one.places.empty()) {
    for (std::size_t b = 0; b < bands; ++b) set_band(one.age_bands[b], b);
  } else {
    for (auto& band : one.age_bands) band.population = 0.0;
    for (std::size_t p = 0; p < one.places.size(); ++p)
      for (std::size_t b = 0; b < bands; ++b) {
        set_band(one.places[p].age_bands[b], p * bands + b);
        one.age_bands[b].population += one.places[p].age_bands[b].population;
      }
  }
  one.triage_days = settings.triage_days;
  one.discharge_days_per_week = settings.discharge_days_per_week;
  one.yearly = {settings};

  // The model grows unit costs from the first projected year; this scenario's
  // first year is `year`, so its unit costs start grown and grow no more.
  CostSpec& costs = one.costs;
  costs.acute_bed_day *= acute_cost_growth(spec, year);
  costs.nctr_bed_day *= acute_cost_growth(spec, year);
  costs.care_home_placement_per_week *= grown(costs.real_terms_growth_per_year.long_term_care, year);
  for (ServiceIndex s = 0; s < one.services.size(); ++s) {
    ServiceSpec& service = one.services[s];
    const double growth = service_cost_growth(spec, s, year);
    (service.kind == ServiceKind::kHomeBased ? service.cost_per_care_hour : service.cost_per_bed_day) *= growth;
    service.contract.spot_price *= growth;
  }
  costs.real_terms_growth_per_year = CostGrowth{};
  if (costs.budget) costs.budget->per_year = {costs.budget->per_year.at(static_cast<std::size_t>(year))};

  fit_census_to_capacity(one);
  return one;
}

double capacity_at_year_start(const ScenarioSpec& spec, ServiceIndex service, int year) {
  return capacity_at_start(spec.services[service], service, yearly_settings(spec), year);
}

double service_cost_growth(const ScenarioSpec& spec, ServiceIndex service, int year) {
  const CostGrowth& growth = spec.costs.real_terms_growth_per_year;
  const ServiceSpec& s = spec.services[service];
  // Long-term care (the market's services) grows as long-term care, the
  // intermediate-care settings by their own rates.
  const double rate = s.market != Market::kNone         ? growth.long_term_care
                      : s.kind == ServiceKind::kHomeBased ? growth.home_ic
                      : s.short_term_care                ? growth.short_term_care
                                                         : growth.ic_beds;
  return grown(rate, year);
}

double acute_cost_growth(const ScenarioSpec& spec, int year) {
  return grown(spec.costs.real_terms_growth_per_year.acute, year);
}

void fit_census_to_capacity(ScenarioSpec& spec) {
  if (!spec.initial_census) return;
  const auto first = yearly_settings(spec).front();
  auto& in_service = spec.initial_census->in_service;
  for (std::size_t s = 0; s < in_service.size() && s < spec.services.size(); ++s) {
    const ServiceSpec& service = spec.services[s];
    const double place = service.capacity_in_care_hours ? service.package_hours_per_day_start : 1.0;
    in_service[s] = std::min(in_service[s], std::floor(first.capacity[s] / place + 1e-9));
  }
}

}  // namespace icsim::models
