#include "demand.hpp"

#include <algorithm>

namespace icsim::models::care {

Demand::Demand(const ScenarioSpec& spec, const std::vector<YearSettings>& years, const AreaLayout& layout,
               const Calendar& calendar, engine::Rng arrivals)
    : spec_(spec), calendar_(calendar), rng_(arrivals) {
  double peak_rate = 0.0;
  for (const auto& year : years) {
    YearDemand demand;
    demand.population.assign(layout.places(), 0.0);
    demand.population_65_plus.assign(layout.places(), 0.0);
    std::vector<double> cell_rates;
    for (std::size_t cell = 0; cell < layout.cells(); ++cell) {
      cell_rates.push_back(year.population[cell] * year.admissions_per_1000_per_year[cell] / 1000.0 /
                           engine::kDaysPerYear);
      demand.rate_per_day += cell_rates.back();
      demand.pathway_split.emplace_back(std::vector<double>(year.pathway_split[cell].begin(), year.pathway_split[cell].end()));
      const PlaceIndex place = layout.place_of_cell(cell);
      if (spec.age_bands[layout.band_of_cell(cell)].aged_65_plus) demand.population_65_plus[place] += year.population[cell];
      demand.population[place] += year.population[cell];
    }
    // A year with no demand at all (every population or rate zero) has no
    // arrivals to place: accept() turns every candidate away.
    if (demand.rate_per_day > 0.0) demand.cell_choice = engine::CategoricalChoice(cell_rates);
    peak_rate = std::max(peak_rate, demand.rate_per_day);
    years_.push_back(std::move(demand));
  }
  const double peak_profile = *std::max_element(spec.day_of_week_profile.begin(), spec.day_of_week_profile.end()) *
                              *std::max_element(spec.month_profile.begin(), spec.month_profile.end());
  peak_rate_ = peak_rate * peak_profile;
  if (peak_rate_ > 0.0) candidate_gap_ = engine::Distribution(engine::Exponential{1.0 / peak_rate_});
}

}  // namespace icsim::models::care
