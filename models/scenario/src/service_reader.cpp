// services: the intermediate-care services, home-based (reablement, Home
// First) and bed-based (rehabilitation, D2A beds), with their capacity,
// length of stay, outcomes and costs.

#include <algorithm>
#include <cmath>

#include <icsim/models/metrics.hpp>
#include <icsim/scenario/did_you_mean.hpp>

#include "destinations.hpp"
#include "distribution_reader.hpp"
#include "section_readers.hpp"

namespace icsim::scenario {
namespace {

using models::ServiceKind;
using models::ServiceSpec;

const std::vector<std::string_view> kCommonKeys{"kind",           "length_of_stay_days", "outcomes",
                                                "capacity_changes", "queue",             "short_term_care",
                                                "ring_fenced_for_step_down", "place", "places", "hospital",
                                                "mutual_aid", "contract", "funded_by", "outcomes_for",
                                                "care_home", "cost_per_week", "community_starts_per_week",
                                                "council_funded_share", "admits"};
const std::vector<std::string_view> kBedBasedKeys{"capacity_beds", "cost_per_bed_day"};
const std::vector<std::string_view> kHomeBasedKeys{"capacity_care_hours_per_day", "capacity_packages",
                                                   "capacity_staff_wte", "care_hours_per_wte_day",
                                                   "package_hours_per_day", "cost_per_care_hour",
                                                   "cost_per_package_day", "cost_per_wte_year"};

std::vector<std::string_view> joined(std::initializer_list<const std::vector<std::string_view>*> lists) {
  std::vector<std::string_view> all;
  for (const auto* list : lists) all.insert(all.end(), list->begin(), list->end());
  return all;
}

// Keys that belong to the other kind of service are reported as such, not as
// unknown.
void check_keys(const MapReader& service, std::optional<ServiceKind> kind) {
  if (kind) {
    const bool bed_based = *kind == ServiceKind::kBedBased;
    const auto& others = bed_based ? kHomeBasedKeys : kBedBasedKeys;
    for (const MapEntry& entry : service.node().entries)
      if (std::find(others.begin(), others.end(), entry.key) != others.end())
        service.diagnostics().error(entry.key_location,
                                    service.path_of(entry.key) + ": a " + (bed_based ? "bed_based" : "home_based") +
                                        " service has no " + entry.key + " (that is for " +
                                        (bed_based ? "home_based" : "bed_based") + " services)");
  }
  service.allow_only(joined({&kCommonKeys, &kBedBasedKeys, &kHomeBasedKeys}));
}

// admits: {days_per_week, hours}, when people can come to it from hospital.
void read_admission_window(const SourceNode& node, const std::string& path, DiagnosticList& diagnostics,
                           const models::ScenarioSpec& spec, ServiceSpec& service) {
  const MapReader map(node, path, diagnostics);
  if (!map.is_map()) return;
  map.allow_only({"days_per_week", "hours"});
  if (node.entries.empty()) diagnostics.error(node.location, path + ": expected days_per_week, hours or both, got neither");
  models::AdmissionWindow window;
  if (const SourceNode* days = map.optional("days_per_week"))
    if (auto v = read_whole_number(*days, map.path_of("days_per_week"), 1, 7, diagnostics))
      window.days_per_week = static_cast<int>(*v);
  if (const SourceNode* hours = map.optional("hours"))
    if (auto v = read_hours_of_day(*hours, map.path_of("hours"), diagnostics)) {
      window.hour_start = v->first;
      window.hour_end = v->second;
      if (v->second <= spec.discharge_hour_start || v->first >= spec.discharge_hour_end)
        diagnostics.error(hours->location, map.path_of("hours") + ": [" + format_number(v->first) + ", " +
                                               format_number(v->second) + "] never meet the discharge hours [" +
                                               format_number(spec.discharge_hour_start) + ", " +
                                               format_number(spec.discharge_hour_end) +
                                               "] (acute.discharge_hours): nobody could ever be discharged to it");
    }
  service.admits = window;
}

// package_hours_per_day: a number (the same every day) or
// {start, after, intensive_days}.
void read_package_hours(const SourceNode& node, const std::string& path, DiagnosticList& diagnostics,
                        ServiceSpec& service) {
  if (!node.is_map()) {
    if (node.is_scalar()) {
      if (const auto hours = read_number(node, path, NumberRule::kPositive, diagnostics)) {
        service.package_hours_per_day_start = *hours;
        service.package_hours_per_day_after = *hours;
        service.package_intensive_days = 0.0;
      }
      return;
    }
    diagnostics.error(node.location, path + ": expected a number of hours or {start, after, intensive_days}, got " +
                                         describe(node));
    return;
  }
  const MapReader hours(node, path, diagnostics);
  hours.allow_only({"start", "after", "intensive_days"});
  if (auto v = hours.required_number("start", NumberRule::kPositive)) service.package_hours_per_day_start = *v;
  if (auto v = hours.required_number("after", NumberRule::kPositive)) service.package_hours_per_day_after = *v;
  if (auto v = hours.required_number("intensive_days", NumberRule::kNonNegative))
    service.package_intensive_days = *v;
}

struct CapacityRead {
  bool whole_units = false;  // beds or packages, not hours
  bool known = false;        // read without error
};

// Capacity: beds, or care hours a day, or concurrent packages.
CapacityRead read_capacity(const MapReader& service, ServiceKind kind, ServiceSpec& spec) {
  DiagnosticList& diagnostics = service.diagnostics();
  if (kind == ServiceKind::kBedBased) {
    const auto beds = service.required_number("capacity_beds", NumberRule::kWholeNonNegative);
    if (beds) spec.capacity = *beds;
    if (auto cost = service.optional_number("cost_per_bed_day", NumberRule::kNonNegative))
      spec.cost_per_bed_day = *cost;
    return {true, beds.has_value()};
  }
  const MapEntry* hours = service.entry("capacity_care_hours_per_day");
  const MapEntry* packages = service.entry("capacity_packages");
  const MapEntry* staff = service.entry("capacity_staff_wte");
  if ((hours != nullptr) + (packages != nullptr) + (staff != nullptr) > 1) {
    // The one added last: in the file that extends the other, or further down.
    const auto added_later = [](const MapEntry* a, const MapEntry* b) {
      if (b == nullptr) return true;
      if (a->key_location.file != b->key_location.file) return a->key_location.file < b->key_location.file;
      return a->key_location.line > b->key_location.line;
    };
    const MapEntry* later = nullptr;
    std::vector<std::string> given;
    for (const MapEntry* e : {hours, packages, staff}) {
      if (e == nullptr) continue;
      given.push_back(e->key);
      if (added_later(e, later)) later = e;
    }
    diagnostics.error(later->key_location, service.path() + ": give " +
                                               (given.size() == 2 ? given[0] + " or " + given[1] + ", not both"
                                                                  : "one of " + given[0] + ", " + given[1] + " and " +
                                                                        given[2] + ", not several"));
    return {};
  }
  if (hours == nullptr && packages == nullptr && staff == nullptr) {
    diagnostics.error(service.node().location,
                      service.path() + ": missing required key \"capacity_care_hours_per_day\" (or \"capacity_packages\", "
                                       "or \"capacity_staff_wte\")");
    return {};
  }
  for (const char* key : {"care_hours_per_wte_day", "cost_per_wte_year"})
    if (const MapEntry* wrong = service.entry(key); wrong != nullptr && staff == nullptr)
      diagnostics.error(wrong->key_location, service.path_of(key) + ": only with capacity_staff_wte");
  if (staff != nullptr) {
    // Staff: their care hours a day are the capacity; a WTE's yearly cost
    // spread over the hours it gives is the price of a care hour.
    spec.capacity_in_care_hours = true;
    const auto wte = read_number(staff->value, service.path_of(staff->key), NumberRule::kNonNegative, diagnostics);
    const auto per_wte = service.required_number("care_hours_per_wte_day", NumberRule::kPositive);
    if (per_wte) spec.care_hours_per_wte_day = *per_wte;
    if (wte && per_wte) spec.capacity = *wte * *per_wte;
    if (const SourceNode* package_hours = service.required("package_hours_per_day"))
      read_package_hours(*package_hours, service.path_of("package_hours_per_day"), diagnostics, spec);
    for (const char* key : {"cost_per_care_hour", "cost_per_package_day"})
      if (const MapEntry* wrong = service.entry(key))
        diagnostics.error(wrong->key_location, service.path_of(key) +
                                                   ": capacity is in staff, so give cost_per_wte_year instead");
    if (auto cost = service.optional_number("cost_per_wte_year", NumberRule::kNonNegative); cost && per_wte)
      spec.cost_per_care_hour = *cost / (engine::kDaysPerYear * *per_wte);
    return {false, wte && per_wte};
  }
  if (hours != nullptr) {
    spec.capacity_in_care_hours = true;
    const auto v = read_number(hours->value, service.path_of(hours->key), NumberRule::kNonNegative, diagnostics);
    if (v) spec.capacity = *v;
    if (const SourceNode* package_hours = service.required("package_hours_per_day"))
      read_package_hours(*package_hours, service.path_of("package_hours_per_day"), diagnostics, spec);
    if (const MapEntry* wrong = service.entry("cost_per_package_day"))
      diagnostics.error(wrong->key_location, service.path_of(wrong->key) +
                                                 ": capacity is in care hours, so give cost_per_care_hour instead");
    if (auto cost = service.optional_number("cost_per_care_hour", NumberRule::kNonNegative))
      spec.cost_per_care_hour = *cost;
    return {false, v.has_value()};
  }
  // Concurrent packages: one place each, whatever its hours. ScenarioSpec
  // has no cost per package-day, so it is kept as cost_per_care_hour with
  // packages of one hour a day, which the model's costing (hours used x
  // cost_per_care_hour) turns back into package-days x cost.
  spec.capacity_in_care_hours = false;
  const auto v =
      read_number(packages->value, service.path_of(packages->key), NumberRule::kWholeNonNegative, diagnostics);
  if (v) spec.capacity = *v;
  if (const MapEntry* wrong = service.entry("package_hours_per_day"))
    diagnostics.error(wrong->key_location,
                      service.path_of(wrong->key) +
                          ": not used with capacity_packages (each package takes one place whatever its hours); "
                          "use capacity_care_hours_per_day to count hours");
  if (const MapEntry* wrong = service.entry("cost_per_care_hour"))
    diagnostics.error(wrong->key_location, service.path_of(wrong->key) +
                                               ": capacity is in packages, so give cost_per_package_day instead");
  spec.package_hours_per_day_start = 1.0;
  spec.package_hours_per_day_after = 1.0;
  if (auto cost = service.optional_number("cost_per_package_day", NumberRule::kNonNegative))
    spec.cost_per_care_hour = *cost;
  return {true, v.has_value()};
}

void read_capacity_changes(const SourceNode& node, const std::string& path, bool whole_units,
                           ScenarioReading& reading, ServiceSpec& spec) {
  const double per_unit = models::capacity_per_written_unit(spec);
  DiagnosticList& diagnostics = reading.diagnostics();
  if (!node.is_list()) {
    diagnostics.error(node.location, path + ": expected a list of {day, capacity}, got " + describe(node));
    return;
  }
  std::optional<double> previous_day;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const MapReader change(node.items[i], item_path(path, i), diagnostics);
    if (!change.is_map()) continue;
    change.allow_only({"day", "capacity"});
    const auto day = change.required_number("day", NumberRule::kNonNegative);
    const auto capacity = change.required_number(
        "capacity", whole_units ? NumberRule::kWholeNonNegative : NumberRule::kNonNegative);
    if (day) {
      const SourceNode& day_node = *change.optional("day");
      if (previous_day && *day <= *previous_day)
        diagnostics.error(day_node.location, change.path_of("day") + ": days must increase down the list, got " +
                                                 day_node.scalar + " after " + format_number(*previous_day));
      else if (reading.projection_days && *day >= *reading.projection_days)
        diagnostics.error(day_node.location, change.path_of("day") + ": day " + day_node.scalar +
                                                 " is not within the projection, which ends at day " +
                                                 format_number(*reading.projection_days) + " (years x 365)");
      previous_day = *day;
    }
    if (day && capacity) spec.capacity_changes.push_back({*day, *capacity * per_unit});
  }
}

void read_outcomes(const MapReader& service, ScenarioReading& reading, ServiceSpec& spec, ServiceSource& source) {
  const SourceNode* node = service.required("outcomes");
  if (node == nullptr) {
    reading.mark_network_incomplete();
    return;
  }
  source.outcomes_location = node->location;
  bool complete = false;
  spec.outcomes = read_outcome_map(*node, service.path_of("outcomes"), reading, complete);
  source.outcomes_complete = complete;
}

// Whom the service serves: a place, a group of places, a hospital's hub, or
// (none of these given) everybody.
void read_owner(const MapReader& service, ScenarioReading& reading, ServiceSpec& spec) {
  DiagnosticList& diagnostics = service.diagnostics();
  const MapEntry* place = service.entry("place");
  const MapEntry* places = service.entry("places");
  const MapEntry* hospital = service.entry("hospital");
  if ((place != nullptr) + (places != nullptr) + (hospital != nullptr) > 1) {
    diagnostics.error(service.node().location,
                      service.path() + ": give one of place, places (a group that shares it) and hospital, not several");
    return;
  }
  using Kind = models::ServiceOwner::Kind;
  if (place != nullptr) {
    if (auto p = reading.read_place_id(place->value, service.path_of("place"))) spec.owner = {Kind::kPlaces, {*p}, 0};
  } else if (places != nullptr) {
    const std::string path = service.path_of("places");
    if (!places->value.is_list() || places->value.items.size() < 2) {
      diagnostics.error(places->value.location, path + ": expected a list of two or more places that share the service, got " +
                                                    describe(places->value) + " (one place: write place: ID)");
      return;
    }
    models::ServiceOwner owner{Kind::kPlaces, {}, 0};
    for (std::size_t i = 0; i < places->value.items.size(); ++i) {
      const auto p = reading.read_place_id(places->value.items[i], item_path(path, i));
      if (!p) continue;
      if (std::find(owner.places.begin(), owner.places.end(), *p) != owner.places.end())
        diagnostics.error(places->value.items[i].location, item_path(path, i) + ": " +
                                                               quote(reading.place_ids[*p]) + " is in the list twice");
      else
        owner.places.push_back(*p);
    }
    spec.owner = std::move(owner);
  } else if (hospital != nullptr) {
    if (auto h = reading.read_hospital_id(hospital->value, service.path_of("hospital")))
      spec.owner = {Kind::kHospital, {}, *h};
  }
}

void read_mutual_aid(const SourceNode& node, const std::string& path, ScenarioReading& reading, ServiceSpec& spec) {
  DiagnosticList& diagnostics = reading.diagnostics();
  const MapReader aid(node, path, diagnostics);
  if (!aid.is_map()) return;
  aid.allow_only({"after_days", "neighbours"});
  models::MutualAidSpec spec_aid;
  if (auto v = aid.required_number("after_days", NumberRule::kNonNegative)) spec_aid.after_days = *v;
  const SourceNode* neighbours = aid.required("neighbours");
  if (neighbours == nullptr) return;
  const std::string list_path = aid.path_of("neighbours");
  if (!neighbours->is_list() || neighbours->items.empty()) {
    diagnostics.error(neighbours->location, list_path + ": expected a list of the services whose free places may be taken, got " +
                                                describe(*neighbours));
    return;
  }
  for (std::size_t i = 0; i < neighbours->items.size(); ++i) {
    const auto n = reading.read_service_name(neighbours->items[i], item_path(list_path, i));
    if (!n) continue;
    if (reading.service_names()[*n] == spec.name)
      diagnostics.error(neighbours->items[i].location, item_path(list_path, i) + ": a service is not its own neighbour");
    else
      spec_aid.neighbours.push_back(*n);
  }
  spec.mutual_aid = std::move(spec_aid);
}

ServiceSpec read_service(const MapEntry& entry, ScenarioReading& reading, ServiceSource& source,
                         const models::ScenarioSpec& scenario) {
  DiagnosticList& diagnostics = reading.diagnostics();
  ServiceSpec spec;
  spec.name = entry.key;
  const MapReader service(entry.value, source.path, diagnostics);
  if (!service.is_map()) {
    reading.mark_network_incomplete();
    return spec;
  }
  std::optional<ServiceKind> kind;
  if (const SourceNode* node = service.required("kind")) {
    if (const auto text = read_choice(*node, service.path_of("kind"), {"home_based", "bed_based", "home_care", "care_home"},
                                      diagnostics)) {
      kind = *text == "home_based" || *text == "home_care" ? ServiceKind::kHomeBased : ServiceKind::kBedBased;
      if (*text == "home_care") spec.market = models::Market::kHomeCare;
      if (*text == "care_home") spec.market = models::Market::kCareHomeResidential;  // or nursing: read below
    }
  }
  check_keys(service, kind);
  CapacityRead capacity;
  if (kind) {
    spec.kind = *kind;
    capacity = read_capacity(service, *kind, spec);
  }
  if (const SourceNode* node = service.required("length_of_stay_days"))
    if (auto d = read_distribution(*node, service.path_of("length_of_stay_days"), diagnostics))
      spec.length_of_stay_days = std::move(*d);
  read_outcomes(service, reading, spec, source);
  if (const SourceNode* node = service.optional("capacity_changes"))
    read_capacity_changes(*node, service.path_of("capacity_changes"), capacity.whole_units, reading, spec);
  if (const SourceNode* node = service.optional("queue"))
    if (const auto text = read_choice(*node, service.path_of("queue"), {"fifo", "priority"}, diagnostics))
      spec.discipline =
          *text == "fifo" ? engine::QueueDiscipline::kFirstComeFirstServed : engine::QueueDiscipline::kPriority;
  if (const SourceNode* node = service.optional("short_term_care"))
    if (const auto flag = read_boolean(*node, service.path_of("short_term_care"), diagnostics))
      spec.short_term_care = *flag;
  read_owner(service, reading, spec);
  if (const SourceNode* node = service.optional("mutual_aid"))
    read_mutual_aid(*node, service.path_of("mutual_aid"), reading, spec);
  if (const SourceNode* node = service.optional("ring_fenced_for_step_down")) {
    const std::string path = service.path_of("ring_fenced_for_step_down");
    const double per_unit = models::capacity_per_written_unit(spec);
    if (const auto places = read_number(*node, path, NumberRule::kNonNegative, diagnostics)) {
      if (capacity.known && *places * per_unit > spec.capacity)
        diagnostics.error(node->location, path + ": " + node->scalar + " places is more than the capacity, " +
                                              format_number(spec.capacity / per_unit));
      else
        spec.ring_fenced_for_step_down = *places * per_unit;
    }
  }
  if (const SourceNode* node = service.optional("admits")) 
    read_admission_window(*node, service.path_of("admits"), diagnostics, scenario, spec);
  read_market_service(service, spec);
  read_contract(service, capacity.known ? std::optional<double>(spec.capacity) : std::nullopt, spec);
  return spec;
}

}  // namespace

