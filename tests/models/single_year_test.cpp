// One projected year on its own is that year of the full projection:
// the same settings exactly, and the same results within their intervals.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/projection.hpp>
#include <icsim/models/single_year.hpp>

#include "small_area.hpp"

using namespace icsim;
using models::Metric;

namespace {

// Three years of the small area with the over-75s growing fast, capacity
// growing with demand, a phased change to rehabilitation stays, capacity
// changes in two years (one at the very start of the last), and unit costs
// growing in real terms. Services run at 75-85% of capacity: busy, but with
// no backlog carried from one year into the next, which a year on its own
// could not know of (the planner's candidates hold from the warm-up on).
models::ScenarioSpec growing_area() {
  auto spec = test::small_area();
  spec.years = 3;
  spec.services[0].capacity = 180;
  spec.services[1].capacity = 31;
  spec.services[2].capacity = 13;
  models::GrowthSpec growth;
  for (int y = 0; y < spec.years; ++y) {
    std::vector<double> population;
    for (const auto& band : spec.age_bands)
      population.push_back(band.population * std::pow(band.name == "75-84" || band.name == "85+" ? 1.12 : 1.0, y));
    growth.population.push_back(population);
  }
  models::ChangeSpec shorter_rehab;
  shorter_rehab.from_year = spec.start_year + 1;
  shorter_rehab.phase_in_years = 2;
  shorter_rehab.length_of_stay_days = {std::nullopt, engine::Distribution(engine::LogNormal{20.0, 12.0}), std::nullopt};
  spec.yearly = models::project_years(spec, growth, models::CapacityPolicy::kGrowWithDemand, {shorter_rehab});
  spec.services[0].capacity_changes = {{400.0, 200.0}, {730.0, 215.0}};  // the second at the start of the last year
  spec.services[2].capacity_changes = {{500.0, 14.0}, {800.0, 15.0}};    // in the second year, then the last
  spec.costs.real_terms_growth_per_year = {0.02, 0.10, 0.10, 0.05, 0.0};
  spec.services[2].cost_per_bed_day = 97;
  return spec;
}

}  // namespace

TEST_CASE("a single year has that year's settings, capacity changes so far and grown unit costs", "[single-year]") {
  const auto spec = growing_area();
  const auto years = models::yearly_settings(spec);
  const auto one = models::single_year_scenario(spec, 2);
  CHECK(one.start_year == 2027);
  CHECK(one.years == 1);
  CHECK(one.warmup_days == 365.0);
  REQUIRE(one.yearly.size() == 1);
  CHECK(one.yearly[0].population == years[2].population);
  CHECK(one.yearly[0].length_of_stay_days[1].mean() == Approx(20.0));
  // Reablement: the change at day 730 comes after the year's own capacity.
  CHECK(one.yearly[0].capacity[0] == 215.0);
  CHECK(one.services[0].capacity_changes.empty());
  // Rehabilitation: the year's capacity, grown with demand.
  CHECK(one.yearly[0].capacity[1] == years[2].capacity[1]);
  // D2A: day 500's change was overridden by the last year's own capacity; day 800's is 70 days in.
  CHECK(one.yearly[0].capacity[2] == years[2].capacity[2]);
  REQUIRE(one.services[2].capacity_changes.size() == 1);
  CHECK(one.services[2].capacity_changes[0].day == 70.0);
  CHECK(one.services[2].capacity_changes[0].capacity == 15.0);
  // Unit costs two years on; they grow no further within the single year.
  CHECK(one.costs.acute_bed_day == Approx(345 * 1.02 * 1.02));
  CHECK(one.services[0].cost_per_care_hour == Approx(28 * 1.1 * 1.1));
  CHECK(one.services[1].cost_per_bed_day == Approx(150 * 1.1 * 1.1));
  CHECK(one.services[2].cost_per_bed_day == Approx(97 * 1.05 * 1.05));
  CHECK(one.costs.real_terms_growth_per_year.ic_beds == 0.0);

  // Year 1 starts at the year's own capacities; the changes within it are kept, from its start.
  const auto second = models::single_year_scenario(spec, 1);
  CHECK(second.yearly[0].capacity[0] == years[1].capacity[0]);
  REQUIRE(second.services[0].capacity_changes.size() == 1);
  CHECK(second.services[0].capacity_changes[0].day == 35.0);
  REQUIRE(second.services[2].capacity_changes.size() == 1);
  CHECK(second.services[2].capacity_changes[0].day == 135.0);
}

TEST_CASE("a single year's results agree with the same year of the full projection", "[single-year]") {
  const auto spec = growing_area();
  constexpr int kReplications = 10;
  const auto full = models::run_scenario(spec, kReplications, 11, 2);
  const auto one = models::run_scenario(models::single_year_scenario(spec, 2), kReplications, 11, 2);
  // Capacity is set, not sampled: the same to the last digit, changes and all.
  for (const auto& name : {"capacity_reablement", "capacity_rehab_beds", "capacity_d2a_beds"}) {
    const auto m = static_cast<std::size_t>(
        std::find_if(full.metrics.begin(), full.metrics.end(), [&](const auto& d) { return d.name == name; }) -
        full.metrics.begin());
    INFO(name);
    CHECK(one.values[m][0].mean == Approx(full.values[m][2].mean).epsilon(1e-9));
  }
  // Everything sampled: the two 95% intervals overlap. Costs would be 10-21%
  // apart without the real-terms growth, far beyond their intervals.
  for (Metric metric : {Metric::kAdmissions, Metric::kAcuteBedDays, Metric::kNctrBedDays, Metric::kIcBedDays,
                        Metric::kHomeIcCareHours, Metric::kShortTermCareBedDays, Metric::kMeanWaitDaysP1,
                        Metric::kMeanWaitDaysP2, Metric::kCostAcute, Metric::kCostIcBeds, Metric::kCostHomeIc,
                        Metric::kCostShortTermCare, Metric::kCostTotal}) {
    const auto& a = full[metric][2];
    const auto& b = one[metric][0];
    INFO(full.metrics[models::index(metric)].name << ": full run " << a.mean << " [" << a.low() << ", " << a.high()
                                                  << "], single year " << b.mean << " [" << b.low() << ", "
                                                  << b.high() << "]");
    CHECK(std::abs(a.mean - b.mean) <= (a.high() - a.mean) + (b.high() - b.mean));
  }
  // The check can fail: the same costs without two years' real-terms growth
  // would be outside the full run's interval.
  for (Metric metric : {Metric::kCostIcBeds, Metric::kCostHomeIc}) {
    const auto& a = full[metric][2];
    INFO(full.metrics[models::index(metric)].name);
    CHECK(one[metric][0].mean / (1.1 * 1.1) < a.low() - (one[metric][0].high() - one[metric][0].mean));
  }
}
