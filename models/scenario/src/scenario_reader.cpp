// The top level of a scenario: the projection's settings, the acute stay
// and costs, and the sections read by their own readers.

#include <algorithm>
#include <array>

#include <icsim/models/workload.hpp>
#include <icsim/scenario/did_you_mean.hpp>

#include "distribution_reader.hpp"
#include "section_readers.hpp"

namespace icsim::scenario {

void ScenarioReading::add_service(std::string name, ServiceSource source) {
  service_names_.push_back(std::move(name));
  service_sources_.push_back(std::move(source));
}

std::optional<models::ServiceIndex> ScenarioReading::find_service(std::string_view name) const {
  const auto it = std::find(service_names_.begin(), service_names_.end(), name);
  if (it == service_names_.end()) return std::nullopt;
  return static_cast<models::ServiceIndex>(it - service_names_.begin());
}

std::optional<models::ServiceIndex> ScenarioReading::read_service_name(const SourceNode& node,
                                                                       const std::string& path) {
  const std::optional<std::string> name = read_text(node, path, diagnostics_);
  if (!name) {
    network_complete_ = false;
    return std::nullopt;
  }
  if (auto index = find_service(*name)) return index;
  const std::vector<std::string_view> known(service_names_.begin(), service_names_.end());
  diagnostics_.error(node.location, path + ": no service named " + quote(*name) + did_you_mean(*name, known));
  network_complete_ = false;
  return std::nullopt;
}

namespace {

void read_acute(const MapReader& top, DiagnosticList& diagnostics, models::ScenarioSpec& spec) {
  const SourceNode* node = top.required("acute");
  if (node == nullptr) return;
  const MapReader acute(*node, "acute", diagnostics);
  if (!acute.is_map()) return;
  acute.allow_only({"triage_days", "hub_days", "discharge_days_per_week", "discharge_hours"});
  // The hub's time: for every pathway (triage_days), by pathway (hub_days,
  // over it), or both; every pathway needs one.
  if (const SourceNode* hub = acute.optional("hub_days"))
    spec.hub_days = read_by_pathway(*hub, acute.path_of("hub_days"), diagnostics);
  const bool every_pathway =
      std::all_of(spec.hub_days.begin(), spec.hub_days.end(), [](const auto& d) { return d.has_value(); });
  if (const SourceNode* triage = every_pathway ? acute.optional("triage_days") : acute.required("triage_days"))
    if (auto d = read_distribution(*triage, acute.path_of("triage_days"), diagnostics)) spec.triage_days = std::move(*d);
  if (const SourceNode* days = acute.optional("discharge_days_per_week"))
    if (auto v = read_whole_number(*days, acute.path_of("discharge_days_per_week"), 1, 7, diagnostics))
      spec.discharge_days_per_week = static_cast<int>(*v);
  if (const SourceNode* hours = acute.optional("discharge_hours"))
    if (auto v = read_hours_of_day(*hours, acute.path_of("discharge_hours"), diagnostics)) {
      spec.discharge_hour_start = v->first;
      spec.discharge_hour_end = v->second;
    }
}

}  // namespace

std::optional<std::pair<double, double>> read_hours_of_day(const SourceNode& node, const std::string& path,
                                                           DiagnosticList& diagnostics) {
  const auto v = read_numbers(node, path, NumberRule::kNonNegative, 2, diagnostics);
  if (!v) return std::nullopt;
  if ((*v)[0] < (*v)[1] && (*v)[1] <= 24.0) return std::pair{(*v)[0], (*v)[1]};
  diagnostics.error(node.location, path + ": expected [start, end] hours with 0 <= start < end <= 24, got [" +
                                       format_number((*v)[0]) + ", " + format_number((*v)[1]) + "]");
  return std::nullopt;
}

namespace {

// One rate a year for every setting, or a map by setting.
void read_cost_growth(const SourceNode& node, const std::string& path, DiagnosticList& diagnostics,
                      models::CostGrowth& growth) {
  auto read_rate = [&](const SourceNode& value, const std::string& where, double& rate) {
    if (auto v = read_number(value, where, NumberRule::kYearlyChange, diagnostics)) rate = *v;
  };
  const std::array<std::pair<std::string_view, double*>, 5> settings{{{"acute", &growth.acute},
                                                                      {"ic_beds", &growth.ic_beds},
                                                                      {"home_ic", &growth.home_ic},
                                                                      {"short_term_care", &growth.short_term_care},
                                                                      {"long_term_care", &growth.long_term_care}}};
  if (!node.is_map()) {
    double rate = 0.0;
    read_rate(node, path, rate);
    for (const auto& [name, value] : settings) *value = rate;
    return;
  }
  const MapReader map(node, path, diagnostics);
  map.allow_only({"acute", "ic_beds", "home_ic", "short_term_care", "long_term_care"});
  for (const auto& [name, value] : settings)
    if (const SourceNode* rate = map.required(name)) read_rate(*rate, map.path_of(name), *value);
}

// budget: {name, covers: [cost lines], per_year: amount, or one per projected year}.
void read_budget(const SourceNode& node, const std::string& path, DiagnosticList& diagnostics, models::ScenarioSpec& spec) {
  const MapReader map(node, path, diagnostics);
  if (!map.is_map()) return;
  map.allow_only({"name", "covers", "per_year"});
  models::BudgetSpec budget;
  bool complete = true;
  if (const SourceNode* name = map.required("name")) {
    const auto text = read_text(*name, map.path_of("name"), diagnostics);
    complete = complete && text;
    budget.name = text.value_or("");
  }
  if (const SourceNode* covers = map.required("covers")) {
    const std::string covers_path = map.path_of("covers");
    if (!covers->is_list() || covers->items.empty()) {
      diagnostics.error(covers->location, covers_path + ": expected a list of the cost lines the budget pays for "
                                                        "(acute, intermediate_care, short_term_care, long_term_care), got " +
                                              describe(*covers));
      complete = false;
    }
    for (std::size_t i = 0; i < covers->items.size(); ++i) {
      const auto line = read_choice(covers->items[i], item_path(covers_path, i),
                                    {"acute", "intermediate_care", "short_term_care", "long_term_care"}, diagnostics);
      if (!line) {
        complete = false;
        continue;
      }
      bool& covered = *line == "acute" ? budget.acute
                      : *line == "intermediate_care" ? budget.intermediate_care
                      : *line == "short_term_care"   ? budget.short_term_care
                                                     : budget.long_term_care;
      if (covered) diagnostics.error(covers->items[i].location, item_path(covers_path, i) + ": " + *line + " is listed twice");
      covered = true;
    }
  } else {
    complete = false;
  }
  if (const SourceNode* amounts = map.required("per_year")) {
    const std::string amounts_path = map.path_of("per_year");
    const auto years = static_cast<std::size_t>(spec.years);
    if (amounts->is_list()) {
      if (auto v = read_numbers(*amounts, amounts_path, NumberRule::kPositive, years, diagnostics)) budget.per_year = *v;
    } else if (auto v = read_number(*amounts, amounts_path, NumberRule::kPositive, diagnostics)) {
      budget.per_year.assign(years, *v);
    }
    complete = complete && budget.per_year.size() == years;
  } else {
    complete = false;
  }
  if (complete) spec.costs.budget = std::move(budget);
}

void read_costs(const MapReader& top, DiagnosticList& diagnostics, models::ScenarioSpec& spec) {
  const SourceNode* node = top.required("costs");
  if (node == nullptr) return;
  const MapReader costs(*node, "costs", diagnostics);
  if (!costs.is_map()) return;
  costs.allow_only(
      {"acute_bed_day", "nctr_bed_day", "care_home_placement_per_week", "real_terms_growth_per_year", "budget"});
  if (auto v = costs.required_number("acute_bed_day", NumberRule::kNonNegative)) spec.costs.acute_bed_day = *v;
  if (auto v = costs.optional_number("nctr_bed_day", NumberRule::kNonNegative)) spec.costs.nctr_bed_day = *v;
  if (auto v = costs.optional_number("care_home_placement_per_week", NumberRule::kNonNegative))
    spec.costs.care_home_placement_per_week = *v;
  if (const SourceNode* growth = costs.optional("real_terms_growth_per_year"))
    read_cost_growth(*growth, costs.path_of("real_terms_growth_per_year"), diagnostics, spec.costs.real_terms_growth_per_year);
  if (const SourceNode* budget = costs.optional("budget")) read_budget(*budget, costs.path_of("budget"), diagnostics, spec);
}

void read_settings(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec) {
  DiagnosticList& diagnostics = reading.diagnostics();
  if (const SourceNode* node = top.required("name"))
    if (auto name = read_text(*node, "name", diagnostics)) spec.name = *name;
  if (const SourceNode* node = top.required("start_year"))
    if (auto year = read_whole_number(*node, "start_year", 1900, 2200, diagnostics))
      spec.start_year = static_cast<int>(*year);
  if (const SourceNode* node = top.required("years")) {
    if (auto years = read_whole_number(*node, "years", 1, 100, diagnostics)) {
      spec.years = static_cast<int>(*years);
      reading.projection_days = static_cast<double>(*years) * engine::kDaysPerYear;
    }
  }
  if (auto days = top.required_number("warmup_days", NumberRule::kNonNegative)) spec.warmup_days = *days;
  if (const SourceNode* node = top.required("replications"))
    if (auto n = read_whole_number(*node, "replications", 1, 1'000'000, diagnostics))
      spec.replications = static_cast<int>(*n);
  if (const SourceNode* node = top.required("seed"))
    if (auto seed = read_seed(*node, "seed", diagnostics)) spec.seed = *seed;
  if (auto v = top.optional_number("deconditioning_per_day_waited", NumberRule::kProbability))
    spec.deconditioning_per_day_waited = *v;
  if (auto v = top.optional_number("readmission_days", NumberRule::kPositive)) spec.readmission_days = *v;
}

// A scenario that could not be run in reasonable time or memory is refused
// here, at the key that makes it so.
void check_workload(const MapReader& top, ScenarioReading& reading, const models::ScenarioSpec& spec) {
  const models::WorkloadRefusal refusal = models::workload_refusal(spec, models::workload(spec));
  if (refusal.limit == models::WorkloadLimit::kNone) return;
  const char* key = refusal.limit == models::WorkloadLimit::kCensus ? "initial_census"
                    : top.entry("demand") != nullptr                 ? "demand"
                                                                     : "places";
  const MapEntry* entry = top.entry(key);
  reading.diagnostics().error(entry != nullptr ? entry->key_location : top.node().location, refusal.why);
}

}  // namespace

models::ScenarioSpec read_scenario(const SourceNode& root, ScenarioReading& reading) {
  models::ScenarioSpec spec;
  const MapReader top(root, "", reading.diagnostics());
  top.allow_only({"name", "start_year", "years", "warmup_days", "replications", "seed", "demand", "acute",
                  "services", "pathways", "step_up", "bridging", "deconditioning_per_day_waited",
                  "readmission_days", "costs", "growth", "capacity_policy", "changes", "initial_census",
                  "long_term_care", "hospitals", "places", "pooling", "care_market"});
  read_settings(top, reading, spec);
  reading.step_up_given = top.optional("step_up") != nullptr;
  read_place_names(top, reading, spec);
  read_acute(top, reading.diagnostics(), spec);  // before the services, whose admission hours must meet its
  read_services(top, reading, spec);
  read_demand(top, reading, spec);
  read_place_demand(top, reading, spec);
  read_outcome_rules(top, reading, spec);
  read_routing(top, reading, spec);
  read_costs(top, reading.diagnostics(), spec);
  read_projection(top, reading, spec);
  if (reading.diagnostics().empty()) apply_pooling(top, reading, spec);
  if (reading.diagnostics().empty()) check_routes(reading, spec);
  if (reading.diagnostics().empty()) check_workload(top, reading, spec);
  return spec;
}

}  // namespace icsim::scenario
