// The corpus in tests/scenario/broken/: one defect a file, each reported at
// its exact file, line and column with its message, and files with several
// defects reporting all of them.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <icsim/scenario/load.hpp>

#include "scenario_files.hpp"

namespace fs = std::filesystem;
using icsim::scenario::Diagnostic;
using icsim::scenario::ScenarioError;

namespace {

const std::string kBroken = std::string(ICSIM_SOURCE_DIR) + "/tests/scenario/broken/";
using icsim::test::kTutorial;

struct Expected {
  const char* file;      // in tests/scenario/broken/
  int line;
  int column;
  const char* message;   // the whole message, or a distinctive part when `whole` is false
  bool whole = true;
  bool in_tutorial = false;  // the node came from the tutorial the file extends
  const char* base = nullptr;  // or from this file it extends (from the source folder)
};

std::vector<Diagnostic> broken_file_diagnostics(const std::string& file) {
  return icsim::test::diagnostics_of(kBroken + file);
}

void check_diagnostic(const Diagnostic& d, const Expected& e) {
  CHECK(d.file == (e.base != nullptr  ? std::string(ICSIM_SOURCE_DIR) + "/" + e.base
                   : e.in_tutorial ? kTutorial
                                   : kBroken + e.file));
  CHECK(d.line == e.line);
  CHECK(d.column == e.column);
  if (e.whole)
    CHECK(d.message == e.message);
  else
    CHECK_THAT(d.message, Catch::Contains(e.message));
}

// Each file reports exactly its one defect.
void check_each(const std::vector<Expected>& cases) {
  for (const Expected& e : cases) {
    DYNAMIC_SECTION(e.file) {
      const std::vector<Diagnostic> diagnostics = broken_file_diagnostics(e.file);
      for (const Diagnostic& d : diagnostics) UNSCOPED_INFO(d.to_string());
      REQUIRE(diagnostics.size() == 1);
      check_diagnostic(diagnostics[0], e);
    }
  }
}

// ---- the corpus, by the kind of defect ----

const std::vector<Expected> kReading{
    {"not_utf8.yaml", 2, 19, "the file is not UTF-8: byte 0xE9 cannot start a character here (save the file as UTF-8)"},
    {"utf16.yaml", 1, 1, "the file is not UTF-8: byte 0xFF", false},
    {"not_yaml.yaml", 4, 20, "not valid YAML: a \"[\" opened here is not closed with \"]\""},
    {"bad_indentation.yaml", 4, 17,
     "not valid YAML: a \":\" where a value cannot start (a value that holds \": \" must be quoted), or a key "
     "indented more than the keys beside it"},
    {"lone_comma.yaml", 1, 1, "the file is empty: a scenario is a map of keys such as name:, demand: and services:"},
    {"unclosed_quote.yaml", 2, 7, "not valid YAML: a double quote (\") opens a value here and is never closed"},
    {"deep_brackets.yaml", 2, 75, "not valid YAML: brackets nested more than 64 levels deep here; a scenario needs a few"},
    {"extends_device.yaml", 1, 10,
     "extends: cannot read \"/dev/zero\": it is not a regular file (a device, a pipe or a socket cannot be read as "
     "input)"},
    {"two_documents.yaml", 4, 1, "a scenario file holds one YAML document; this is a second one (after \"---\")"},
    {"empty.yaml", 1, 1, "the file is empty: a scenario is a map of keys such as name:, demand: and services:"},
    {"top_level_list.yaml", 1, 1, "a scenario is a map of keys such as name:, demand: and services:, got a list"},
    {"duplicate_key.yaml", 4, 1, "duplicate key \"years\" (first given at line 2, column 1)"},
    {"duplicate_nested_key.yaml", 6, 5,
     "services.rehab_beds: duplicate key \"capacity_beds\" (first given at line 4, column 5)"},
    {"control_character.yaml", 3, 15,
     "the file holds control character 0x00, which YAML does not allow in a text file"},
};

const std::vector<Expected> kExtends{
    // a extends b extends a: reported where the cycle closes, in b.
    {"extends_itself.yaml", 1, 10, "extends: a cycle of files that extend each other: ", false},
    {"extends_missing.yaml", 1, 10, "scenarios/tutorial_base.yaml\": no such file", false},
    {"extends_not_a_path.yaml", 1, 10, "extends: expected the path of a scenario file, got a list"},
};

const std::vector<Expected> kKeys{
    {"unknown_top_key.yaml", 2, 1, "unknown key \"replicatons\" (did you mean \"replications\"?)"},
    {"unknown_service_key.yaml", 4, 5,
     "services.rehab_beds: unknown key \"capcity_beds\" (did you mean \"capacity_beds\"?)"},
    {"missing_required_top.yaml", 1, 1, "missing required key \"seed\""},
    {"missing_required_nested.yaml", 4, 5, "services.rehab_beds: missing required key \"length_of_stay_days\""},
    {"missing_pathway_share.yaml", 7, 22, "demand.age_bands[0].pathway_split: missing required key \"P3\""},
    {"kind_mismatch.yaml", 4, 5,
     "services.rehab_beds.capacity_care_hours_per_day: a bed_based service has no capacity_care_hours_per_day "
     "(that is for home_based services)"},
    {"both_capacities.yaml", 4, 5,
     "services.reablement: give capacity_care_hours_per_day or capacity_packages, not both"},
    // The offending key is in the tutorial, which the file extends.
    {"package_hours_with_packages.yaml", 54, 5,
     "services.reablement.package_hours_per_day: not used with capacity_packages", false, true},
    {"p0_has_no_service.yaml", 2, 12,
     "pathways.P0: pathway 0 is home with no new support and has no service; remove it"},
};

const std::vector<Expected> kValues{
    {"wrong_type_number.yaml", 4, 20, "services.rehab_beds.capacity_beds: expected a number, got \"ten\""},
    {"quoted_number.yaml", 2, 8,
     "years: expected a whole number from 1 to 100, got \"5\" (text in quotes; write the number without them)"},
    {"wrong_type_map.yaml", 2, 8, "acute: expected a map of keys, got a list"},
    {"wrong_type_boolean.yaml", 4, 22, "services.d2a_beds.short_term_care: expected true or false, got \"yes\""},
    {"unknown_queue.yaml", 4, 12,
     "services.rehab_beds.queue: expected fifo or priority, got \"fifi\" (did you mean \"fifo\"?)"},
    {"probability_above_one.yaml", 3, 15, "demand.fall_share: a probability must be between 0 and 1, got 1.2"},
    {"pathway_split_sum.yaml", 7, 22,
     "demand.age_bands[0].pathway_split: the shares of P0 to P3 sum to 0.97, not 1"},
    {"outcomes_sum.yaml", 5, 7, "services.d2a_beds.outcomes: the probabilities sum to 1.12, not 1"},
    {"negative_capacity.yaml", 4, 20, "services.rehab_beds.capacity_beds: expected a whole number, 0 or more, got -5"},
    {"negative_cost.yaml", 3, 18, "costs.acute_bed_day: must be 0 or more, got -345"},
    {"nan_capacity.yaml", 4, 34, "services.reablement.capacity_care_hours_per_day: expected a finite number, got .nan"},
    {"infinite_warmup.yaml", 2, 14, "warmup_days: expected a finite number, got .inf"},
    {"years_zero.yaml", 2, 8, "years: expected a whole number from 1 to 100, got 0"},
    {"negative_seed.yaml", 2, 7, "seed: expected a whole number from 0 to 18446744073709551615, got \"-1\""},
    {"profile_mean.yaml", 3, 24,
     "demand.day_of_week_profile: the mean is 1.121, must be 1 (within 0.01): Monday first, each a multiple of the "
     "average"},
    {"profile_length.yaml", 3, 18, "demand.month_profile: expected a list of 12 numbers, got 11"},
    {"discharge_hours_reversed.yaml", 3, 20,
     "acute.discharge_hours: expected [start, end] hours with 0 <= start < end <= 24, got [20, 8]"},
    {"hub_days_unknown_pathway.yaml", 3, 30, "acute.hub_days: unknown key \"P4\" (did you mean \"P0\"?)"},
    {"hub_days_without_triage.yaml", 3, 3, "acute: missing required key \"triage_days\""},
    {"admits_never_meets_discharge_hours.yaml", 4, 39,
     "services.d2a_beds.admits.hours: [6, 7] never meet the discharge hours [8, 20] (acute.discharge_hours): nobody "
     "could ever be discharged to it"},
    {"admits_no_days.yaml", 4, 29, "services.d2a_beds.admits.days_per_week: expected a whole number from 1 to 7, got 0"},
    {"p0_outcomes_over_one.yaml", 5, 28,
     "places.south.age_bands.85+.p0_outcomes: readmission and death sum to 1.1, more than 1 (the rest stay home)"},
    {"died_in_hospital_not_a_share.yaml", 5, 33,
     "places.south.age_bands.85+.died_in_hospital: a probability must be between 0 and 1, got 1.5"},
    {"capacity_changes_out_of_order.yaml", 6, 15,
     "services.rehab_beds.capacity_changes[1].day: days must increase down the list, got 180 after 365"},
    {"capacity_change_after_projection.yaml", 5, 15,
     "services.rehab_beds.capacity_changes[0].day: day 1200 is not within the projection, which ends at day 1095 "
     "(years x 365)"},
    {"ring_fence_above_capacity.yaml", 4, 32,
     "services.rehab_beds.ring_fenced_for_step_down: 35 places is more than the capacity, 30"},
    {"age_band_without_age.yaml", 4, 13,
     "demand.age_bands[0].name: an age band's name starts with its lowest age, like \"65-74\" or \"85+\", got "
     "\"older people\""},
};

const std::vector<Expected> kContracts{
    {"contract_unknown.yaml", 4, 15,
     "services.rehab_beds.contract: expected spot or block, got \"blok\" (did you mean \"block\"?)"},
    {"block_above_capacity.yaml", 4, 23,
     "services.rehab_beds.contract.block: a block of 40 is more than the service's capacity, 30 (capacity is what "
     "can be used: the block and spot purchases together)"},
    {"spot_price_wrong_unit.yaml", 4, 28,
     "services.reablement.contract.spot_cost_per_bed_day: capacity is in care hours a day, so give "
     "spot_cost_per_care_hour instead"},
    {"funder_unknown.yaml", 4, 16, "services.reablement.funded_by: expected nhs or council, got \"local_authority\""},
    {"budget_unknown_line.yaml", 3, 38,
     "costs.budget.covers[0]: expected acute or intermediate_care or short_term_care or long_term_care, got "
     "\"intermediate_cre\" (did you mean \"intermediate_care\"?)"},
    {"budget_years.yaml", 3, 68, "costs.budget.per_year: expected a list of 3 numbers, got 2"},
    {"outcome_rule_unknown_from.yaml", 5, 22,
     "services.rehab_beds.outcomes_for[0].when.from: expected community or hospital, got \"home\""},
    {"outcome_rule_sum.yaml", 6, 19, "services.rehab_beds.outcomes_for[0].outcomes: the probabilities sum to 0.9, not 1"},
    {"outcome_rule_unknown_band.yaml", 5, 28,
     "services.rehab_beds.outcomes_for[0].when.age_bands[0]: no age band named \"90+\""},
};

const std::vector<Expected> kDistributions{
    {"impossible_distribution.yaml", 4, 38,
     "services.rehab_beds.length_of_stay_days.lognormal: impossible parameters: a lognormal needs a finite mean > 0 "
     "and sd > 0"},
    {"unknown_distribution.yaml", 3, 31, "acute.triage_days: unknown distribution \"lognormla\" (did you mean \"lognormal\"?)"},
    {"distribution_two_names.yaml", 4, 26,
     "services.rehab_beds.length_of_stay_days: a distribution has one name, got lognormal and gamma (lognormal comes "
     "from the file this one extends; to replace it, also write lognormal: ~)"},
    {"distribution_missing_parameter.yaml", 3, 28, "acute.triage_days.lognormal: missing required key \"sd\""},
};

const std::vector<Expected> kNetwork{
    {"unknown_pathway_service.yaml", 2, 16, "pathways.P1: no service named \"reablment\" (did you mean \"reablement\"?)"},
    {"unknown_step_up_service.yaml", 3, 12,
     "step_up.service: no service named \"rehab_bed\" (did you mean \"rehab_beds\"?)"},
    {"unknown_outcome.yaml", 6, 7,
     "services.rehab_beds.outcomes: unknown outcome \"home_independant\": neither a destination nor a service (did you "
     "mean \"home_independent\"?)"},
    {"service_named_like_outcome.yaml", 3, 3,
     "services: a service cannot be called \"death\", which is the name of an outcome"},
    {"unreachable_service.yaml", 3, 3,
     "services.night_sitting: nobody can reach this service: no pathway, step-up, bridging or outcome of a service "
     "that people reach leads to it"},
    {"no_exit_self_loop.yaml", 9, 15,
     "services.holding_beds.outcomes: nobody can leave: no chain of outcomes from this service reaches home, a care "
     "home or death"},
};

const std::vector<Expected> kPlaces{
    {"place_unknown.yaml", 3, 23, "services.beds_south.place: no place named \"sought\" (did you mean \"south\"?)"},
    {"place_without_places.yaml", 3, 23,
     "services.rehab_beds.place: no place named \"north\" (the scenario has no places section)"},
    {"place_and_area_population.yaml", 4, 23,
     "demand.age_bands[0].population: with places, each place gives its residents (places.PLACE.population); remove "
     "it here"},
    {"place_population_missing_band.yaml", 4, 17, "places.south.population: missing required key \"85+\""},
    {"place_hospital_shares_sum.yaml", 4, 16, "places.north.hospitals: the shares sum to 0.9, not 1"},
    {"place_without_hospitals.yaml", 3, 10,
     "places.north: missing required key \"hospitals\": the shares of its admissions that go to each hospital, like "
     "{north_hospital: 0.8, south_hospital: 0.2}"},
    {"step_up_hospital_service.yaml", 106, 13,
     "step_up.service: reablement_north belongs to a hospital's discharge hub, which takes no step-up referrals from "
     "the community",
     true, false, "tests/places/two-areas.yaml"},
    {"mutual_aid_other_kind.yaml", 3, 3,
     "services.beds_north.mutual_aid.neighbours: \"reablement_south\" counts its capacity in care hours a day, this "
     "service in beds: a neighbour must offer the same kind of place"},
    {"service_two_owners.yaml", 3, 15,
     "services.beds_north: give one of place, places (a group that shares it) and hospital, not several"},
    {"service_group_of_one.yaml", 3, 34,
     "services.beds_north.places: expected a list of two or more places that share the service, got a list (one "
     "place: write place: ID)"},
    {"change_unknown_place.yaml", 5, 7, "changes[0].places.nort: no place named \"nort\" (did you mean \"north\"?)"},
    {"pooling_different_stays.yaml", 3, 22,
     "pooling.beds[1]: beds_south's length_of_stay_days differs from beds_north's: pooled services give their "
     "patients the same stays, outcomes and prices"},
    {"pooling_unknown_service.yaml", 3, 22, "pooling.beds[1]: no service named \"bed_south\" (did you mean \"beds_south\"?)"},
    {"growth_csv_without_place_column.yaml", 3, 30,
     "line 1: expected the header year,place,age_band,population, got \"year,age_band,population\"", false},
};

// Files with more than one diagnostic, checked one by one below.
const std::vector<std::string> kSeveral{"extends_cycle_a.yaml",        "extends_cycle_b.yaml",
                                        "step_up_without_service.yaml", "no_exit_loop.yaml",
                                        "alias_loop.yaml",              "several_errors.yaml",
                                        "route_leaves_place_unserved.yaml", "route_shares_sum.yaml"};

}  // namespace

