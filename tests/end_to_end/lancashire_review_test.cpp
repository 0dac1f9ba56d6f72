// The Lancashire intermediate care review's ten-year projection (Lancashire
// Health and Wellbeing Board, 28 January 2020: docs/sources.md [Lancs HWB
// 2020]; docs/lancashire-review.md), reproduced by the shipped scenarios at
// reduced replications: the headline percentages its mechanisms reproduce,
// each within 5 points. The area is its five integrated care partnerships,
// each with its own services; the new model's capacity is what lets its cohort
// stay out of hospital; and five more beds in the one with the longest wait
// for a bed cut that place's wait and delayed days.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include <icsim/engine/confidence.hpp>
#include <icsim/models/comparison.hpp>
#include <icsim/models/metrics.hpp>
#include <icsim/scenario/load.hpp>

#include "base_year.hpp"

using namespace icsim;

namespace {

const std::string kDirectory = std::string(ICSIM_SOURCE_DIR) + "/scenarios/lancashire/";
constexpr int kReplications = 4;
constexpr int kThreads = 2;

const models::MetricComparison& find(const std::vector<models::MetricComparison>& metrics, const std::string& name) {
  for (const auto& m : metrics)
    if (m.name == name) return m;
  FAIL("no metric " << name);
  return metrics.front();
}

const models::MetricComparison& find(const models::Comparison& c, const std::string& name) { return find(c.metrics, name); }

const models::PartComparison& find_place(const models::Comparison& c, const std::string& id) {
  for (const auto& part : c.parts)
    if (part.part.level == models::AreaPart::Level::kPlace && part.part.id == id) return part;
  FAIL("no place " << id);
  return c.parts.front();
}

void check_percent(const char* what, double simulated, double source) {
  INFO(what << ": icsim " << simulated << "%, the review " << source << "%");
  CHECK(simulated == Approx(source).margin(5.0));
}

void check_percent(const char* what, const engine::Estimate& simulated, double source) {
  INFO("±" << simulated.half_width);
  check_percent(what, simulated.mean, source);
}

// The capacity of every service of a kind, each ICP's added up, in scenario
// B's last year against its first, as a percentage. Capacities are inputs, the
// same in every replication, so the sum of the means is the sum.
double capacity_change_b_pct(const models::Comparison& c, const models::ScenarioSpec& spec,
                             const std::function<bool(const models::ServiceSpec&)>& of_kind) {
  double first = 0.0, last = 0.0;
  int services = 0;
  for (const auto& service : spec.services) {
    if (!of_kind(service)) continue;
    const auto& capacity = find(c, "capacity_" + service.name);
    first += capacity.b.front().mean;
    last += capacity.b.back().mean;
    ++services;
  }
  REQUIRE(services > 0);
  return 100.0 * (last / first - 1.0);
}

// Intermediate care, not the long-term care market.
bool is_ic_beds(const models::ServiceSpec& s) {
  return s.market == models::Market::kNone && s.kind == models::ServiceKind::kBedBased && !s.short_term_care;
}
bool is_home_based(const models::ServiceSpec& s) {
  return s.market == models::Market::kNone && s.kind == models::ServiceKind::kHomeBased;
}

// The existing model, run once for both test cases.
const models::ScenarioSpec& current_model() {
  static const auto spec = scenario::load_scenario(kDirectory + "current-model.yaml");
  return spec;
}

const std::vector<models::ReplicationResult>& current_model_results() {
  static const auto results = models::run_replications(current_model(), kReplications, current_model().seed, kThreads);
  return results;
}

}  // namespace

