#include <catch2/catch.hpp>

#include <icsim/models/projection.hpp>

#include "small_area.hpp"

using namespace icsim;
using models::CapacityPolicy;
using models::ChangeSpec;
using models::GrowthSpec;

namespace {
models::ScenarioSpec ten_years() {
  auto spec = test::small_area();
  spec.years = 10;
  spec.start_year = 2020;
  return spec;
}
}  // namespace

TEST_CASE("a change phased over four years goes a quarter of the way each year", "[projection]") {
  ChangeSpec change;
  change.from_year = 2021;
  change.phase_in_years = 4;
  CHECK(models::phase_fraction(change, 2020) == 0.0);
  CHECK(models::phase_fraction(change, 2021) == 0.25);
  CHECK(models::phase_fraction(change, 2023) == 0.75);
  CHECK(models::phase_fraction(change, 2024) == 1.0);
  CHECK(models::phase_fraction(change, 2029) == 1.0);
  change.phase_in_years = 0;
  CHECK(models::phase_fraction(change, 2021) == 1.0);
}

TEST_CASE("population growth and rate multipliers reach each year's demand", "[projection]") {
  const auto spec = ten_years();
  GrowthSpec growth;
  for (int y = 0; y < 10; ++y) {
    std::vector<double> population;
    for (const auto& band : spec.age_bands) population.push_back(band.population * (1.0 + 0.03 * y));
    growth.population.push_back(population);
    growth.admission_rate_multiplier.push_back(1.0 - 0.01 * y);
  }
  const auto years = models::project_years(spec, growth, CapacityPolicy::kFixed, {});
  REQUIRE(years.size() == 10);
  CHECK(years[9].population[3] == Approx(3000.0 * 1.27));
  CHECK(years[9].admissions_per_1000_per_year[3] == Approx(500.0 * 0.91));
  CHECK(years[9].capacity == years[0].capacity);
}

TEST_CASE("managing growth: each service's capacity follows the demand for it", "[projection]") {
  const auto spec = ten_years();
  GrowthSpec growth;
  for (int y = 0; y < 10; ++y) {
    std::vector<double> population;
    // Only the over-85s grow: they dominate P3, less so P1.
    for (const auto& band : spec.age_bands) population.push_back(band.population * (band.name == "85+" ? 1.0 + 0.1 * y : 1.0));
    growth.population.push_back(population);
  }
  const auto years = models::project_years(spec, growth, CapacityPolicy::kGrowWithDemand, {});
  auto p3_demand = [&](double growth_85) {
    return 60000 * 60 * 0.005 + 12000 * 150 * 0.01 + 8000 * 280 * 0.02 + 3000 * growth_85 * 500 * 0.04;
  };
  CHECK(years[9].capacity[2] == Approx(12.0 * p3_demand(1.9) / p3_demand(1.0)));
  CHECK(years[9].capacity[2] / years[0].capacity[2] > years[9].capacity[0] / years[0].capacity[0]);
}

TEST_CASE("a phased change moves capacity, splits, stays and triage part of the way", "[projection]") {
  const auto spec = ten_years();
  ChangeSpec change;
  change.from_year = 2021;
  change.phase_in_years = 4;
  change.capacity = {std::nullopt, 50.0, std::nullopt};
  change.length_of_stay_days = {engine::Distribution(engine::LogNormal{13.0, 8.0}), std::nullopt, std::nullopt};
  change.pathway_split = {std::nullopt, std::nullopt, std::nullopt, std::array<double, 4>{0.6, 0.36, 0.03, 0.01}};
  change.triage_days = engine::Distribution(engine::Fixed{0.5});
  change.discharge_days_per_week = 5;
  const auto years = models::project_years(spec, {}, CapacityPolicy::kFixed, {change});
  CHECK(years[0].capacity[1] == 30.0);
  CHECK(years[1].capacity[1] == Approx(35.0));
  CHECK(years[4].capacity[1] == Approx(50.0));
  CHECK(years[9].capacity[1] == Approx(50.0));
  CHECK(years[2].length_of_stay_days[0].mean() == Approx(21.0 - 0.5 * 8.0));
  CHECK(years[2].pathway_split[3][0] == Approx(0.5));
  CHECK(years[1].triage_days.mean() == Approx(0.875));
  CHECK(years[1].discharge_days_per_week == 7);
  CHECK(years[2].discharge_days_per_week == 5);
}

TEST_CASE("distributions of different families switch when the change completes", "[projection]") {
  const engine::Distribution a(engine::Exponential{10.0}), b(engine::Fixed{3.0});
  CHECK(models::blend(a, b, 0.5).mean() == 10.0);
  CHECK(models::blend(a, b, 1.0).mean() == 3.0);
}
