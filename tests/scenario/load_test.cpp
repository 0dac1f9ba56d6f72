// Loading scenarios: the tutorial's values land in the spec, `extends`
// merges a what-if over its base, and the hash names the exact text.

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>

#include <icsim/models/metrics.hpp>
#include <icsim/scenario/load.hpp>
#include <icsim/scenario/plan.hpp>
#include <icsim/scenario/sha256.hpp>

#include "scenario_files.hpp"

namespace fs = std::filesystem;
using icsim::scenario::Diagnostic;
using icsim::scenario::load_scenario;
using icsim::scenario::ScenarioError;
using icsim::scenario::sha256_hex;
namespace engine = icsim::engine;
namespace models = icsim::models;

namespace {

using icsim::test::kTutorial;

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A directory of its own for one test, removed afterwards.
class ScratchDirectory {
 public:
  explicit ScratchDirectory(const std::string& name)
      : path_(fs::temp_directory_path() / ("icsim_" + name + "_" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;

  [[nodiscard]] const fs::path& path() const { return path_; }

  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
    return (path_ / name).string();
  }

 private:
  fs::path path_;
};

template <class T>
const T& as(const engine::Distribution& d) {
  REQUIRE(std::holds_alternative<T>(d.spec()));
  return std::get<T>(d.spec());
}

using icsim::test::diagnostics_of;

}  // namespace

TEST_CASE("The tutorial's settings and demand land in the spec", "[scenario]") {
  const models::ScenarioSpec spec = load_scenario(kTutorial);
  CHECK(spec.name == "Tutorial area");
  CHECK(spec.file == kTutorial);
  CHECK(spec.start_year == 2025);
  CHECK(spec.years == 3);
  CHECK(spec.warmup_days == 365.0);
  CHECK(spec.replications == 10);
  CHECK(spec.seed == 1);

  REQUIRE(spec.age_bands.size() == 4);
  const models::AgeBandSpec& youngest = spec.age_bands[0];
  CHECK(youngest.name == "18-64");
  CHECK_FALSE(youngest.aged_65_plus);
  CHECK(youngest.population == 60000.0);
  CHECK(youngest.admissions_per_1000_per_year == 60.0);
  CHECK(youngest.step_up_share == 0.01);
  CHECK(youngest.pathway_split == std::array<double, 4>{0.85, 0.13, 0.015, 0.005});
  CHECK(as<engine::LogNormal>(youngest.time_to_nctr_days).mean == 4.0);
  CHECK(as<engine::LogNormal>(youngest.time_to_nctr_days).sd == 4.0);
  CHECK(spec.age_bands[1].name == "65-74");
  CHECK(spec.age_bands[1].aged_65_plus);
  const models::AgeBandSpec& oldest = spec.age_bands[3];
  CHECK(oldest.name == "85+");
  CHECK(oldest.aged_65_plus);
  CHECK(oldest.population == 3000.0);
  CHECK(oldest.admissions_per_1000_per_year == 500.0);
  CHECK(oldest.step_up_share == 0.06);
  CHECK(oldest.pathway_split == std::array<double, 4>{0.40, 0.48, 0.08, 0.04});
  CHECK(as<engine::LogNormal>(oldest.time_to_nctr_days).mean == 10.0);

  CHECK(spec.day_of_week_profile == std::array<double, 7>{1.10, 1.05, 1.00, 1.00, 1.00, 0.90, 0.95});
  CHECK(spec.month_profile[0] == 1.12);
  CHECK(spec.month_profile[5] == 0.93);
  CHECK(spec.month_profile[11] == 1.09);
  CHECK(spec.fall_share == 0.12);
  CHECK(spec.acsc_share == 0.15);

  CHECK(as<engine::LogNormal>(spec.triage_days).mean == 1.0);
  CHECK(as<engine::LogNormal>(spec.triage_days).sd == 0.8);
  CHECK(spec.discharge_days_per_week == 7);
  CHECK(spec.discharge_hour_start == 8.0);
  CHECK(spec.discharge_hour_end == 20.0);

  CHECK_FALSE(spec.bridging_after_days.has_value());
  CHECK(spec.bridging_routes.empty());
  CHECK(spec.deconditioning_per_day_waited == 0.0);
  CHECK(spec.readmission_days == 30.0);
  CHECK(spec.costs.acute_bed_day == 345.0);
  CHECK(spec.costs.nctr_bed_day == 0.0);
  CHECK(spec.costs.care_home_placement_per_week == 800.0);
  CHECK(spec.costs.real_terms_growth_per_year.home_ic == 0.0);
}

TEST_CASE("The tutorial's services, pathways and outcomes land in the spec", "[scenario]") {
  const models::ScenarioSpec spec = load_scenario(kTutorial);
  REQUIRE(spec.services.size() == 3);

  const models::ServiceSpec& reablement = spec.services[0];
  CHECK(reablement.name == "reablement");
  CHECK(reablement.kind == models::ServiceKind::kHomeBased);
  CHECK(reablement.capacity == 260.0);
  CHECK(reablement.capacity_in_care_hours);
  CHECK(reablement.package_hours_per_day_start == 2.0);
  CHECK(reablement.package_hours_per_day_after == 1.2);
  CHECK(reablement.package_intensive_days == 7.0);
  CHECK(as<engine::LogNormal>(reablement.length_of_stay_days).mean == 21.0);
  CHECK(as<engine::LogNormal>(reablement.length_of_stay_days).sd == 12.0);
  CHECK(reablement.cost_per_care_hour == 28.53);
  CHECK(reablement.discipline == engine::QueueDiscipline::kFirstComeFirstServed);
  CHECK_FALSE(reablement.short_term_care);
  REQUIRE(reablement.outcomes.size() == 5);
  CHECK(reablement.outcomes[0].destination == models::Destination::kHomeIndependent);
  CHECK(reablement.outcomes[0].probability == 0.70);
  CHECK(reablement.outcomes[1].destination == models::Destination::kHomeWithCare);
  CHECK(reablement.outcomes[2].destination == models::Destination::kCareHomeResidential);
  CHECK(reablement.outcomes[3].destination == models::Destination::kReadmission);
  CHECK(reablement.outcomes[3].probability == 0.07);
  CHECK(reablement.outcomes[4].destination == models::Destination::kDeath);

  const models::ServiceSpec& rehab = spec.services[1];
  CHECK(rehab.name == "rehab_beds");
  CHECK(rehab.kind == models::ServiceKind::kBedBased);
  CHECK(rehab.capacity == 30.0);
  CHECK_FALSE(rehab.capacity_in_care_hours);
  CHECK(rehab.cost_per_bed_day == 345.0);
  CHECK(rehab.capacity_changes.empty());
  REQUIRE(rehab.outcomes.size() == 5);
  CHECK(rehab.outcomes[1].destination == models::Destination::kNextService);  // step-down to reablement
  CHECK(rehab.outcomes[1].next_service == 0);
  CHECK(rehab.outcomes[1].probability == 0.24);
  CHECK(rehab.outcomes[2].destination == models::Destination::kCareHomeNursing);

  const models::ServiceSpec& d2a = spec.services[2];
  CHECK(d2a.name == "d2a_beds");
  CHECK(d2a.short_term_care);
  CHECK(d2a.capacity == 12.0);
  CHECK(d2a.cost_per_bed_day == 140.0);
  CHECK(as<engine::LogNormal>(d2a.length_of_stay_days).sd == 14.0);

  CHECK(spec.pathway_routes[0].empty());
  CHECK(models::services_of(spec.pathway_routes[1]) == std::vector<models::ServiceIndex>{0});
  CHECK(models::services_of(spec.pathway_routes[2]) == std::vector<models::ServiceIndex>{1});
  CHECK(models::services_of(spec.pathway_routes[3]) == std::vector<models::ServiceIndex>{2});
  CHECK(models::services_of(spec.step_up_routes) == std::vector<models::ServiceIndex>{0});
  CHECK(spec.step_up_max_wait_hours == 0.0);
}

TEST_CASE("A what-if extends its base: maps merge, lists and values are replaced, ~ removes", "[scenario]") {
  const ScratchDirectory dir("extends");
  const std::string what_if = dir.write("what_if.yaml", "extends: " + kTutorial + R"(
name: Tutorial area, 20 more rehabilitation beds from year 2
years: 5
demand:
  day_of_week_profile: [1, 1, 1, 1, 1, 1, 1]
services:
  rehab_beds:
    capacity_changes: [{day: 365, capacity: 50}]
    queue: priority
  reablement:
    capacity_care_hours_per_day: ~
    package_hours_per_day: ~
    cost_per_care_hour: ~
    capacity_packages: 120
    cost_per_package_day: 55
  bridging_beds:
    kind: bed_based
    short_term_care: true
    capacity_beds: 6
    ring_fenced_for_step_down: 2
    cost_per_bed_day: 150
    length_of_stay_days: {gamma: {shape: 2, scale: 7}}
    outcomes: {home_independent: 0.6, reablement: 0.3, death: 0.1}
bridging: {after_days: 5, service: bridging_beds}
deconditioning_per_day_waited: 0.002
)");
  const models::ScenarioSpec spec = load_scenario(what_if);
  CHECK(spec.name == "Tutorial area, 20 more rehabilitation beds from year 2");
  CHECK(spec.file == what_if);
  CHECK(spec.years == 5);
  CHECK(spec.seed == 1);  // from the base
  CHECK(spec.day_of_week_profile == std::array<double, 7>{1, 1, 1, 1, 1, 1, 1});
  CHECK(spec.month_profile[0] == 1.12);       // the rest of demand merges
  CHECK(spec.age_bands.size() == 4);

  REQUIRE(spec.services.size() == 4);
  const models::ServiceSpec& rehab = spec.services[1];
  CHECK(rehab.capacity == 30.0);  // untouched keys stay
  CHECK(rehab.cost_per_bed_day == 345.0);
  CHECK(rehab.discipline == engine::QueueDiscipline::kPriority);
  REQUIRE(rehab.capacity_changes.size() == 1);
  CHECK(rehab.capacity_changes[0].day == 365.0);
  CHECK(rehab.capacity_changes[0].capacity == 50.0);

  const models::ServiceSpec& reablement = spec.services[0];
  CHECK(reablement.capacity == 120.0);
  CHECK_FALSE(reablement.capacity_in_care_hours);
  CHECK(reablement.cost_per_care_hour == 55.0);
  CHECK(reablement.outcomes.size() == 5);

  const models::ServiceSpec& bridging = spec.services[3];
  CHECK(bridging.name == "bridging_beds");
  CHECK(bridging.ring_fenced_for_step_down == 2.0);
  CHECK(as<engine::Gamma>(bridging.length_of_stay_days).shape == 2.0);
  CHECK(bridging.outcomes[1].next_service == 0u);
  CHECK(models::services_of(spec.bridging_routes) == std::vector<models::ServiceIndex>{3});
  CHECK(spec.bridging_after_days == 5.0);
  CHECK(spec.deconditioning_per_day_waited == 0.002);
}

TEST_CASE("A what-if of a what-if: the nearest file wins, and paths are relative to each file", "[scenario]") {
  const ScratchDirectory dir("extends_chain");
  fs::create_directories(dir.path() / "base");
  dir.write("base/base.yaml", "extends: " + kTutorial + "\nyears: 4\nreadmission_days: 28\n");
  const std::string leaf = dir.write("leaf.yaml", "extends: base/base.yaml\nyears: 6\n");
  const models::ScenarioSpec spec = load_scenario(leaf);
  CHECK(spec.years == 6);
  CHECK(spec.readmission_days == 28.0);
  CHECK(spec.name == "Tutorial area");
}

TEST_CASE("Optional forms: capacity in packages, constant package hours, every distribution", "[scenario]") {
  const ScratchDirectory dir("forms");
  const std::string what_if = dir.write("forms.yaml", "extends: " + kTutorial + R"(
acute:
  triage_days: {lognormal: ~, triangular: {min: 0.5, mode: 1, max: 3}}
  discharge_days_per_week: 5
services:
  reablement:
    package_hours_per_day: 1.5
    length_of_stay_days: {lognormal: ~, empirical: {observations: [10, 14, 21, 28]}}
  rehab_beds:
    length_of_stay_days: {lognormal: ~, empirical: {edges: [0, 14, 28, 56], weights: [1, 2, 1]}}
  d2a_beds:
    length_of_stay_days: {lognormal: ~, weibull: {shape: 1.5, scale: 30}}
    capacity_changes:
      - {day: 0, capacity: 12}
      - {day: 400.5, capacity: 16}
)");
  const models::ScenarioSpec spec = load_scenario(what_if);
  CHECK(as<engine::Triangular>(spec.triage_days).mode == 1.0);
  CHECK(spec.discharge_days_per_week == 5);
  CHECK(spec.services[0].package_hours_per_day_start == 1.5);
  CHECK(spec.services[0].package_hours_per_day_after == 1.5);
  CHECK(spec.services[0].package_intensive_days == 0.0);
  CHECK(as<engine::EmpiricalObservations>(spec.services[0].length_of_stay_days).values.size() == 4);
  CHECK(as<engine::EmpiricalHistogram>(spec.services[1].length_of_stay_days).weights ==
        std::vector<double>{1, 2, 1});
  CHECK(as<engine::Weibull>(spec.services[2].length_of_stay_days).scale == 30.0);
  REQUIRE(spec.services[2].capacity_changes.size() == 2);
  CHECK(spec.services[2].capacity_changes[1].day == 400.5);
}

TEST_CASE("SHA-256 matches the standard's test vectors", "[scenario]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1'000'000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("The scenario hash covers the text of the file and everything it extends", "[scenario]") {
  const std::string tutorial_text = read_bytes(kTutorial);
  const models::ScenarioSpec tutorial = load_scenario(kTutorial);
  CHECK(tutorial.sha256 == sha256_hex(tutorial_text));  // what sha256sum prints
  CHECK(load_scenario(kTutorial).sha256 == tutorial.sha256);  // stable

  const ScratchDirectory dir("hash");
  SECTION("the same text elsewhere has the same hash") {
    CHECK(load_scenario(dir.write("copy.yaml", tutorial_text)).sha256 == tutorial.sha256);
  }
  SECTION("a changed comment changes the hash") {
    CHECK(load_scenario(dir.write("edited.yaml", tutorial_text + "# edited\n")).sha256 != tutorial.sha256);
  }
  SECTION("a what-if hashes its own text, then its base's") {
    const std::string text = "extends: " + kTutorial + "\nyears: 4\n";
    const models::ScenarioSpec what_if = load_scenario(dir.write("what_if.yaml", text));
    CHECK(what_if.sha256 == sha256_hex(text + tutorial_text));
    CHECK(what_if.sha256 != tutorial.sha256);
  }
}

TEST_CASE("Every scenario shipped in scenarios/ is valid", "[scenario]") {
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(ICSIM_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    if (read_bytes(entry.path()).find("\nscenario: ") != std::string::npos) continue;  // a sweep: sweep_test.cpp
    INFO(entry.path().string());
    if (entry.path().filename() == "plan.yaml") {  // a plan for the existing model beside it
      const auto scenario = load_scenario((entry.path().parent_path() / "current-model.yaml").string());
      try {
        CHECK_FALSE(icsim::scenario::load_plan(entry.path().string(), scenario).services.empty());
      } catch (const ScenarioError& e) {
        FAIL(e.what());
      }
      continue;
    }
    try {
      (void)load_scenario(entry.path().string());
    } catch (const ScenarioError& e) {
      FAIL(e.what());
    }
    ++checked;
  }
  CHECK(checked >= 1);
}

TEST_CASE("A missing file is an error about the file, with no line", "[scenario]") {
  const std::vector<Diagnostic> diagnostics = diagnostics_of("no/such/scenario.yaml");
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].file == "no/such/scenario.yaml");
  CHECK(diagnostics[0].line == 0);
  CHECK(diagnostics[0].to_string() == "no/such/scenario.yaml: error: cannot read the scenario: no such file");
}

