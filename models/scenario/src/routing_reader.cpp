// Where people go: the service behind each discharge pathway, the step-up
// service that avoids admissions, and the bridging service for long waits.

#include "section_readers.hpp"

namespace icsim::scenario {
namespace {

void read_pathways(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec) {
  const SourceNode* node = top.required("pathways");
  if (node == nullptr) {
    reading.mark_network_incomplete();
    return;
  }
  const MapReader pathways(*node, "pathways", reading.diagnostics());
  if (!pathways.is_map()) {
    reading.mark_network_incomplete();
    return;
  }
  if (const MapEntry* p0 = pathways.entry("P0"))
    reading.diagnostics().error(p0->key_location,
                                "pathways.P0: pathway 0 is home with no new support and has no service; remove it");
  pathways.allow_only({kPathwayNames.begin(), kPathwayNames.end()});
  for (int pathway = 1; pathway < models::kPathways; ++pathway) {
    const std::string_view key = kPathwayNames[static_cast<std::size_t>(pathway)];
    const SourceNode* name = pathways.required(key);
    if (name == nullptr) {
      reading.mark_network_incomplete();
      continue;
    }
    if (auto s = reading.read_service_name(*name, pathways.path_of(key)))
      spec.pathway_routes[static_cast<std::size_t>(pathway)] = {*s};
  }
}

void read_step_up(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec) {
  const SourceNode* node = top.optional("step_up");
  if (node == nullptr) return;
  reading.step_up_given = true;
  const MapReader step_up(*node, "step_up", reading.diagnostics());
  if (!step_up.is_map()) return;
  step_up.allow_only({"service", "max_wait_hours"});
  if (const SourceNode* name = step_up.required("service"))
    {
    if (auto s = reading.read_service_name(*name, step_up.path_of("service"))) spec.step_up_routes = {*s};
  }
  else
    reading.mark_network_incomplete();
  if (auto hours = step_up.optional_number("max_wait_hours", NumberRule::kNonNegative))
    spec.step_up_max_wait_hours = *hours;
}

void read_bridging(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec) {
  const SourceNode* node = top.optional("bridging");
  if (node == nullptr) return;
  const MapReader bridging(*node, "bridging", reading.diagnostics());
  if (!bridging.is_map()) return;
  bridging.allow_only({"after_days", "service"});
  spec.bridging_after_days = bridging.required_number("after_days", NumberRule::kNonNegative);
  if (const SourceNode* name = bridging.required("service"))
    {
    if (auto s = reading.read_service_name(*name, bridging.path_of("service"))) spec.bridging_routes = {*s};
  }
  else
    reading.mark_network_incomplete();
}

}  // namespace

void read_routing(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec) {
  read_pathways(top, reading, spec);
  read_step_up(top, reading, spec);
  read_bridging(top, reading, spec);
}

}  // namespace icsim::scenario
