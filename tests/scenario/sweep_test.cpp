// Overrides and sweep files: a value laid over a scenario is read exactly
// like a written one (and its errors reported where the override was
// written); a sweep file's grid or points, and every error in it with its
// line and column.

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <variant>
#include <vector>

#include <icsim/scenario/load.hpp>
#include <icsim/scenario/sweep.hpp>

#include "scenario_files.hpp"

namespace fs = std::filesystem;
using icsim::scenario::Diagnostic;
using icsim::scenario::load_scenario;
using icsim::scenario::ScenarioError;
using icsim::scenario::ScenarioOverride;
using icsim::scenario::Sweep;
namespace engine = icsim::engine;
namespace models = icsim::models;
namespace scenario = icsim::scenario;

namespace {

using icsim::test::kTutorial;
const std::string kSmallSweep = std::string(ICSIM_SOURCE_DIR) + "/tests/sweep/small.yaml";

ScenarioOverride set(const std::string& key, const std::string& value) {
  return {key, value, "SWEEP", 7, 3, 7, 10};
}

std::vector<Diagnostic> override_errors(const std::vector<ScenarioOverride>& overrides) {
  try {
    (void)load_scenario(kTutorial, overrides);
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  FAIL("expected the overrides to be rejected");
  return {};
}

// A sweep file of its own in a scratch folder, removed afterwards; `scenario:`
// names the tutorial by its absolute path.
class SweepFile {
 public:
  explicit SweepFile(const std::string& text)
      : path_(fs::temp_directory_path() / ("icsim_sweep_test_" + std::to_string(::getpid()) + ".yaml")) {
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~SweepFile() {
    std::error_code ignored;
    fs::remove(path_, ignored);
  }
  SweepFile(const SweepFile&) = delete;
  SweepFile& operator=(const SweepFile&) = delete;
  [[nodiscard]] std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

const std::string kHead = "name: test\nscenario: " + kTutorial + "\n";  // lines 1 and 2

std::vector<Diagnostic> sweep_errors(const std::string& text) {
  const SweepFile file(text);
  try {
    const Sweep sweep = scenario::read_sweep(file.path());
    (void)scenario::load_sweep_scenarios(sweep);
  } catch (const ScenarioError& e) {
    std::vector<Diagnostic> diagnostics = e.diagnostics();
    for (Diagnostic& d : diagnostics) {
      UNSCOPED_INFO(d.to_string());
      if (d.file == file.path()) d.file = "SWEEP";
    }
    return diagnostics;
  }
  FAIL("expected the sweep to be rejected:\n" << text);
  return {};
}

void check_one(const std::vector<Diagnostic>& diagnostics, const std::string& file, int line, int column,
               const std::string& message) {
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].file == file);
  CHECK(diagnostics[0].line == line);
  CHECK(diagnostics[0].column == column);
  CHECK(diagnostics[0].message == message);
}

}  // namespace

TEST_CASE("An override replaces a value before the scenario is read", "[scenario][sweep]") {
  const models::ScenarioSpec base = load_scenario(kTutorial);
  const models::ScenarioSpec spec = load_scenario(
      kTutorial, {set("services.rehab_beds.capacity_beds", "40"), set("demand.age_bands[85+].population", "3500"),
                  set("demand.age_bands[0].admissions_per_1000_per_year", "61.5"),
                  set("services.rehab_beds.length_of_stay_days", "{gamma: {shape: 2, scale: 10}}"),
                  set("replications", "4")});
  CHECK(spec.services[1].name == "rehab_beds");
  CHECK(base.services[1].capacity == 30.0);
  CHECK(spec.services[1].capacity == 40.0);
  CHECK(spec.age_bands[3].population == 3500.0);
  CHECK(spec.age_bands[0].admissions_per_1000_per_year == 61.5);
  REQUIRE(std::holds_alternative<engine::Gamma>(spec.services[1].length_of_stay_days.spec()));
  CHECK(spec.replications == 4);
  // Every year's settings follow: the override is read as if written.
  CHECK(models::yearly_settings(spec).front().capacity[1] == 40.0);
  // The hash covers the overrides: the same value written differently is another input.
  CHECK(spec.sha256 != base.sha256);
  CHECK(load_scenario(kTutorial, {set("services.rehab_beds.capacity_beds", "40")}).sha256 !=
        load_scenario(kTutorial, {set("services.rehab_beds.capacity_beds", "41")}).sha256);
  CHECK(load_scenario(kTutorial, {}).sha256 == base.sha256);
}

TEST_CASE("An override's value is checked like a written one, where the override was written", "[scenario][sweep]") {
  check_one(override_errors({set("services.rehab_beds.capacity_beds", "30.5")}), "SWEEP", 7, 10,
            "services.rehab_beds.capacity_beds: expected a whole number, 0 or more, got 30.5");
  check_one(override_errors({set("services.rehab_beds.capacity_beds", "\"30\"")}), "SWEEP", 7, 10,
            "services.rehab_beds.capacity_beds: expected a number, got \"30\" (text in quotes; write the number "
            "without them)");
  check_one(override_errors({set("services.rehab_beds.length_of_stay_days", "{lognormall: {mean: 3, sd: 1}}")}),
            "SWEEP", 7, 10,
            "services.rehab_beds.length_of_stay_days: unknown distribution \"lognormall\" (did you mean "
            "\"lognormal\"?)");
}

TEST_CASE("An override's key must be in the scenario", "[scenario][sweep]") {
  check_one(override_errors({set("services.rehab_beds.capacity_bed", "40")}), "SWEEP", 7, 3,
            "services.rehab_beds.capacity_bed: services.rehab_beds has no key \"capacity_bed\" (did you mean "
            "\"capacity_beds\"?) (a sweep sets values the scenario has; to vary a default, write it in the "
            "scenario first)");
  check_one(override_errors({set("demand.age_bands[4].population", "1")}), "SWEEP", 7, 3,
            "demand.age_bands[4].population: demand.age_bands has 4 items, counted from [0]: there is no item [4]");
  check_one(override_errors({set("demand.age_bands[75-85].population", "1")}), "SWEEP", 7, 3,
            "demand.age_bands[75-85].population: demand.age_bands has no item named \"75-85\" (did you mean "
            "\"75-84\"?) (its items: 18-64, 65-74, 75-84, 85+)");
  check_one(override_errors({set("name.first", "x")}), "SWEEP", 7, 3,
            "name.first: name is \"Tutorial area\", not a map, so it has no key \"first\"");
  check_one(override_errors({set("services..rehab_beds", "x")}), "SWEEP", 7, 3,
            "a key path names keys and list items: services.ic_beds.capacity_beds, demand.age_bands[0].population "
            "or demand.age_bands[85+].population, got \"services..rehab_beds\"");
}

TEST_CASE("Key paths", "[scenario][sweep]") {
  CHECK(scenario::read_sweep(kSmallSweep).parameters.size() == 2);  // and the parser, through the sweep reader:
  for (const char* bad : {"", ".", "a.", ".a", "a..b", "a[", "a[]", "[0]", "a[0]b", "a]b"}) {
    INFO(bad);
    CHECK_THROWS_AS(load_scenario(kTutorial, {set(bad, "1")}), ScenarioError);
  }
}

TEST_CASE("A sweep file's grid: every combination, the last parameter fastest", "[scenario][sweep]") {
  const Sweep sweep = scenario::read_sweep(kSmallSweep);
  CHECK(sweep.name == "Tutorial, rehab beds x reablement hours");
  CHECK(fs::path(sweep.scenario) == fs::path(kTutorial).lexically_normal());
  CHECK(sweep.parameters ==
        std::vector<std::string>{"services.rehab_beds.capacity_beds", "services.reablement.capacity_care_hours_per_day"});
  REQUIRE(sweep.points.size() == 6);
  const std::vector<std::vector<std::string>> expected{{"26", "240"}, {"26", "280"}, {"30", "240"},
                                                       {"30", "280"}, {"34", "240"}, {"34", "280"}};
  for (std::size_t i = 0; i < 6; ++i) CHECK(sweep.points[i].values == expected[i]);
  // `set` first, then the point's values, each where it was written.
  const auto& overrides = sweep.points[3].overrides;
  REQUIRE(overrides.size() == 5);
  CHECK(overrides[0].key == "replications");
  CHECK(overrides[0].value == "3");
  CHECK(overrides[3].key == "services.rehab_beds.capacity_beds");
  CHECK(overrides[3].value == "30");
  CHECK(overrides[3].key_line == 10);
  CHECK(overrides[3].value_line == 10);
  CHECK(overrides[4].value == "280");

  const std::vector<models::ScenarioSpec> specs = scenario::load_sweep_scenarios(sweep);
  REQUIRE(specs.size() == 6);
  CHECK(specs[3].services[1].capacity == 30.0);
  CHECK(specs[3].services[0].capacity == 280.0);
  CHECK(specs[3].replications == 3);
  CHECK(specs[3].years == 1);
}

TEST_CASE("Ranges, point lists and values of every kind", "[scenario][sweep]") {
  const SweepFile range(kHead + "parameters:\n  deconditioning_per_day_waited: {from: 0, to: 0.3, step: 0.1}\n");
  CHECK_THROWS_AS(scenario::load_sweep_scenarios(scenario::read_sweep(range.path())), ScenarioError);  // not in the tutorial

  const SweepFile steps(kHead + "parameters:\n  costs.acute_bed_day: {from: 0.1, to: 0.7, step: 0.2}\n");
  const Sweep by_steps = scenario::read_sweep(steps.path());
  REQUIRE(by_steps.points.size() == 4);
  CHECK(by_steps.points[1].values[0] == "0.3");  // not 0.30000000000000004
  CHECK(by_steps.points[3].values[0] == "0.7");

  const SweepFile points(kHead +
                         "points:\n"
                         "  - {services.rehab_beds.capacity_beds: 30, name: \"Thirty beds\"}\n"
                         "  - {name: \"Forty, \\\"more\\\"\", services.rehab_beds.capacity_beds: 40}\n"
                         "  - {services.rehab_beds.capacity_beds: 50, name: fifty-beds}\n");
  const Sweep listed = scenario::read_sweep(points.path());
  CHECK(listed.parameters == std::vector<std::string>{"services.rehab_beds.capacity_beds", "name"});
  REQUIRE(listed.points.size() == 3);
  CHECK(listed.points[1].values == std::vector<std::string>{"40", "\"Forty, \\\"more\\\"\""});
  CHECK(listed.points[2].values[1] == "fifty-beds");
  const std::vector<models::ScenarioSpec> specs = scenario::load_sweep_scenarios(listed);
  CHECK(specs[1].name == "Forty, \"more\"");
  CHECK(specs[1].services[1].capacity == 40.0);

  const SweepFile maps(kHead +
                       "parameters:\n  services.rehab_beds.length_of_stay_days:\n"
                       "    - {lognormal: {mean: 20, sd: 10}}\n    - {fixed: 14}\n"
                       "  acute.discharge_hours: [[8, 20], [0, 24]]\n");
  const Sweep by_maps = scenario::read_sweep(maps.path());
  REQUIRE(by_maps.points.size() == 4);
  CHECK(by_maps.points[0].values == std::vector<std::string>{"{lognormal: {mean: 20, sd: 10}}", "[8, 20]"});
  const std::vector<models::ScenarioSpec> map_specs = scenario::load_sweep_scenarios(by_maps);
  CHECK(std::holds_alternative<engine::Fixed>(map_specs[3].services[1].length_of_stay_days.spec()));
  CHECK(map_specs[3].discharge_hour_end == 24.0);
}

TEST_CASE("Every error in a sweep file, with its line and column", "[scenario][sweep]") {
  struct Case {
    std::string text;  // after the name and scenario lines
    int line, column;
    std::string message;
    std::size_t count = 1;  // errors in all: a misspelt key also leaves one missing
  };
  const std::vector<Case> cases{
      {"parameter:\n  seed: [1, 2]\n", 3, 1,
       "unknown key \"parameter\" (did you mean \"parameters\"?)", 2},
      {"", 1, 1,
       "missing required key \"parameters\" (a grid: each key's values) or \"points\" (a list of points, each a "
       "map of key: value)"},
      {"parameters:\n  seed: [1, 2]\npoints:\n  - {seed: 1}\n", 5, 1,
       "give either parameters (a grid: every combination of their values) or points (each point's values), not "
       "both"},
      {"parameters:\n  seed: 3\n", 4, 9,
       "parameters.seed: expected a list of values [a, b, c] or a range {from, to, step}, got \"3\" (a value for "
       "every point goes under set:)"},
      {"parameters:\n  seed: []\n", 4, 9, "parameters.seed: expected at least one value, got an empty list"},
      {"parameters:\n  seed: [1, 2, 1]\n", 4, 16, "parameters.seed: the value 1 is given twice"},
      {"parameters:\n  seed: {from: 5, to: 1, step: 1}\n", 4, 9, "parameters.seed: to (1) is below from (5)"},
      {"parameters:\n  seed: {from: 1, to: 5, step: 0}\n", 4, 32, "parameters.seed.step: must be more than 0, got 0"},
      {"parameters:\n  seed: {from: 1, to: 5, stepp: 1}\n", 4, 26,
       "parameters.seed: unknown key \"stepp\" (did you mean \"step\"?)", 2},
      {"parameters:\n  seed[: [1, 2]\n", 4, 3,
       "parameters: \"seed[\" is not a key path: write keys and list items as services.ic_beds.capacity_beds, "
       "demand.age_bands[0].population or demand.age_bands[85+].population"},
      {"set:\n  seed: 4\nparameters:\n  seed: [1, 2]\n", 6, 3,
       "parameters: \"seed\" is also under set: a key is either the same for every point or varied"},
      {"points:\n  - {seed: 1, years: 1}\n  - {seed: 2}\n", 5, 5,
       "points[1]: missing \"years\" (every point gives the keys of the first)"},
      {"points:\n  - {seed: 1}\n  - {seed: 2, years: 1}\n", 5, 15,
       "points[1]: \"years\" is not in the first point (every point gives the same keys)"},
      {"points:\n  - {seed: 1}\n  - {seed: 1}\n", 5, 5, "points[1]: the same point as an earlier one"},
      // Checked by the scenario's own readers, at the value in the sweep file.
      {"parameters:\n  services.rehab_beds.capacity_beds: [30, -5]\n", 4, 43,
       "services.rehab_beds.capacity_beds: expected a whole number, 0 or more, got -5"},
      {"set:\n  years: 0\nparameters:\n  seed: [1, 2]\n", 4, 10,
       "years: expected a whole number from 1 to 100, got 0"},
      {"parameters:\n  services.rehab_bed.capacity_beds: [30, 40]\n", 4, 3,
       "services.rehab_bed.capacity_beds: services has no key \"rehab_bed\" (did you mean \"rehab_beds\"?) (a "
       "sweep sets values the scenario has; to vary a default, write it in the scenario first)"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.message) {
      const std::vector<Diagnostic> diagnostics = sweep_errors(kHead + c.text);
      CHECK(diagnostics.size() == c.count);
      const auto found = std::find_if(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
        return d.file == "SWEEP" && d.line == c.line && d.column == c.column && d.message == c.message;
      });
      CHECK(found != diagnostics.end());
    }
  }
}

