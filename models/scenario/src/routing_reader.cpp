// Where people go: the services behind each discharge pathway, the step-up
// services that avoid admissions, and the bridging services for long waits.
// Each names one service, or several routes that a rule chooses between:
// whom each service serves (its place, group or hospital), the age bands a
// route takes, and shares where several routes take the same patients.

#include <algorithm>
#include <cmath>

#include <icsim/scenario/did_you_mean.hpp>

#include "section_readers.hpp"

namespace icsim::scenario {
namespace {

using RoutesSource = ScenarioReading::RoutesSource;

}  // namespace

std::vector<bool> read_age_band_list(const SourceNode& node, const std::string& path, const models::ScenarioSpec& spec,
                                     DiagnosticList& diagnostics) {
  if (!node.is_list() || node.items.empty()) {
    diagnostics.error(node.location, path + ": expected a list of age bands, got " + describe(node));
    return {};
  }
  std::vector<std::string_view> names;
  for (const auto& band : spec.age_bands) names.emplace_back(band.name);
  std::vector<bool> bands(names.size(), false);
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const auto band = read_text(node.items[i], item_path(path, i), diagnostics);
    if (!band) continue;
    const auto it = std::find(names.begin(), names.end(), *band);
    if (it == names.end())
      diagnostics.error(node.items[i].location,
                        item_path(path, i) + ": no age band named " + quote(*band) + did_you_mean(*band, names));
    else
      bands[static_cast<std::size_t>(it - names.begin())] = true;
  }
  return bands;
}

namespace {

// One route: a service's name, or {service, age_bands, share}.
std::optional<models::Route> read_route(const SourceNode& node, const std::string& path, ScenarioReading& reading,
                                        const models::ScenarioSpec& spec) {
  if (!node.is_map()) {
    const auto s = reading.read_service_name(node, path);
    if (!s) return std::nullopt;
    return models::Route(*s);
  }
  DiagnosticList& diagnostics = reading.diagnostics();
  const MapReader map(node, path, diagnostics);
  map.allow_only({"service", "age_bands", "share"});
  const SourceNode* name = map.required("service");
  if (name == nullptr) {
    reading.mark_network_incomplete();
    return std::nullopt;
  }
  const auto s = reading.read_service_name(*name, map.path_of("service"));
  if (!s) return std::nullopt;
  models::Route route(*s);
  if (const SourceNode* bands = map.optional("age_bands"))
    route.age_bands = read_age_band_list(*bands, map.path_of("age_bands"), spec, diagnostics);
  if (auto share = map.optional_number("share", NumberRule::kProbability)) route.share = *share;
  return route;
}

// A service's name, or a list of routes.
models::Routes read_routes(const SourceNode& node, const std::string& path, ScenarioReading& reading,
                           const models::ScenarioSpec& spec, RoutesSource& source) {
  source = {path, node.location, {}};
  models::Routes routes;
  if (!node.is_list()) {
    if (auto route = read_route(node, path, reading, spec)) {
      routes.push_back(*route);
      source.items.push_back(node.location);
    }
    return routes;
  }
  if (node.items.empty()) {
    reading.diagnostics().error(node.location, path + ": expected a service, or a list of services, got an empty list");
    reading.mark_network_incomplete();
  }
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    if (auto route = read_route(node.items[i], item_path(path, i), reading, spec)) {
      routes.push_back(*route);
      source.items.push_back(node.items[i].location);
    }
  }
  return routes;
}

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
    const auto k = static_cast<std::size_t>(pathway);
    const std::string_view key = kPathwayNames[k];
    const SourceNode* routes = pathways.required(key);
    if (routes == nullptr) {
      reading.mark_network_incomplete();
      continue;
    }
    spec.pathway_routes[k] = read_routes(*routes, pathways.path_of(key), reading, spec, reading.pathway_sources[k]);
  }
}

void read_step_up(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec) {
  const SourceNode* node = top.optional("step_up");
  if (node == nullptr) return;
  const MapReader step_up(*node, "step_up", reading.diagnostics());
  if (!step_up.is_map()) return;
  step_up.allow_only({"service", "max_wait_hours"});
  if (const SourceNode* routes = step_up.required("service"))
    spec.step_up_routes = read_routes(*routes, step_up.path_of("service"), reading, spec, reading.step_up_source);
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
  if (const SourceNode* routes = bridging.required("service"))
    spec.bridging_routes = read_routes(*routes, bridging.path_of("service"), reading, spec, reading.bridging_source);
  else
    reading.mark_network_incomplete();
}

