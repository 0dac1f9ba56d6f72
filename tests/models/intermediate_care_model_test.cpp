// Behaviour the intermediate-care model must show, on a small area built in
// code (the YAML loader has its own tests).

#include <catch2/catch.hpp>

#include <algorithm>

#include <icsim/models/intermediate_care_model.hpp>

#include "small_area.hpp"

using namespace icsim;
using models::Metric;
using test::small_area;

namespace {

double total(const models::ScenarioSummary& summary, Metric m) {
  double sum = 0;
  for (const auto& e : summary[m]) sum += e.mean;
  return sum;
}

models::ScenarioSummary run(const models::ScenarioSpec& spec, int replications = 6) {
  return models::run_scenario(spec, replications, 7, 2);
}

}  // namespace

TEST_CASE("everyone who arrived left or is still in the system", "[model][conservation]") {
  for (std::uint32_t r = 0; r < 3; ++r) {
    const auto result = models::run_replication(small_area(), 7, r);
    CHECK(result.people_in == result.people_out + result.people_in_system);
    CHECK(result.people_in > 10000);
  }
}

TEST_CASE("demand matches population times admission rate", "[model][demand]") {
  const auto summary = run(small_area());
  const double expected = 60000 * 0.060 + 12000 * 0.150 + 8000 * 0.280 + 3000 * 0.500;  // a year
  for (const auto& year : summary[Metric::kWouldBeAdmissions]) {
    // Readmissions come on top of first admissions: a few per cent.
    CHECK(year.mean > expected);
    CHECK(year.mean < expected * 1.08);
  }
}

TEST_CASE("more capacity in a full service lowers its delays", "[model][capacity]") {
  auto spec = small_area();
  // Reablement with room: the small area's is nearly always full, and its
  // queue's swings from run to run would drown what the beds do.
  spec.services[0].capacity = 220;
  const auto base = run(spec);
  spec.services[1].capacity = 45;  // P2 beds
  const auto more = run(spec);
  CHECK(total(more, Metric::kNctrBedDays) < 0.9 * total(base, Metric::kNctrBedDays));
  CHECK(total(more, Metric::kMeanWaitDaysP2) < 0.5 * total(base, Metric::kMeanWaitDaysP2));
}

TEST_CASE("with ample capacity the only NCTR time is triage", "[model][capacity]") {
  auto spec = small_area();
  for (auto& service : spec.services) service.capacity = 100000;
  const auto summary = run(spec);
  for (const auto& year : summary[Metric::kMeanNctrDaysPerDischarge])
    CHECK(year.mean == Approx(1.0).epsilon(1e-9));  // fixed one-day triage, discharges any hour
  for (const auto& year : summary[Metric::kMeanWaitDaysP1]) CHECK(year.mean == 0.0);
}

TEST_CASE("7-day discharge shortens acute stays against 5-day", "[model][discharge]") {
  auto spec = small_area();
  for (auto& service : spec.services) service.capacity = 100000;
  const auto seven = run(spec);
  spec.discharge_days_per_week = 5;
  const auto five = run(spec);
  CHECK(total(five, Metric::kAcuteBedDays) > 1.02 * total(seven, Metric::kAcuteBedDays));
  CHECK(total(five, Metric::kMeanNctrDaysPerDischarge) > total(seven, Metric::kMeanNctrDaysPerDischarge) + 0.5);
}

TEST_CASE("step-up lowers admissions", "[model][step_up]") {
  auto spec = small_area();
  const auto without = run(spec);
  for (auto& band : spec.age_bands) band.step_up_share = 0.10;
  spec.step_up_routes = {{0}};
  spec.services[0].capacity = 260;
  const auto with = run(spec);
  CHECK(total(with, Metric::kStepUpDiversions) > 0.0);
  CHECK(total(with, Metric::kAdmissions) < total(without, Metric::kAdmissions) - 0.5 * total(with, Metric::kStepUpDiversions));
}