const std::vector<Expected> kProjection{
    {"growth_unknown_band.yaml", 3, 76, "growth.population_change_per_year.85 +: no age band named \"85 +\" (did you mean \"85+\"?)"},
    {"growth_missing_band.yaml", 3, 31, "growth.population_change_per_year: missing the age band \"85+\" (write 0 for no change)"},
    {"growth_csv_missing_year.yaml", 3, 30, "has no population for 2027 and age band \"18-64\"", false},
    {"growth_csv_duplicate_row.yaml", 3, 30,
     "line 6: the population for 2025 and age band \"65-74\" is given twice (first at line 3)", false},
    {"growth_csv_empty.yaml", 3, 30, "line 1: the file is empty: expected the header year,age_band,population", false},
    {"growth_csv_folder.yaml", 3, 30, "it is a directory, not a file", false},
    {"growth_csv_open_quote.yaml", 3, 30,
     "line 3: a quoted field is not closed, or a quote stands inside an unquoted field", false},
    {"capacity_policy_unknown.yaml", 2, 18, "grow_with_demand", false},
    {"change_wrong_capacity_key.yaml", 6, 20, "changes[0].services.rehab_beds: unknown key \"capacity_care_hours_per_day\"", false},
    {"change_missing_year.yaml", 3, 5, "changes[0]: missing required key \"from_year\""},
    {"census_over_capacity.yaml", 4, 16, "initial_census.in_service.rehab_beds: 31 people need more than the service's capacity of 30"},
    {"census_waiting_off_pathway.yaml", 12, 22,
     "initial_census.waiting_in_acute.bridging_beds: people wait in acute beds only for a service a pathway (P1-P3) leads to"},
};

