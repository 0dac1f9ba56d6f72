#pragma once
// The files scenario tests read, and what a file that must not load says.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <icsim/scenario/load.hpp>

namespace icsim::test {

inline const std::string kScenarios = std::string(ICSIM_SOURCE_DIR) + "/scenarios";
inline const std::string kTutorial = kScenarios + "/tutorial.yaml";

// The diagnostics of a file that must not load (the test fails if it loads).
inline std::vector<scenario::Diagnostic> diagnostics_of(const std::string& path) {
  try {
    (void)scenario::load_scenario(path);
  } catch (const scenario::ScenarioError& e) {
    return e.diagnostics();
  }
  FAIL("expected " << path << " not to load");
  return {};
}

}  // namespace icsim::test
