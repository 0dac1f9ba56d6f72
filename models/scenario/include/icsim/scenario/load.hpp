#pragma once
// Loading a scenario: YAML in, a validated ScenarioSpec out, or every error
// found, each with its file, line and column.

#include <exception>
#include <filesystem>
#include <optional>
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

// A scenario whose text is `text`, read as if it were the file at `path`
// (which need not exist; what it extends is found from there): a file before
// it is saved. Its hash is the one the saved file will have.
[[nodiscard]] models::ScenarioSpec load_scenario_text(const std::string& path, const std::string& text,
                                                      const std::optional<std::filesystem::path>& within = {});

// A scenario every file of which (what it extends, the tables it reads) is in
// `folder`, links followed as they are when each is opened: what icsim serve
// offers, and nothing outside it.
[[nodiscard]] models::ScenarioSpec load_scenario_within(const std::string& path, const std::filesystem::path& folder);

// A value laid over a scenario before it is read, as if written there: what
// a sweep varies. `key` is a path through the scenario (its files merged):
// "services.ic_beds.capacity_beds", list items by index or by name,
// "demand.age_bands[0].population", "demand.age_bands[85+].population"; it
// must be in the scenario. `value` is YAML ("445", "fixed",
// "{lognormal: {mean: 14, sd: 10}}") and replaces what was there whole; it is
// read and checked like a written value. Errors in either are reported at
// the place given here (file, line, column), where the override was written.
struct ScenarioOverride {
  std::string key;
  std::string value;
  std::string file;
  int key_line = 0, key_column = 0;
  int value_line = 0, value_column = 0;
};

// The scenario with `overrides` applied in order. The spec's sha256 then
// covers the overrides too: SHA-256 of the scenario's hash followed by
// "KEY=VALUE\n" for each.
[[nodiscard]] models::ScenarioSpec load_scenario(const std::string& path,
                                                 const std::vector<ScenarioOverride>& overrides);

}  // namespace icsim::scenario