TEST_CASE("A diagnostic prints as FILE:LINE:COL: error: MESSAGE", "[scenario]") {
  const Diagnostic d{"winter.yaml", 14, 7, "services.rehab_beds.capacity_beds: expected a number, got \"ten\""};
  CHECK(d.to_string() == "winter.yaml:14:7: error: services.rehab_beds.capacity_beds: expected a number, got \"ten\"");
  const ScenarioError error({d, Diagnostic{"winter.yaml", 20, 3, "second"}});
  CHECK(std::string(error.what()) == d.to_string() + "\nwinter.yaml:20:3: error: second");
}

TEST_CASE("growth, the capacity policy and phased changes become each year's settings", "[scenario][projection]") {
  const auto spec = icsim::scenario::load_scenario(std::string(ICSIM_SOURCE_DIR) +
                                                   "/tests/scenario/valid/growth-and-changes.yaml");
  REQUIRE(spec.yearly.size() == 3);
  // 85+: 3000 growing 5% a year; admission rates falling 1% a year.
  CHECK(spec.yearly[2].population[3] == Approx(3000 * 1.05 * 1.05));
  CHECK(spec.yearly[2].admissions_per_1000_per_year[3] == Approx(500 * 0.99 * 0.99));
  // Reablement grows with its demand; rehab beds are phased to 40 over 2026-2027.
  CHECK(spec.yearly[2].capacity[0] > spec.yearly[0].capacity[0]);
  CHECK(spec.yearly[0].capacity[1] == Approx(30.0));
  CHECK(spec.yearly[2].capacity[1] == Approx(40.0));
  CHECK(spec.yearly[1].capacity[1] > 30.0);
  CHECK(spec.yearly[1].capacity[1] < 40.0);
  CHECK(spec.yearly[2].length_of_stay_days[1].mean() == Approx(20.0));
  CHECK(spec.yearly[2].step_up_share[3] == Approx(0.2));
  CHECK(spec.yearly[1].step_up_share[3] == Approx(0.06 + 0.5 * (0.2 - 0.06)));
  CHECK(spec.yearly[2].discharge_days_per_week == 5);
  CHECK(spec.yearly[2].triage_days.mean() == Approx(0.5));
  REQUIRE(spec.initial_census);
  CHECK(spec.initial_census->acute_inpatients == 150);
  CHECK(spec.initial_census->waiting_in_acute[1] == 5);
  CHECK(spec.initial_census->in_service[0] == 100);
  CHECK(spec.long_term_care.residential_stay_days.mean() == Approx(344.0));
}