// care_market: the long-term care services people go to for a package of
// care or a care-home place, and over-prescription when reablement is full.
constexpr std::array<std::string_view, 3> kMarketKeys{"home_with_care", "care_home_residential", "care_home_nursing"};

void read_care_market(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec) {
  const SourceNode* node = top.optional("care_market");
  if (node == nullptr) return;
  DiagnosticList& diagnostics = reading.diagnostics();
  const MapReader market(*node, "care_market", diagnostics);
  if (!market.is_map()) return;
  market.allow_only({kMarketKeys[0], kMarketKeys[1], kMarketKeys[2], "over_prescription_share"});
  for (std::size_t m = 0; m < kMarketKeys.size(); ++m) {
    const SourceNode* routes = market.optional(kMarketKeys[m]);
    if (routes == nullptr) continue;
    const std::string path = market.path_of(kMarketKeys[m]);
    spec.market_routes[m] = read_routes(*routes, path, reading, spec, reading.market_sources[m]);
    const auto wanted = static_cast<models::Market>(m + 1);
    for (std::size_t r = 0; r < spec.market_routes[m].size(); ++r) {
      const auto& service = spec.services[spec.market_routes[m][r].service];
      if (service.market != wanted)
        diagnostics.error(reading.market_sources[m].items[r],
                          path + ": " + quote(service.name) + " is not a " +
                              (wanted == models::Market::kHomeCare ? std::string("kind: home_care")
                                                                   : std::string("kind: care_home with care_home: ") +
                                                                         (wanted == models::Market::kCareHomeNursing
                                                                              ? "nursing"
                                                                              : "residential")) +
                              " service");
    }
  }
  if (auto share = market.optional_number("over_prescription_share", NumberRule::kProbability)) {
    spec.over_prescription_share = *share;
    if (*share > 0.0 && spec.market_routes[0].empty())
      diagnostics.error(market.optional("over_prescription_share")->location,
                        market.path_of("over_prescription_share") +
                            ": over-prescription sends people to long-term home care: name the service as "
                            "care_market.home_with_care");
  }
}

// "Pennine Lancashire's 85+ residents at Blackpool Teaching Hospitals": who a
// route check is about, in words.
std::string patients(const models::ScenarioSpec& spec, models::PlaceIndex place, std::size_t band,
                     std::optional<models::HospitalIndex> hospital) {
  std::string who = spec.places.empty() ? std::string("the area's ") : spec.places[place].name + "'s ";
  who += spec.age_bands[band].name + " residents";
  if (hospital && spec.hospitals.size() > 1) who += " at " + spec.hospitals[*hospital].name;
  return who;
}

// The routes that take these patients, by index.
std::vector<std::size_t> routes_taking(const models::ScenarioSpec& spec, const models::Routes& routes,
                                       models::PlaceIndex place, std::size_t band,
                                       std::optional<models::HospitalIndex> hospital) {
  std::vector<std::size_t> taking;
  for (std::size_t r = 0; r < routes.size(); ++r)
    if (models::route_takes(spec, routes[r], place, hospital, band))
      taking.push_back(r);
  return taking;
}

// Several routes for the same patients need shares that sum to 1; each such
// set is reported once.
void check_shares(const models::ScenarioSpec& spec, const models::Routes& routes, const RoutesSource& source,
                  const std::vector<std::size_t>& taking, const std::string& who,
                  std::vector<std::vector<std::size_t>>& reported, DiagnosticList& diagnostics) {
  if (taking.size() < 2 || std::find(reported.begin(), reported.end(), taking) != reported.end()) return;
  reported.push_back(taking);
  double sum = 0.0;
  std::string names;
  for (const std::size_t r : taking) {
    sum += routes[r].share;
    names += (names.empty() ? "" : ", ") + spec.services[routes[r].service].name + " (" + format_number(routes[r].share) + ")";
  }
  if (std::abs(sum - 1.0) > kSumTolerance)
    diagnostics.error(source.location, source.path + ": " + who + " can take " + names + ": their shares sum to " +
                                           format_number(sum) + ", not 1 (give each a share)");
}

}  // namespace

void read_routing(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec) {
  read_pathways(top, reading, spec);
  read_step_up(top, reading, spec);
  read_bridging(top, reading, spec);
  read_care_market(top, reading, spec);
}

