#pragma once
// Where a pathway, step-up or bridging leads, in words: its services' names.

#include <string>

#include <icsim/models/scenario_spec.hpp>

namespace icsim::tools {

// "reablement" or "home_first_north, home_first_south"; "" for none.
[[nodiscard]] inline std::string route_names(const models::ScenarioSpec& spec, const models::Routes& routes) {
  std::string names;
  for (const models::ServiceIndex s : models::services_of(routes))
    names += (names.empty() ? "" : ", ") + spec.services[s].name;
  return names;
}

// Whether the routes lead to service s.
[[nodiscard]] inline bool leads_to(const models::Routes& routes, models::ServiceIndex s) {
  for (const models::Route& route : routes)
    if (route.service == s) return true;
  return false;
}

}  // namespace icsim::tools