TEST_CASE("a projected population table in the ONS layout sets each year's residents", "[scenario][projection]") {
  const std::string file = std::string(ICSIM_SOURCE_DIR) + "/tests/scenario/valid/population-projection.yaml";
  const auto spec = icsim::scenario::load_scenario(file);
  REQUIRE(spec.yearly.size() == 3);
  CHECK(spec.yearly[0].population[3] == 3000);
  CHECK(spec.yearly[1].population[3] == 3150);
  CHECK(spec.yearly[2].population[0] == 60200);
  CHECK(spec.yearly[2].capacity[1] == 30);  // capacities fixed
  // The table is part of the scenario: its hash differs from the tutorial's.
  const auto tutorial = icsim::scenario::load_scenario(std::string(ICSIM_SOURCE_DIR) + "/scenarios/tutorial.yaml");
  CHECK(spec.sha256 != tutorial.sha256);
}

TEST_CASE("a population table saved by Excel as CSV UTF-8 reads as the plain one", "[scenario][projection]") {
  // A byte-order mark, quoted fields and CRLF line ends, as Excel writes them.
  const std::string folder = std::string(ICSIM_SOURCE_DIR) + "/tests/scenario/valid/";
  const auto excel = icsim::scenario::load_scenario(folder + "population-excel.yaml");
  const auto plain = icsim::scenario::load_scenario(folder + "population-projection.yaml");
  REQUIRE(excel.yearly.size() == plain.yearly.size());
  for (std::size_t y = 0; y < plain.yearly.size(); ++y) CHECK(excel.yearly[y].population == plain.yearly[y].population);
}

