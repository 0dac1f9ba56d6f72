// Numbers that must not mislead: a queue nobody leaves shows its waits, no
// interval of a wait or a count goes below 0, and a step-up service that
// turns people away counts them.

#include <catch2/catch.hpp>

#include <icsim/models/intermediate_care_model.hpp>

#include "small_area.hpp"

using namespace icsim;

namespace {

const engine::Estimate& value(const models::ScenarioSummary& s, const std::string& name, std::size_t year) {
  for (std::size_t m = 0; m < s.metrics.size(); ++m)
    if (s.metrics[m].name == name) return s.values[m][year];
  FAIL("no metric " << name);
  return s.values[0][0];
}

}  // namespace

TEST_CASE("with no capacity, the people still waiting show their waits", "[honest]") {
  auto spec = test::small_area();
  spec.services[1].capacity = 0.0;  // rehab beds: nobody ever gets one
  const auto summary = models::run_scenario(spec, 3, 1, 1);
  // Everyone referred waits from their referral to the year's end: about
  // half a year on average in the first projected year (more, as the warm-up's
  // referrals still wait too), and longer each year.
  const double first = value(summary, "wait_days_rehab_beds", 0).mean;
  const double second = value(summary, "wait_days_rehab_beds", 1).mean;
  CHECK(first > 300.0);
  CHECK(second > first + 100.0);
  CHECK(value(summary, "mean_wait_days_p2", 0).mean == Approx(first).epsilon(0.05));
}

TEST_CASE("no interval of a quantity that cannot be negative goes below 0", "[honest]") {
  auto spec = test::small_area();
  spec.services[1].capacity = 60.0;  // ample: the wait is nearly always 0, now and then a little more
  const auto summary = models::run_scenario(spec, 4, 1, 1);
  for (std::size_t m = 0; m < summary.metrics.size(); ++m)
    for (const auto& e : summary.values[m]) {
      CAPTURE(summary.metrics[m].name);
      CHECK(e.low() >= 0.0);
      CHECK(e.low() <= e.mean);
    }
}

TEST_CASE("a step-up service that has no place counts the people it turns away", "[honest]") {
  auto spec = test::small_area();
  for (auto& band : spec.age_bands) band.step_up_share = 0.2;
  spec.step_up_routes = {{0}};
  spec.step_up_max_wait_hours = 0.0;
  spec.services[0].capacity = 20.0;  // reablement nearly always full
  const auto full = models::run_scenario(spec, 2, 1, 1);
  CHECK(value(full, "step_up_refused", 0).mean > 100.0);
  spec.services[0].capacity = 5000.0;  // always a place
  const auto ample = models::run_scenario(spec, 2, 1, 1);
  CHECK(value(ample, "step_up_refused", 0).mean == 0.0);
  CHECK(value(ample, "step_up_diversions", 0).mean > value(full, "step_up_diversions", 0).mean);
}
