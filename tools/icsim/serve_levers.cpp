#include "serve_levers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace icsim::tools {
namespace {

constexpr int kP0 = 0, kP1 = 1, kP2 = 2, kP3 = 3;

std::string text(double x) {
  char out[32];
  std::snprintf(out, sizeof out, "%.10g", x);
  return out;
}

// A step of about a two-hundredth of the value, rounded to 1, 2 or 5 x 10^k.
double nice_step(double value) {
  const double raw = std::max(1.0, value / 200.0);
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (raw <= m * power) return m * power;
  return 10.0 * power;
}

std::string capacity_key(const models::ServiceSpec& s) {
  if (s.kind == models::ServiceKind::kBedBased) return "capacity_beds";
  return s.capacity_in_care_hours ? "capacity_care_hours_per_day" : "capacity_packages";
}

std::string capacity_unit(const models::ServiceSpec& s) {
  if (s.kind == models::ServiceKind::kBedBased) return "beds";
  return s.capacity_in_care_hours ? "care hours a day" : "packages";
}

std::string band_key(const models::AgeBandSpec& band, std::string_view field) {
  return "demand.age_bands[" + band.name + "]." + std::string(field);
}

// Every band's population growth rate as written, or nothing when the
// scenario gives its population another way.
std::optional<std::vector<double>> population_rates(const models::ScenarioSpec& spec, const std::string& file) {
  std::vector<double> rates;
  for (const auto& band : spec.age_bands) {
    const auto value = scenario::scenario_value(file, "growth.population_change_per_year." + band.name);
    if (!value) return std::nullopt;
    rates.push_back(std::stod(*value));
  }
  return rates;
}

double admission_rate_change(const std::string& file) {
  const auto value = scenario::scenario_value(file, "growth.admission_rate_change_per_year");
  return value ? std::stod(*value) : 0.0;
}

}  // namespace

std::vector<Lever> scenario_levers(const models::ScenarioSpec& spec, const std::string& file) {
  std::vector<Lever> levers;
  for (const auto& s : spec.services) {
    const bool whole = capacity_unit(s) != "care hours a day";
    const double step = whole ? 1.0 : nice_step(s.capacity);
    const double most = std::max(s.capacity * 2.5, s.capacity + 20.0 * step);
    const double least = std::max(step, std::floor(s.capacity / 4.0 / step) * step);
    std::string label = s.name;
    std::replace(label.begin(), label.end(), '_', ' ');
    levers.push_back({"capacity." + s.name, "Capacity", label, capacity_unit(s), least, std::ceil(most / step) * step,
                      step, s.capacity});
  }
  if (population_rates(spec, file))
    levers.push_back({"growth.population", "Growth", "Population growth a year, added to every age band",
                      "percentage points", -2.0, 3.0, 0.1, 0.0});
  levers.push_back({"growth.admission_rate", "Growth", "Admission rate change a year", "%", -5.0, 5.0, 0.1,
                    std::round(admission_rate_change(file) * 1000.0) / 10.0});
  if (spec.pathway_service[kP1] && (spec.pathway_service[kP2] || spec.pathway_service[kP3]))
    levers.push_back({"pathways.home_first", "Pathways",
                      "Home first: share of bed-based discharges (P2, P3) sent home with support (P1) instead; "
                      "below 0, of P1 sent to P2",
                      "%", -50.0, 50.0, 1.0, 0.0});
  levers.push_back({"discharge.days_per_week", "Discharge", "Days a week people are discharged", "days", 5.0, 7.0,
                    1.0, static_cast<double>(spec.discharge_days_per_week)});
  if (spec.step_up_service)
    levers.push_back({"step_up.share", "Step-up",
                      "Step-up: change in the share of would-be admissions cared for at home, every age band",
                      "percentage points", -10.0, 15.0, 0.5, 0.0});
  return levers;
}

std::vector<scenario::WhatIfValue> lever_values(const models::ScenarioSpec& spec, const std::vector<Lever>& levers,
                                                const std::map<std::string, double>& positions) {
  std::vector<scenario::WhatIfValue> values;
  for (const auto& [id, position] : positions) {
    const auto lever = std::find_if(levers.begin(), levers.end(), [&](const Lever& l) { return l.id == id; });
    if (lever == levers.end()) throw BadLever("this scenario has no lever \"" + id + "\"");
    if (!std::isfinite(position) || position < lever->min - 1e-9 || position > lever->max + 1e-9)
      throw BadLever(lever->label + ": " + text(position) + " is off the scale " + text(lever->min) + " to " +
                     text(lever->max) + " " + lever->unit);
    if (position == lever->value) continue;

    if (id.starts_with("capacity.")) {
      const auto& s = *std::find_if(spec.services.begin(), spec.services.end(),
                                    [&](const auto& service) { return "capacity." + service.name == id; });
      const double capacity = capacity_unit(s) == "care hours a day" ? position : std::round(position);
      values.push_back({"services." + s.name + "." + capacity_key(s), text(capacity)});
    } else if (id == "growth.population") {
      const auto rates = *population_rates(spec, spec.file);
      for (std::size_t b = 0; b < spec.age_bands.size(); ++b)
        values.push_back({"growth.population_change_per_year." + spec.age_bands[b].name,
                          text(rates[b] + position / 100.0)});
    } else if (id == "growth.admission_rate") {
      values.push_back({"growth.admission_rate_change_per_year", text(position / 100.0)});
    } else if (id == "pathways.home_first") {
      const double f = position / 100.0;
      for (const auto& band : spec.age_bands) {
        auto split = band.pathway_split;
        if (f > 0) {
          for (int p : {kP2, kP3}) {
            if (!spec.pathway_service[p]) continue;
            split[kP1] += f * split[p];
            split[p] -= f * split[p];
          }
        } else {
          const int to = spec.pathway_service[kP2] ? kP2 : kP3;
          split[to] += -f * split[kP1];
          split[kP1] -= -f * split[kP1];
        }
        values.push_back({band_key(band, "pathway_split"), "{P0: " + text(split[kP0]) + ", P1: " + text(split[kP1]) +
                                                               ", P2: " + text(split[kP2]) + ", P3: " + text(split[kP3]) +
                                                               "}"});
      }
    } else if (id == "discharge.days_per_week") {
      values.push_back({"acute.discharge_days_per_week", text(std::round(position))});
    } else if (id == "step_up.share") {
      for (const auto& band : spec.age_bands)
        values.push_back({band_key(band, "step_up_share"),
                          text(std::clamp(band.step_up_share + position / 100.0, 0.0, 0.95))});
    }
  }
  return values;
}

}  // namespace icsim::tools
