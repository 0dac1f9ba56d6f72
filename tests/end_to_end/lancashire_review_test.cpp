// The Lancashire intermediate care review's ten-year projection (seed 002,
// DESIGN.md "The reference projection"), reproduced by the shipped scenarios
// at reduced replications: each headline percentage within 5 points.

#include <catch2/catch.hpp>

#include <string>

#include <icsim/models/comparison.hpp>
#include <icsim/scenario/load.hpp>

using namespace icsim;

namespace {

const models::MetricComparison& find(const models::Comparison& c, const std::string& name) {
  for (const auto& m : c.metrics)
    if (m.name == name) return m;
  FAIL("no metric " << name);
  return c.metrics.front();
}

void check_percent(const char* what, const engine::Estimate& simulated, double source) {
  INFO(what << ": icsim " << simulated.mean << "% (±" << simulated.half_width << "), the review " << source << "%");
  CHECK(simulated.mean == Approx(source).margin(5.0));
}

}  // namespace

TEST_CASE("the Lancashire scenarios reproduce the review's headline percentages", "[end_to_end][lancashire]") {
  const std::string dir = std::string(ICSIM_SOURCE_DIR) + "/scenarios/lancashire/";
  const auto current = scenario::load_scenario(dir + "current-model.yaml");
  const auto future = scenario::load_scenario(dir + "new-model.yaml");
  REQUIRE(current.years == 11);  // 2020 and ten years on
  const int replications = 4;
  const auto a = models::run_replications(current, replications, current.seed, 2);
  const auto b = models::run_replications(future, replications, current.seed, 2);
  const auto c = models::compare(current, a, future, b);

  // Managing growth under the existing model, 2030 against 2020.
  check_percent("demographic demand (IC episodes)", find(c, "ic_episodes").change_a_pct, 26.0);
  check_percent("intermediate care cost", find(c, "cost_intermediate_care").change_a_pct, 66.0);
  check_percent("acute cost", find(c, "cost_acute").change_a_pct, 14.0);
  check_percent("short-term care beds cost", find(c, "cost_short_term_care").change_a_pct, 55.0);

  // The new model, four-year phase-in.
  check_percent("new model: intermediate care cost", find(c, "cost_intermediate_care").change_b_pct, 78.0);
  check_percent("new model: acute cost in 2030 against today", find(c, "cost_acute").change_b_pct, -10.0);
  check_percent("new model: acute bed days against the existing model",
                find(c, "acute_bed_days").last_year_difference_pct, -23.0);
  check_percent("new model: short-term care beds against the existing model",
                find(c, "short_term_care_bed_days").last_year_difference_pct, -45.0);
  check_percent("new model: intermediate care beds", find(c, "capacity_ic_beds").change_b_pct, 23.0);
  check_percent("new model: home-based staff (care hours)", find(c, "capacity_home_based_ic").change_b_pct, 123.0);

  // The shift is real: more step-up, fewer delays, no worse outcomes.
  const auto& step_up = find(c, "step_up_diversions");
  CHECK(step_up.b.back().mean > 1.5 * step_up.a.back().mean);
  CHECK(find(c, "nctr_bed_days").difference.back().high() < 0.0);
  CHECK(find(c, "at_home_91d_pct").b.back().mean > 75.0);
}