TEST_CASE("the Lancashire scenarios reproduce the review's headline percentages", "[end_to_end][lancashire]") {
  const auto& current = current_model();
  const auto future = scenario::load_scenario(kDirectory + "new-model.yaml");
  REQUIRE(current.years == 11);  // 2020 and ten years on
  const auto& a = current_model_results();
  const auto b = models::run_replications(future, kReplications, current.seed, kThreads);
  const auto c = models::compare(current, a, future, b);

  // Managing growth under the existing model, 2030 against 2020.
  check_percent("demographic demand (IC episodes)", find(c, "ic_episodes").change_a_pct, 26.0);
  check_percent("intermediate care cost", find(c, "cost_intermediate_care").change_a_pct, 66.0);
  check_percent("acute cost", find(c, "cost_acute").change_a_pct, 14.0);
  check_percent("short-term care beds cost", find(c, "cost_short_term_care").change_a_pct, 55.0);

  // The new model, four-year phase-in. Its cohort is the review's size (its
  // step-up shares put 2030's episodes 36% above the existing model's, the
  // review's "increasing intermediate care requirements by 36%"): an input.
  check_percent("new model: IC episodes against the existing model", find(c, "ic_episodes").last_year_difference_pct, 36.0);
  // Out of the cohort, discharge to assess, Home First and the capacity: the
  // review's 23% fewer acute bed days, within 5 points on the near side. The
  // model saves more (-28% at 10 replications): its cohort avoids whole
  // admissions, where some of the review's would have left hospital earlier
  // (early supported discharge, not modelled) and saved fewer days each.
  const auto& acute_bed_days = find(c, "acute_bed_days").last_year_difference_pct;
  INFO("new model: acute bed days against the existing model, 2030: " << acute_bed_days.mean << "% (the review -23%)");
  CHECK(acute_bed_days.mean < -23.0 + 5.0);
  CHECK(acute_bed_days.mean > -23.0 - 10.0);
  // Not reproduced (docs/lancashire-review.md says why): the care intermediate
  // care delivers (+78%), the acute cost against today (-10%), the short-term
  // beds (-45%). On block contracts the area pays for the new capacity, used
  // or not, so intermediate care costs more than the review's +78%.
  const auto& ic_cost = find(c, "cost_intermediate_care");
  const auto& idle = find(c, "idle_cost");  // every block-contracted service in Lancashire is IC
  CHECK(ic_cost.change_b_pct.mean > 78.0 + 5.0);
  CHECK(idle.b.back().mean > idle.b.front().mean);
  CHECK(find(c, "cost_acute").change_b_pct.mean < 0.0);
  // Inputs, each ICP's share of the review's totals: these check the shares add up.
  check_percent("new model: intermediate care beds", capacity_change_b_pct(c, future, is_ic_beds), 23.0);
  check_percent("new model: home-based staff (care hours)", capacity_change_b_pct(c, future, is_home_based), 123.0);

  // The shift is real: more step-up, fewer delays, no worse outcomes.
  const auto& step_up = find(c, "step_up_diversions");
  CHECK(step_up.b.back().mean > 1.5 * step_up.a.back().mean);
  CHECK(find(c, "nctr_bed_days").difference.back().high() < 0.0);
  CHECK(find(c, "at_home_91d_pct").b.back().mean > 75.0);
}

TEST_CASE("the new model's capacity is what lets its cohort stay out of hospital", "[end_to_end][lancashire]") {
  const auto with = scenario::load_scenario(kDirectory + "new-model.yaml");
  const auto without = scenario::load_scenario(kDirectory + "new-model-without-its-capacity.yaml");
  // The same levers in both files, only the capacity apart.
  REQUIRE(with.yearly.size() == without.yearly.size());
  for (std::size_t y = 0; y < with.yearly.size(); ++y) {
    CHECK(with.yearly[y].step_up_share == without.yearly[y].step_up_share);
    CHECK(with.yearly[y].pathway_split == without.yearly[y].pathway_split);
    CHECK(with.yearly[y].admissions_per_1000_per_year == without.yearly[y].admissions_per_1000_per_year);
    CHECK(models::mean_hub_days(with.yearly[y]) == models::mean_hub_days(without.yearly[y]));
    for (std::size_t s = 0; s < with.services.size(); ++s)
      if (!is_ic_beds(with.services[s]) && !is_home_based(with.services[s]))
        CHECK(with.yearly[y].capacity[s] == without.yearly[y].capacity[s]);
  }
  const auto a = models::run_replications(without, kReplications, with.seed, kThreads);
  const auto b = models::run_replications(with, kReplications, with.seed, kThreads);
  const auto c = models::compare(without, a, with, b);
  // Without the staff, step-up finds no free place for much of the cohort.
  const auto& refused = find(c, "step_up_refused");
  INFO("step-up refused in 2030: " << refused.a.back().mean << " without the capacity, " << refused.b.back().mean << " with it");
  CHECK(refused.a.back().mean > 10.0 * (refused.b.back().mean + 1.0));
  // And those people are admitted: the capacity cuts 2030's acute bed days.
  const auto& bed_days = find(c, "acute_bed_days");
  INFO("acute bed days 2030, with against without: " << bed_days.last_year_difference_pct.mean << "%");
  CHECK(bed_days.difference.back().high() < 0.0);
  CHECK(bed_days.last_year_difference_pct.mean < -5.0);
}

