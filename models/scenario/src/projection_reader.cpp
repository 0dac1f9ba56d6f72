// The projection over the years: demographic growth (yearly rates or a
// projected population table), the capacity policy, and phased changes to
// the model of care, worked into every projected year's settings; and the
// starting census and long-term care placements.

#include <cmath>
#include <filesystem>
#include <algorithm>
#include <map>
#include <tuple>

#include <icsim/models/projection.hpp>
#include <icsim/scenario/did_you_mean.hpp>

#include "csv_table.hpp"
#include "distribution_reader.hpp"
#include "input_file.hpp"
#include "section_readers.hpp"

namespace icsim::scenario {
namespace {

using models::ScenarioSpec;

std::vector<std::string_view> band_names(const ScenarioSpec& spec) {
  std::vector<std::string_view> names;
  for (const auto& band : spec.age_bands) names.emplace_back(band.name);
  return names;
}

// The band an entry's key names, or nullopt having said there is none.
std::optional<std::size_t> find_band(const MapEntry& entry, const std::string& path, const ScenarioSpec& spec,
                                     DiagnosticList& diagnostics) {
  for (std::size_t b = 0; b < spec.age_bands.size(); ++b)
    if (spec.age_bands[b].name == entry.key) return b;
  diagnostics.error(entry.key_location, key_path(path, entry.key) + ": no age band named " + quote(entry.key) +
                                            did_you_mean(entry.key, band_names(spec)));
  return std::nullopt;
}

std::optional<std::size_t> find_service(const MapEntry& entry, const std::string& path, const ScenarioSpec& spec,
                                        DiagnosticList& diagnostics) {
  std::vector<std::string_view> names;
  for (std::size_t s = 0; s < spec.services.size(); ++s) {
    if (spec.services[s].name == entry.key) return s;
    names.emplace_back(spec.services[s].name);
  }
  diagnostics.error(entry.key_location,
                    key_path(path, entry.key) + ": no service named " + quote(entry.key) + did_you_mean(entry.key, names));
  return std::nullopt;
}

// Residents by (year, place, age band) from a tidy CSV in the ONS layout:
// year,age_band,population, or year,place,age_band,population for several
// places in one file ("" is the place for the first form).
using PopulationTable = std::map<std::tuple<int, std::string, std::string>, double>;

std::optional<PopulationTable> read_population_csv(const SourceNode& node, const std::string& path,
                                                   ScenarioReading& reading, bool by_place, std::string& file_name) {
  DiagnosticList& diagnostics = reading.diagnostics();
  const auto name = read_text(node, path, diagnostics);
  if (!name) return std::nullopt;
  const auto file_index = static_cast<std::size_t>(node.location.file);
  const std::filesystem::path base =
      file_index < reading.files.size() ? std::filesystem::path(reading.files[file_index]).parent_path() : "";
  const std::filesystem::path file = base / *name;
  file_name = file.string();
  std::string why;
  const std::optional<std::string> text = read_input_file(file, kLargestCsvFile, why, reading.within);
  if (!text) {
    diagnostics.error(node.location, path + ": cannot read " + quote(file.string()) + ": " + why);
    return std::nullopt;
  }
  reading.data_texts.push_back(*text);
  const std::optional<std::vector<CsvRow>> rows = read_csv(*text, why);
  if (!rows) {
    diagnostics.error(node.location, path + ": " + file.string() + ": " + why);
    return std::nullopt;
  }

  const std::vector<std::string> header = by_place ? std::vector<std::string>{"year", "place", "age_band", "population"}
                                                   : std::vector<std::string>{"year", "age_band", "population"};
  std::string header_text;
  for (const std::string& column : header) header_text += (header_text.empty() ? "" : ",") + column;
  auto fail = [&](int line, const std::string& problem) {
    diagnostics.error(node.location, path + ": " + file.string() + " line " + std::to_string(line) + ": " + problem);
    return std::nullopt;
  };
  if (rows->empty())
    return fail(1, "the file is empty: expected the header " + header_text + " and a row per year and age band");
  auto joined = [](const std::vector<std::string>& fields) {
    std::string line;
    for (const std::string& field : fields) line += (line.empty() ? "" : ",") + field;
    return line;
  };
  if (rows->front().fields != header)
    return fail(rows->front().line, "expected the header " + header_text + ", got " + quote(joined(rows->front().fields)));

  PopulationTable population;
  std::map<std::tuple<int, std::string, std::string>, int> given_at;
  for (std::size_t r = 1; r < rows->size(); ++r) {
    const CsvRow& row = (*rows)[r];
    if (row.fields.size() != header.size())
      return fail(row.line, "expected " + std::to_string(header.size()) + " fields (" + header_text + "), got " +
                                std::to_string(row.fields.size()) + ": " + quote(joined(row.fields)));
    const std::string& year = row.fields[0];
    const std::string place = by_place ? row.fields[1] : std::string();
    const std::string& band = row.fields[by_place ? 2 : 1];
    const std::string& count = row.fields[by_place ? 3 : 2];
    char* end = nullptr;
    const long y = std::strtol(year.c_str(), &end, 10);
    if (year.empty() || *end != '\0' || y < 1900 || y > 2200)
      return fail(row.line, "the year " + quote(year) + " is not a year (a whole number from 1900 to 2200)");
    const double n = std::strtod(count.c_str(), &end);
    if (count.empty() || *end != '\0' || !std::isfinite(n) || n < 0)
      return fail(row.line, "the population " + quote(count) + " is not a number >= 0");
    const auto key = std::make_tuple(static_cast<int>(y), place, band);
    if (const auto first = given_at.find(key); first != given_at.end())
      return fail(row.line, "the population for " + year + (by_place ? ", place " + quote(place) : std::string()) +
                                " and age band " + quote(band) + " is given twice (first at line " +
                                std::to_string(first->second) + ")");
    given_at[key] = row.line;
    population[key] = n;
  }
  return population;
}

// Every projected year's residents of one place, band by band, from a table.
std::optional<std::vector<std::vector<double>>> population_from_table(const PopulationTable& table,
                                                                      const std::string& place_key,
                                                                      const std::string& file, const SourceNode& node,
                                                                      const std::string& path, const ScenarioSpec& spec,
                                                                      DiagnosticList& diagnostics) {
  std::vector<std::vector<double>> years;
  for (int y = 0; y < spec.years; ++y) {
    std::vector<double> row;
    for (const auto& band : spec.age_bands) {
      const auto it = table.find({spec.start_year + y, place_key, band.name});
      if (it == table.end()) {
        diagnostics.error(node.location, path + ": " + file + " has no population for " +
                                             std::to_string(spec.start_year + y) +
                                             (place_key.empty() ? "" : ", place " + quote(place_key)) + " and age band " +
                                             quote(band.name));
        return std::nullopt;
      }
      row.push_back(it->second);
    }
    years.push_back(std::move(row));
  }
  return years;
}

// Yearly rates by band, compounded from `base` (a place's residents by band).
std::optional<std::vector<double>> read_band_rates(const SourceNode& rates, const std::string& path,
                                                   const ScenarioSpec& spec, DiagnosticList& diagnostics) {
  const MapReader by_band(rates, path, diagnostics);
  std::vector<std::optional<double>> rate(spec.age_bands.size());
  bool names_known = true;  // a misspelt band is reported once, not also as missing
  for (const auto& entry : rates.entries) {
    const auto b = find_band(entry, by_band.path(), spec, diagnostics);
    names_known = names_known && b.has_value();
    const auto v = read_number(entry.value, by_band.path_of(entry.key), NumberRule::kYearlyChange, diagnostics);
    if (b && v) rate[*b] = *v;
  }
  if (by_band.is_map() && names_known) {
    for (std::size_t b = 0; b < rate.size(); ++b)
      if (!rate[b] && rates.find_entry(spec.age_bands[b].name) == nullptr)
        diagnostics.error(rates.location, by_band.path() + ": missing the age band " + quote(spec.age_bands[b].name) +
                                              " (write 0 for no change)");
  }
  std::vector<double> out;
  for (const auto& r : rate) out.push_back(r.value_or(0.0));
  return out;
}

std::vector<std::vector<double>> compounded(const std::vector<models::AgeBandSpec>& bands,
                                            const std::vector<double>& rates, int years) {
  std::vector<std::vector<double>> out;
  for (int y = 0; y < years; ++y) {
    std::vector<double> row;
    for (std::size_t b = 0; b < bands.size(); ++b) row.push_back(bands[b].population * std::pow(1.0 + rates[b], y));
    out.push_back(std::move(row));
  }
  return out;
}

// Each place's residents, year by year: by yearly rates per band, or from a
// projection table, given for the area (every place) or for a place itself
// (places.PLACE.growth), which then wins.
void read_growth(const SourceNode* node, const SourceNode* places_node, ScenarioReading& reading,
                 const ScenarioSpec& spec, models::GrowthSpec& growth) {
  DiagnosticList& diagnostics = reading.diagnostics();
  const auto places = models::places_of(spec);
  std::vector<std::optional<std::vector<std::vector<double>>>> by_place(places.size());  // [place][year][band]

  // What one growth map says, for the place `p` (nullopt: every place).
  const auto read_one = [&](const SourceNode& map_node, const std::string& path, std::optional<std::size_t> p) {
    const MapReader map(map_node, path, diagnostics);
    if (!map.is_map()) return;
    if (p)
      map.allow_only({"population_change_per_year", "population_projection_csv"});
    else
      map.allow_only({"population_change_per_year", "population_projection_csv", "admission_rate_change_per_year"});
    const SourceNode* rates = map.optional("population_change_per_year");
    const SourceNode* table = map.optional("population_projection_csv");
    if (rates != nullptr && table != nullptr) {
      diagnostics.error(map_node.location, path + ": give population_change_per_year or population_projection_csv, not both");
      return;
    }
    if (rates != nullptr) {
      const auto r = read_band_rates(*rates, map.path_of("population_change_per_year"), spec, diagnostics);
      if (!r) return;
      for (std::size_t q = 0; q < places.size(); ++q)
        if (!p || *p == q) by_place[q] = compounded(places[q].age_bands, *r, spec.years);
    } else if (table != nullptr) {
      const std::string table_path = map.path_of("population_projection_csv");
      const bool several = !p && !spec.places.empty();
      std::string file;
      const auto rows = read_population_csv(*table, table_path, reading, several, file);
      if (!rows) return;
      for (std::size_t q = 0; q < places.size(); ++q) {
        if (p && *p != q) continue;
        by_place[q] = population_from_table(*rows, several ? places[q].id : "", file, *table, table_path, spec, diagnostics);
        if (!by_place[q]) return;
      }
    }
  };
  if (node != nullptr) read_one(*node, "growth", std::nullopt);
  if (places_node != nullptr && places_node->is_map())
    for (std::size_t p = 0; p < places_node->entries.size() && p < places.size(); ++p)
      if (const MapEntry* own = places_node->entries[p].value.find_entry("growth"))
        read_one(own->value, key_path(key_path("places", places_node->entries[p].key), "growth"), p);

  if (std::any_of(by_place.begin(), by_place.end(), [](const auto& g) { return g.has_value(); })) {
    for (int y = 0; y < spec.years; ++y) {
      std::vector<double> row;
      for (std::size_t p = 0; p < places.size(); ++p)
        for (std::size_t b = 0; b < spec.age_bands.size(); ++b)
          row.push_back(by_place[p] ? (*by_place[p])[static_cast<std::size_t>(y)][b] : places[p].age_bands[b].population);
      growth.population.push_back(std::move(row));
    }
  }
  if (node == nullptr || !node->is_map()) return;
  if (const MapEntry* entry = node->find_entry("admission_rate_change_per_year")) {
    const SourceNode* trend = &entry->value;
    if (const auto v = read_number(*trend, "growth.admission_rate_change_per_year", NumberRule::kYearlyChange, diagnostics))
      for (int y = 0; y < spec.years; ++y) growth.admission_rate_multiplier.push_back(std::pow(1.0 + *v, y));
  }
}

void read_change_services(const SourceNode& node, const std::string& path, const ScenarioSpec& spec,
                          DiagnosticList& diagnostics, models::ChangeSpec& change) {
  const MapReader services(node, path, diagnostics);
  if (!services.is_map()) return;
  for (const auto& entry : node.entries) {
    const auto s = find_service(entry, path, spec, diagnostics);
    if (!s) continue;
    const auto& service = spec.services[*s];
    const MapReader target(entry.value, services.path_of(entry.key), diagnostics);
    if (!target.is_map()) continue;
    const std::string capacity = models::capacity_key(service);
    target.allow_only({capacity, "length_of_stay_days"});
    if (auto v = target.optional_number(capacity, NumberRule::kNonNegative))
      change.capacity[*s] = *v * models::capacity_per_written_unit(service);
    if (const SourceNode* stay = target.optional("length_of_stay_days"))
      change.length_of_stay_days[*s] = read_distribution(*stay, target.path_of("length_of_stay_days"), diagnostics);
  }
}

// Band targets for every place's band (places: every place), or for the
// places given.
void read_change_bands(const SourceNode& node, const std::string& path, const ScenarioSpec& spec,
                       const std::vector<std::size_t>& places, DiagnosticList& diagnostics, models::ChangeSpec& change) {
  const MapReader bands(node, path, diagnostics);
  if (!bands.is_map()) return;
  const std::size_t band_count = spec.age_bands.size();
  for (const auto& entry : node.entries) {
    const auto b = find_band(entry, path, spec, diagnostics);
    if (!b) continue;
    const MapReader target(entry.value, bands.path_of(entry.key), diagnostics);
    if (!target.is_map()) continue;
    target.allow_only({"pathway_split", "step_up_share", "admissions_per_1000_per_year", "time_to_nctr_days"});
    std::optional<std::array<double, models::kPathways>> split;
    std::optional<double> step_up, rate;
    std::optional<engine::Distribution> to_nctr;
    if (const SourceNode* s = target.optional("pathway_split"))
      split = read_pathway_split(*s, target.path_of("pathway_split"), diagnostics);
    step_up = target.optional_number("step_up_share", NumberRule::kProbability);
    rate = target.optional_number("admissions_per_1000_per_year", NumberRule::kNonNegative);
    if (const SourceNode* d = target.optional("time_to_nctr_days"))
      to_nctr = read_distribution(*d, target.path_of("time_to_nctr_days"), diagnostics);
    for (const std::size_t p : places) {
      const std::size_t cell = p * band_count + *b;
      if (split) change.pathway_split[cell] = split;
      if (step_up) change.step_up_share[cell] = step_up;
      if (rate) change.admissions_per_1000_per_year[cell] = rate;
      if (to_nctr) change.time_to_nctr_days[cell] = to_nctr;
    }
  }
}

std::vector<models::ChangeSpec> read_changes(const SourceNode& node, const ScenarioSpec& spec,
                                             DiagnosticList& diagnostics) {
  std::vector<models::ChangeSpec> changes;
  if (!node.is_list()) {
    diagnostics.error(node.location, "changes: expected a list of changes, got " + describe(node));
    return changes;
  }
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const std::string path = item_path("changes", i);
    const MapReader map(node.items[i], path, diagnostics);
    if (!map.is_map()) continue;
    map.allow_only({"name", "from_year", "phase_in_years", "services", "age_bands", "places", "acute"});
    models::ChangeSpec change;
    const std::size_t places = std::max<std::size_t>(spec.places.size(), 1);
    const std::size_t cells = places * spec.age_bands.size();
    change.capacity.resize(spec.services.size());
    change.length_of_stay_days.resize(spec.services.size());
    change.pathway_split.resize(cells);
    change.step_up_share.resize(cells);
    change.admissions_per_1000_per_year.resize(cells);
    change.time_to_nctr_days.resize(cells);
    std::vector<std::size_t> every_place(places);
    for (std::size_t p = 0; p < places; ++p) every_place[p] = p;
    if (const SourceNode* name = map.optional("name")) (void)read_text(*name, map.path_of("name"), diagnostics);
    if (const SourceNode* year = map.required("from_year"))
      if (auto v = read_whole_number(*year, map.path_of("from_year"), 1900, 2200, diagnostics))
        change.from_year = static_cast<int>(*v);
    if (const SourceNode* phase = map.optional("phase_in_years"))
      if (auto v = read_whole_number(*phase, map.path_of("phase_in_years"), 0, 100, diagnostics))
        change.phase_in_years = static_cast<int>(*v);
    if (const SourceNode* services = map.optional("services"))
      read_change_services(*services, map.path_of("services"), spec, diagnostics, change);
    if (const SourceNode* bands = map.optional("age_bands"))
      read_change_bands(*bands, map.path_of("age_bands"), spec, every_place, diagnostics, change);
    if (const SourceNode* by_place = map.optional("places")) {  // after the area's: a place's own targets win
      const MapReader places_map(*by_place, map.path_of("places"), diagnostics);
      for (const MapEntry& entry : by_place->entries) {
        const auto p = std::find_if(spec.places.begin(), spec.places.end(), [&](const auto& x) { return x.id == entry.key; });
        if (p == spec.places.end()) {
          std::vector<std::string_view> ids;
          for (const auto& x : spec.places) ids.emplace_back(x.id);
          diagnostics.error(entry.key_location, places_map.path_of(entry.key) + ": no place named " + quote(entry.key) +
                                                    (ids.empty() ? " (the scenario has no places section)" : did_you_mean(entry.key, ids)));
          continue;
        }
        const MapReader place(entry.value, places_map.path_of(entry.key), diagnostics);
        place.allow_only({"age_bands"});
        if (const SourceNode* bands = place.optional("age_bands"))
          read_change_bands(*bands, place.path_of("age_bands"), spec,
                            {static_cast<std::size_t>(p - spec.places.begin())}, diagnostics, change);
      }
    }
    if (const SourceNode* acute_node = map.optional("acute")) {
      const MapReader acute(*acute_node, map.path_of("acute"), diagnostics);
      if (acute.is_map()) {
        acute.allow_only({"triage_days", "hub_days", "discharge_days_per_week"});
        if (const SourceNode* triage = acute.optional("triage_days"))
          change.triage_days = read_distribution(*triage, acute.path_of("triage_days"), diagnostics);
        if (const SourceNode* hub = acute.optional("hub_days"))
          change.hub_days = read_by_pathway(*hub, acute.path_of("hub_days"), diagnostics);
        if (const SourceNode* days = acute.optional("discharge_days_per_week"))
          if (auto v = read_whole_number(*days, acute.path_of("discharge_days_per_week"), 1, 7, diagnostics))
            change.discharge_days_per_week = static_cast<int>(*v);
      }
    }
    changes.push_back(std::move(change));
  }
  return changes;
}

// People per service, by service name.
std::vector<double> read_people_by_service(const SourceNode& node, const std::string& path, const ScenarioSpec& spec,
                                           DiagnosticList& diagnostics) {
  std::vector<double> people(spec.services.size(), 0.0);
  const MapReader map(node, path, diagnostics);
  if (!map.is_map()) return people;
  for (const auto& entry : node.entries) {
    const auto s = find_service(entry, path, spec, diagnostics);
    const auto n = read_number(entry.value, map.path_of(entry.key), NumberRule::kWholeNonNegative, diagnostics);
    if (s && n) people[*s] = *n;
  }
  return people;
}

void read_census(const SourceNode& node, const ScenarioSpec& spec, DiagnosticList& diagnostics,
                 models::InitialCensus& census) {
  const MapReader map(node, "initial_census", diagnostics);
  if (!map.is_map()) return;
  map.allow_only({"acute_inpatients", "waiting_in_acute", "in_service", "care_home_placements"});
  if (const SourceNode* placements = map.optional("care_home_placements")) {
    const MapReader homes(*placements, map.path_of("care_home_placements"), diagnostics);
    homes.allow_only({"residential", "nursing"});
    if (auto v = homes.optional_number("residential", NumberRule::kWholeNonNegative)) census.placements_residential = *v;
    if (auto v = homes.optional_number("nursing", NumberRule::kWholeNonNegative)) census.placements_nursing = *v;
    if ((census.placements_residential > 0 || census.placements_nursing > 0) &&
        (spec.long_term_care.residential_stay_days.mean() <= 0.0 || spec.long_term_care.nursing_stay_days.mean() <= 0.0))
      diagnostics.error(placements->location, homes.path() + ": placements need long_term_care stays to end");
  }
  if (auto v = map.optional_number("acute_inpatients", NumberRule::kWholeNonNegative)) census.acute_inpatients = *v;
  census.waiting_in_acute.assign(spec.services.size(), 0.0);
  census.in_service.assign(spec.services.size(), 0.0);
  if (const SourceNode* waiting = map.optional("waiting_in_acute")) {
    census.waiting_in_acute = read_people_by_service(*waiting, map.path_of("waiting_in_acute"), spec, diagnostics);
    for (std::size_t s = 0; s < spec.services.size(); ++s) {
      const bool on_pathway = std::any_of(spec.pathway_routes.begin(), spec.pathway_routes.end(), [&](const auto& routes) {
        return std::any_of(routes.begin(), routes.end(), [&](const models::Route& r) { return r.service == s; });
      });
      if (census.waiting_in_acute[s] > 0 && !on_pathway)
        diagnostics.error(waiting->find_entry(spec.services[s].name)->key_location,
                          map.path_of("waiting_in_acute") + "." + spec.services[s].name +
                              ": people wait in acute beds only for a service a pathway (P1-P3) leads to");
    }
  }
  if (const SourceNode* in_service = map.optional("in_service")) {
    census.in_service = read_people_by_service(*in_service, map.path_of("in_service"), spec, diagnostics);
    for (std::size_t s = 0; s < spec.services.size(); ++s) {
      const auto& service = spec.services[s];
      const double places = census.in_service[s] * (service.capacity_in_care_hours ? service.package_hours_per_day_start : 1.0);
      if (places > service.capacity + 1e-9)
        diagnostics.error(in_service->find_entry(service.name)->key_location,
                          map.path_of("in_service") + "." + service.name + ": " + format_number(census.in_service[s]) +
                              " people need more than the service's capacity of " + format_number(service.capacity));
    }
  }
}

void read_long_term_care(const SourceNode& node, DiagnosticList& diagnostics, models::LongTermCareSpec& care) {
  const MapReader map(node, "long_term_care", diagnostics);
  if (!map.is_map()) return;
  map.allow_only({"residential_stay_days", "nursing_stay_days"});
  if (const SourceNode* d = map.required("residential_stay_days"))
    if (auto v = read_distribution(*d, map.path_of("residential_stay_days"), diagnostics)) care.residential_stay_days = *v;
  if (const SourceNode* d = map.required("nursing_stay_days"))
    if (auto v = read_distribution(*d, map.path_of("nursing_stay_days"), diagnostics)) care.nursing_stay_days = *v;
}

}  // namespace

