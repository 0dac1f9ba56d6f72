// The capacity planner against answers known without it: Erlang C for one
// bed base, and a brute-force grid for two services.

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include <icsim/engine/queueing_theory.hpp>
#include <icsim/models/capacity_planner.hpp>
#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/metrics.hpp>

using namespace icsim;

namespace {

models::ServiceSpec service(const char* name, models::ServiceKind kind, double capacity, engine::Distribution stay) {
  models::ServiceSpec s;
  s.name = name;
  s.kind = kind;
  s.capacity = capacity;
  s.length_of_stay_days = std::move(stay);
  s.outcomes = {{models::Destination::kHomeIndependent, 1.0}};
  return s;
}

// Poisson referrals at `per_day`, straight to pathways P1 and P2 in the given shares.
models::ScenarioSpec referrals(double per_day, double p1_share, int years) {
  models::ScenarioSpec s;
  s.name = "planner test";
  s.years = years;
  s.warmup_days = 200;
  models::AgeBandSpec band;
  band.name = "65+";
  band.aged_65_plus = true;
  band.population = 100000;
  band.admissions_per_1000_per_year = per_day * 365.0 / 100.0;
  band.pathway_split = {0.0, p1_share, 1.0 - p1_share, 0.0};
  band.time_to_nctr_days = engine::Distribution(engine::Fixed{0.0});
  s.age_bands.push_back(band);
  s.triage_days = engine::Distribution(engine::Fixed{0.0});
  s.costs.acute_bed_day = 345;
  return s;
}

}  // namespace

TEST_CASE("one bed base: the planner's answer is Erlang C's", "[planner][verification]") {
  // 2 referrals a day, exponential stays of 4 days: offered load 8 beds. The
  // smallest bed base that keeps the probability of waiting at or under 20%
  // is 12 (C(11, 8) = 24.5%, C(12, 8) = 14.0%).
  auto spec = referrals(2.0, 0.0, 10);
  spec.services.push_back(service("beds", models::ServiceKind::kBedBased, 10, engine::Distribution(engine::Exponential{4.0})));
  spec.pathway_routes = {models::Routes{}, {}, {{0}}, {}};
  int erlang = 9;  // Erlang C needs more beds than the offered load
  while (engine::erlang_c(erlang, 8.0) > 0.20) ++erlang;
  REQUIRE(erlang == 12);

  models::PlanSpec plan;
  plan.services = {{0U, 8.0, 20.0, 1.0, 50000.0, 0.0}};
  plan.target.metric = "waited_pct_beds";
  plan.target.at_most = 20.0;
  plan.years = {9};
  plan.screen_replications = 4;
  plan.confirm_replications = 10;
  const auto plans = models::plan_capacity(spec, plan, 5, 2);
  REQUIRE(plans.size() == 1);
  INFO(plans[0].confidence);
  CHECK(plans[0].target_met);
  CHECK(plans[0].recommended.capacity[0] == erlang);
  CHECK(plans[0].recommended.metric.mean == Approx(100.0 * engine::erlang_c(12, 8.0)).margin(3.0));
  REQUIRE(plans[0].trade_off.size() == 1);
  CHECK(plans[0].trade_off[0].size() >= 7);
}

