// pooling: services run as one, so a what-if can set the same capacity
// pooled beside separate and compare the two with common random numbers.
// A pool's capacity is its services' added up, every year; it serves
// everyone they served, each patient reaching it by the route that took them
// to their own service. Pooled services must give their patients the same
// stays, outcomes, prices and contracts: otherwise pooling would change the care, not
// only who shares the places.

#include <algorithm>
#include <map>

#include <icsim/scenario/did_you_mean.hpp>

#include "section_readers.hpp"

namespace icsim::scenario {
namespace {

using models::ServiceIndex;
using models::ServiceSpec;

// Why two services cannot share one pool, or "".
std::string differs(const ServiceSpec& a, const ServiceSpec& b, const std::vector<models::YearSettings>& years,
                    std::size_t ia, std::size_t ib, const std::vector<std::optional<std::size_t>>& pool_of) {
  if (a.kind != b.kind || a.capacity_in_care_hours != b.capacity_in_care_hours) return "kind of place";
  if (a.package_hours_per_day_start != b.package_hours_per_day_start ||
      a.package_hours_per_day_after != b.package_hours_per_day_after || a.package_intensive_days != b.package_intensive_days)
    return "package_hours_per_day";
  for (const auto& year : years)
    if (year.length_of_stay_days[ia].spec().index() != year.length_of_stay_days[ib].spec().index() ||
        year.length_of_stay_days[ia].mean() != year.length_of_stay_days[ib].mean() ||
        year.length_of_stay_days[ia].sd() != year.length_of_stay_days[ib].sd())
      return "length_of_stay_days";
  const auto same_outcome = [&](const models::OutcomeSpec& x, const models::OutcomeSpec& y) {
    if (x.destination != y.destination || x.probability != y.probability) return false;
    if (x.destination != models::Destination::kNextService) return true;
    return x.next_service == y.next_service ||
           (pool_of[x.next_service] && pool_of[x.next_service] == pool_of[y.next_service]);
  };
  const auto same_outcomes = [&](const std::vector<models::OutcomeSpec>& x, const std::vector<models::OutcomeSpec>& y) {
    return x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin(), same_outcome);
  };
  if (!same_outcomes(a.outcomes, b.outcomes)) return "outcomes";
  const auto same_rule = [&](const models::OutcomeRule& x, const models::OutcomeRule& y) {
    return x.from == y.from && x.age_bands == y.age_bands && x.waited_at_least_days == y.waited_at_least_days &&
           same_outcomes(x.outcomes, y.outcomes);
  };
  if (a.outcome_rules.size() != b.outcome_rules.size() ||
      !std::equal(a.outcome_rules.begin(), a.outcome_rules.end(), b.outcome_rules.begin(), same_rule))
    return "outcomes_for";
  if (a.cost_per_bed_day != b.cost_per_bed_day || a.cost_per_care_hour != b.cost_per_care_hour) return "unit cost";
  if (a.contract.kind != b.contract.kind || a.contract.spot_price != b.contract.spot_price) return "contract";
  if (a.funder != b.funder) return "funded_by";
  if (a.market != b.market) return "kind of long-term care";
  if (a.council_funded_share != b.council_funded_share) return "council_funded_share";
  if (a.care_hours_per_wte_day != b.care_hours_per_wte_day) return "care_hours_per_wte_day";
  if (a.short_term_care != b.short_term_care) return "short_term_care";
  if (a.discipline != b.discipline) return "queue";
  return "";
}

}  // namespace

