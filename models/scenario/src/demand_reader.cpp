// demand: residents by age band, their emergency admissions, how those are
// split across the discharge pathways, and the weekly and seasonal shape.

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <numeric>

#include "distribution_reader.hpp"
#include "section_readers.hpp"

namespace icsim::scenario {
namespace {

constexpr double kProfileMeanTolerance = 0.01;
constexpr int kOlderPeopleAge = 65;  // Better Care Fund metrics count people aged 65 and over

// The lowest age in a band's name: 65 in "65-74", 85 in "85+".
std::optional<int> lowest_age(std::string_view name) {
  int age = 0;
  std::size_t digits = 0;
  while (digits < name.size() && digits < 3 && std::isdigit(static_cast<unsigned char>(name[digits])))
    age = age * 10 + (name[digits++] - '0');
  if (digits == 0) return std::nullopt;
  return age;
}


void read_age_band(const SourceNode& node, const std::string& path, ScenarioReading& reading,
                   std::vector<std::pair<std::string, Location>>& names, models::ScenarioSpec& spec) {
  DiagnosticList& diagnostics = reading.diagnostics();
  const MapReader band_map(node, path, diagnostics);
  if (!band_map.is_map()) return;
  band_map.allow_only({"name", "population", "admissions_per_1000_per_year", "step_up_share", "pathway_split",
                       "time_to_nctr_days", "hub_days", "died_in_hospital", "p0_outcomes"});
  models::AgeBandSpec band;
  if (const SourceNode* name_node = band_map.required("name")) {
    if (auto name = read_text(*name_node, band_map.path_of("name"), diagnostics)) {
      band.name = *name;
      const auto same = std::find_if(names.begin(), names.end(), [&](const auto& n) { return n.first == *name; });
      if (same != names.end())
        diagnostics.error(name_node->location, band_map.path_of("name") + ": " + quote(*name) +
                                                   " is already the name of the age band at line " +
                                                   std::to_string(same->second.line));
      else
        names.emplace_back(*name, name_node->location);
      if (const auto age = lowest_age(*name))
        band.aged_65_plus = *age >= kOlderPeopleAge;
      else
        diagnostics.error(name_node->location, band_map.path_of("name") +
                                                   ": an age band's name starts with its lowest age, like \"65-74\" "
                                                   "or \"85+\", got " +
                                                   quote(*name));
    }
  }
  if (reading.place_ids.empty()) {
    if (auto v = band_map.required_number("population", NumberRule::kNonNegative)) band.population = *v;
  } else if (const MapEntry* population = band_map.entry("population")) {
    diagnostics.error(population->key_location,
                      band_map.path_of("population") +
                          ": with places, each place gives its residents (places.PLACE.population); remove it here");
  }
  read_band_values(band_map, reading, true, band);
  spec.age_bands.push_back(std::move(band));
}

// p0_outcomes: {readmission, death}, shares of pathway 0 discharges; the rest stay home.
void read_p0_outcomes(const SourceNode& node, const std::string& path, DiagnosticList& diagnostics,
                      models::AgeBandSpec& band) {
  const MapReader map(node, path, diagnostics);
  if (!map.is_map()) return;
  map.allow_only({"readmission", "death"});
  const auto readmission = map.optional_number("readmission", NumberRule::kProbability);
  const auto death = map.optional_number("death", NumberRule::kProbability);
  if (readmission.value_or(0.0) + death.value_or(0.0) > 1.0 + kSumTolerance) {
    diagnostics.error(node.location, path + ": readmission and death sum to " +
                                         format_number(readmission.value_or(0.0) + death.value_or(0.0)) +
                                         ", more than 1 (the rest stay home)");
    return;
  }
  if (readmission) band.p0_readmission = *readmission;
  if (death) band.p0_death = *death;
}

template <std::size_t N>
void read_profile(const MapReader& demand, std::string_view key, std::string_view first,
                  std::array<double, N>& profile) {
  const SourceNode* node = demand.optional(key);
  if (node == nullptr) return;
  const std::string path = demand.path_of(key);
  const auto values = read_numbers(*node, path, NumberRule::kNonNegative, N, demand.diagnostics());
  if (!values) return;
  const double mean = std::accumulate(values->begin(), values->end(), 0.0) / static_cast<double>(N);
  if (std::abs(mean - 1.0) > kProfileMeanTolerance) {
    demand.diagnostics().error(node->location, path + ": the mean is " + format_number(mean, 4) +
                                                   ", must be 1 (within 0.01): " + std::string(first) +
                                                   " first, each a multiple of the average");
    return;
  }
  std::copy(values->begin(), values->end(), profile.begin());
}

}  // namespace

void read_band_values(const MapReader& map, ScenarioReading& reading, bool area, models::AgeBandSpec& band) {
  DiagnosticList& diagnostics = reading.diagnostics();
  const auto number = [&](std::string_view key, NumberRule rule) {
    return area && key != "step_up_share" ? map.required_number(key, rule) : map.optional_number(key, rule);
  };
  const auto node = [&](std::string_view key) { return area ? map.required(key) : map.optional(key); };
  if (auto v = number("admissions_per_1000_per_year", NumberRule::kNonNegative)) band.admissions_per_1000_per_year = *v;
  if (auto v = number("step_up_share", NumberRule::kProbability)) {
    band.step_up_share = *v;
    if (*v > 0 && !reading.step_up_given)
      diagnostics.error(map.optional("step_up_share")->location,
                        map.path_of("step_up_share") +
                            ": people can be stepped up only to a service; add step_up: {service: NAME}");
  }
  if (const SourceNode* split = node("pathway_split"))
    if (auto shares = read_pathway_split(*split, map.path_of("pathway_split"), diagnostics)) band.pathway_split = *shares;
  if (const SourceNode* d = node("time_to_nctr_days"))
    if (auto distribution = read_distribution(*d, map.path_of("time_to_nctr_days"), diagnostics))
      band.time_to_nctr_days = std::move(*distribution);
  if (auto v = map.optional_number("died_in_hospital", NumberRule::kProbability)) band.died_in_hospital = *v;
  if (const SourceNode* outcomes = map.optional("p0_outcomes")) read_p0_outcomes(*outcomes, map.path_of("p0_outcomes"), diagnostics, band);
  if (const SourceNode* hub = map.optional("hub_days")) {
    const auto by_pathway = read_by_pathway(*hub, map.path_of("hub_days"), diagnostics);
    for (std::size_t k = 0; k < models::kPathways; ++k)
      if (by_pathway[k]) band.hub_days[k] = by_pathway[k];
  }
}

models::ByPathway read_by_pathway(const SourceNode& node, const std::string& path, DiagnosticList& diagnostics) {
  models::ByPathway times;
  const MapReader map(node, path, diagnostics);
  if (!map.is_map()) return times;
  map.allow_only({kPathwayNames.begin(), kPathwayNames.end()});
  if (node.entries.empty()) diagnostics.error(node.location, path + ": expected times for some of P0, P1, P2, P3, got none");
  for (std::size_t k = 0; k < models::kPathways; ++k)
    if (const SourceNode* d = map.optional(kPathwayNames[k]))
      times[k] = read_distribution(*d, map.path_of(kPathwayNames[k]), diagnostics);
  return times;
}

std::optional<std::array<double, models::kPathways>> read_pathway_split(const SourceNode& node, const std::string& path,
                                                                       DiagnosticList& diagnostics) {
  const MapReader split(node, path, diagnostics);
  if (!split.is_map()) return std::nullopt;
  split.allow_only({kPathwayNames.begin(), kPathwayNames.end()});
  std::array<double, models::kPathways> shares{};
  bool complete = true;
  double sum = 0.0;
  for (int pathway = 0; pathway < models::kPathways; ++pathway) {
    const auto share = split.required_number(kPathwayNames[static_cast<std::size_t>(pathway)], NumberRule::kProbability);
    complete = complete && share.has_value();
    if (!share) continue;
    shares[static_cast<std::size_t>(pathway)] = *share;
    sum += *share;
  }
  if (!complete) return std::nullopt;
  if (std::abs(sum - 1.0) > kSumTolerance) {
    diagnostics.error(node.location, path + ": the shares of P0 to P3 sum to " + format_number(sum) + ", not 1");
    return std::nullopt;
  }
  return shares;
}

void read_demand(const MapReader& top, ScenarioReading& reading, models::ScenarioSpec& spec) {
  const SourceNode* node = top.required("demand");
  if (node == nullptr) return;
  const MapReader demand(*node, "demand", reading.diagnostics());
  if (!demand.is_map()) return;
  demand.allow_only({"age_bands", "day_of_week_profile", "month_profile", "fall_share", "acsc_share"});
  if (const SourceNode* bands = demand.required("age_bands")) {
    if (!bands->is_list() || bands->items.empty()) {
      reading.diagnostics().error(bands->location, "demand.age_bands: expected a list of age bands, got " +
                                                       (bands->is_list() ? std::string("an empty list") : describe(*bands)));
    } else {
      std::vector<std::pair<std::string, Location>> names;
      for (std::size_t i = 0; i < bands->items.size(); ++i)
        read_age_band(bands->items[i], item_path("demand.age_bands", i), reading, names, spec);
    }
  }
  read_profile(demand, "day_of_week_profile", "Monday", spec.day_of_week_profile);
  read_profile(demand, "month_profile", "January", spec.month_profile);
  if (auto v = demand.optional_number("fall_share", NumberRule::kProbability)) spec.fall_share = *v;
  if (auto v = demand.optional_number("acsc_share", NumberRule::kProbability)) spec.acsc_share = *v;
}

}  // namespace icsim::scenario