TEST_CASE("two services: the planner finds the brute-force optimum of the grid", "[planner][verification]") {
  // Reablement packages (P1) and rehabilitation beds (P2), target: at most
  // 0.5 NCTR days per discharge, at least capacity cost.
  auto spec = referrals(3.0, 0.75, 2);
  spec.services.push_back(service("reablement", models::ServiceKind::kHomeBased, 40,
                                  engine::Distribution(engine::LogNormal{14.0, 8.0})));
  spec.services.push_back(service("rehab_beds", models::ServiceKind::kBedBased, 20,
                                  engine::Distribution(engine::LogNormal{10.0, 6.0})));
  spec.pathway_routes = {models::Routes{}, {{0}}, {{1}}, {}};

  models::PlanSpec plan;
  plan.services = {{0U, 28.0, 44.0, 2.0, 20000.0, 0.0}, {1U, 6.0, 16.0, 1.0, 60000.0, 0.0}};
  plan.target.metric = "mean_nctr_days_per_discharge";
  plan.target.at_most = 0.5;
  plan.years = {1};
  plan.screen_replications = 6;
  plan.confirm_replications = 6;
  const auto plans = models::plan_capacity(spec, plan, 9, 2);
  REQUIRE(plans.size() == 1);
  INFO(plans[0].confidence);

  // Brute force over the whole grid with the same seed and replications and
  // the same rule: the cheapest whose one-sided 95% upper bound meets the target.
  // The grid runs the whole projection; the planner, the planned year on its own.
  const std::size_t metric = models::index(models::Metric::kMeanNctrDaysPerDischarge);
  const double t = engine::student_t_quantile(0.90, plan.confirm_replications - 1);
  double best_cost = std::numeric_limits<double>::infinity();
  std::vector<double> best;
  for (double packages = 28; packages <= 44; packages += 2) {
    for (double beds = 6; beds <= 16; beds += 1) {
      auto run = spec;
      run.yearly = models::yearly_settings(spec);
      for (auto& y : run.yearly) y.capacity = {packages, beds};
      std::vector<double> values;
      for (const auto& r : models::run_replications(run, plan.confirm_replications, 9, 2)) values.push_back(r.values[metric][1]);
      const auto e = engine::estimate(values);
      const double cost = packages * 20000.0 + beds * 60000.0;
      if (e.mean + t * e.sd / std::sqrt(plan.confirm_replications) <= 0.5 && cost < best_cost) {
        best_cost = cost;
        best = {packages, beds};
      }
    }
  }
  REQUIRE(!best.empty());
  CHECK(plans[0].target_met);
  CHECK(plans[0].recommended.capacity == best);
  CHECK(plans[0].recommended.capacity_cost == Approx(best_cost));
}

TEST_CASE("minimising total cost stops where more capacity costs more than the delay it saves", "[planner]") {
  auto spec = referrals(2.0, 0.0, 3);
  spec.services.push_back(service("beds", models::ServiceKind::kBedBased, 10, engine::Distribution(engine::Exponential{4.0})));
  spec.pathway_routes = {models::Routes{}, {}, {{0}}, {}};
  models::PlanSpec plan;
  plan.services = {{0U, 8.0, 20.0, 1.0, 100.0 * 365.0, 0.0}};  // a bed costs £100 a day
  plan.target.minimise_cost = true;
  plan.target.cost_per_nctr_day = 345.0;                      // a delayed acute day £345
  plan.years = {2};
  plan.screen_replications = 4;
  plan.confirm_replications = 8;
  const auto plans = models::plan_capacity(spec, plan, 3, 2);
  const auto& chosen = plans[0].recommended;
  // Neither one bed fewer nor one more is cheaper in total, on average.
  for (const auto& other : plans[0].confirmed) CHECK(chosen.total_cost() <= other.total_cost() + 1e-6);
  CHECK(chosen.capacity[0] > 8.0);
  CHECK(chosen.capacity[0] < 20.0);
  CHECK(plans[0].false_economy_capacity[0] >= chosen.capacity[0] - 1.0);
  CHECK(plans[0].false_economy_capacity[0] <= chosen.capacity[0] + 2.0);
}

TEST_CASE("the plan's unit costs grow in real terms like the scenario's", "[planner]") {
  auto spec = referrals(2.0, 0.0, 3);
  spec.services.push_back(service("beds", models::ServiceKind::kBedBased, 10, engine::Distribution(engine::Exponential{4.0})));
  spec.pathway_routes = {models::Routes{}, {}, {{0}}, {}};
  spec.costs.real_terms_growth_per_year.ic_beds = 0.05;
  spec.costs.real_terms_growth_per_year.acute = 0.02;
  models::PlanSpec plan;
  plan.services = {{0U, 8.0, 20.0, 1.0, 100.0 * 365.0, 0.0}};
  plan.target.minimise_cost = true;
  plan.target.cost_per_nctr_day = 345.0;
  plan.years = {0, 2};
  plan.screen_replications = 3;
  plan.confirm_replications = 4;
  const auto plans = models::plan_capacity(spec, plan, 3, 2);
  for (const auto& year : plans) {
    const double growth = year.year == 0 ? 1.0 : 1.05 * 1.05;
    const auto& r = year.recommended;
    CHECK(r.capacity_cost == Approx(r.capacity[0] * 100.0 * 365.0 * growth));
    const double acute = year.year == 0 ? 1.0 : 1.02 * 1.02;
    CHECK(r.delay_cost.mean == Approx(r.metric.mean * 345.0 * acute));  // the metric is NCTR bed days here
  }
}
