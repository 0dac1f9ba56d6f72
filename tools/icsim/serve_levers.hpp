#pragma once
// The what-if page's sliders: what a commissioner may move in a scenario
// (capacities, growth, pathway split, discharge days, step-up), and the
// scenario keys a choice of positions sets. A lever moves the scenario's own
// path: the first year's value, and in proportion (or by the same points)
// the targets of its `changes` and capacity changes, so a phased plan keeps
// its shape around the what-if instead of undoing it.

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
  double min = 0.0, max = 0.0, step = 1.0;  // the scenario's value is on the grid min + k x step
  double value = 0.0;                       // the scenario's own position
};

// A lever or a position the page may not ask for.
class BadLever : public std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// The levers a scenario offers; `written` is the scenario as written (some
// base values, such as growth rates, are read from there).
[[nodiscard]] std::vector<Lever> scenario_levers(const models::ScenarioSpec& spec,
                                                 const scenario::ScenarioValues& written);

// The scenario keys and values that put the levers at `positions` (lever id
// to position; levers left out, or at the scenario's own position, set
// nothing). Throws BadLever for an unknown lever or a position off its scale.
[[nodiscard]] std::vector<scenario::WhatIfValue> lever_values(const models::ScenarioSpec& spec,
                                                              const scenario::ScenarioValues& written,
                                                              const std::vector<Lever>& levers,
                                                              const std::map<std::string, double>& positions);

// "ic beds 500, home first 30%": what moved, for the what-if's name.
[[nodiscard]] std::string describe_moves(const std::vector<Lever>& levers,
                                         const std::map<std::string, double>& positions);

}  // namespace icsim::tools