TEST_CASE("A value that breaks the scenario elsewhere names the point", "[scenario][sweep]") {
  // Reablement made bed-based: its care-hours keys, written in the tutorial, no longer fit.
  const std::vector<Diagnostic> diagnostics =
      sweep_errors(kHead + "parameters:\n  services.reablement.kind: [home_based, bed_based]\n");
  REQUIRE_FALSE(diagnostics.empty());
  for (const Diagnostic& d : diagnostics) {
    CHECK(d.file == kTutorial);
    CHECK_THAT(d.message, Catch::StartsWith("with services.reablement.kind: bed_based (point 1 of "));
  }
}

TEST_CASE("A sweep's scenario that cannot be read is reported at its line", "[scenario][sweep]") {
  const SweepFile file("parameters:\n  seed: [1, 2]\nscenario: no-such.yaml\n");
  const std::string missing = (fs::path(file.path()).parent_path() / "no-such.yaml").string();
  try {
    (void)scenario::read_sweep(file.path());
    FAIL("read a sweep of a missing scenario");
  } catch (const ScenarioError& e) {
    check_one(e.diagnostics(), file.path(), 3, 11,
              "scenario: cannot read \"" + missing + "\": no such file (a path relative to the sweep file)");
  }
}

TEST_CASE("A sweep file that cannot be read", "[scenario][sweep]") {
  try {
    (void)scenario::read_sweep("/no/such/sweep.yaml");
    FAIL("read a missing file");
  } catch (const ScenarioError& e) {
    check_one(e.diagnostics(), "/no/such/sweep.yaml", 0, 0, "cannot read the sweep file: no such file");
  }
}


TEST_CASE("Every sweep shipped in scenarios/ is valid", "[scenario][sweep]") {
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(ICSIM_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.find("\nscenario: ") == std::string::npos) continue;
    INFO(entry.path().string());
    try {
      const Sweep sweep = scenario::read_sweep(entry.path().string());
      CHECK(scenario::load_sweep_scenarios(sweep).size() == sweep.points.size());
    } catch (const ScenarioError& e) {
      FAIL(e.what());
    }
    ++checked;
  }
  CHECK(checked >= 1);
  const Sweep lancashire = scenario::read_sweep(std::string(ICSIM_SOURCE_DIR) + "/scenarios/lancashire/sweep.yaml");
  CHECK(lancashire.points.size() == 20);
}
