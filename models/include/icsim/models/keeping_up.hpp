#pragma once
// Whether each service keeps up with what is asked of it: results that look
// like a year's figures can hide a queue that grows without end. A service
// falls behind when it is nearly always full and its queue grows through the
// projection, or when people wait longer than a season for it.

#include <string>
#include <vector>

#include <icsim/models/intermediate_care_model.hpp>

namespace icsim::models {

struct FallingBehind {
  std::string service;
  std::string why;  // in words, with the figures
};

[[nodiscard]] std::vector<FallingBehind> services_falling_behind(const ScenarioSpec& spec,
                                                                 const ScenarioSummary& summary);

}  // namespace icsim::models
