// Places: an area made of places, hospitals and the services that belong to
// them. Two places that share nothing behave as two areas; a bed base two
// places share is one M/M/c queue (Erlang C), and pooling beats splitting;
// mutual aid moves waiting to a neighbour and loses nobody; every count of
// the parts adds up to the area's, and a place's beds serve only the
// patients routed there.

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <icsim/engine/confidence.hpp>
#include <icsim/engine/queueing_theory.hpp>
#include <icsim/models/capacity_planner.hpp>
#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/scenario/load.hpp>

#include "check_within.hpp"

using namespace icsim;
using models::Metric;

namespace {

struct Run {
  models::ScenarioSpec spec;
  std::vector<models::ReplicationResult> results;
};

Run run(const std::string& file, int threads = 2) {
  Run r{scenario::load_scenario(std::string(ICSIM_SOURCE_DIR) + "/" + file), {}};
  r.results = models::run_replications(r.spec, r.spec.replications, r.spec.seed, threads);
  return r;
}

std::size_t part_index(const models::ScenarioSpec& spec, const std::string& id) {
  const auto parts = models::area_parts(spec);
  for (std::size_t i = 0; i < parts.size(); ++i)
    if (parts[i].id == id) return i;
  FAIL("no part " << id);
  return 0;
}

// A metric's rows in a part's values (or the area's when part is empty).
std::size_t metric_index(const models::ScenarioSpec& spec, const std::string& part, const std::string& name) {
  const auto metrics = part.empty() ? models::metric_definitions(spec)
                                    : models::metric_definitions(spec, models::area_parts(spec)[part_index(spec, part)].services);
  for (std::size_t m = 0; m < metrics.size(); ++m)
    if (metrics[m].name == name) return m;
  FAIL("no metric " << name);
  return 0;
}

const std::vector<std::vector<double>>& values(const Run& r, std::size_t replication, const std::string& part) {
  return part.empty() ? r.results[replication].values : r.results[replication].parts[part_index(r.spec, part)];
}

// Per replication, the mean over the projected years of a metric.
engine::Estimate over_years(const Run& r, const std::string& part, const std::string& metric, double confidence = 0.99) {
  const std::size_t m = metric_index(r.spec, part, metric);
  std::vector<double> sample;
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    double sum = 0;
    for (double v : values(r, i, part)[m]) sum += v;
    sample.push_back(sum / r.spec.years);
  }
  return engine::estimate(sample, confidence);
}

// B - A per replication (common random numbers), averaged over the years, with a 99% interval.
engine::Estimate paired(const Run& a, const Run& b, const std::string& part, const std::string& metric) {
  const std::size_t ma = metric_index(a.spec, part, metric), mb = metric_index(b.spec, part, metric);
  std::vector<double> difference;
  for (std::size_t r = 0; r < b.results.size(); ++r) {
    double d = 0;
    for (std::size_t y = 0; y < static_cast<std::size_t>(b.spec.years); ++y)
      d += values(b, r, part)[mb][y] - values(a, r, part)[ma][y];
    difference.push_back(d / b.spec.years);
  }
  return engine::estimate(difference, 0.99);
}

using icsim::test::check_within;

}  // namespace

TEST_CASE("two places that share nothing behave as two areas run apart", "[places][verification]") {
  const auto both = run("tests/places/two-areas.yaml");
  const auto north = run("tests/places/north-alone.yaml");
  const auto south = run("tests/places/south-alone.yaml");
  for (const char* metric : {"would_be_admissions", "admissions", "step_up_diversions", "acute_bed_days",
                             "nctr_bed_days", "ic_bed_days", "home_ic_care_hours", "short_term_care_bed_days",
                             "mean_wait_days_p1", "mean_wait_days_p2", "discharges_p2", "cost_total",
                             "care_home_admissions_65plus_per_100k", "length_of_stay_21plus_pct"}) {
    for (const auto& [place, alone] : {std::pair{"north", &north}, std::pair{"south", &south}}) {
      // Independent runs (different seeds): their difference is within a
      // 99.9% two-sample bound.
      const auto a = over_years(both, place, metric, 0.95), b = over_years(*alone, "", metric, 0.95);
      const double se = std::hypot(a.half_width, b.half_width) / 1.96;
      INFO(metric << " in " << place << ": " << a.mean << " together, " << b.mean << " alone");
      CHECK(std::abs(a.mean - b.mean) <= 3.29 * se);
      CHECK(a.mean > 0.0);
    }
  }
  // The services' own measures are the services', wherever reported.
  CHECK(over_years(both, "north", "utilisation_pct_beds_north").mean ==
        over_years(both, "", "utilisation_pct_beds_north").mean);
}

