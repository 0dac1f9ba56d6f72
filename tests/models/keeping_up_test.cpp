// Whether a service keeps up: the load offered to it from the scenario alone
// (worked out by hand for the small area), and the warnings from the
// scenario and from a run, which name the service, the year and how many
// times its capacity is asked of it, and never a service that keeps up.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/keeping_up.hpp>
#include <icsim/models/offered_load.hpp>

#include "small_area.hpp"

using namespace icsim;
using Catch::Matchers::WithinRel;
using models::Destination;

namespace {

using icsim::test::kReablement, icsim::test::kRehabBeds, icsim::test::kD2aBeds;

// The small area's referrals a year by pathway: sum over bands of
// population x admissions per 1,000 / 1,000 x the band's pathway share.
constexpr double kP1PerYear = 60.0 * 60 * 0.13 + 12.0 * 150 * 0.35 + 8.0 * 280 * 0.43 + 3.0 * 500 * 0.48;  // 2,781.2
constexpr double kP2PerYear = 60.0 * 60 * 0.015 + 12.0 * 150 * 0.04 + 8.0 * 280 * 0.05 + 3.0 * 500 * 0.08;  // 358
constexpr double kP3PerYear = 60.0 * 60 * 0.005 + 12.0 * 150 * 0.01 + 8.0 * 280 * 0.02 + 3.0 * 500 * 0.04;  // 140.8

}  // namespace

TEST_CASE("the load offered to each service is its referrals a day x the capacity a stay takes", "[keeping-up]") {
  auto spec = test::small_area();
  const auto loads = models::offered_loads(spec);
  REQUIRE(loads.size() == 2);
  REQUIRE(loads[0].size() == 3);
  const double p2 = kP2PerYear / 365.0;
  CHECK_THAT(loads[0][kRehabBeds].referrals_per_day, WithinRel(p2, 1e-9));
  CHECK_THAT(loads[0][kRehabBeds].offered, WithinRel(p2 * 28.0, 1e-9));
  CHECK(loads[0][kRehabBeds].capacity == 30.0);
  // Reablement: pathway 1 and the quarter of rehab's patients stepped down to it.
  CHECK_THAT(loads[0][kReablement].referrals_per_day, WithinRel(kP1PerYear / 365.0 + 0.25 * p2, 1e-9));
  CHECK_THAT(loads[0][kD2aBeds].offered, WithinRel(kP3PerYear / 365.0 * 28.0, 1e-9));
  CHECK_THAT(loads[0][kRehabBeds].times_capacity(), WithinRel(p2 * 28.0 / 30.0, 1e-9));
  // 30 beds, 27.5 asked: the queue does not grow.
  CHECK(loads[0][kRehabBeds].queue_growth_per_day() < 0.0);

  SECTION("a capacity change within a year counts for the part of the year it is in force") {
    spec.services[kRehabBeds].capacity_changes = {{365.0 + 73.0, 20.0}};  // a fifth of the way into 2026
    const auto changed = models::offered_loads(spec);
    CHECK(changed[0][kRehabBeds].capacity == 30.0);
    CHECK_THAT(changed[1][kRehabBeds].capacity, WithinRel(0.2 * 30.0 + 0.8 * 20.0, 1e-9));
  }
  SECTION("care hours: heavier hours for the intensive days, lighter after") {
    auto& reablement = spec.services[kReablement];
    reablement.capacity_in_care_hours = true;
    reablement.package_hours_per_day_start = 2.0;
    reablement.package_hours_per_day_after = 1.2;
    reablement.package_intensive_days = 7.0;
    CHECK_THAT(models::unit_days_per_person(reablement, engine::Distribution(engine::Fixed{21.0})),
               WithinRel(2.0 * 7 + 1.2 * 14, 1e-12));
    // Exponential stays: E[min(stay, 7)] = 21 (1 - e^(-7/21)).
    const double intensive = 21.0 * (1.0 - std::exp(-7.0 / 21.0));
    CHECK_THAT(models::unit_days_per_person(reablement, engine::Distribution(engine::Exponential{21.0})),
               WithinRel(2.0 * intensive + 1.2 * (21.0 - intensive), 0.01));
    // A stay shorter than the intensive days is all at the start's hours.
    CHECK_THAT(models::unit_days_per_person(reablement, engine::Distribution(engine::Fixed{5.0})),
               WithinRel(10.0, 1e-12));
  }
  SECTION("the care market: people sent on by outcomes, and its community starts") {
    models::ServiceSpec home_care;
    home_care.name = "dom_care";
    home_care.kind = models::ServiceKind::kHomeBased;
    home_care.market = models::Market::kHomeCare;
    home_care.capacity = 300;
    home_care.length_of_stay_days = engine::Distribution(engine::Fixed{180.0});
    home_care.outcomes = {{Destination::kDeath, 1.0}};
    home_care.community_starts_per_week = 7.0;  // one a day
    spec.services.push_back(home_care);
    spec.market_routes[0] = {{3}};  // home_with_care -> dom_care
    const auto market = models::offered_loads(spec);
    // Reablement sends 19% home with care; rehab and D2A none there but D2A's 20%.
    const double from_ic = 0.19 * (kP1PerYear / 365.0 + 0.25 * kP2PerYear / 365.0) + 0.2 * kP3PerYear / 365.0;
    CHECK_THAT(market[0][3].referrals_per_day, WithinRel(from_ic + 1.0, 1e-9));
    CHECK_THAT(market[0][3].offered, WithinRel((from_ic + 1.0) * 180.0, 1e-9));
  }
}

