#include <cstdio>

#include <icsim/scenario/load.hpp>

#include "commands.hpp"

namespace icsim::tools {

std::optional<std::vector<models::ScenarioSpec>> load_scenarios(const std::vector<std::string>& files) {
  std::vector<models::ScenarioSpec> specs;
  bool valid = true;
  for (const auto& file : files) {
    try {
      specs.push_back(scenario::load_scenario(file));
    } catch (const scenario::ScenarioError& e) {
      for (const auto& d : e.diagnostics()) std::fprintf(stderr, "%s\n", d.to_string().c_str());
      valid = false;
    }
  }
  if (!valid) return std::nullopt;
  return specs;
}

}  // namespace icsim::tools