TEST_CASE("places give the same bytes on 1 and 2 threads", "[places][determinism]") {
  const auto one = run("tests/places/two-areas.yaml", 1);
  const auto two = run("tests/places/two-areas.yaml", 2);
  REQUIRE(one.results.size() == two.results.size());
  for (std::size_t r = 0; r < one.results.size(); ++r) {
    CHECK(one.results[r].values == two.results[r].values);
    CHECK(one.results[r].parts == two.results[r].parts);
    CHECK(one.results[r].fingerprint == two.results[r].fingerprint);
  }
}

TEST_CASE("a bed base two places share is one M/M/c queue, and pooling beats splitting", "[places][verification]") {
  const auto pooled = run("scenarios/verification/pooled-places.yaml");
  const double lambda = 2.0, mu = 0.25;
  check_within(over_years(pooled, "", "waited_pct_beds"), 100.0 * engine::erlang_c(10, lambda / mu), 0.05);
  check_within(over_years(pooled, "", "mean_wait_days_p2"), engine::mmc_mean_wait(10, lambda, mu), 0.10);
  check_within(over_years(pooled, "", "occupancy_beds"), lambda / mu, 0.01);
  for (const char* place : {"east", "west"}) {  // each place's patients wait as long as anyone's
    check_within(over_years(pooled, place, "mean_wait_days_p2"), engine::mmc_mean_wait(10, lambda, mu), 0.15);
    check_within(over_years(pooled, place, "admissions"), 365.0, 0.02);
  }

  const auto dedicated = run("scenarios/verification/dedicated-places.yaml");
  for (const char* beds : {"beds_east", "beds_west"}) {
    const auto waited = over_years(dedicated, "", std::string("waited_pct_") + beds);
    check_within(waited, 100.0 * engine::erlang_c(5, 4.0), 0.05);
    CHECK(over_years(pooled, "", "waited_pct_beds").high() < waited.low());
  }
  check_within(over_years(dedicated, "east", "mean_wait_days_p2"), engine::mmc_mean_wait(5, 1.0, mu), 0.15);
}

TEST_CASE("pooling as a what-if: the same beds pooled behave as one queue and wait less than apart", "[places][pooling]") {
  const auto apart = run("scenarios/verification/dedicated-places.yaml");
  const auto pooled = run("scenarios/verification/pooled-by-pooling.yaml");
  REQUIRE(pooled.spec.services.size() == 3);
  CHECK(pooled.spec.services[2].name == "beds");  // where East's beds were
  check_within(over_years(pooled, "", "waited_pct_beds"), 100.0 * engine::erlang_c(10, 8.0), 0.05);
  check_within(over_years(pooled, "", "capacity_beds"), 10.0, 1e-9);
  // Paired with the same random numbers, each place's wait falls.
  for (const char* place : {"east", "west"}) CHECK(paired(apart, pooled, place, "mean_wait_days_p2").high() < 0.0);
}

TEST_CASE("mutual aid moves waiting from the busy place to its neighbour and loses nobody", "[places][mutual_aid]") {
  const auto off = run("tests/places/mutual-aid-off.yaml");
  const auto on = run("tests/places/mutual-aid.yaml");
  const auto with_aid = [&](const std::string& part, const std::string& metric) { return paired(off, on, part, metric); };
  CHECK(with_aid("east", "mean_wait_days_p2").high() < 0.0);  // East waits less
  CHECK(with_aid("east", "nctr_bed_days").high() < 0.0);
  CHECK(with_aid("west", "mean_wait_days_p2").low() > 0.0);   // West a little more
  CHECK(with_aid("", "wait_days_beds_west").low() > 0.0);
  CHECK(with_aid("", "utilisation_pct_beds_west").low() > 0.0);
  CHECK(over_years(on, "east", "mutual_aid_placements").low() > 10.0);
  CHECK(over_years(on, "west", "mutual_aid_placements").mean == 0.0);
  CHECK(over_years(off, "", "mutual_aid_placements").mean == 0.0);
  // Those East sends to West were East's residents in West's beds.
  CHECK(over_years(on, "east", "ic_bed_days").mean > over_years(on, "", "occupancy_beds_east").mean * 365.0 * 1.05);
  for (const auto& r : on.results) CHECK(r.people_in == r.people_out + r.people_in_system);
}

