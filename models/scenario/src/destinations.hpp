#pragma once
// The places a person can go when a service ends, by the names scenarios
// use for them in `outcomes`.

#include <array>
#include <optional>
#include <string_view>

#include <icsim/models/scenario_spec.hpp>

namespace icsim::scenario {

struct DestinationName {
  std::string_view name;
  models::Destination destination;
};

inline constexpr std::array<DestinationName, 6> kDestinationNames{{
    {"home_independent", models::Destination::kHomeIndependent},
    {"home_with_care", models::Destination::kHomeWithCare},
    {"care_home_residential", models::Destination::kCareHomeResidential},
    {"care_home_nursing", models::Destination::kCareHomeNursing},
    {"readmission", models::Destination::kReadmission},
    {"death", models::Destination::kDeath},
}};

[[nodiscard]] inline std::optional<models::Destination> find_destination(std::string_view name) {
  for (const DestinationName& d : kDestinationNames)
    if (d.name == name) return d.destination;
  return std::nullopt;
}

}  // namespace icsim::scenario
