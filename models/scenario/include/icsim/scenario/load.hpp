#pragma once
// Loading a scenario: YAML in, a validated ScenarioSpec out, or every error
// found, each with its file, line and column.

#include <exception>
#include <string>
#include <vector>

#include <icsim/models/scenario_spec.hpp>

namespace icsim::scenario {

struct Diagnostic {
  std::string file;
  int line = 0;    // 1-based
  int column = 0;  // 1-based
  std::string message;
  // "FILE:LINE:COL: error: MESSAGE"
  [[nodiscard]] std::string to_string() const;
};

class ScenarioError : public std::exception {
 public:
  explicit ScenarioError(std::vector<Diagnostic> diagnostics);
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  [[nodiscard]] const char* what() const noexcept override { return summary_.c_str(); }

 private:
  std::vector<Diagnostic> diagnostics_;
  std::string summary_;
};

// Throws ScenarioError with every diagnostic when the scenario is not valid.
[[nodiscard]] models::ScenarioSpec load_scenario(const std::string& path);

}  // namespace icsim::scenario