TEST_CASE("places, hospitals, whom services serve and routes land in the spec", "[scenario][places]") {
  const auto spec = load_scenario(std::string(ICSIM_SOURCE_DIR) + "/tests/places/two-areas.yaml");
  REQUIRE(spec.places.size() == 2);
  REQUIRE(spec.hospitals.size() == 2);
  CHECK(spec.hospitals[1].id == "south_hospital");
  CHECK(spec.hospitals[1].name == "South hospital");
  const auto& south = spec.places[1];
  CHECK(south.id == "south");
  CHECK(south.name == "South");
  CHECK(south.board == "South");
  CHECK(south.hospital_shares == std::vector<double>{0.0, 1.0});
  REQUIRE(south.age_bands.size() == 3);
  CHECK(south.age_bands[0].population == 20000);
  CHECK(south.age_bands[0].admissions_per_1000_per_year == Approx(72.0));  // the area's 60 x 1.2
  CHECK(south.age_bands[2].admissions_per_1000_per_year == Approx(600.0));
  CHECK(south.age_bands[2].step_up_share == Approx(0.10));                 // its own
  CHECK(south.age_bands[1].step_up_share == Approx(0.03));                 // the area's
  CHECK(south.age_bands[2].pathway_split[2] == Approx(0.10));
  CHECK(spec.age_bands[0].population == 60000);  // the area's band: the places' residents together
  const auto& beds_south = spec.services[4];
  CHECK(beds_south.name == "beds_south");
  CHECK(beds_south.owner.kind == models::ServiceOwner::Kind::kPlaces);
  CHECK(beds_south.owner.places == std::vector<models::PlaceIndex>{1});
  CHECK(models::services_of(spec.pathway_routes[2]) == std::vector<models::ServiceIndex>{1, 4});
  CHECK(models::services_of(spec.step_up_routes) == std::vector<models::ServiceIndex>{0, 3});
  // Demand by cell, place by place.
  const auto years = models::yearly_settings(spec);
  REQUIRE(years.front().population.size() == 6);
  CHECK(years.front().population[3] == 20000);
  CHECK(years.front().step_up_share[5] == Approx(0.10));

  const auto aid = load_scenario(std::string(ICSIM_SOURCE_DIR) + "/tests/places/mutual-aid.yaml");
  REQUIRE(aid.services[2].name == "beds_east");
  REQUIRE(aid.services[2].mutual_aid);
  CHECK(aid.services[2].mutual_aid->after_days == 1.0);
  CHECK(aid.services[2].mutual_aid->neighbours == std::vector<models::ServiceIndex>{3});
  CHECK_FALSE(aid.services[3].mutual_aid);
}