void read_projection(const MapReader& top, ScenarioReading& reading, ScenarioSpec& spec) {
  DiagnosticList& diagnostics = reading.diagnostics();
  const std::size_t errors_before = diagnostics.size();
  models::GrowthSpec growth;
  read_growth(top.optional("growth"), top.optional("places"), reading, spec, growth);
  models::CapacityPolicy policy = models::CapacityPolicy::kFixed;
  if (const SourceNode* node = top.optional("capacity_policy"))
    if (auto choice = read_choice(*node, "capacity_policy", {"fixed", "grow_with_demand"}, diagnostics))
      policy = *choice == "grow_with_demand" ? models::CapacityPolicy::kGrowWithDemand : models::CapacityPolicy::kFixed;
  std::vector<models::ChangeSpec> changes;
  if (const SourceNode* node = top.optional("changes")) changes = read_changes(*node, spec, diagnostics);
  if (const SourceNode* node = top.optional("long_term_care")) read_long_term_care(*node, diagnostics, spec.long_term_care);
  if (const SourceNode* node = top.optional("initial_census")) {
    models::InitialCensus census;
    read_census(*node, spec, diagnostics, census);
    spec.initial_census = census;
  }

  const bool projected = !growth.population.empty() || !growth.admission_rate_multiplier.empty() ||
                         policy != models::CapacityPolicy::kFixed || !changes.empty();
  // Work the years out only from a scenario read without error.
  if (projected && diagnostics.size() == errors_before && diagnostics.empty())
    spec.yearly = models::project_years(spec, growth, policy, changes);
}

}  // namespace icsim::scenario
