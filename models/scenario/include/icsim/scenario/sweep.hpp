#pragma once
// Sweep files: a base scenario and the values to try for some of its keys,
// as a grid (every combination) or a list of points. Read and checked like
// a scenario: every error with its file, line and column.

#include <string>
#include <vector>

#include <icsim/models/scenario_spec.hpp>
#include <icsim/scenario/load.hpp>

namespace icsim::scenario {

struct SweepPoint {
  std::vector<std::string> values;          // one per parameter, as YAML text: "2250", "{fixed: 3}"
  std::vector<ScenarioOverride> overrides;  // the sweep's `set`, then this point's values
};

struct Sweep {
  std::string file;                     // the sweep file, as named
  std::string name;                     // its `name`, or the file's name
  std::string scenario;                 // the base scenario: `scenario` relative to the sweep file
  std::vector<std::string> parameters;  // the keys varied, in the order written
  std::vector<SweepPoint> points;       // a grid's points with the last parameter varying fastest
};

// The largest sweep: points and values per parameter.
inline constexpr std::size_t kMostSweepPoints = 100'000;

// Throws ScenarioError with every diagnostic when the sweep file is not valid.
// The scenario itself is read by load_sweep_scenarios.
[[nodiscard]] Sweep read_sweep(const std::string& path);

// Every point's scenario, each read with its overrides and checked in full.
// Throws ScenarioError with every distinct diagnostic of every point.
[[nodiscard]] std::vector<models::ScenarioSpec> load_sweep_scenarios(const Sweep& sweep);

}  // namespace icsim::scenario
