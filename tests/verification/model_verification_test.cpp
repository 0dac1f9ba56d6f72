// The whole model, loaded from the shipped verification scenarios, against
// queueing theory: an M/M/c bed base (Erlang C), an Erlang loss system made
// of step-up with no waiting (Erlang B), and M/G/infinity (Little's law).
// Each replication's ten projected years are averaged; the 99% interval
// across replications must contain the exact value and be narrow.

#include <catch2/catch.hpp>

#include <functional>
#include <vector>

#include <icsim/engine/confidence.hpp>
#include <icsim/engine/queueing_theory.hpp>
#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/scenario/load.hpp>

#include "check_within.hpp"

using namespace icsim;
using models::Metric;

namespace {

struct Verification {
  models::ScenarioSpec spec;
  std::vector<models::ReplicationResult> results;
};

Verification run_verification(const char* name) {
  Verification v{scenario::load_scenario(std::string(ICSIM_SOURCE_DIR) + "/scenarios/verification/" + name), {}};
  v.results = models::run_replications(v.spec, v.spec.replications, v.spec.seed, 2);
  return v;
}

// Per replication, the mean over the projected years of f(values, year).
engine::Estimate measure(const Verification& v, const std::function<double(const models::ReplicationResult&, std::size_t)>& f) {
  std::vector<double> per_replication;
  for (const auto& r : v.results) {
    double sum = 0;
    for (std::size_t y = 0; y < static_cast<std::size_t>(v.spec.years); ++y) sum += f(r, y);
    per_replication.push_back(sum / v.spec.years);
  }
  return engine::estimate(per_replication, 0.99);
}

using icsim::test::check_within;

double value(const models::ReplicationResult& r, std::size_t metric, std::size_t year) { return r.values[metric][year]; }

// The metric index of a service's measure, by the service's name.
std::size_t service_metric(const models::ScenarioSpec& spec, const std::string& service, models::ServiceMeasure m) {
  for (std::size_t s = 0; s < spec.services.size(); ++s)
    if (spec.services[s].name == service) return models::index(s, m);
  FAIL("no service " << service);
  return 0;
}

}  // namespace

TEST_CASE("the model as an M/M/c bed base matches Erlang C", "[verification][model]") {
  const auto v = run_verification("mmc.yaml");
  const double lambda = 2.0, mu = 0.25;
  check_within(measure(v, [](const auto& r, auto y) { return value(r, models::index(Metric::kMeanWaitDaysP2), y); }),
               engine::mmc_mean_wait(10, lambda, mu), 0.10);
  const std::size_t beds = service_metric(v.spec, "beds", models::ServiceMeasure::kOccupancy);
  check_within(measure(v, [&](const auto& r, auto y) { return value(r, beds, y); }), lambda / mu, 0.01);
  const std::size_t waited = service_metric(v.spec, "beds", models::ServiceMeasure::kWaitedPct);
  check_within(measure(v, [&](const auto& r, auto y) { return value(r, waited, y); }),
               100.0 * engine::erlang_c(10, lambda / mu), 0.05);
  const std::size_t queue = service_metric(v.spec, "beds", models::ServiceMeasure::kQueueLength);
  check_within(measure(v, [&](const auto& r, auto y) { return value(r, queue, y); }),
               engine::mmc_mean_queue(10, lambda, mu), 0.10);
}

TEST_CASE("the model's step-up without waiting is an Erlang loss system", "[verification][model]") {
  const auto v = run_verification("erlang-loss.yaml");
  const double blocking = engine::erlang_b(10, 8.0);
  check_within(measure(v,
                       [](const auto& r, auto y) {
                         return value(r, models::index(Metric::kAdmissions), y) /
                                value(r, models::index(Metric::kWouldBeAdmissions), y);
                       }),
               blocking, 0.05);
  const std::size_t places = service_metric(v.spec, "rapid_response", models::ServiceMeasure::kOccupancy);
  check_within(measure(v, [&](const auto& r, auto y) { return value(r, places, y); }), 8.0 * (1.0 - blocking), 0.01);
}

TEST_CASE("the model with unlimited beds follows Little's law with lognormal stays", "[verification][model]") {
  const auto v = run_verification("mginf.yaml");
  const std::size_t beds = service_metric(v.spec, "beds", models::ServiceMeasure::kOccupancy);
  check_within(measure(v, [&](const auto& r, auto y) { return value(r, beds, y); }), 2.0 * 12.0, 0.01);
  check_within(measure(v, [](const auto& r, auto y) { return value(r, models::index(Metric::kIcBedDays), y); }),
               2.0 * 12.0 * 365.0, 0.01);
  for (const auto& r : v.results)
    for (double wait : r.values[models::index(Metric::kMeanWaitDaysP2)]) CHECK(wait == 0.0);
}
