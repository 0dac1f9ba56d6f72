// load_scenario: read the file and what it extends, read every section,
// check the pathway network as a whole, and return the spec or every error.

#include <icsim/scenario/load.hpp>

#include <cmath>

#include <icsim/scenario/sha256.hpp>

#include "diagnostics.hpp"
#include "overrides.hpp"
#include "pathway_graph.hpp"
#include "scenario_document.hpp"
#include "section_readers.hpp"

namespace icsim::scenario {
namespace {

void check_network(const models::ScenarioSpec& spec, ScenarioReading& reading) {
  DiagnosticList& diagnostics = reading.diagnostics();
  const std::vector<ServiceSource>& sources = reading.service_sources();
  const PathwayGraph graph(spec);
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (!sources[i].outcomes_complete) continue;
    const double sum = graph.outcome_probability_sum(static_cast<models::ServiceIndex>(i));
    if (std::abs(sum - 1.0) > kSumTolerance)
      diagnostics.error(sources[i].outcomes_location,
                        sources[i].path + ".outcomes: the probabilities sum to " + format_number(sum) + ", not 1");
  }
  // With a reference unresolved the network lacks edges, and what it could
  // not reach would only repeat that error.
  if (!reading.network_complete()) return;
  for (models::ServiceIndex i : graph.services_unreachable_from_admission())
    diagnostics.error(sources[i].name_location,
                      sources[i].path +
                          ": nobody can reach this service: no pathway, step-up, bridging or outcome of a service "
                          "that people reach leads to it");
  for (models::ServiceIndex i : graph.services_without_exit())
    diagnostics.error(sources[i].outcomes_location,
                      sources[i].path +
                          ".outcomes: nobody can leave: no chain of outcomes from this service reaches home, a "
                          "care home or death");
}

models::ScenarioSpec load(const std::string& path, const std::optional<std::string>& path_text,
                          const std::vector<ScenarioOverride>& overrides,
                          const std::optional<std::filesystem::path>& within = {}) {
  DiagnosticList diagnostics;
  ScenarioDocument document = read_scenario_document(path, diagnostics, path_text, within);
  if (!document.root) throw ScenarioError(diagnostics.to_diagnostics(document.files));
  apply_overrides(*document.root, overrides, document.files, diagnostics);

  ScenarioReading reading(diagnostics);
  reading.files = document.files;
  reading.within = within;
  models::ScenarioSpec spec = read_scenario(*document.root, reading);
  check_network(spec, reading);
  if (!diagnostics.empty()) throw ScenarioError(diagnostics.to_diagnostics(document.files));

  spec.file = path;
  spec.sha256 = document.sha256;
  if (!reading.data_texts.empty()) {  // the data files the scenario reads are part of it
    std::string all = document.sha256;
    for (const auto& text : reading.data_texts) all += text;
    spec.sha256 = sha256_hex(all);
  }
  if (!overrides.empty()) {  // so are the values laid over it
    std::string all = spec.sha256;
    for (const ScenarioOverride& o : overrides) all += o.key + "=" + o.value + "\n";
    spec.sha256 = sha256_hex(all);
  }
  return spec;
}

}  // namespace

models::ScenarioSpec load_scenario(const std::string& path) { return load(path, std::nullopt, {}); }

models::ScenarioSpec load_scenario(const std::string& path, const std::vector<ScenarioOverride>& overrides) {
  return load(path, std::nullopt, overrides);
}

models::ScenarioSpec load_scenario_text(const std::string& path, const std::string& text,
                                        const std::optional<std::filesystem::path>& within) {
  return load(path, text, {}, within);
}

models::ScenarioSpec load_scenario_within(const std::string& path, const std::filesystem::path& folder) {
  return load(path, std::nullopt, {}, folder);
}

}  // namespace icsim::scenario