void apply_pooling(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec) {
  const SourceNode* node = top.optional("pooling");
  if (node == nullptr) return;
  DiagnosticList& diagnostics = reading.diagnostics();
  const MapReader pooling(*node, "pooling", diagnostics);
  if (!pooling.is_map()) return;
  const std::size_t errors_before = diagnostics.size();
  const auto years = models::yearly_settings(spec);

  // Each pool's members, in the order written.
  struct Pool {
    std::string name;
    const SourceNode* list;
    std::vector<ServiceIndex> members;
  };
  std::vector<Pool> pools;
  std::vector<std::optional<std::size_t>> pool_of(spec.services.size());
  for (const MapEntry& entry : node->entries) {
    const std::string path = pooling.path_of(entry.key);
    const SourceNode& list = entry.value;
    if (!list.is_list() || list.items.size() < 2) {
      diagnostics.error(list.location, path + ": expected a list of two or more services to run as one, got " + describe(list));
      continue;
    }
    Pool pool{entry.key, &list, {}};
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      const auto s = reading.read_service_name(list.items[i], item_path(path, i));
      if (!s) continue;
      if (pool_of[*s]) {
        diagnostics.error(list.items[i].location, item_path(path, i) + ": " + quote(spec.services[*s].name) +
                                                      " is already in the pool " + quote(pools[*pool_of[*s]].name));
        continue;
      }
      const ServiceSpec& service = spec.services[*s];
      if (service.owner.kind == models::ServiceOwner::Kind::kHospital)
        diagnostics.error(list.items[i].location, item_path(path, i) + ": " + quote(service.name) +
                                                      " belongs to a hospital's hub; only services of places or of the "
                                                      "whole area can be pooled");
      if (!service.capacity_changes.empty())
        diagnostics.error(list.items[i].location,
                          item_path(path, i) + ": " + quote(service.name) +
                              " has capacity_changes; pooled services take their capacity from their yearly settings "
                              "(capacity and changes), so move these into changes");
      pool_of[*s] = pools.size();
      pool.members.push_back(*s);
    }
    const auto clash = std::find_if(spec.services.begin(), spec.services.end(), [&](const ServiceSpec& s) {
      return s.name == pool.name && std::find(pool.members.begin(), pool.members.end(),
                                              static_cast<ServiceIndex>(&s - spec.services.data())) == pool.members.end();
    });
    if (clash != spec.services.end())
      diagnostics.error(entry.key_location, path + ": " + quote(pool.name) + " is the name of a service outside the pool");
    pools.push_back(std::move(pool));
  }
  for (std::size_t p = 0; p < pools.size(); ++p) {
    const auto& members = pools[p].members;
    for (std::size_t i = 1; i < members.size(); ++i) {
      const std::string why = differs(spec.services[members[0]], spec.services[members[i]], years, members[0], members[i], pool_of);
      if (!why.empty())
        diagnostics.error(pools[p].list->items[i].location,
                          item_path(pooling.path_of(pools[p].name), i) + ": " + spec.services[members[i]].name + "'s " +
                              why + " differs from " + spec.services[members[0]].name +
                              "'s: pooled services give their patients the same stays, outcomes and prices");
    }
  }
  if (diagnostics.size() != errors_before) return;

  // The services after pooling: each pool where its first member was.
  std::vector<std::size_t> renumbered(spec.services.size());
  std::vector<ServiceSpec> services;
  std::vector<std::string> names;
  std::vector<ServiceSource> sources;
  std::vector<ServiceIndex> origin;  // the old service each new one stands for
  for (ServiceIndex s = 0; s < spec.services.size(); ++s) {
    if (pool_of[s] && pools[*pool_of[s]].members.front() != s) continue;
    renumbered[s] = services.size();
    origin.push_back(s);
    services.push_back(spec.services[s]);
    names.push_back(reading.service_names()[s]);
    sources.push_back(reading.service_sources()[s]);
    if (!pool_of[s]) continue;
    const Pool& pool = pools[*pool_of[s]];
    ServiceSpec& pooled = services.back();
    pooled.name = names.back() = pool.name;
    pooled.capacity = 0.0;
    pooled.ring_fenced_for_step_down = 0.0;
    pooled.contract.block = 0.0;
    pooled.community_starts_per_week = 0.0;
    models::ServiceOwner owner{models::ServiceOwner::Kind::kPlaces, {}, 0};
    for (const ServiceIndex m : pool.members) {
      const ServiceSpec& member = spec.services[m];
      pooled.capacity += member.capacity;
      pooled.ring_fenced_for_step_down += member.ring_fenced_for_step_down;
      pooled.contract.block += member.contract.block;
      pooled.community_starts_per_week += member.community_starts_per_week;
      if (member.owner.kind == models::ServiceOwner::Kind::kArea) owner.kind = models::ServiceOwner::Kind::kArea;
      for (const models::PlaceIndex place : member.owner.places)
        if (std::find(owner.places.begin(), owner.places.end(), place) == owner.places.end()) owner.places.push_back(place);
    }
    if (owner.kind == models::ServiceOwner::Kind::kArea) owner.places.clear();
    pooled.owner = owner;
  }
  for (ServiceIndex s = 0; s < spec.services.size(); ++s)
    if (pool_of[s]) renumbered[s] = renumbered[pools[*pool_of[s]].members.front()];

  // Everything that names a service names the pool now.
  const auto reroute = [&](models::Routes& routes) {
    for (models::Route& route : routes) {
      if (pool_of[route.service] && !route.own_audience) {
        route.own_audience = true;
        route.audience = spec.services[route.service].owner;
      }
      route.service = static_cast<ServiceIndex>(renumbered[route.service]);
    }
  };
  for (auto& routes : spec.pathway_routes) reroute(routes);
  reroute(spec.step_up_routes);
  reroute(spec.bridging_routes);
  for (auto& routes : spec.market_routes) reroute(routes);
  for (std::size_t n = 0; n < services.size(); ++n) {
    ServiceSpec& service = services[n];
    const auto renumber = [&](std::vector<models::OutcomeSpec>& outcomes) {
      for (auto& outcome : outcomes)
        if (outcome.destination == models::Destination::kNextService)
          outcome.next_service = static_cast<ServiceIndex>(renumbered[outcome.next_service]);
    };
    renumber(service.outcomes);
    for (auto& rule : service.outcome_rules) renumber(rule.outcomes);
    if (service.mutual_aid) {
      std::vector<ServiceIndex> neighbours;
      for (const ServiceIndex m : service.mutual_aid->neighbours) {
        const auto to = static_cast<ServiceIndex>(renumbered[m]);
        if (to != n && std::find(neighbours.begin(), neighbours.end(), to) == neighbours.end()) neighbours.push_back(to);
      }
      service.mutual_aid->neighbours = std::move(neighbours);
      if (service.mutual_aid->neighbours.empty()) service.mutual_aid.reset();
    }
  }
  const auto add_up = [&](const std::vector<double>& per_service) {
    std::vector<double> out(services.size(), 0.0);
    for (std::size_t s = 0; s < per_service.size(); ++s) out[renumbered[s]] += per_service[s];
    return out;
  };
  if (spec.initial_census) {
    spec.initial_census->in_service = add_up(spec.initial_census->in_service);
    spec.initial_census->waiting_in_acute = add_up(spec.initial_census->waiting_in_acute);
  }
  for (auto& year : spec.yearly) {
    year.capacity = add_up(year.capacity);
    year.community_starts_per_week = add_up(year.community_starts_per_week);
    std::vector<engine::Distribution> stays;
    for (const ServiceIndex s : origin) stays.push_back(year.length_of_stay_days[s]);
    year.length_of_stay_days = std::move(stays);
  }
  spec.services = std::move(services);
  reading.replace_services(std::move(names), std::move(sources));
}

}  // namespace icsim::scenario