TEST_CASE("each part's counts add up to the area's, and a place's beds serve only its patients", "[places]") {
  const auto both = run("tests/places/two-areas.yaml");
  const auto& spec = both.spec;
  for (const char* metric : {"would_be_admissions", "admissions", "step_up_diversions", "discharges",
                             "acute_bed_days", "nctr_bed_days", "ic_bed_days", "home_ic_care_hours",
                             "short_term_care_bed_days", "cost_total", "long_term_care_weeks"}) {
    const std::size_t m = metric_index(spec, "", metric);
    for (std::size_t r = 0; r < both.results.size(); ++r) {
      for (std::size_t y = 0; y < static_cast<std::size_t>(spec.years); ++y) {
        const double area = both.results[r].values[m][y];
        std::map<models::AreaPart::Level, double> by_level;  // each level's parts summed
        const auto parts = models::area_parts(spec);
        for (std::size_t i = 0; i < parts.size(); ++i) by_level[parts[i].level] += both.results[r].parts[i][m][y];
        INFO(metric << " replication " << r << " year " << y);
        REQUIRE(by_level.size() == 3);  // places, hospitals, boards
        for (const auto& [level, sum] : by_level) CHECK(sum == Approx(area).epsilon(1e-9));
      }
    }
  }
  // The residents of North use North's services only: their bed days are
  // the North services' occupancy, day for day.
  for (std::size_t r = 0; r < both.results.size(); ++r) {
    for (std::size_t y = 0; y < static_cast<std::size_t>(spec.years); ++y) {
      const double north_beds = values(both, r, "")[metric_index(spec, "", "occupancy_beds_north")][y] * 365.0;
      const double south_beds = values(both, r, "")[metric_index(spec, "", "occupancy_beds_south")][y] * 365.0;
      CHECK(values(both, r, "north")[metric_index(spec, "north", "ic_bed_days")][y] == Approx(north_beds).epsilon(1e-9));
      CHECK(values(both, r, "south")[metric_index(spec, "south", "ic_bed_days")][y] == Approx(south_beds).epsilon(1e-9));
    }
  }
  for (const auto& r : both.results) CHECK(r.people_in == r.people_out + r.people_in_system);
}

TEST_CASE("a plan by place gives the beds to the place that needs them, each as Erlang C would", "[places][planner]") {
  const auto spec = scenario::load_scenario(std::string(ICSIM_SOURCE_DIR) + "/tests/places/mutual-aid-off.yaml");
  models::PlanSpec plan;
  const auto service = [&](const std::string& name) {
    for (models::ServiceIndex s = 0; s < spec.services.size(); ++s)
      if (spec.services[s].name == name) return s;
    FAIL("no service " << name);
    return models::ServiceIndex{0};
  };
  plan.services = {{service("beds_east"), 2, 14, 1, 60000, 0}, {service("beds_west"), 2, 14, 1, 60000, 0}};
  plan.target.metric = "mean_wait_days_p2";
  plan.target.at_most = 1.0;
  plan.target.parts = {part_index(spec, "east"), part_index(spec, "west")};
  plan.target.where = "every place";
  plan.years = {0};
  plan.screen_replications = 4;
  plan.confirm_replications = 12;
  const auto plans = models::plan_capacity(spec, plan, spec.seed, 2);
  REQUIRE(plans.size() == 1);
  const auto& chosen = plans.front().recommended;
  CHECK(plans.front().target_met);
  // The fewest beds whose M/M/c wait is at most a day, for each place's demand.
  const auto fewest = [](double lambda) {
    int c = 1;
    while (lambda / 0.25 >= c || engine::mmc_mean_wait(c, lambda, 0.25) > 1.0) ++c;
    return static_cast<double>(c);
  };
  INFO("east " << chosen.capacity[0] << " (Erlang C " << fewest(1.2) << "), west " << chosen.capacity[1] << " ("
               << fewest(0.6) << ")");
  CHECK(chosen.capacity[0] > chosen.capacity[1]);
  CHECK(chosen.capacity[0] >= fewest(1.2) - 1);
  CHECK(chosen.capacity[0] <= fewest(1.2) + 2);
  CHECK(chosen.capacity[1] >= fewest(0.6) - 1);
  CHECK(chosen.capacity[1] <= fewest(0.6) + 2);
  CHECK((chosen.metric_where == "East" || chosen.metric_where == "West"));
}
