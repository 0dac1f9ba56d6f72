// The plan file: services, target, years and replications, checked against
// the scenario (service and metric names, calendar years).

#include <icsim/scenario/plan.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include <icsim/models/metrics.hpp>
#include <icsim/scenario/did_you_mean.hpp>

#include "input_file.hpp"
#include "value_reader.hpp"
#include "yaml_reader.hpp"

namespace icsim::scenario {
namespace {

// Capacities a planned service may be tried at: a plan screens each one.
constexpr double kMostCandidates = 10'000;


void read_services(const MapReader& top, const models::ScenarioSpec& scenario, models::PlanSpec& plan) {
  DiagnosticList& diagnostics = top.diagnostics();
  const SourceNode* node = top.required("services");
  if (node == nullptr) return;
  const MapReader services(*node, "services", diagnostics);
  if (!services.is_map()) return;
  std::vector<std::string_view> names;
  for (const auto& s : scenario.services) names.emplace_back(s.name);
  for (const auto& entry : node->entries) {
    const auto it = std::find(names.begin(), names.end(), entry.key);
    if (it == names.end()) {
      diagnostics.error(entry.key_location, services.path_of(entry.key) + ": the scenario has no service named " +
                                                quote(entry.key) + did_you_mean(entry.key, names));
      continue;
    }
    const MapReader service(entry.value, services.path_of(entry.key), diagnostics);
    if (!service.is_map()) continue;
    service.allow_only({"min", "max", "step", "cost_per_unit_per_year", "fixed_cost_per_unit_opened"});
    models::PlannedService p;
    p.service = static_cast<models::ServiceIndex>(it - names.begin());
    const auto min = service.required_number("min", NumberRule::kNonNegative);
    const auto max = service.required_number("max", NumberRule::kNonNegative);
    const auto step = service.required_number("step", NumberRule::kPositive);
    const auto cost = service.optional_number("cost_per_unit_per_year", NumberRule::kNonNegative);
    const auto fixed = service.optional_number("fixed_cost_per_unit_opened", NumberRule::kNonNegative);
    // One price for a service: its contract's, which the plan gives only
    // for a service the scenario buys spot without a price.
    const models::ServiceSpec& priced = scenario.services[p.service];
    const bool contracted = priced.contract.kind != models::ContractSpec::Kind::kSpot;
    if (cost && contracted) {
      diagnostics.error(service.entry("cost_per_unit_per_year")->key_location,
                        service.path_of("cost_per_unit_per_year") + ": the scenario's block contract prices " +
                            quote(entry.key) + " (" + format_number(models::unit_price(priced)) +
                            " a unit a day); remove cost_per_unit_per_year, or change the scenario's price");
      continue;
    }
    if (!cost && !contracted && models::unit_price(priced) <= 0.0) {
      diagnostics.error(entry.value.location,
                        service.path() + ": " + quote(entry.key) +
                            " has no price in the scenario; give cost_per_unit_per_year (its capacity is then paid "
                            "for as a block in the plan), or a contract and price in the scenario");
      continue;
    }
    if (!min || !max || !step) continue;
    // Beds and packages come whole; care hours may be shared out.
    bool whole = true;
    if (!priced.capacity_in_care_hours)
      for (const auto& [key, v] : {std::pair{"min", *min}, std::pair{"max", *max}, std::pair{"step", *step}}) {
        if (std::floor(v) == v) continue;
        diagnostics.error(service.entry(key)->value.location,
                          service.path_of(key) + ": " + quote(entry.key) +
                              " is counted in whole places (beds or packages); give a whole number, got " +
                              format_number(v));
        whole = false;
      }
    if (!whole) continue;
    if (*max < *min) {
      diagnostics.error(entry.value.location, service.path() + ": max (" + format_number(*max) + ") is below min (" +
                                                  format_number(*min) + ")");
      continue;
    }
    if ((*max - *min) / *step + 1.0 > kMostCandidates) {
      diagnostics.error(service.entry("step")->value.location,
                        service.path_of("step") + ": from " + format_number(*min) + " to " + format_number(*max) +
                            " in steps of " + format_number(*step) + " is more than " +
                            std::to_string(static_cast<int>(kMostCandidates)) +
                            " capacities to try: take a larger step");
      continue;
    }
    p.min = *min;
    p.max = *max;
    p.step = *step;
    p.price_from_plan = cost.has_value();
    p.cost_per_unit_per_year = cost ? *cost : models::unit_price(priced) * engine::kDaysPerYear;
    p.fixed_cost_per_unit_opened = fixed.value_or(0.0);
    plan.services.push_back(p);
  }
  if (plan.services.empty() && diagnostics.empty())
    diagnostics.error(node->location, "services: name at least one service whose capacity may change");
}

// Where a target must be met: in one place (place: ID), or in every place,
// hospital, board or ICP (in_every: LEVEL), judged by the one that meets it
// least well. The metric must be one every such part reports.
void read_target_parts(const MapReader& target, const models::ScenarioSpec& scenario, models::PlanSpec& plan) {
  DiagnosticList& diagnostics = target.diagnostics();
  const SourceNode* place = target.optional("place");
  const SourceNode* every = target.optional("in_every");
  if (place == nullptr && every == nullptr) return;
  if (place != nullptr && every != nullptr) {
    diagnostics.error(target.node().location, "target: give place or in_every, not both");
    return;
  }
  if (!models::has_places_or_hospitals(scenario)) {
    diagnostics.error((place ? place : every)->location,
                      "target." + std::string(place ? "place" : "in_every") + ": the scenario has no places or hospitals");
    return;
  }
  const auto parts = models::area_parts(scenario);
  if (place != nullptr) {
    const auto id = read_text(*place, "target.place", diagnostics);
    if (!id) return;
    std::vector<std::string_view> ids;
    for (std::size_t p = 0; p < parts.size(); ++p) {
      if (parts[p].level != models::AreaPart::Level::kPlace) continue;
      ids.emplace_back(parts[p].id);
      if (parts[p].id == *id) {
        plan.target.parts = {p};
        plan.target.where = parts[p].name;
      }
    }
    if (plan.target.parts.empty())
      diagnostics.error(place->location, "target.place: the scenario has no place named " + quote(*id) + did_you_mean(*id, ids));
  } else {
    const auto level = read_choice(*every, "target.in_every", {"place", "hospital", "board", "icp"}, diagnostics);
    if (!level) return;
    for (std::size_t p = 0; p < parts.size(); ++p)
      if (models::level_name(parts[p].level) == *level) plan.target.parts.push_back(p);
    plan.target.where = "every " + *level;
    if (plan.target.parts.empty())
      diagnostics.error(every->location, "target.in_every: the scenario's places name no " + *level);
  }
  if (plan.target.metric.empty()) return;  // unknown, and said so
  for (const std::size_t p : plan.target.parts) {
    const auto names = models::metric_definitions(scenario, parts[p].services);
    if (std::none_of(names.begin(), names.end(), [&](const auto& d) { return d.name == plan.target.metric; }))
      diagnostics.error((place ? place : every)->location, "target: " + parts[p].name + " reports no metric " +
                                                               quote(plan.target.metric) +
                                                               " (a service's measures are reported by the part it belongs to)");
  }
}

void read_target(const MapReader& top, const models::ScenarioSpec& scenario, models::PlanSpec& plan) {
  DiagnosticList& diagnostics = top.diagnostics();
  const SourceNode* node = top.required("target");
  if (node == nullptr) return;
  const MapReader target(*node, "target", diagnostics);
  if (!target.is_map()) return;
  target.allow_only({"metric", "at_most", "minimise", "cost_per_nctr_day", "place", "in_every"});
  const SourceNode* minimise = target.optional("minimise");
  const SourceNode* metric = target.optional("metric");
  if ((minimise == nullptr) == (metric == nullptr)) {
    diagnostics.error(node->location, "target: give either metric with at_most, or minimise: total_cost");
    return;
  }
  if (minimise != nullptr) {
    if (read_choice(*minimise, "target.minimise", {"total_cost"}, diagnostics)) plan.target.minimise_cost = true;
    plan.target.cost_per_nctr_day = scenario.costs.acute_bed_day + scenario.costs.nctr_bed_day;
    if (auto v = target.optional_number("cost_per_nctr_day", NumberRule::kNonNegative)) plan.target.cost_per_nctr_day = *v;
    for (const char* key : {"place", "in_every"})
      if (const MapEntry* entry = target.entry(key))
        diagnostics.error(entry->key_location, "target." + std::string(key) +
                                                   ": where a metric must be met; total cost is the area's");
    return;
  }
  std::vector<std::string> known;
  for (const auto& d : models::metric_definitions(scenario)) known.push_back(d.name);
  if (auto name = read_text(*metric, "target.metric", diagnostics)) {
    if (std::find(known.begin(), known.end(), *name) == known.end()) {
      const std::vector<std::string_view> views(known.begin(), known.end());
      diagnostics.error(metric->location, "target.metric: the scenario reports no metric " + quote(*name) +
                                              did_you_mean(*name, views));
    } else {
      plan.target.metric = *name;
    }
  }
  if (auto v = target.required_number("at_most", NumberRule::kAny)) plan.target.at_most = *v;
  plan.target.cost_per_nctr_day = scenario.costs.acute_bed_day + scenario.costs.nctr_bed_day;
  read_target_parts(target, scenario, plan);
}

void read_years(const MapReader& top, const models::ScenarioSpec& scenario, models::PlanSpec& plan) {
  DiagnosticList& diagnostics = top.diagnostics();
  const SourceNode* node = top.optional("years");
  if (node == nullptr) {
    for (int y = 0; y < scenario.years; ++y) plan.years.push_back(y);
    return;
  }
  if (!node->is_list() || node->items.empty()) {
    diagnostics.error(node->location, "years: expected a list of calendar years, got " + describe(*node));
    return;
  }
  for (std::size_t i = 0; i < node->items.size(); ++i) {
    const auto year = read_whole_number(node->items[i], item_path("years", i), scenario.start_year,
                                        scenario.start_year + scenario.years - 1, diagnostics);
    if (year) plan.years.push_back(static_cast<int>(*year) - scenario.start_year);
  }
  std::sort(plan.years.begin(), plan.years.end());
  plan.years.erase(std::unique(plan.years.begin(), plan.years.end()), plan.years.end());
}

}  // namespace

models::PlanSpec load_plan(const std::string& path, const models::ScenarioSpec& scenario) {
  DiagnosticList diagnostics;
  const std::vector<std::string> files{path};
  std::string why;
  const std::optional<std::string> text = read_input_file(path, kLargestYamlFile, why);
  if (!text) {
    diagnostics.error({0, 0, 0}, "cannot read the plan file: " + why);
    throw ScenarioError(diagnostics.to_diagnostics(files));
  }
  const std::optional<SourceNode> root = read_yaml(*text, 0, diagnostics);
  models::PlanSpec plan;
  if (root) {
    const MapReader top(*root, "", diagnostics);
    if (top.is_map()) {
      top.allow_only({"services", "target", "years", "replications"});
      read_services(top, scenario, plan);
      read_target(top, scenario, plan);
      read_years(top, scenario, plan);
      if (const SourceNode* node = top.optional("replications")) {
        const MapReader replications(*node, "replications", diagnostics);
        replications.allow_only({"screen", "confirm"});
        if (const SourceNode* v = replications.optional("screen"))
          if (auto n = read_whole_number(*v, "replications.screen", 2, 10000, diagnostics)) plan.screen_replications = static_cast<int>(*n);
        if (const SourceNode* v = replications.optional("confirm"))
          if (auto n = read_whole_number(*v, "replications.confirm", 2, 100000, diagnostics)) plan.confirm_replications = static_cast<int>(*n);
      }
    }
  }
  if (!diagnostics.empty()) throw ScenarioError(diagnostics.to_diagnostics(files));
  return plan;
}

}  // namespace icsim::scenario
