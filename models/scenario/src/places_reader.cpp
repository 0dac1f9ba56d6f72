// hospitals and places: the acute trusts, and the places (localities,
// boroughs, integrated care partnerships) the area is made of, each with its
// residents by age band, its rates and the hospitals its admissions go to.

#include <algorithm>
#include <cmath>

#include <icsim/scenario/did_you_mean.hpp>

#include "section_readers.hpp"

namespace icsim::scenario {
namespace {

const std::vector<std::string_view> kPlaceKeys{"name", "health_and_wellbeing_board", "icp", "population",
                                               "admission_rate_factor", "age_bands", "hospitals", "growth"};

std::optional<std::size_t> find_id(const std::vector<std::string>& ids, const SourceNode& node, const std::string& path,
                                   std::string_view what, std::string_view section, DiagnosticList& diagnostics) {
  const auto name = read_text(node, path, diagnostics);
  if (!name) return std::nullopt;
  const auto it = std::find(ids.begin(), ids.end(), *name);
  if (it != ids.end()) return static_cast<std::size_t>(it - ids.begin());
  const std::vector<std::string_view> known(ids.begin(), ids.end());
  diagnostics.error(node.location, path + ": no " + std::string(what) + " named " + quote(*name) +
                                       (ids.empty() ? " (the scenario has no " + std::string(section) + " section)"
                                                    : did_you_mean(*name, known)));
  return std::nullopt;
}

void read_hospitals(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec) {
  const SourceNode* node = top.optional("hospitals");
  if (node == nullptr) return;
  DiagnosticList& diagnostics = reading.diagnostics();
  const MapReader hospitals(*node, "hospitals", diagnostics);
  if (!hospitals.is_map()) return;
  if (node->entries.empty()) diagnostics.error(node->location, "hospitals: expected at least one hospital, got none");
  for (const MapEntry& entry : node->entries) {
    models::HospitalSpec hospital{entry.key, entry.key};
    const MapReader map(entry.value, hospitals.path_of(entry.key), diagnostics);
    if (map.is_map()) {
      map.allow_only({"name"});
      if (const SourceNode* name = map.required("name"))
        if (auto text = read_text(*name, map.path_of("name"), diagnostics)) hospital.name = *text;
    }
    reading.hospital_ids.push_back(entry.key);
    spec.hospitals.push_back(std::move(hospital));
  }
}

// A place's admissions by hospital: a map of shares summing to 1, or one
// hospital's id for all of them.
std::vector<double> read_hospital_shares(const MapReader& place, ScenarioReading& reading,
                                         const models::ScenarioSpec& spec) {
  DiagnosticList& diagnostics = reading.diagnostics();
  std::vector<double> shares(std::max<std::size_t>(spec.hospitals.size(), 1), 0.0);
  const SourceNode* node = place.optional("hospitals");
  const std::string path = place.path_of("hospitals");
  if (node == nullptr) {
    if (spec.hospitals.size() > 1)
      diagnostics.error(place.node().location, place.path() +
                                                   ": missing required key \"hospitals\": the shares of its admissions "
                                                   "that go to each hospital, like {" + spec.hospitals.front().id +
                                                   ": 0.8, " + spec.hospitals[1].id + ": 0.2}");
    shares.front() = 1.0;
    return shares;
  }
  if (spec.hospitals.empty()) {
    diagnostics.error(node->location, path + ": the scenario has no hospitals section to send admissions to");
    shares.front() = 1.0;
    return shares;
  }
  if (node->is_scalar()) {
    if (auto h = reading.read_hospital_id(*node, path)) shares[*h] = 1.0;
    return shares;
  }
  const MapReader map(*node, path, diagnostics);
  if (!map.is_map()) return shares;
  bool complete = true;
  double sum = 0.0;
  for (const MapEntry& entry : node->entries) {
    SourceNode key;
    key.kind = SourceNode::Kind::kScalar;
    key.scalar = entry.key;
    key.location = entry.key_location;
    const auto h = reading.read_hospital_id(key, path);
    const auto share = read_number(entry.value, map.path_of(entry.key), NumberRule::kProbability, diagnostics);
    complete = complete && h && share;
    if (h && share) {
      shares[*h] = *share;
      sum += *share;
    }
  }
  if (complete && std::abs(sum - 1.0) > kSumTolerance)
    diagnostics.error(node->location, path + ": the shares sum to " + format_number(sum) + ", not 1");
  return shares;
}

// The band values a place may set for itself, over the area's.
void read_band_overrides(const SourceNode& node, const std::string& path, ScenarioReading& reading,
                         std::vector<models::AgeBandSpec>& bands) {
  DiagnosticList& diagnostics = reading.diagnostics();
  const MapReader map(node, path, diagnostics);
  if (!map.is_map()) return;
  std::vector<std::string_view> names;
  for (const auto& band : bands) names.emplace_back(band.name);
  for (const MapEntry& entry : node.entries) {
    const auto b = std::find(names.begin(), names.end(), entry.key);
    if (b == names.end()) {
      diagnostics.error(entry.key_location,
                        map.path_of(entry.key) + ": no age band named " + quote(entry.key) + did_you_mean(entry.key, names));
      continue;
    }
    models::AgeBandSpec& band = bands[static_cast<std::size_t>(b - names.begin())];
    const MapReader values(entry.value, map.path_of(entry.key), diagnostics);
    if (!values.is_map()) continue;
    values.allow_only({"admissions_per_1000_per_year", "step_up_share", "pathway_split", "time_to_nctr_days", "hub_days",
                       "died_in_hospital", "p0_outcomes"});
    read_band_values(values, reading, false, band);
  }
}

}  // namespace

std::optional<models::PlaceIndex> ScenarioReading::read_place_id(const SourceNode& node, const std::string& path) const {
  return find_id(place_ids, node, path, "place", "places", diagnostics_);
}

std::optional<models::HospitalIndex> ScenarioReading::read_hospital_id(const SourceNode& node,
                                                                       const std::string& path) const {
  return find_id(hospital_ids, node, path, "hospital", "hospitals", diagnostics_);
}

void read_place_names(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec) {
  read_hospitals(top, reading, spec);
  const SourceNode* node = top.optional("places");
  if (node == nullptr) return;
  DiagnosticList& diagnostics = reading.diagnostics();
  const MapReader places(*node, "places", diagnostics);
  if (!places.is_map()) return;
  if (node->entries.empty()) diagnostics.error(node->location, "places: expected at least one place, got none");
  for (const MapEntry& entry : node->entries) reading.place_ids.push_back(entry.key);
  for (const MapEntry& entry : node->entries) {
    models::PlaceSpec place;
    place.id = entry.key;
    place.name = entry.key;
    const MapReader map(entry.value, places.path_of(entry.key), diagnostics);
    if (map.is_map()) {
      map.allow_only(kPlaceKeys);
      if (const SourceNode* name = map.required("name"))
        if (auto text = read_text(*name, map.path_of("name"), diagnostics)) place.name = *text;
      if (const SourceNode* board = map.optional("health_and_wellbeing_board"))
        if (auto text = read_text(*board, map.path_of("health_and_wellbeing_board"), diagnostics)) place.board = *text;
      if (const SourceNode* icp = map.optional("icp"))
        if (auto text = read_text(*icp, map.path_of("icp"), diagnostics)) place.icp = *text;
    }
    place.hospital_shares = read_hospital_shares(map, reading, spec);
    spec.places.push_back(std::move(place));
  }
}

void read_place_demand(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec) {
  const SourceNode* node = top.optional("places");
  if (node == nullptr || !node->is_map() || spec.places.size() != node->entries.size()) return;
  DiagnosticList& diagnostics = reading.diagnostics();
  for (auto& band : spec.age_bands) band.population = 0.0;
  for (std::size_t p = 0; p < spec.places.size(); ++p) {
    const MapEntry& entry = node->entries[p];
    const MapReader map(entry.value, key_path("places", entry.key), diagnostics);
    models::PlaceSpec& place = spec.places[p];
    place.age_bands = spec.age_bands;
    if (!map.is_map()) continue;
    double factor = 1.0;
    if (auto v = map.optional_number("admission_rate_factor", NumberRule::kNonNegative)) factor = *v;
    for (auto& band : place.age_bands) band.admissions_per_1000_per_year *= factor;
    if (const SourceNode* bands = map.optional("age_bands"))
      read_band_overrides(*bands, map.path_of("age_bands"), reading, place.age_bands);
    const SourceNode* population = map.required("population");
    if (population == nullptr) continue;
    const MapReader by_band(*population, map.path_of("population"), diagnostics);
    if (!by_band.is_map()) continue;
    std::vector<std::string_view> names;
    for (const auto& band : spec.age_bands) names.emplace_back(band.name);
    by_band.allow_only(names);
    for (std::size_t b = 0; b < spec.age_bands.size(); ++b) {
      if (auto v = by_band.required_number(spec.age_bands[b].name, NumberRule::kNonNegative)) {
        place.age_bands[b].population = *v;
        spec.age_bands[b].population += *v;
      }
    }
  }
}

}  // namespace icsim::scenario
