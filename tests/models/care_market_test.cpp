// The long-term care market after intermediate care: care homes and home
// care with capacity, queues and fees. A care home fed by Poisson starts is
// Erlang C's M/M/c; home care that is short keeps people in reablement; a
// market that never fills changes nothing in intermediate care.

#include <catch2/catch.hpp>

#include <algorithm>

#include <icsim/engine/confidence.hpp>
#include <icsim/engine/queueing_theory.hpp>
#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/keeping_up.hpp>
#include <icsim/models/metrics.hpp>

#include "small_area.hpp"

using namespace icsim;
using models::Destination;
using models::Market;

namespace {

using icsim::test::kReablement;

double metric(const models::ScenarioSpec& spec, const models::ReplicationResult& r, const std::string& name, int y) {
  const auto names = models::metric_definitions(spec);
  const auto it = std::find_if(names.begin(), names.end(), [&](const auto& d) { return d.name == name; });
  REQUIRE(it != names.end());
  return r.values[static_cast<std::size_t>(it - names.begin())][static_cast<std::size_t>(y)];
}

engine::Estimate across(const models::ScenarioSpec& spec, int replications, const std::string& name, int y) {
  std::vector<double> values;
  for (const auto& r : models::run_replications(spec, replications, 21, 2)) values.push_back(metric(spec, r, name, y));
  return engine::estimate(values, 0.99);
}

models::ServiceSpec home_care(double packages) {
  models::ServiceSpec s;
  s.name = "dom_care";
  s.kind = models::ServiceKind::kHomeBased;
  s.market = Market::kHomeCare;
  s.capacity = packages;
  s.length_of_stay_days = engine::Distribution(engine::LogNormal{180.0, 120.0});
  s.outcomes = {{Destination::kHomeIndependent, 1.0}};  // a package that ends: no feedback into hospital
  s.cost_per_care_hour = 60.0;                          // a package day
  return s;
}

// The small area with its home_with_care outcomes served by a home-care market.
models::ScenarioSpec with_home_care(double packages) {
  auto spec = test::small_area();
  spec.services.push_back(home_care(packages));
  spec.market_routes[0] = {{3}};
  return spec;
}

}  // namespace

TEST_CASE("a care home fed by Poisson starts with a fixed number of beds matches Erlang C", "[market][verification]") {
  // 20 beds, exponential stays of 20 days, 0.8 starts a day: offered load 16.
  // (Care-home stays are far longer; shorter ones give more independent
  // stays in a year, so a tight check.)
  auto spec = test::small_area();
  spec.years = 2;
  spec.warmup_days = 400;
  models::ServiceSpec beds;
  beds.name = "care_home_beds";
  beds.kind = models::ServiceKind::kBedBased;
  beds.market = Market::kCareHomeResidential;
  beds.capacity = 20;
  beds.length_of_stay_days = engine::Distribution(engine::Exponential{20.0});
  beds.outcomes = {{Destination::kDeath, 1.0}};
  beds.community_starts_per_week = 0.8 * 7.0;
  spec.services.push_back(beds);
  const double load = 0.8 * 20.0;
  const auto waited = across(spec, 30, "waited_pct_care_home_beds", 1);
  INFO("waited " << waited.mean << " [" << waited.low() << ", " << waited.high() << "], Erlang C "
                 << 100.0 * engine::erlang_c(20, load));
  CHECK(waited.contains(100.0 * engine::erlang_c(20, load)));
  CHECK(waited.half_width < 10.0);
  const auto wait = across(spec, 20, "wait_days_care_home_beds", 1);
  INFO("wait " << wait.mean << " [" << wait.low() << ", " << wait.high() << "], Erlang C "
               << engine::mmc_mean_wait(20, 0.8, 1.0 / 20.0));
  CHECK(wait.contains(engine::mmc_mean_wait(20, 0.8, 1.0 / 20.0)));
  const auto occupancy = across(spec, 20, "occupancy_care_home_beds", 1);
  INFO("occupancy " << occupancy.mean << " [" << occupancy.low() << ", " << occupancy.high() << "]");
  CHECK(occupancy.contains(load));
}

