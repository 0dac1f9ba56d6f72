#pragma once
// The readers of a scenario's sections, and what they share: the service
// names (known before any section refers to them) and where each service
// was written, for the checks on the whole pathway network.

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <icsim/models/scenario_spec.hpp>

#include "diagnostics.hpp"
#include "source_node.hpp"
#include "value_reader.hpp"

namespace icsim::scenario {

// The discharge pathways as scenarios name them.
inline constexpr std::array<std::string_view, models::kPathways> kPathwayNames{"P0", "P1", "P2", "P3"};

struct ServiceSource {
  std::string path;           // "services.reablement"
  Location name_location;     // where the service's name is written
  Location outcomes_location; // where its outcomes map is
  bool outcomes_complete = false;  // every outcome was read, so their probabilities can be summed
};

class ScenarioReading {
 public:
  explicit ScenarioReading(DiagnosticList& diagnostics) : diagnostics_(diagnostics) {}

  [[nodiscard]] DiagnosticList& diagnostics() const { return diagnostics_; }

  // The folder every file read must be in (icsim serve's), if any.
  std::optional<std::filesystem::path> within;

  // The services in the order written; each reference is checked against them.
  void add_service(std::string name, ServiceSource source);
  [[nodiscard]] const std::vector<std::string>& service_names() const { return service_names_; }
  [[nodiscard]] std::vector<ServiceSource>& service_sources() { return service_sources_; }
  [[nodiscard]] std::optional<models::ServiceIndex> find_service(std::string_view name) const;
  // The services as pooling leaves them.
  void replace_services(std::vector<std::string> names, std::vector<ServiceSource> sources) {
    service_names_ = std::move(names);
    service_sources_ = std::move(sources);
  }

  // The service `node` names, or nullopt having reported that there is none
  // by that name (with the nearest) and marked the network incomplete.
  [[nodiscard]] std::optional<models::ServiceIndex> read_service_name(const SourceNode& node, const std::string& path);

  // False once a reference failed to resolve or a service's outcomes could
  // not be read: the network then lacks edges, and checking what is
  // reachable would only echo those errors.
  [[nodiscard]] bool network_complete() const { return network_complete_; }
  void mark_network_incomplete() { network_complete_ = false; }

  // The places and hospitals by id, in the order written: known before the
  // services and routes that name them.
  std::vector<std::string> place_ids;
  std::vector<std::string> hospital_ids;
  // The place `node` names (a key of `places`), or nullopt having said there is none.
  [[nodiscard]] std::optional<models::PlaceIndex> read_place_id(const SourceNode& node, const std::string& path) const;
  [[nodiscard]] std::optional<models::HospitalIndex> read_hospital_id(const SourceNode& node,
                                                                      const std::string& path) const;

  // Where each way to a service was written (P1..P3, step-up, bridging),
  // for the checks of who they serve.
  struct RoutesSource {
    std::string path;
    Location location;
    std::vector<Location> items;  // per route
  };
  std::array<RoutesSource, models::kPathways> pathway_sources;
  RoutesSource step_up_source, bridging_source;
  std::array<RoutesSource, 3> market_sources;  // care_market, by models::Market - 1

  // Whether the scenario has a step_up section, resolved or not.
  bool step_up_given = false;
  // years x 365 when `years` is valid: capacity changes must fall before it.
  std::optional<double> projection_days;
  // The files of the scenario (a Location's `file` indexes them), for files
  // a scenario names relative to itself, and the text of every such file
  // read, which the scenario's hash covers too.
  std::vector<std::string> files;
  std::vector<std::string> data_texts;

 private:
  DiagnosticList& diagnostics_;
  std::vector<std::string> service_names_;
  std::vector<ServiceSource> service_sources_;
  bool network_complete_ = true;
};

// Each reads one part of the top-level map into `spec`.
// hospitals and the places' ids, names, boards and hospital shares: first.
void read_place_names(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec);
void read_services(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec);
void read_routing(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec);
void read_demand(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec);
// Each place's residents and rates by age band: after the area's bands.
void read_place_demand(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec);
// pooling: services run as one (their capacities added up), after the
// projection and before the routes are checked.
void apply_pooling(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec);
// That every patient has a service on each pathway, and shares where they
// have several: after the projection, which says every year's step-up shares.
void check_routes(ScenarioReading& reading, const models::ScenarioSpec& spec);
// growth, capacity_policy and changes, worked into every year's settings;
// initial_census; long_term_care. After the other sections.
void read_projection(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec);

// A map of outcomes (destinations and services) to probabilities; complete
// when every entry was read.
[[nodiscard]] std::vector<models::OutcomeSpec> read_outcome_map(const SourceNode& node, const std::string& path,
                                                                ScenarioReading& reading, bool& complete);
// Each service's outcomes_for: after the area's age bands.
void read_outcome_rules(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec);
// A list of the area's age band names, as a flag per band (empty after an error).
[[nodiscard]] std::vector<bool> read_age_band_list(const SourceNode& node, const std::string& path,
                                                   const models::ScenarioSpec& spec, DiagnosticList& diagnostics);

// A long-term care service's own keys (care_home, cost_per_week,
// community_starts_per_week, council_funded_share), after its capacity.
void read_market_service(const MapReader& service, models::ServiceSpec& spec);

// A service's contract and funder, after its capacity (nullopt when it was
// not read) and prices.
void read_contract(const MapReader& service, std::optional<double> capacity, models::ServiceSpec& spec);

// An age band's admission rate, step-up share, pathway split and time to
// NCTR: required for the area's bands (step-up share aside), each optional
// for a place's own.
void read_band_values(const MapReader& map, ScenarioReading& reading, bool area, models::AgeBandSpec& band);

// [start, end] hours of the day, 0 <= start < end <= 24.
[[nodiscard]] std::optional<std::pair<double, double>> read_hours_of_day(const SourceNode& node, const std::string& path,
                                                                         DiagnosticList& diagnostics);

// Times by pathway: a map from some of P0..P3 to distributions.
[[nodiscard]] models::ByPathway read_by_pathway(const SourceNode& node, const std::string& path,
                                                DiagnosticList& diagnostics);

// P0..P3 shares that sum to 1, or nullopt having said why not.
[[nodiscard]] std::optional<std::array<double, models::kPathways>> read_pathway_split(const SourceNode& node,
                                                                                   const std::string& path,
                                                                                   DiagnosticList& diagnostics);

// The whole scenario, sections and all, from the merged tree.
[[nodiscard]] models::ScenarioSpec read_scenario(const SourceNode& root, ScenarioReading& reading);

}  // namespace icsim::scenario
