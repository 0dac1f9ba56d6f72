#pragma once
// The what-if page's sliders: what a commissioner may move in a scenario
// (capacities, growth, pathway split, discharge days, step-up), and the
// scenario keys a choice of positions sets.

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <icsim/models/scenario_spec.hpp>
#include <icsim/scenario/what_if.hpp>

namespace icsim::tools {

struct Lever {
  std::string id;     // "capacity.ic_beds", "growth.population", "pathways.home_first", ...
  std::string group;  // the heading it sits under on the page
  std::string label;
  std::string unit;
  double min = 0.0, max = 0.0, step = 1.0;
  double value = 0.0;  // the scenario's own position
};

// A lever or a position the page may not ask for.
class BadLever : public std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// The levers a scenario offers; `file` is the scenario file (some base
// values, such as growth rates, are read as written).
[[nodiscard]] std::vector<Lever> scenario_levers(const models::ScenarioSpec& spec, const std::string& file);

// The scenario keys and values that put the levers at `positions` (lever id
// to position; levers left out, or at the scenario's own position, set
// nothing). Throws BadLever for an unknown lever or a position off its scale.
[[nodiscard]] std::vector<scenario::WhatIfValue> lever_values(const models::ScenarioSpec& spec,
                                                              const std::vector<Lever>& levers,
                                                              const std::map<std::string, double>& positions);

}  // namespace icsim::tools