TEST_CASE("a census start begins near the steady state that an empty start only reaches later", "[model][census]") {
  auto spec = small_area();
  spec.warmup_days = 0;
  for (auto& service : spec.services) service.capacity = 100000;  // no queues: the steady state is known
  const auto empty = run(spec);
  // Little's law: places in use = referrals a day x mean stay, from the first year's flows.
  models::InitialCensus census;
  census.acute_inpatients = 9140.0 / 365.0 * 7.0;
  census.in_service = {170.0, 28.0, 11.0};
  census.waiting_in_acute = {0.0, 0.0, 0.0};
  spec.initial_census = census;
  const auto warm = run(spec);
  // Rehabilitation beds in use over the first fortnight, against the second year's mean.
  const auto first_fortnight = [](const models::ScenarioSummary& s) {
    double sum = 0;
    for (std::size_t d = 0; d < 14; ++d) sum += s.daily[models::index(1, models::ServiceDailyMeasure::kInUse)][d].mean;
    return sum / 14.0;
  };
  const double steady = warm.values[models::index(1, models::ServiceMeasure::kOccupancy)][1].mean;
  INFO("steady " << steady << ", empty start " << first_fortnight(empty) << ", census start " << first_fortnight(warm));
  CHECK(first_fortnight(empty) < 0.5 * steady);
  CHECK(first_fortnight(warm) == Approx(steady).epsilon(0.12));
  const auto result = models::run_replication(spec, 7, 0);
  CHECK(result.people_in == result.people_out + result.people_in_system);
}

TEST_CASE("yearly settings: demand follows the population and capacity changes at the year's start", "[model][years]") {
  auto spec = small_area();
  spec.years = 3;
  auto years = models::yearly_settings(spec);
  REQUIRE(years.size() == 3);
  for (std::size_t y = 0; y < years.size(); ++y) {
    for (auto& population : years[y].population) population *= 1.0 + 0.2 * static_cast<double>(y);
    years[y].capacity[1] = 30.0 + 15.0 * static_cast<double>(y);  // P2 beds 30, 45, 60
  }
  spec.yearly = years;
  const auto summary = run(spec);
  const auto& demand = summary[Metric::kWouldBeAdmissions];
  CHECK(demand[1].mean / demand[0].mean == Approx(1.2).epsilon(0.03));
  CHECK(demand[2].mean / demand[0].mean == Approx(1.4).epsilon(0.03));
  const auto& p2_beds = summary.values[models::index(1, models::ServiceMeasure::kOccupancy)];
  CHECK(p2_beds[2].mean > 40.0);  // more than year 1's capacity could hold
  CHECK(p2_beds[0].mean <= 30.0);
}

TEST_CASE("long-term placements are counted for their cost until they end", "[model][long_term_care]") {
  auto spec = small_area();
  spec.long_term_care.residential_stay_days = engine::Distribution(engine::Exponential{344.0});
  spec.long_term_care.nursing_stay_days = engine::Distribution(engine::Exponential{147.0});
  spec.costs.care_home_placement_per_week = 800.0;
  const auto summary = run(spec);
  const auto& weeks = summary[Metric::kLongTermCareWeeks];
  CHECK(weeks[0].mean > 0.0);
  CHECK(weeks[1].mean > weeks[0].mean);  // placements build up over the years
  CHECK(summary[Metric::kCostLongTermCare][1].mean == Approx(800.0 * weeks[1].mean));
}

TEST_CASE("step-up with a maximum wait: people wait a little for a place, or are admitted", "[model][step_up]") {
  auto spec = small_area();
  for (auto& band : spec.age_bands) band.step_up_share = 0.10;
  spec.step_up_routes = {{0}};
  spec.services[0].capacity = 200;  // busy, but places come free within hours
  spec.step_up_max_wait_hours = 4.0;
  const auto waiting = run(spec);
  spec.step_up_max_wait_hours = 0.0;
  const auto at_once = run(spec);
  CHECK(total(waiting, Metric::kStepUpDiversions) > total(at_once, Metric::kStepUpDiversions));
  for (std::uint32_t r = 0; r < 3; ++r) {
    spec.step_up_max_wait_hours = 4.0;
    const auto result = models::run_replication(spec, 11, r);
    CHECK(result.people_in == result.people_out + result.people_in_system);
  }
}

