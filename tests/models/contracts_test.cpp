// What the area pays: block contracts pay for capacity whatever its use,
// from the date it changes; spot purchases pay for use; block and spot pay
// the block and the use above it. The planner prices capacity the same way.

#include <catch2/catch.hpp>

#include <algorithm>

#include <icsim/models/capacity_planner.hpp>
#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/metrics.hpp>

#include "small_area.hpp"

using namespace icsim;
using models::ContractSpec;

namespace {

// A metric's value in replication 0, year y.
double value(const models::ScenarioSpec& spec, const models::ReplicationResult& r, const std::string& name, int y) {
  const auto names = models::metric_definitions(spec);
  const auto it = std::find_if(names.begin(), names.end(), [&](const auto& d) { return d.name == name; });
  REQUIRE(it != names.end());
  return r.values[static_cast<std::size_t>(it - names.begin())][static_cast<std::size_t>(y)];
}

using icsim::test::kReablement, icsim::test::kRehabBeds, icsim::test::kD2aBeds;

}  // namespace

TEST_CASE("a block contract costs capacity x price x days, whatever its use, from the date capacity changes",
          "[contracts]") {
  auto spec = test::small_area();
  spec.services[kRehabBeds].contract.kind = ContractSpec::Kind::kBlock;
  spec.services[kRehabBeds].capacity_changes = {{200.0, 40.0}};  // 30 beds for 200 days, then 40
  const double first_year = (30.0 * 200.0 + 40.0 * 165.0) * 150.0, second_year = 40.0 * 365.0 * 150.0;
  for (const double admissions_factor : {1.0, 0.4}) {  // busy, then mostly empty
    auto run = spec;
    for (auto& band : run.age_bands) band.admissions_per_1000_per_year *= admissions_factor;
    const auto r = models::run_replication(run, 3, 0);
    CHECK(value(run, r, "cost_rehab_beds", 0) == Approx(first_year).epsilon(1e-12));
    CHECK(value(run, r, "cost_rehab_beds", 1) == Approx(second_year).epsilon(1e-12));
    for (int y = 0; y < 2; ++y) {
      const double used = value(run, r, "occupancy_rehab_beds", y) * 365.0;
      CHECK(value(run, r, "idle_cost_rehab_beds", y) ==
            Approx(value(run, r, "cost_rehab_beds", y) - used * 150.0).epsilon(1e-9));
    }
    if (admissions_factor < 1.0) CHECK(value(run, r, "idle_cost_rehab_beds", 1) > 0.3 * second_year);
  }
}

TEST_CASE("a spot purchase costs its use x price and nothing for capacity left idle", "[contracts]") {
  const auto spec = test::small_area();
  const auto r = models::run_replication(spec, 3, 0);
  for (int y = 0; y < 2; ++y) {
    CHECK(value(spec, r, "cost_reablement", y) == Approx(value(spec, r, "home_ic_care_hours", y) * 28.0));
    CHECK(value(spec, r, "cost_rehab_beds", y) == Approx(value(spec, r, "occupancy_rehab_beds", y) * 365.0 * 150.0));
    CHECK(value(spec, r, "idle_cost_rehab_beds", y) == 0.0);
    CHECK(value(spec, r, "idle_cost", y) == 0.0);
  }
}

TEST_CASE("block and spot: the block paid whatever its use, the use above it at the spot price", "[contracts]") {
  auto spec = test::small_area();
  auto& d2a = spec.services[kD2aBeds];
  d2a.contract = {ContractSpec::Kind::kBlockAndSpot, 8.0, 200.0};
  const auto cost_with_block = [&](double block) {
    auto run = spec;
    run.services[kD2aBeds].contract.block = block;
    const auto r = models::run_replication(run, 4, 0);
    return std::tuple{value(run, r, "cost_d2a_beds", 1), value(run, r, "idle_cost_d2a_beds", 1),
                      value(run, r, "occupancy_d2a_beds", 1) * 365.0};
  };
  const auto [cost, idle, used] = cost_with_block(8.0);
  const double block = 8.0 * 365.0 * 150.0;
  const double above = (cost - block) / 200.0;  // bed days bought spot
  CHECK(above > 0.0);
  CHECK(above < used);
  CHECK(idle == Approx((8.0 * 365.0 - (used - above)) * 150.0).margin(1e-6));
  // No block: all spot. A block of the whole capacity: a block contract.
  const auto [spot_cost, spot_idle, spot_used] = cost_with_block(0.0);
  CHECK(spot_cost == Approx(spot_used * 200.0));
  CHECK(spot_idle == 0.0);
  const auto [block_cost, block_idle, block_used] = cost_with_block(12.0);
  CHECK(block_cost == Approx(12.0 * 365.0 * 150.0));
  CHECK(block_idle == Approx((12.0 * 365.0 - block_used) * 150.0));
}

TEST_CASE("the total is everything the area pays, split between health and social care", "[contracts]") {
  auto spec = test::small_area();
  spec.services[kRehabBeds].contract.kind = ContractSpec::Kind::kBlock;
  spec.services[kReablement].funder = models::Funder::kSocialCare;
  spec.services[kD2aBeds].funder = models::Funder::kSocialCare;
  spec.long_term_care.residential_stay_days = engine::Distribution(engine::Fixed{344.0});
  spec.long_term_care.nursing_stay_days = engine::Distribution(engine::Fixed{147.0});
  spec.costs.care_home_placement_per_week = 800.0;
  spec.costs.budget = models::BudgetSpec{"IC budget", {2e6, 2e6}, false, true, false, false};
  const auto r = models::run_replication(spec, 5, 0);
  for (int y = 0; y < 2; ++y) {
    const double acute = value(spec, r, "cost_acute", y), ic_beds = value(spec, r, "cost_ic_beds", y),
                 home = value(spec, r, "cost_home_ic", y), short_term = value(spec, r, "cost_short_term_care", y),
                 long_term = value(spec, r, "cost_long_term_care", y);
    CHECK(long_term > 0.0);
    CHECK(value(spec, r, "cost_total", y) == Approx(acute + ic_beds + home + short_term + long_term));
    CHECK(value(spec, r, "cost_social_care", y) == Approx(home + short_term + long_term));
    CHECK(value(spec, r, "cost_health", y) == Approx(acute + ic_beds));
    CHECK(value(spec, r, "idle_cost", y) == Approx(value(spec, r, "idle_cost_rehab_beds", y)));
    CHECK(value(spec, r, "budget", y) == 2e6);
    CHECK(value(spec, r, "budget_spent_pct", y) == Approx(100.0 * (ic_beds + home) / 2e6));
  }
}

TEST_CASE("the planner prices capacity by the scenario's contract, as a run does", "[contracts][planner]") {
  auto spec = test::small_area();
  spec.years = 1;
  spec.services[kRehabBeds].contract.kind = ContractSpec::Kind::kBlock;
  spec.services[kRehabBeds].cost_per_bed_day = 174.0;
  models::PlanSpec plan;
  models::PlannedService beds{kRehabBeds, 26.0, 40.0, 2.0, 174.0 * 365.0, 0.0};
  beds.price_from_plan = false;
  plan.services = {beds};
  plan.target.metric = "mean_wait_days_p2";
  plan.target.at_most = 3.0;
  plan.years = {0};
  plan.screen_replications = 2;
  plan.confirm_replications = 3;
  const auto plans = models::plan_capacity(spec, plan, 7, 2);
  REQUIRE(plans.size() == 1);
  for (const auto& point : plans[0].confirmed) CHECK(point.capacity_cost == Approx(point.capacity[0] * 174.0 * 365.0));
}
