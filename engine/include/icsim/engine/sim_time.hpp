#pragma once
// Simulated time: one unit everywhere, days since the start of the run.

#include <limits>

namespace icsim::engine {

using SimTime = double;

inline constexpr SimTime kNever = std::numeric_limits<SimTime>::infinity();
inline constexpr double kDaysPerYear = 365.0;
inline constexpr double kHoursPerDay = 24.0;

}  // namespace icsim::engine