TEST_CASE("Broken files: not UTF-8, not YAML, not one map, duplicate keys", "[scenario][broken]") {
  check_each(kReading);
}

TEST_CASE("Broken files: extends that cannot be followed", "[scenario][broken]") { check_each(kExtends); }

TEST_CASE("Broken files: unknown keys with a suggestion, missing keys at the parent map", "[scenario][broken]") {
  check_each(kKeys);
}

TEST_CASE("Broken files: wrong types, values out of range, shares that do not sum to 1", "[scenario][broken]") {
  check_each(kValues);
}

TEST_CASE("Broken files: unknown and impossible distributions", "[scenario][broken]") { check_each(kDistributions); }

TEST_CASE("Broken files: contracts, funders, budgets and outcomes by person", "[scenario][broken]") { check_each(kContracts); }

TEST_CASE("Broken files: unknown service names, unreachable services, services with no way out",
          "[scenario][broken]") {
  check_each(kNetwork);
}

TEST_CASE("Broken files: growth, capacity policy, changes and the starting census", "[scenario][broken]") {
  check_each(kProjection);
}

TEST_CASE("Broken files: places, hospitals, whom services serve, mutual aid", "[scenario][broken][places]") {
  check_each(kPlaces);
}

TEST_CASE("A place left without a service on a pathway is named, with its bands and hospital", "[scenario][broken][places]") {
  const std::vector<Diagnostic> diagnostics = broken_file_diagnostics("route_leaves_place_unserved.yaml");
  REQUIRE(diagnostics.size() == 2);
  check_diagnostic(diagnostics[0], {"route_leaves_place_unserved.yaml", 3, 7,
                                    "pathways.P2: no service on it serves South's residents (18-64, 65-74, 85+) at South "
                                    "hospital: add one that belongs to the place, to its hospital, or to the whole area"});
  // ...and South's beds, on no pathway now, are reached by nobody.
  check_diagnostic(diagnostics[1], {"", 84, 3, "services.beds_south: nobody can reach this service", false, false,
                                    "tests/places/two-areas.yaml"});
}