// Pooling renumbers the services: every per-service setting of every year
// must move with its service (the community's starts once stayed behind, so
// the market's care homes took each other's).
TEST_CASE("pooling moves each year's per-service settings with their service", "[scenario][places][pooling]") {
  const auto spec = load_scenario(std::string(ICSIM_SOURCE_DIR) + "/scenarios/lancashire/pooled.yaml");
  REQUIRE(spec.services.size() == 18);
  const auto& first = spec.yearly.front();
  REQUIRE(first.community_starts_per_week.size() == spec.services.size());
  for (std::size_t s = 0; s < spec.services.size(); ++s) {
    INFO(spec.services[s].name);
    CHECK(first.community_starts_per_week[s] == Approx(spec.services[s].community_starts_per_week));
    CHECK(first.capacity[s] == Approx(spec.services[s].capacity));
  }
  // The pool's starts from home are its members' together.
  const auto apart = load_scenario(std::string(ICSIM_SOURCE_DIR) + "/scenarios/lancashire/current-model.yaml");
  double members = 0.0;
  for (const auto& service : apart.services)
    if (service.name.starts_with("home_based_ic_")) members += service.community_starts_per_week;
  CHECK(spec.services[0].name == "home_based_ic");
  CHECK(members > 0.0);
  CHECK(spec.services[0].community_starts_per_week == Approx(members));
}

