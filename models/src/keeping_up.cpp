#include <icsim/models/keeping_up.hpp>

#include <cstdio>

namespace icsim::models {
namespace {

// Nearly always full, and a queue that has doubled (and grown by at least
// this many people) from the first projected year to the last.
constexpr double kFullPct = 97.0;
constexpr double kQueueGrowth = 5.0;
// A mean wait longer than a season.
constexpr double kLongWaitDays = 90.0;

std::string number(double x) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", x);
  return text;
}

}  // namespace

std::vector<FallingBehind> services_falling_behind(const ScenarioSpec& spec, const ScenarioSummary& summary) {
  std::vector<FallingBehind> behind;
  const std::size_t last = static_cast<std::size_t>(spec.years) - 1;
  for (std::size_t s = 0; s < spec.services.size(); ++s) {
    const auto& queue = summary.values[index(s, ServiceMeasure::kQueueLength)];
    const auto& utilisation = summary.values[index(s, ServiceMeasure::kUtilisationPct)];
    const auto& wait = summary.values[index(s, ServiceMeasure::kWaitDays)];
    const int first_year = spec.start_year, last_year = spec.start_year + spec.years - 1;
    if (utilisation[last].mean >= kFullPct && queue[last].mean >= 2.0 * queue.front().mean &&
        queue[last].mean >= queue.front().mean + kQueueGrowth) {
      behind.push_back({spec.services[s].name, "it is " + number(utilisation[last].mean) + "% used in " +
                                                   std::to_string(last_year) + " and its queue grew from " +
                                                   number(queue.front().mean) + " people in " +
                                                   std::to_string(first_year) + " to " + number(queue[last].mean)});
      continue;
    }
    for (std::size_t y = 0; y <= last; ++y)
      if (wait[y].mean > kLongWaitDays) {
        behind.push_back({spec.services[s].name, "people wait " + number(wait[y].mean) + " days for it on average in " +
                                                     std::to_string(first_year + static_cast<int>(y))});
        break;
      }
  }
  return behind;
}

}  // namespace icsim::models