TEST_CASE("Several routes for the same patients need shares that sum to 1", "[scenario][broken][places]") {
  const std::vector<Diagnostic> diagnostics = broken_file_diagnostics("route_shares_sum.yaml");
  REQUIRE(diagnostics.size() == 2);
  check_diagnostic(diagnostics[0], {"route_shares_sum.yaml", 5, 7,
                                    "pathways.P2: North's 85+ residents at North hospital can take beds_north (1), "
                                    "frailty_beds (1): their shares sum to 2, not 1 (give each a share)"});
  check_diagnostic(diagnostics[1], {"route_shares_sum.yaml", 5, 7, "South's 85+ residents at South hospital", false});
}

TEST_CASE("An extends cycle is reported where it closes", "[scenario][broken]") {
  const std::vector<Diagnostic> diagnostics = broken_file_diagnostics("extends_cycle_a.yaml");
  REQUIRE(diagnostics.size() == 1);
  check_diagnostic(diagnostics[0], {"extends_cycle_b.yaml", 1, 10,
                                    "extends: a cycle of files that extend each other: ", false});
  CHECK_THAT(diagnostics[0].message, Catch::EndsWith("extends_cycle_a.yaml -> " + kBroken +
                                                     "extends_cycle_b.yaml -> " + kBroken + "extends_cycle_a.yaml"));
}