TEST_CASE("validate's check names a service offered more than its capacity, from the first such year",
          "[keeping-up]") {
  auto spec = test::small_area();
  spec.services[kReablement].capacity = 250;  // the small area's own 170 packages are nearly full
  CHECK(models::services_over_capacity(spec).empty());

  spec.services[kRehabBeds].capacity_changes = {{365.0, 18.0}};  // from 2026
  const auto behind = models::services_over_capacity(spec);
  REQUIRE(behind.size() == 1);
  CHECK(behind[0].service == "rehab_beds");
  CHECK(behind[0].from_year == 2026);
  const double asked = kP2PerYear / 365.0 * 28.0;
  CHECK_THAT(behind[0].times_capacity, WithinRel(asked / 18.0, 1e-9));
  CHECK_THAT(behind[0].queue_growth_per_day, WithinRel((asked - 18.0) / 28.0, 1e-9));
  CHECK(behind[0].sentence().rfind("rehab_beds cannot keep up from 2026: 1.53 times its capacity is asked of it", 0) == 0);
  CHECK(behind[0].sentence().find("its queue grows by about 0.34 people a day") != std::string::npos);
}

TEST_CASE("a run's check names a service that cannot keep up, the year and a ratio near the offered load's",
          "[keeping-up]") {
  auto spec = test::small_area();
  spec.years = 3;
  spec.services[kReablement].capacity = 250;
  const auto fine = models::run_scenario(spec, 4, 3, 2);
  for (const auto& b : models::services_falling_behind(spec, fine)) FAIL_CHECK(b.sentence());

  spec.services[kRehabBeds].capacity_changes = {{365.0, 18.0}};  // 1.53 times its capacity asked from 2026
  const auto short_of = models::run_scenario(spec, 4, 3, 2);
  const auto behind = models::services_falling_behind(spec, short_of);
  REQUIRE(behind.size() == 1);
  INFO(behind[0].sentence());
  CHECK(behind[0].service == "rehab_beds");
  CHECK(behind[0].from_year == 2026);
  CHECK(behind[0].times_capacity > 1.35);
  CHECK(behind[0].times_capacity < 1.7);
  // (27.5 - 18) / 28 = 0.34 more people a day than leave.
  CHECK(behind[0].queue_growth_per_day > 0.25);
  CHECK(behind[0].queue_growth_per_day < 0.45);
  CHECK(behind[0].sentence().rfind("rehab_beds cannot keep up from 2026: 1.", 0) == 0);
}
