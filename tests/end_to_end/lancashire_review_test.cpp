// The Lancashire intermediate care review's ten-year projection (Lancashire
// Health and Wellbeing Board, 28 January 2020: docs/sources.md [Lancs HWB
// 2020]; docs/lancashire-review.md), reproduced by the shipped scenarios at
// reduced replications: each headline percentage within 5 points. The area is
// its five integrated care partnerships, each with its own services; and five
// more beds in the one with the longest wait for a bed cut that place's wait
// and delayed days.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include <icsim/engine/confidence.hpp>
#include <icsim/models/comparison.hpp>
#include <icsim/models/metrics.hpp>
#include <icsim/scenario/load.hpp>

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

  // The new model, four-year phase-in.
  // The review's +78% is the care its capacity delivers. On block contracts
  // the area pays for the capacity, used or not: the new model's 5,130 care
  // hours a day are not all used by 2030, so it pays more (docs/lancashire-review.md).
  const auto& ic_cost = find(c, "cost_intermediate_care");
  const auto& idle = find(c, "idle_cost");  // every block-contracted service in Lancashire is IC
  const double delivered_first = ic_cost.b.front().mean - idle.b.front().mean;
  const double delivered_last = ic_cost.b.back().mean - idle.b.back().mean;
  check_percent("new model: intermediate care delivered", 100.0 * (delivered_last / delivered_first - 1.0), 78.0);
  CHECK(ic_cost.change_b_pct.mean > 78.0 + 5.0);
  CHECK(idle.b.back().mean > idle.b.front().mean);
  check_percent("new model: acute cost in 2030 against today", find(c, "cost_acute").change_b_pct, -10.0);
  check_percent("new model: acute bed days against the existing model",
                find(c, "acute_bed_days").last_year_difference_pct, -23.0);
  check_percent("new model: short-term care beds against the existing model",
                find(c, "short_term_care_bed_days").last_year_difference_pct, -45.0);
  // Inputs, each ICP's share of the review's totals: these check the shares add up.
  check_percent("new model: intermediate care beds", capacity_change_b_pct(c, future, is_ic_beds), 23.0);
  check_percent("new model: home-based staff (care hours)", capacity_change_b_pct(c, future, is_home_based), 123.0);

  // The shift is real: more step-up, fewer delays, no worse outcomes.
  const auto& step_up = find(c, "step_up_diversions");
  CHECK(step_up.b.back().mean > 1.5 * step_up.a.back().mean);
  CHECK(find(c, "nctr_bed_days").difference.back().high() < 0.0);
  CHECK(find(c, "at_home_91d_pct").b.back().mean > 75.0);
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
// range around its published value. These hold today; what the model does not
// yet reproduce (why people wait, the long stays, the pathway mix, the
// readmissions) the document lists, with the figures, instead of a test.
TEST_CASE("the existing model's 2020 meets the published targets it is calibrated to", "[end_to_end][lancashire][calibration]") {
  const auto& spec = current_model();
  const auto names = models::metric_definitions(spec);
  const auto base_year = [&](const std::string& name) {
    const auto it = std::find_if(names.begin(), names.end(), [&](const auto& d) { return d.name == name; });
    REQUIRE(it != names.end());
    std::vector<double> values;
    for (const auto& r : current_model_results()) values.push_back(r.values[static_cast<std::size_t>(it - names.begin())][0]);
    return engine::estimate(values).mean;
  };
  const auto within = [&](const char* name, double low, double high, const char* source) {
    const double simulated = base_year(name);
    INFO(name << " in 2020: icsim " << simulated << ", target " << low << " to " << high << " (" << source << ")");
    CHECK(simulated >= low);
    CHECK(simulated <= high);
  };
  // England ~13,000 a day in hospital not meeting the criteria to reside
  // (Dec 2022 to Dec 2023) of ~45 million adults: ~29 per 100,000.
  within("nctr_patients_per_100k", 20.0, 45.0, "Commons Library; Health Foundation");
  // From ready to leave to leaving: 1.3 days in England, 2.1 in the North West (Dec 2022).
  within("mean_nctr_days_per_discharge", 1.0, 2.5, "Health Foundation, Dec 2022");
  // "around 45,000 episodes of care" a year (the review paper), within a tenth.
  within("ic_episodes", 40500.0, 49500.0, "Lancashire HWB, January 2020");
  // Still at home 91 days after reablement or rehabilitation, 65+: ~82% 2011-12 to
  // 2019-20, 79% in 2020-21 (ASCOF 2B(1)).
  within("at_home_91d_pct", 75.0, 85.0, "Nuffield Trust, ASCOF 2B(1)");
  // Council-supported permanent admissions to care homes, 65+, per 100,000: 584 in
  // 2019-20, 498 in 2020-21 (ASCOF 2A(2)).
  within("care_home_admissions_65plus_per_100k", 450.0, 700.0, "Nuffield Trust, ASCOF 2A(2)");
}