TEST_CASE("An alias that contains itself stops at a depth limit instead of the stack", "[scenario][broken]") {
  const std::vector<Diagnostic> diagnostics = broken_file_diagnostics("alias_loop.yaml");
  REQUIRE(diagnostics.size() == 2);
  check_diagnostic(diagnostics[0],
                   {"alias_loop.yaml", 5, 40, "nested more than 64 levels deep (an alias that contains itself?)"});
  check_diagnostic(diagnostics[1], {"alias_loop.yaml", 5, 43, "unknown outcome \"again\"", false});
}

TEST_CASE("Errors in what a file extends name that file", "[scenario][broken]") {
  // Removing step_up leaves every age band of the tutorial with a step-up share.
  const std::vector<Diagnostic> diagnostics = broken_file_diagnostics("step_up_without_service.yaml");
  REQUIRE(diagnostics.size() == 4);
  const int lines[] = {19, 25, 31, 37};
  for (std::size_t i = 0; i < 4; ++i) {
    check_diagnostic(diagnostics[i],
                     {"", lines[i], 22, "step_up_share: people can be stepped up only to a service", false, true});
  }
}

TEST_CASE("Two services that only send people to each other are both reported", "[scenario][broken]") {
  const std::vector<Diagnostic> diagnostics = broken_file_diagnostics("no_exit_loop.yaml");
  REQUIRE(diagnostics.size() == 2);
  check_diagnostic(diagnostics[0], {"no_exit_loop.yaml", 10, 15, "services.step_up_beds.outcomes: nobody can leave", false});
  check_diagnostic(diagnostics[1],
                   {"no_exit_loop.yaml", 16, 15, "services.assessment_ward.outcomes: nobody can leave", false});
}