TEST_CASE("a home-care market that never fills leaves intermediate care as it was", "[market]") {
  const auto before = models::run_replication(test::small_area(), 5, 0);
  const auto spec = with_home_care(1e6);
  const auto after = models::run_replication(spec, 5, 0);
  for (const auto m : {models::Metric::kAdmissions, models::Metric::kNctrBedDays, models::Metric::kMeanWaitDaysP1,
                       models::Metric::kHomeIcCareHours, models::Metric::kIcEpisodes, models::Metric::kAtHome91dPct,
                       models::Metric::kCareHomeAdmissions65PlusPer100k, models::Metric::kCostIntermediateCare})
    CHECK(after.values[index(m)] == before.values[index(m)]);
  CHECK(metric(spec, after, "long_term_home_care_hours", 1) > 0.0);
  CHECK(metric(spec, after, "ic_days_waiting_for_long_term_care", 1) == 0.0);
  CHECK(metric(spec, after, "cost_long_term_care", 1) ==
        Approx(metric(spec, after, "occupancy_dom_care", 1) * 365.0 * 60.0));
}

TEST_CASE("with long-term home care cut, people stay in reablement: its throughput falls and its wait rises",
          "[market]") {
  const auto plenty = with_home_care(400), short_of = with_home_care(40);
  const auto episodes = [&](const models::ScenarioSpec& s) { return across(s, 6, "ic_episodes", 1); };
  const auto wait = [&](const models::ScenarioSpec& s) { return across(s, 6, "wait_days_reablement", 1); };
  const auto stuck = [&](const models::ScenarioSpec& s) { return across(s, 6, "ic_days_waiting_for_long_term_care", 1); };
  INFO("episodes " << episodes(plenty).mean << " -> " << episodes(short_of).mean << "; reablement wait "
                   << wait(plenty).mean << " -> " << wait(short_of).mean << "; days stuck " << stuck(plenty).mean
                   << " -> " << stuck(short_of).mean);
  CHECK(episodes(short_of).high() < episodes(plenty).low());
  CHECK(wait(short_of).low() > wait(plenty).high());
  CHECK(stuck(short_of).low() > stuck(plenty).high());
}

TEST_CASE("over-prescription: with reablement full, a share of pathway 1 goes straight to a long-term package",
          "[market]") {
  auto spec = with_home_care(1e6);
  spec.services[kReablement].capacity = 120;  // short: people wait for it
  const auto none = across(spec, 4, "over_prescribed_packages", 1);
  CHECK(none.mean == 0.0);
  spec.over_prescription_share = 0.5;
  const auto some = across(spec, 4, "over_prescribed_packages", 1);
  CHECK(some.low() > 50.0);
  auto plenty = spec;
  plenty.services[kReablement].capacity = 2000;  // never full: nobody is over-prescribed
  CHECK(across(plenty, 4, "over_prescribed_packages", 1).mean == 0.0);
}

TEST_CASE("a service that cannot keep up is named, with why; one that keeps up is not", "[market][keeping-up]") {
  auto spec = with_home_care(1e6);
  spec.years = 3;
  spec.services[kReablement].capacity = 400;  // the small area's own are short (and are named)
  spec.services[1].capacity = 60;
  spec.services[2].capacity = 30;
  const auto fine = models::run_scenario(spec, 3, 5, 2);
  for (const auto& b : models::services_falling_behind(spec, fine)) FAIL_CHECK(b.service << ": " << b.why);
  auto short_of = with_home_care(40);  // packages nobody can leave for: reablement backs up
  short_of.years = 3;
  const auto behind = models::services_falling_behind(short_of, models::run_scenario(short_of, 3, 5, 2));
  REQUIRE(!behind.empty());
  CHECK(std::any_of(behind.begin(), behind.end(), [](const auto& b) { return b.service == "dom_care"; }));
}
