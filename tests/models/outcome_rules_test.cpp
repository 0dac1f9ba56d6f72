// Outcomes that depend on the person: where they came from (step-up or
// step-down), their age band and how long they waited for their place.

#include <catch2/catch.hpp>

#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/metrics.hpp>

#include "small_area.hpp"

using namespace icsim;
using models::Destination;
using models::OutcomeRule;

namespace {

using icsim::test::kRehabBeds;
constexpr std::size_t kStepUpBeds = 3;  // the step-up beds this file adds

// Step-up beds, with the rehabilitation beds' outcomes, for a share of every
// band's would-be admissions: a free bed, or admission.
models::ScenarioSpec with_step_up() {
  auto spec = test::small_area();
  for (auto& band : spec.age_bands) band.step_up_share = 0.15;
  auto beds = spec.services[kRehabBeds];
  beds.name = "step_up_beds";
  beds.capacity = 6;
  beds.length_of_stay_days = engine::Distribution(engine::LogNormal{14.0, 8.0});
  beds.outcomes = {{Destination::kHomeIndependent, 0.6}, {Destination::kCareHomeNursing, 0.15},
                   {Destination::kReadmission, 0.15}, {Destination::kDeath, 0.10}};
  spec.services.push_back(beds);
  spec.step_up_routes = {{kStepUpBeds}};
  spec.step_up_max_wait_hours = 0.0;
  return spec;
}

std::vector<double> per_replication(const models::ScenarioSpec& spec, models::Metric m, int replications) {
  std::vector<double> values;
  for (const auto& r : models::run_replications(spec, replications, 11, 2)) values.push_back(r.values[index(m)][1]);
  return values;
}

}  // namespace

TEST_CASE("a rule that fits nobody leaves every result as it was", "[outcomes]") {
  const auto spec = with_step_up();
  auto ruled = spec;
  ruled.services[kStepUpBeds].outcome_rules.push_back(
      {OutcomeRule::From::kAnywhere, {}, 1e9, {{Destination::kDeath, 1.0}}});
  const auto a = models::run_replication(spec, 4, 0), b = models::run_replication(ruled, 4, 0);
  CHECK(a.fingerprint == b.fingerprint);
  CHECK(a.values == b.values);
}

TEST_CASE("step-up patients with better outcomes lower care-home admissions when step-up capacity is added",
          "[outcomes]") {
  // Step-up beds whose own outcomes send 15% to a nursing home, as step-down
  // beds do; the people stepped up from home go home (no care home) instead.
  auto spec = with_step_up();
  spec.services[kStepUpBeds].outcome_rules.push_back(
      {OutcomeRule::From::kCommunity,
       {},
       0.0,
       {{Destination::kHomeIndependent, 0.8}, {Destination::kReadmission, 0.12}, {Destination::kDeath, 0.08}}});
  const auto more_beds = [](models::ScenarioSpec s) {
    s.services[kStepUpBeds].capacity = 30;
    return s;
  };
  const int n = 10;
  const auto care_homes = [&](const models::ScenarioSpec& s) {
    return per_replication(s, models::Metric::kCareHomeAdmissions65PlusPer100k, n);
  };
  const auto diversions = [&](const models::ScenarioSpec& s) {
    return per_replication(s, models::Metric::kStepUpDiversions, n);
  };
  const auto paired = [](const std::vector<double>& a, const std::vector<double>& b) {
    std::vector<double> d(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) d[i] = b[i] - a[i];
    return engine::estimate(d);
  };
  const auto more_step_up = paired(diversions(spec), diversions(more_beds(spec)));
  INFO("more step-up: " << more_step_up.mean << " [" << more_step_up.low() << ", " << more_step_up.high() << "]");
  CHECK(more_step_up.low() > 0.0);
  const auto with_rule = paired(care_homes(spec), care_homes(more_beds(spec)));
  INFO("care-home admissions with step-up's own outcomes: " << with_rule.mean << " [" << with_rule.low() << ", "
                                                              << with_rule.high() << "]");
  CHECK(with_rule.high() < 0.0);
  // With the service's outcomes for everyone, the same beds raise them (as
  // North East Lincolnshire's recovery beds appeared to).
  auto fixed = spec;
  fixed.services[kStepUpBeds].outcome_rules.clear();
  const auto without_rule = paired(care_homes(fixed), care_homes(more_beds(fixed)));
  INFO("care-home admissions with fixed outcomes: " << without_rule.mean << " [" << without_rule.low() << ", "
                                                      << without_rule.high() << "]");
  CHECK(without_rule.low() > 0.0);
}

TEST_CASE("outcomes by age band and by the wait: the first rule that fits the person", "[outcomes]") {
  auto spec = test::small_area();
  spec.services[kRehabBeds].capacity = 22;  // people wait for these beds
  auto& rules = spec.services[kRehabBeds].outcome_rules;
  std::vector<bool> oldest(spec.age_bands.size(), false);
  oldest.back() = true;  // 85+
  rules.push_back({OutcomeRule::From::kAnywhere, oldest, 0.0, {{Destination::kCareHomeNursing, 1.0}}});
  rules.push_back({OutcomeRule::From::kHospital, {}, 3.0, {{Destination::kCareHomeResidential, 1.0}}});
  const auto base = models::run_replication(test::small_area(), 6, 0);
  const auto r = models::run_replication(spec, 6, 0);
  // More care homes: every 85+ and everyone else who waited 3 days or more.
  CHECK(r.values[index(models::Metric::kCareHomeAdmissions65PlusPer100k)][1] >
        1.5 * base.values[index(models::Metric::kCareHomeAdmissions65PlusPer100k)][1]);
}