TEST_CASE("five more IC beds in West Lancashire cut its wait for a bed and its delayed days",
          "[end_to_end][lancashire][places]") {
  const auto& current = current_model();
  const auto more_beds = scenario::load_scenario(kDirectory + "five-more-beds-west-lancashire.yaml");
  const auto& a = current_model_results();
  const auto b = models::run_replications(more_beds, kReplications, current.seed, kThreads);
  const auto c = models::compare(current, a, more_beds, b);

  // Over the projection, 2020 to 2030, paired by replication: the interval of
  // the summed difference lies below zero.
  const auto& west = find_place(c, "west_lancashire");
  const auto& wait = find(west.metrics, "mean_wait_days_p2").cumulative_difference.back();
  const auto& delayed = find(west.metrics, "nctr_bed_days").cumulative_difference.back();
  INFO("P2 wait, summed over the years: " << wait.mean << " [" << wait.low() << ", " << wait.high() << "] days");
  INFO("NCTR bed days, 2020-2030: " << delayed.mean << " [" << delayed.low() << ", " << delayed.high() << "]");
  CHECK(wait.high() < 0.0);
  CHECK(delayed.high() < 0.0);
  // The beds are West Lancashire's: another ICP's wait moves only by the noise
  // of patients who come back (readmissions draw new random numbers).
  const auto& central = find(find_place(c, "central_lancashire").metrics, "mean_wait_days_p2").cumulative_difference.back();
  INFO("Central Lancashire's P2 wait, summed: " << central.mean << " days");
  CHECK(std::abs(central.mean) < 0.2 * std::abs(wait.mean));
}

// The existing model's base year against the published picture of 2020-23
// (docs/lancashire-review.md, "Calibration"; docs/sources.md): each target a
// range around its published value. The first three guard inputs calibrated to
// them; the rest are outputs. What the model does not reproduce (the number of
// delayed patients, the days each waits, the share of delay that is waiting
// for a service) the document lists, with the figures and why.
TEST_CASE("the existing model's 2020 meets the published targets it is calibrated to", "[end_to_end][lancashire][calibration]") {
  const test::BaseYear base_year(current_model(), current_model_results());
  // Calibrated: the IC beds' stay, to England's pathway 2 delays (1,891 patients
  // waiting for 2,601 discharges a week, 2023: ~5.1 days each by Little's law).
  base_year.within("mean_wait_days_p2", 3.0, 7.5, "Health Foundation 2024, 2023 data");
  // Calibrated: the short-term beds' share of pathway 3, to the review's spend on them.
  base_year.within("cost_short_term_care", 10.0e6, 13.0e6, "the review paper: about 11.5m a year");
  // "around 45,000 episodes of care" a year (the review paper), within a tenth:
  // the community's step-up referrals are sized to it.
  base_year.within("ic_episodes", 40500.0, 49500.0, "Lancashire HWB, January 2020");
  // Outputs. England's pathway mix, 6,664 P1 to 2,601 P2 discharges a week.
  base_year.check("P1 : P2 discharges", base_year("discharges_p1") / base_year("discharges_p2"), 2.0, 3.2,
               "Health Foundation 2024, 2023 data: 2.6");
  // Still at home 91 days after reablement or rehabilitation, 65+: ~82% 2011-12 to
  // 2019-20, 79% in 2020-21 (ASCOF 2B(1)).
  base_year.within("at_home_91d_pct", 75.0, 85.0, "Nuffield Trust, ASCOF 2B(1)");
  // Council-supported permanent admissions to care homes, 65+, per 100,000: 584 in
  // 2019-20, 498 in 2020-21 (ASCOF 2A(2)).
  base_year.within("care_home_admissions_65plus_per_100k", 450.0, 700.0, "Nuffield Trust, ASCOF 2A(2)");
  // Emergency readmissions within 30 days: 11.6-12.1% in England's regions, 2011-12.
  base_year.within("readmission_rate_30d_pct", 9.0, 16.0, "QualityWatch, emergency readmissions");
  // About one acute bed in five held by a patient in 21+ days (~20,000, Dec 2022).
  base_year.within("length_of_stay_21plus_pct", 12.0, 28.0, "Nuffield Trust, Dec 2022");
  // Waiting for a service is a large part of the delay (England: ~64% of
  // delayed patients wait for home care, a care home or intermediate care; here
  // about a third: the document says why).
  double waiting = 0.0;
  for (const char* reason : {"nctr_bed_days_waiting_p1", "nctr_bed_days_waiting_p2", "nctr_bed_days_waiting_p3",
                             "nctr_bed_days_waiting_home_care", "nctr_bed_days_waiting_care_home"})
    waiting += base_year(reason);
  base_year.check("share of NCTR bed days waiting for a service (%)", 100.0 * waiting / base_year("nctr_bed_days"), 25.0,
               70.0, "Commons Library, citing DHSC, 2022-23: ~64%");
}