TEST_CASE("places grow by the area's rates or their own table, and changes can target one place", "[scenario][places]") {
  const auto spec = load_scenario(std::string(ICSIM_SOURCE_DIR) + "/tests/scenario/valid/places-growth.yaml");
  REQUIRE(spec.yearly.size() == 3);
  // Cells: North's three bands, then South's.
  CHECK(spec.yearly[2].population[2] == Approx(2000 * 1.05 * 1.05));  // North 85+: the area's rate
  CHECK(spec.yearly[2].population[1] == Approx(8000 * 1.01 * 1.01));
  CHECK(spec.yearly[1].population[5] == 1600);                        // South 85+: its own table
  CHECK(spec.yearly[2].population[4] == 5400);
  CHECK(spec.yearly[0].step_up_share[5] == Approx(0.10));
  CHECK(spec.yearly[1].step_up_share[5] == Approx(0.2));   // South's 85+ only
  CHECK(spec.yearly[1].step_up_share[2] == Approx(0.06));  // North's 85+ unchanged
  CHECK(spec.yearly[1].step_up_share[1] == Approx(0.05));  // every place's 65-74
  CHECK(spec.yearly[1].step_up_share[4] == Approx(0.05));
}

TEST_CASE("a plan's target can be set for one place or every place, hospital, board or ICP", "[scenario][places][plan]") {
  const ScratchDirectory dir("plan_by_place");
  const auto places = load_scenario(std::string(ICSIM_SOURCE_DIR) + "/tests/places/two-areas.yaml");
  const auto plan_with = [&](const std::string& target) {
    return dir.write("plan.yaml", "services:\n  beds_north: {min: 8, max: 30, step: 2, cost_per_unit_per_year: 60000}\n"
                                  "target: " + target + "\n");
  };
  const auto errors = [&](const std::string& target, const models::ScenarioSpec& scenario) {
    try {
      (void)icsim::scenario::load_plan(plan_with(target), scenario);
    } catch (const ScenarioError& e) {
      return e.diagnostics();
    }
    FAIL("expected the plan not to load: " << target);
    return std::vector<Diagnostic>{};
  };
  const auto every = icsim::scenario::load_plan(plan_with("{metric: mean_wait_days_p2, at_most: 2, in_every: place}"), places);
  CHECK(every.target.parts.size() == 2);
  CHECK(every.target.where == "every place");
  const auto one = icsim::scenario::load_plan(plan_with("{metric: nctr_bed_days, at_most: 4000, place: south}"), places);
  REQUIRE(one.target.parts.size() == 1);
  CHECK(models::area_parts(places)[one.target.parts[0]].id == "south");
  CHECK(one.target.where == "South");

  auto e = errors("{metric: mean_wait_days_p2, at_most: 2, place: sout}", places);
  REQUIRE(e.size() == 1);
  CHECK(e[0].message == "target.place: the scenario has no place named \"sout\" (did you mean \"south\"?)");
  e = errors("{metric: wait_days_beds_north, at_most: 2, in_every: place}", places);
  REQUIRE(e.size() == 1);
  CHECK_THAT(e[0].message, Catch::StartsWith("target: South reports no metric \"wait_days_beds_north\""));
  e = errors("{metric: mean_wait_days_p2, at_most: 2, in_every: place}", load_scenario(kTutorial));
  REQUIRE(e.size() == 2);  // the tutorial has no beds_north either
  CHECK(e[1].message == "target.in_every: the scenario has no places or hospitals");
  e = errors("{minimise: total_cost, place: south}", places);
  REQUIRE(e.size() == 1);
  CHECK(e[0].message == "target.place: where a metric must be met; total cost is the area's");
}