TEST_CASE("Every error in a file is reported, in the order written", "[scenario][broken]") {
  const std::vector<Diagnostic> diagnostics = broken_file_diagnostics("several_errors.yaml");
  for (const Diagnostic& d : diagnostics) UNSCOPED_INFO(d.to_string());
  REQUIRE(diagnostics.size() == 6);
  const char* file = "several_errors.yaml";
  check_diagnostic(diagnostics[0], {file, 2, 1, "unknown key \"replicatons\" (did you mean \"replications\"?)"});
  check_diagnostic(diagnostics[1], {file, 3, 8, "years: expected a whole number from 1 to 100, got \"three\""});
  check_diagnostic(diagnostics[2],
                   {file, 6, 20, "services.rehab_beds.capacity_beds: expected a whole number, 0 or more, got -5"});
  check_diagnostic(diagnostics[3], {file, 7, 38, "services.rehab_beds.length_of_stay_days.lognormal: impossible", false});
  check_diagnostic(diagnostics[4], {file, 10, 7, "services.d2a_beds.outcomes: the probabilities sum to 1.12, not 1"});
  check_diagnostic(diagnostics[5],
                   {file, 11, 16, "pathways.P1: no service named \"reablment\" (did you mean \"reablement\"?)"});
  CHECK(diagnostics[0].to_string() ==
        kBroken + "several_errors.yaml:2:1: error: unknown key \"replicatons\" (did you mean \"replications\"?)");
}

TEST_CASE("Every file in the corpus is checked by a test", "[scenario][broken]") {
  std::set<std::string> checked(kSeveral.begin(), kSeveral.end());
  for (const auto* cases :
       {&kReading, &kExtends, &kKeys, &kValues, &kContracts, &kDistributions, &kNetwork, &kProjection, &kPlaces})
    for (const Expected& e : *cases) checked.insert(e.file);
  std::set<std::string> corpus;
  for (const auto& entry : fs::directory_iterator(kBroken))
    if (entry.path().extension() == ".yaml") corpus.insert(entry.path().filename().string());
  CHECK(corpus == checked);
  CHECK(corpus.size() >= 30);
}
