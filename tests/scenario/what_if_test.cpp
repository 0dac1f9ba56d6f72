// What-if files: the YAML icsim serve offers for download extends the base,
// sets exactly what was asked and nothing else, and loads (before it is
// saved) to the same scenario and hash as the saved file.

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <icsim/scenario/load.hpp>
#include <icsim/scenario/what_if.hpp>

#include "scenario_files.hpp"

namespace fs = std::filesystem;
namespace scenario = icsim::scenario;
namespace models = icsim::models;

namespace {

using icsim::test::kScenarios;
const std::string kLancashire = kScenarios + "/lancashire/current-model.yaml";
using icsim::test::kTutorial;

std::size_t service(const models::ScenarioSpec& spec, const std::string& name) {
  for (std::size_t i = 0; i < spec.services.size(); ++i)
    if (spec.services[i].name == name) return i;
  FAIL("no service " << name);
  return 0;
}

}  // namespace

TEST_CASE("a what-if sets what was asked, beside the base's other values") {
  const auto base = scenario::load_scenario(kLancashire);
  const std::string yaml = scenario::what_if_yaml(
      kLancashire, "current-model.yaml", "More beds",
      {{"services.ic_beds_west_lancashire.capacity_beds", "40"},
       {"acute.discharge_days_per_week", "5"},
       {"growth.admission_rate_change_per_year", "0.01"},  // not in the base: added
       {"demand.age_bands[85+].step_up_share", "0.2"},
       {"demand.age_bands[1].pathway_split", "{P0: 0.5, P1: 0.465, P2: 0.03, P3: 0.005}"}});
  INFO(yaml);
  CHECK(yaml.find("extends: current-model.yaml") != std::string::npos);
  const auto what_if = scenario::load_scenario_text(fs::path(kLancashire).replace_filename("what-if.yaml"), yaml);

  CHECK(what_if.name == "More beds");
  CHECK(what_if.services[service(what_if, "ic_beds_west_lancashire")].capacity == 40);
  CHECK(what_if.services[service(what_if, "ic_beds_pennine")].capacity == base.services[service(base, "ic_beds_pennine")].capacity);
  CHECK(what_if.discharge_days_per_week == 5);
  REQUIRE(what_if.age_bands.size() == base.age_bands.size());
  for (std::size_t b = 0; b < base.age_bands.size(); ++b) {
    CHECK(what_if.age_bands[b].population == base.age_bands[b].population);
    CHECK(what_if.age_bands[b].time_to_nctr_days.mean() == base.age_bands[b].time_to_nctr_days.mean());
    CHECK(what_if.age_bands[b].step_up_share == (b == 3 ? 0.2 : base.age_bands[b].step_up_share));
    if (b != 1) CHECK(what_if.age_bands[b].pathway_split == base.age_bands[b].pathway_split);
    for (const auto& place : what_if.places)  // every place takes the area's band values
      CHECK(place.age_bands[b].step_up_share == what_if.age_bands[b].step_up_share);
  }
  CHECK(what_if.age_bands[1].pathway_split[1] == 0.465);
  // Admission rates now grow 1% a year on top of the base's own path.
  const double base_ratio = base.yearly[1].admissions_per_1000_per_year[0] / base.yearly[0].admissions_per_1000_per_year[0];
  const double ratio = what_if.yearly[1].admissions_per_1000_per_year[0] / what_if.yearly[0].admissions_per_1000_per_year[0];
  CHECK(ratio == Approx(base_ratio * 1.01));
  // The base's changes over the years still apply.
  CHECK(what_if.yearly.back().time_to_nctr_days[3].mean() == base.yearly.back().time_to_nctr_days[3].mean());
}

TEST_CASE("a what-if loaded before it is saved is the saved file, hash and all") {
  const fs::path folder = fs::temp_directory_path() / ("icsim-what-if-test-" + std::to_string(getpid()));
  fs::create_directories(folder);
  fs::copy_file(kTutorial, folder / "tutorial.yaml", fs::copy_options::overwrite_existing);
  const std::string yaml =
      scenario::what_if_yaml(kTutorial, "tutorial.yaml", "Tutorial, 40 beds", {{"services.rehab_beds.capacity_beds", "40"}},
                             "Made by a test.\nSecond line.");
  CHECK(yaml.rfind("# Made by a test.\n# Second line.\n", 0) == 0);
  std::ofstream(folder / "what-if.yaml") << yaml;
  const auto saved = scenario::load_scenario((folder / "what-if.yaml").string());
  const auto unsaved = scenario::load_scenario_text((folder / "what-if.yaml").string(), yaml);
  CHECK(saved.sha256 == unsaved.sha256);
  CHECK(saved.services[service(saved, "rehab_beds")].capacity == 40);
  CHECK(unsaved.services[service(unsaved, "rehab_beds")].capacity == 40);
  fs::remove_all(folder);
}

TEST_CASE("a what-if through something the base does not have is refused") {
  CHECK_THROWS_AS(scenario::what_if_yaml(kTutorial, "tutorial.yaml", "x", {{"demand.age_bands[90+].step_up_share", "0.1"}}),
                  scenario::ScenarioError);
  CHECK_THROWS_AS(scenario::what_if_yaml(kTutorial, "tutorial.yaml", "x", {{"services..capacity_beds", "1"}}),
                  scenario::ScenarioError);
  CHECK_THROWS_AS(scenario::what_if_yaml(kTutorial, "tutorial.yaml", "x", {{"services.rehab_beds.capacity_beds", "{"}}),
                  scenario::ScenarioError);
  CHECK_THROWS_AS(scenario::what_if_yaml(kScenarios + "/nowhere.yaml", "nowhere.yaml", "x", {}), scenario::ScenarioError);
  // A value the base would refuse is written, and refused when the file is loaded, with its place.
  const std::string yaml =
      scenario::what_if_yaml(kTutorial, "tutorial.yaml", "x", {{"services.rehab_beds.capacity_beds", "-5"}});
  try {
    (void)scenario::load_scenario_text(kScenarios + "/what-if.yaml", yaml);
    FAIL("a negative capacity loaded");
  } catch (const scenario::ScenarioError& e) {
    REQUIRE(!e.diagnostics().empty());
    CHECK(e.diagnostics().front().file.ends_with("what-if.yaml"));
    CHECK(e.diagnostics().front().line > 0);
  }
}

TEST_CASE("a scenario's values as written") {
  const scenario::ScenarioValues values(kLancashire);
  CHECK(values.value("services.ic_beds_pennine.capacity_beds") == "130");
  CHECK(values.value("places.west_lancashire.population.85+") == "3500");
  CHECK(values.value("growth.population_change_per_year.85+") == "0.033");
  CHECK(values.value("demand.age_bands[85+].step_up_share") == "0.16");
  CHECK_FALSE(values.value("growth.admission_rate_change_per_year"));
  CHECK_FALSE(values.value("services.ic_beds_pennine"));  // a map
  CHECK_FALSE(values.value("not a path["));
  const auto services = values.keys("services");
  REQUIRE(services.size() == 30);  // each ICP's three IC services, then its three long-term care markets
  CHECK(services.front() == "home_based_ic_pennine");
  CHECK(services[14] == "short_term_care_beds_morecambe_bay");
  CHECK(services.back() == "nursing_homes_morecambe_bay");
  CHECK(values.keys("changes") == std::vector<std::string>{"0"});
  CHECK(values.keys("changes[0].age_bands").size() == 4);
  CHECK(values.keys("name").empty());
  CHECK_THROWS_AS(scenario::ScenarioValues(kScenarios + "/nowhere.yaml"), scenario::ScenarioError);
}
