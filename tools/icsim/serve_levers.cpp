#include "serve_levers.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string_view>

namespace icsim::tools {
namespace {

using Split = std::array<double, models::kPathways>;
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

// A slider over about [low, high] whose grid passes through `value`, so the
// scenario's own value is a position and nothing moves until the user moves it.
Lever slider(std::string id, std::string group, std::string label, std::string unit, double low, double high,
             double step, double value) {
  low = std::min(low, value);
  high = std::max(high, value);
  const double below = std::floor((value - low) / step + 1e-9), above = std::floor((high - value) / step + 1e-9);
  return {std::move(id), std::move(group), std::move(label), std::move(unit), value - below * step,
          value + above * step, step, value};
}

bool in_care_hours(const models::ServiceSpec& s) {
  return s.kind == models::ServiceKind::kHomeBased && s.capacity_in_care_hours;
}

// Capacity as the scenario writes it: staff WTE for a staffed service.
double written_capacity(const models::ServiceSpec& s) { return s.capacity / models::capacity_per_written_unit(s); }

std::optional<double> number(const scenario::ScenarioValues& written, const std::string& key) {
  const auto value = written.value(key);
  if (!value) return std::nullopt;
  try {
    return std::stod(*value);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// Every band's population growth rate as written, or nothing when the
// scenario gives its population another way.
std::optional<std::vector<double>> population_rates(const models::ScenarioSpec& spec,
                                                    const scenario::ScenarioValues& written) {
  std::vector<double> rates;
  for (const auto& band : spec.age_bands) {
    const auto rate = number(written, "growth.population_change_per_year." + band.name);
    if (!rate) return std::nullopt;
    rates.push_back(*rate);
  }
  return rates;
}

// Home first: a share f of the bed-based discharges (P2, P3) go home with
// support (P1) instead; below 0, a share -f of P1 go to `back_to`.
Split home_first(Split split, double f, const models::ScenarioSpec& spec, int back_to) {
  if (f > 0) {
    for (int p : {kP2, kP3}) {
      if (spec.pathway_routes[p].empty()) continue;
      split[kP1] += f * split[p];
      split[p] -= f * split[p];
    }
  } else {
    split[back_to] += -f * split[kP1];
    split[kP1] -= -f * split[kP1];
  }
  return split;
}

std::string split_yaml(const Split& s) {
  return "{P0: " + text(s[kP0]) + ", P1: " + text(s[kP1]) + ", P2: " + text(s[kP2]) + ", P3: " + text(s[kP3]) + "}";
}

// Capacities are grouped by whom the service serves: "Capacity: West
// Lancashire", "Capacity: shared by Blackpool and Fylde and Wyre", "Capacity:
// Blackpool Teaching Hospitals' discharge hub"; an area's own, "Capacity".
std::string capacity_group(const models::ScenarioSpec& spec, const models::ServiceSpec& service) {
  using Kind = models::ServiceOwner::Kind;
  const auto& owner = service.owner;
  if (owner.kind == Kind::kHospital) return "Capacity: " + spec.hospitals.at(owner.hospital).name + "'s discharge hub";
  if (owner.kind == Kind::kArea) return "Capacity";
  if (owner.places.size() == 1) return "Capacity: " + spec.places.at(owner.places.front()).name;
  std::string names;
  for (std::size_t i = 0; i < owner.places.size(); ++i)
    names += (i == 0 ? "" : i + 1 == owner.places.size() ? " and " : ", ") + spec.places.at(owner.places[i]).name;
  return "Capacity: shared by " + names;
}

int home_first_back_to(const models::ScenarioSpec& spec) { return spec.pathway_routes[kP2].empty() ? kP3 : kP2; }

}  // namespace

std::vector<Lever> scenario_levers(const models::ScenarioSpec& spec, const scenario::ScenarioValues& written) {
  std::vector<Lever> levers;
  for (const auto& s : spec.services) {
    const double capacity = written_capacity(s);
    const double step = in_care_hours(s) ? nice_step(capacity) : 1.0;
    std::string label = s.name;
    std::replace(label.begin(), label.end(), '_', ' ');
    levers.push_back(slider("capacity." + s.name, capacity_group(spec, s), label,
                            s.care_hours_per_wte_day > 0.0 ? "staff WTE" : capacity_unit(s), std::max(step, capacity / 4),
                            std::max(capacity * 2.5, capacity + 20 * step), step, capacity));
  }
  // Each place's capacities together, in the order the places first appear.
  std::vector<std::string> order;
  for (const auto& lever : levers)
    if (std::find(order.begin(), order.end(), lever.group) == order.end()) order.push_back(lever.group);
  std::stable_sort(levers.begin(), levers.end(), [&](const Lever& a, const Lever& b) {
    return std::find(order.begin(), order.end(), a.group) < std::find(order.begin(), order.end(), b.group);
  });
  if (population_rates(spec, written))
    levers.push_back(slider("growth.population", "Growth", "Population growth a year, added to every age band",
                            "percentage points", -2.0, 3.0, 0.1, 0.0));
  const double admission_trend = number(written, "growth.admission_rate_change_per_year").value_or(0.0);
  levers.push_back(slider("growth.admission_rate", "Growth", "Admission rate change a year", "%", -5.0, 5.0, 0.1,
                          std::round(admission_trend * 1000.0) / 10.0));
  if (!spec.pathway_routes[kP1].empty() && (!spec.pathway_routes[kP2].empty() || !spec.pathway_routes[kP3].empty()))
    levers.push_back(slider("pathways.home_first", "Pathways",
                            std::string("Home first: share of bed-based discharges (P2, P3) sent home with support "
                                        "(P1) instead; below 0, of P1 sent to ") +
                                (home_first_back_to(spec) == kP2 ? "P2" : "P3"),
                            "%", -50.0, 50.0, 1.0, 0.0));
  levers.push_back(slider("discharge.days_per_week", "Discharge", "Days a week people are discharged", "days", 5.0,
                          7.0, 1.0, spec.discharge_days_per_week));
  if (!spec.step_up_routes.empty())
    levers.push_back(slider("step_up.share", "Step-up",
                            "Step-up: change in the share of would-be admissions cared for at home, every age band "
                            "(not below 0)",
                            "percentage points", -10.0, 15.0, 0.5, 0.0));
  return levers;
}

std::vector<scenario::WhatIfValue> lever_values(const models::ScenarioSpec& spec,
                                                const scenario::ScenarioValues& written,
                                                const std::vector<Lever>& levers,
                                                const std::map<std::string, double>& positions) {
  std::vector<scenario::WhatIfValue> values;
  const auto set = [&](std::string key, double value) { values.push_back({std::move(key), text(value)}); };
  const std::vector<std::string> changes = written.keys("changes");
  const auto in_change = [](const std::string& change, const std::string& rest) {
    return "changes[" + change + "]." + rest;
  };

  for (const auto& lever_position : positions) {
    const std::string& id = lever_position.first;  // names, not bindings: lambdas capture them (clang 14)
    const double position = lever_position.second;
    const auto lever = std::find_if(levers.begin(), levers.end(), [&](const Lever& l) { return l.id == id; });
    if (lever == levers.end()) throw BadLever("this scenario has no lever \"" + id + "\"");
    if (!std::isfinite(position) || position < lever->min - 1e-9 || position > lever->max + 1e-9)
      throw BadLever(lever->label + ": " + text(position) + " is off the scale " + text(lever->min) + " to " +
                     text(lever->max) + " " + lever->unit);
    if (position == lever->value) continue;

    if (id.starts_with("capacity.")) {
      const auto& s = *std::find_if(spec.services.begin(), spec.services.end(),
                                    [&](const auto& service) { return "capacity." + service.name == id; });
      const auto unit = [&](double c) { return in_care_hours(s) ? c : std::round(c); };
      const double ratio = s.capacity > 0 ? position / written_capacity(s) : 1.0;
      const std::string key = models::capacity_key(s);
      set("services." + s.name + "." + key, unit(position));
      for (const auto& j : written.keys("services." + s.name + ".capacity_changes"))
        if (const auto c = number(written, "services." + s.name + ".capacity_changes[" + j + "].capacity"))
          set("services." + s.name + ".capacity_changes[" + j + "].capacity", unit(*c * ratio));
      for (const auto& i : changes)
        if (const auto c = number(written, in_change(i, "services." + s.name + "." + key)))
          set(in_change(i, "services." + s.name + "." + key), unit(*c * ratio));
    } else if (id == "growth.population") {
      const auto rates = *population_rates(spec, written);
      for (std::size_t b = 0; b < spec.age_bands.size(); ++b)
        set("growth.population_change_per_year." + spec.age_bands[b].name, rates[b] + position / 100.0);
    } else if (id == "growth.admission_rate") {
      set("growth.admission_rate_change_per_year", position / 100.0);
    } else if (id == "pathways.home_first") {
      const int back_to = home_first_back_to(spec);
      for (const auto& band : spec.age_bands)
        values.push_back({"demand.age_bands[" + band.name + "].pathway_split",
                          split_yaml(home_first(band.pathway_split, position / 100.0, spec, back_to))});
      for (const auto& i : changes)
        for (const auto& band : written.keys(in_change(i, "age_bands"))) {
          const std::string key = in_change(i, "age_bands." + band + ".pathway_split");
          Split target{};
          bool complete = true;
          for (int p = 0; p < models::kPathways; ++p) {
            const auto share = number(written, key + ".P" + std::to_string(p));
            complete = complete && share.has_value();
            target[static_cast<std::size_t>(p)] = share.value_or(0.0);
          }
          if (complete) values.push_back({key, split_yaml(home_first(target, position / 100.0, spec, back_to))});
        }
    } else if (id == "discharge.days_per_week") {
      set("acute.discharge_days_per_week", std::round(position));
      for (const auto& i : changes)
        if (written.value(in_change(i, "acute.discharge_days_per_week")))
          set(in_change(i, "acute.discharge_days_per_week"), std::round(position));
    } else if (id == "step_up.share") {
      const auto moved = [&](double share) { return std::clamp(share + position / 100.0, 0.0, 0.95); };
      for (const auto& band : spec.age_bands)
        set("demand.age_bands[" + band.name + "].step_up_share", moved(band.step_up_share));
      for (const auto& i : changes)
        for (const auto& band : written.keys(in_change(i, "age_bands")))
          if (const auto share = number(written, in_change(i, "age_bands." + band + ".step_up_share")))
            set(in_change(i, "age_bands." + band + ".step_up_share"), moved(*share));
    }
  }
  return values;
}

std::string describe_moves(const std::vector<Lever>& levers, const std::map<std::string, double>& positions) {
  std::string moved;
  for (const Lever& l : levers) {
    const auto it = positions.find(l.id);
    if (it == positions.end() || it->second == l.value) continue;
    std::string label = l.group == "Capacity" ? l.label : l.id;
    std::replace_if(label.begin(), label.end(), [](char c) { return c == '.' || c == '_'; }, ' ');
    const double shown = l.step >= 1 ? std::round(it->second) : std::round(it->second * 10) / 10;
    const std::string unit = l.unit == "%" ? "%" : l.unit == "percentage points" ? " pp" : l.group == "Capacity" ? "" : " " + l.unit;
    moved += (moved.empty() ? "" : ", ") + label + " " + text(shown) + unit;
  }
  return moved.empty() ? "as the scenario" : moved;
}

}  // namespace icsim::tools
