#pragma once
// A scenario's base year against published figures: each metric's mean over
// the replications in the first year, checked within a range around its
// published value (the calibration tests of every shipped area).

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <icsim/engine/confidence.hpp>
#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/metrics.hpp>

namespace icsim::test {

class BaseYear {
 public:
  BaseYear(const models::ScenarioSpec& spec, const std::vector<models::ReplicationResult>& results)
      : spec_(spec), names_(models::metric_definitions(spec)), results_(results) {}

  [[nodiscard]] double operator()(const std::string& name) const {
    const auto it = std::find_if(names_.begin(), names_.end(), [&](const auto& d) { return d.name == name; });
    REQUIRE(it != names_.end());
    std::vector<double> values;
    for (const auto& r : results_) values.push_back(r.values[static_cast<std::size_t>(it - names_.begin())][0]);
    return engine::estimate(values).mean;
  }

  // A figure worked out from the metrics, within [low, high].
  void check(const std::string& what, double simulated, double low, double high, const char* source) const {
    INFO(spec_.name << ": " << what << " in " << spec_.start_year << ": icsim " << simulated << ", target " << low
                    << " to " << high << " (" << source << ")");
    CHECK(simulated >= low);
    CHECK(simulated <= high);
  }
  void within(const std::string& name, double low, double high, const char* source) const {
    check(name, (*this)(name), low, high, source);
  }

 private:
  const models::ScenarioSpec& spec_;
  std::vector<models::MetricDefinition> names_;
  const std::vector<models::ReplicationResult>& results_;
};

}  // namespace icsim::test