std::vector<models::OutcomeSpec> read_outcome_map(const SourceNode& node, const std::string& path,
                                                  ScenarioReading& reading, bool& complete) {
  DiagnosticList& diagnostics = reading.diagnostics();
  std::vector<models::OutcomeSpec> read;
  complete = false;
  const MapReader outcomes(node, path, diagnostics);
  if (!outcomes.is_map() || node.entries.empty()) {
    if (outcomes.is_map()) diagnostics.error(node.location, path + ": expected at least one outcome, got none");
    reading.mark_network_incomplete();
    return read;
  }
  std::vector<std::string_view> known;
  for (const DestinationName& d : kDestinationNames) known.push_back(d.name);
  for (const std::string& name : reading.service_names()) known.push_back(name);

  complete = true;
  for (const MapEntry& entry : node.entries) {
    models::OutcomeSpec outcome;
    if (const auto destination = find_destination(entry.key)) {
      outcome.destination = *destination;
    } else if (const auto next = reading.find_service(entry.key)) {
      outcome.destination = models::Destination::kNextService;
      outcome.next_service = *next;
    } else {
      diagnostics.error(entry.key_location, path + ": unknown outcome " + quote(entry.key) +
                                                ": neither a destination nor a service" +
                                                did_you_mean(entry.key, known));
      complete = false;
      continue;
    }
    const auto probability = read_number(entry.value, outcomes.path_of(entry.key), NumberRule::kProbability, diagnostics);
    if (!probability) {
      complete = false;
      continue;
    }
    outcome.probability = *probability;
    read.push_back(outcome);
  }
  if (!complete) reading.mark_network_incomplete();
  return read;
}

