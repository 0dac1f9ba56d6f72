#pragma once
// Demand: would-be emergency admissions arrive as one Poisson stream whose
// rate is the sum over cells (a place's age band) of residents x rate per
// 1,000, shaped by the day of the week and the month. The stream is drawn by
// thinning a constant-rate one at the highest rate of any year, day and
// month, so the arrivals are exact for a rate that changes in steps.

#include <vector>

#include <icsim/engine/distributions.hpp>
#include <icsim/engine/random_streams.hpp>
#include <icsim/models/calendar.hpp>
#include <icsim/models/scenario_spec.hpp>

#include "area_layout.hpp"

namespace icsim::models::care {

// A year's demand, ready to draw from.
struct YearDemand {
  double rate_per_day = 0.0;  // would-be admissions, before the day and month profiles
  engine::CategoricalChoice cell_choice;
  std::vector<engine::CategoricalChoice> pathway_split;  // per cell
  std::vector<double> population;           // per place
  std::vector<double> population_65_plus;   // per place
};

class Demand {
 public:
  Demand(const ScenarioSpec& spec, const std::vector<YearSettings>& years, const AreaLayout& layout,
         const Calendar& calendar, engine::Rng arrivals);

  // Whether anyone is ever admitted: not when every year's demand is zero.
  [[nodiscard]] bool any() const { return peak_rate_ > 0.0; }
  // Days to the next candidate arrival (only when any()).
  [[nodiscard]] double next_gap() { return candidate_gap_.sample(rng_); }
  // Whether a candidate at `now` is a would-be admission (thinning).
  [[nodiscard]] bool accept(engine::SimTime now, std::size_t year) {
    const double profile = spec_.day_of_week_profile[static_cast<std::size_t>(calendar_.weekday(now))] *
                           spec_.month_profile[static_cast<std::size_t>(calendar_.month(now))];
    const double rate = years_[year].rate_per_day * profile;
    return rate > 0.0 && (rate >= peak_rate_ || engine::uniform01(rng_) * peak_rate_ < rate);
  }
  // The cell an accepted arrival comes from.
  [[nodiscard]] std::size_t draw_cell(std::size_t year) { return years_[year].cell_choice.sample(rng_); }

  [[nodiscard]] const YearDemand& year(std::size_t y) const { return years_[y]; }

 private:
  const ScenarioSpec& spec_;
  const Calendar& calendar_;
  engine::Rng rng_;
  std::vector<YearDemand> years_;
  engine::Distribution candidate_gap_;
  double peak_rate_ = 0.0;
};

}  // namespace icsim::models::care