void check_routes(ScenarioReading& reading, const models::ScenarioSpec& spec) {
  DiagnosticList& diagnostics = reading.diagnostics();
  const auto places = models::places_of(spec);
  const auto years = models::yearly_settings(spec);
  const std::size_t bands = spec.age_bands.size();
  for (int k = 1; k < models::kPathways; ++k) {
    const auto& routes = spec.pathway_routes[static_cast<std::size_t>(k)];
    const RoutesSource& source = reading.pathway_sources[static_cast<std::size_t>(k)];
    std::vector<std::vector<std::size_t>> reported;
    for (models::PlaceIndex p = 0; p < places.size(); ++p) {
      for (models::HospitalIndex h = 0; h < places[p].hospital_shares.size(); ++h) {
        if (places[p].hospital_shares[h] <= 0.0) continue;
        std::string unserved;
        for (std::size_t b = 0; b < bands; ++b) {
          const auto taking = routes_taking(spec, routes, p, b, h);
          if (taking.empty()) unserved += (unserved.empty() ? "" : ", ") + spec.age_bands[b].name;
          check_shares(spec, routes, source, taking, patients(spec, p, b, h), reported, diagnostics);
        }
        if (!unserved.empty())
          diagnostics.error(source.location, source.path + ": no service on it serves " +
                                                 (spec.places.empty() ? std::string("the area") : places[p].name) +
                                                 "'s residents (" + unserved + ")" +
                                                 (spec.hospitals.size() > 1 ? " at " + spec.hospitals[h].name : "") +
                                                 ": add one that belongs to the place, to its hospital, or to "
                                                 "the whole area");
      }
    }
  }
  // Step-up comes from the community: no hospital's hub takes it, and
  // everyone with a step-up share needs a service that serves them.
  std::vector<std::vector<std::size_t>> reported;
  bool hub_on_step_up = false;  // then who is left without step-up would only echo it
  for (std::size_t r = 0; r < spec.step_up_routes.size(); ++r) {
    const auto& service = spec.services[spec.step_up_routes[r].service];
    if (service.owner.kind != models::ServiceOwner::Kind::kHospital) continue;
    hub_on_step_up = true;
    diagnostics.error(reading.step_up_source.items[r], reading.step_up_source.path + ": " + service.name +
                                                           " belongs to a hospital's discharge hub, which takes no "
                                                           "step-up referrals from the community");
  }
  for (models::PlaceIndex p = 0; p < places.size(); ++p) {
    for (std::size_t b = 0; b < bands; ++b) {
      const std::size_t cell = p * bands + b;
      const bool stepped_up = std::any_of(years.begin(), years.end(), [&](const auto& y) { return y.step_up_share[cell] > 0; });
      if (spec.step_up_routes.empty() || !stepped_up || hub_on_step_up) continue;
      const auto taking = routes_taking(spec, spec.step_up_routes, p, b, std::nullopt);
      if (taking.empty())
        diagnostics.error(reading.step_up_source.location,
                          reading.step_up_source.path + ": " + patients(spec, p, b, std::nullopt) +
                              " have a step-up share but no step-up service serves them");
      check_shares(spec, spec.step_up_routes, reading.step_up_source, taking, patients(spec, p, b, std::nullopt),
                   reported, diagnostics);
    }
  }
  reported.clear();
  for (models::PlaceIndex p = 0; p < places.size(); ++p)
    for (models::HospitalIndex h = 0; h < places[p].hospital_shares.size(); ++h)
      for (std::size_t b = 0; b < bands && places[p].hospital_shares[h] > 0.0; ++b)
        check_shares(spec, spec.bridging_routes, reading.bridging_source,
                     routes_taking(spec, spec.bridging_routes, p, b, h), patients(spec, p, b, h), reported, diagnostics);
  for (std::size_t m = 0; m < spec.market_routes.size(); ++m) {
    reported.clear();
    for (models::PlaceIndex p = 0; p < places.size(); ++p)
      for (models::HospitalIndex h = 0; h < places[p].hospital_shares.size(); ++h)
        for (std::size_t b = 0; b < bands && places[p].hospital_shares[h] > 0.0; ++b)
          check_shares(spec, spec.market_routes[m], reading.market_sources[m],
                       routes_taking(spec, spec.market_routes[m], p, b, h), patients(spec, p, b, h), reported,
                       diagnostics);
  }
}

}  // namespace icsim::scenario