TEST_CASE("bridged patients give their short-term bed back, whenever their place comes", "[model][bridging]") {
  auto spec = small_area();
  spec.years = 4;
  spec.services[0].capacity = 185;  // reablement busy, with queues that come and go
  spec.discharge_hour_start = 8.0;  // a place can come free overnight, before the bridged patient leaves
  spec.discharge_hour_end = 20.0;
  models::ServiceSpec bridge;
  bridge.name = "bridging_beds";
  bridge.kind = models::ServiceKind::kBedBased;
  bridge.short_term_care = true;
  bridge.capacity = 15;
  bridge.length_of_stay_days = engine::Distribution(engine::Fixed{1000.0});  // leaves only when the place comes
  bridge.outcomes = {{models::Destination::kHomeIndependent, 1.0}};
  spec.services.push_back(bridge);
  spec.bridging_routes = {{3}};
  spec.bridging_after_days = 1.0;
  for (std::uint32_t r = 0; r < 3; ++r) {
    const auto result = models::run_replication(spec, 7, r);
    // A leaked bed is never given back: the beds would fill for good. They empty again in the last two years.
    const auto& in_use = result.daily[models::index(3, models::ServiceDailyMeasure::kInUse)];
    CHECK(*std::min_element(in_use.begin() + 730, in_use.end()) < 5.0);
    CHECK(*std::max_element(in_use.begin(), in_use.end()) > 5.0);  // and bridging was used
    CHECK(result.people_in == result.people_out + result.people_in_system);
  }
}

TEST_CASE("the 91-day follow-up counts the last year's cohort too", "[model][bcf]") {
  auto spec = small_area();
  spec.years = 3;
  const auto summary = run(spec);
  const auto& at_home = summary[Metric::kAtHome91dPct];
  CHECK(at_home[0].mean > 50.0);
  CHECK(at_home[2].mean == Approx(at_home[0].mean).margin(4.0));  // no bias from cutting the last year short
  CHECK(summary[Metric::kIcEpisodes][0].mean > summary[Metric::kDischargesP1][0].mean);
}

TEST_CASE("the daily series show the winter peak and add up to the year's referrals", "[model][daily]") {
  auto spec = small_area();
  spec.month_profile = {1.2, 1.15, 1.05, 0.95, 0.9, 0.85, 0.85, 0.9, 0.95, 1.0, 1.05, 1.15};
  spec.services[1].capacity = 45;  // rehabilitation beds with room: few still queued for them at the year's end
  const auto summary = run(spec);
  const auto& acute = summary.daily[models::index(models::DailyMeasure::kAcuteInpatients)];
  REQUIRE(acute.size() == 2 * 365);
  double january = 0, july = 0;
  for (int d = 0; d < 31; ++d) january += acute[static_cast<std::size_t>(d)].mean;
  for (int d = 181; d < 212; ++d) july += acute[static_cast<std::size_t>(d)].mean;
  CHECK(january > 1.1 * july);
  // Referrals to rehabilitation beds over the first year: its pathway's discharges plus nobody else.
  double referrals = 0;
  for (int d = 0; d < 365; ++d) referrals += summary.daily[models::index(1, models::ServiceDailyMeasure::kReferrals)][static_cast<std::size_t>(d)].mean;
  CHECK(referrals == Approx(summary[Metric::kDischargesP2][0].mean).epsilon(0.05));
  const auto& beds = summary.daily[models::index(1, models::ServiceDailyMeasure::kCapacity)];
  CHECK(beds[100].mean == 45.0);
}

TEST_CASE("the daily referrals tell step-up from hospital discharges", "[model][daily]") {
  auto spec = small_area();
  for (auto& band : spec.age_bands) band.step_up_share = 0.10;
  spec.step_up_routes = {{0}};
  spec.services[0].capacity = 400;  // ample: every step-up referral is cared for at home
  const auto summary = run(spec);
  const auto year_sum = [&](models::ServiceDailyMeasure m, std::size_t service) {
    double total = 0;
    for (int d = 0; d < 365; ++d) total += summary.daily[models::index(service, m)][static_cast<std::size_t>(d)].mean;
    return total;
  };
  const double step_up = year_sum(models::ServiceDailyMeasure::kStepUpReferrals, 0);
  const double all = year_sum(models::ServiceDailyMeasure::kReferrals, 0);
  CHECK(step_up == Approx(summary[Metric::kStepUpDiversions][0].mean).epsilon(0.02));
  CHECK(all - step_up == Approx(summary[Metric::kDischargesP1][0].mean).epsilon(0.05));
  CHECK(year_sum(models::ServiceDailyMeasure::kStepUpReferrals, 1) == 0.0);  // beds take no step-up
}