void read_services(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec) {
  DiagnosticList& diagnostics = reading.diagnostics();
  const SourceNode* node = top.required("services");
  if (node == nullptr) {
    reading.mark_network_incomplete();
    return;
  }
  const MapReader services(*node, "services", diagnostics);
  if (!services.is_map() || node->entries.empty()) {
    if (services.is_map()) diagnostics.error(node->location, "services: expected at least one service, got none");
    reading.mark_network_incomplete();
    return;
  }
  // Names first: outcomes may name a service written further down.
  for (const MapEntry& entry : node->entries) {
    if (find_destination(entry.key))
      diagnostics.error(entry.key_location, "services: a service cannot be called " + quote(entry.key) +
                                                ", which is the name of an outcome");
    reading.add_service(entry.key, {services.path_of(entry.key), entry.key_location, entry.key_location, false});
  }
  for (std::size_t i = 0; i < node->entries.size(); ++i) {
    spec.services.push_back(read_service(node->entries[i], reading, reading.service_sources()[i], spec));
    spec.services.back().stream_slot = static_cast<std::uint32_t>(i);
  }
  // Every metric a service reports has a name of its own.
  const auto names = models::metric_definitions(spec);
  for (std::size_t i = models::kFixedMetricCount; i < names.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (names[i].name == names[j].name) {
        const std::size_t s = (i - models::kFixedMetricCount) / models::kServiceMeasureCount;
        diagnostics.error(reading.service_sources()[s].name_location,
                          "services: a service cannot be called " + quote(spec.services[s].name) + ": its metric " +
                              names[i].name + " is already another's; rename the service");
        break;
      }
  // A neighbour's place suits only a patient who needs that kind of place.
  for (std::size_t i = 0; i < spec.services.size(); ++i) {
    const auto& service = spec.services[i];
    if (!service.mutual_aid) continue;
    for (const models::ServiceIndex n : service.mutual_aid->neighbours) {
      const auto& neighbour = spec.services[n];
      if (neighbour.kind != service.kind || neighbour.capacity_in_care_hours != service.capacity_in_care_hours)
        diagnostics.error(reading.service_sources()[i].name_location,
                          reading.service_sources()[i].path + ".mutual_aid.neighbours: " + quote(neighbour.name) +
                              " counts its capacity in " + models::capacity_unit(neighbour) + ", this service in " +
                              models::capacity_unit(service) + ": a neighbour must offer the same kind of place");
    }
  }
}

}  // namespace icsim::scenario
