#include <icsim/models/keeping_up.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <icsim/engine/sim_time.hpp>
#include <icsim/models/offered_load.hpp>

namespace icsim::models {
namespace {

// The run's triggers. Nearly always full, with a queue that has doubled
// (and grown by at least kQueueGrowth people, clear of the noise) since the
// first projected year.
constexpr double kFullPct = 97.0;
constexpr double kQueueGrowth = 5.0;
// A mean wait longer than a season.
constexpr double kLongWaitDays = 90.0;
// A queue that grows through one year: its straight-line growth over the
// year is at least kQueueGrowth people (a few people are noise in a small
// service), at least half the year's mean queue (a steady queue's winter
// rise and summer fall fit a flat line; a queue that grows from nothing
// grows by twice its mean), and at least 1% of the year's referrals (more
// than one in a hundred people asking for a place is never served: 1.01
// times its capacity is asked of it).
constexpr double kGrowthOfMeanQueue = 0.5;
constexpr double kGrowthOfReferrals = 0.01;

constexpr int kDaysInYear = static_cast<int>(engine::kDaysPerYear);

std::string format(const char* pattern, double x) {
  char text[48];
  std::snprintf(text, sizeof text, pattern, x);
  return text;
}
std::string one_decimal(double x) { return format("%.1f", x); }
// "1.05", "1.3", "2.4": two decimals near 1, where they matter.
std::string ratio_text(double x) { return format(x < 2.0 ? "%.2f" : "%.1f", x); }
// "about 0.25", "about 4.2", "about 37" people a day.
std::string about(double x) { return "about " + format(x >= 10.0 ? "%.0f" : x >= 1.0 ? "%.1f" : "%.2f", x); }
std::string people_a_day(double x) { return about(x) + (x >= 0.995 && x < 1.005 ? " person a day" : " people a day"); }

// The queue's straight-line (least-squares) growth, people a day, through
// projected year y of the daily series of people waiting.
double queue_growth_per_day(const std::vector<engine::Estimate>& waiting, std::size_t y) {
  const std::size_t first = y * kDaysInYear;
  if (waiting.size() < first + kDaysInYear) return 0.0;
  const double mid = (kDaysInYear - 1) / 2.0;
  double mean = 0.0;
  for (int d = 0; d < kDaysInYear; ++d) mean += waiting[first + static_cast<std::size_t>(d)].mean;
  mean /= kDaysInYear;
  double covariance = 0.0, variance = 0.0;
  for (int d = 0; d < kDaysInYear; ++d) {
    covariance += (d - mid) * (waiting[first + static_cast<std::size_t>(d)].mean - mean);
    variance += (d - mid) * (d - mid);
  }
  return covariance / variance;
}

// Whether the queue at the end of year y is clearly above its start: the
// last month's interval above the first month's (the replications of a
// nearly full service swing widely; a straight line through their mean can
// tilt by chance).
bool ends_clearly_above_start(const std::vector<engine::Estimate>& waiting, std::size_t y) {
  constexpr int kMonth = 30;
  const std::size_t first = y * kDaysInYear;
  if (waiting.size() < first + kDaysInYear) return false;
  double start_high = 0.0, end_low = 0.0;
  for (int d = 0; d < kMonth; ++d) {
    start_high += waiting[first + static_cast<std::size_t>(d)].high();
    end_low += waiting[first + static_cast<std::size_t>(kDaysInYear - 1 - d)].low();
  }
  return end_low > start_high;
}

double year_total(const std::vector<engine::Estimate>& daily, std::size_t y) {
  const std::size_t first = y * kDaysInYear;
  if (daily.size() < first + kDaysInYear) return 0.0;
  double total = 0.0;
  for (std::size_t d = first; d < first + kDaysInYear; ++d) total += daily[d].mean;
  return total;
}

}  // namespace

std::vector<FallingBehind> services_over_capacity(const ScenarioSpec& spec) {
  std::vector<FallingBehind> behind;
  const auto loads = offered_loads(spec);
  for (ServiceIndex s = 0; s < spec.services.size(); ++s) {
    for (std::size_t y = 0; y < loads.size(); ++y) {
      const OfferedLoad& load = loads[y][s];
      if (load.offered <= 0.0 || load.offered < load.capacity) continue;
      const std::string unit = capacity_unit(spec.services[s]);
      const int year = spec.start_year + static_cast<int>(y);
      FallingBehind b{spec.services[s].name, year, load.times_capacity(), load.queue_growth_per_day(), ""};
      if (load.capacity <= 0.0)
        b.why = "from " + std::to_string(year) + ": it has no capacity, yet " + people_a_day(load.referrals_per_day) +
                " are sent to it";
      else
        b.why = "from " + std::to_string(year) + ": " + ratio_text(b.times_capacity) +
                " times its capacity is asked of it (" + one_decimal(load.offered) + " " + unit + " for " +
                one_decimal(load.capacity) + "); its queue grows by " + people_a_day(b.queue_growth_per_day);
      behind.push_back(std::move(b));
      break;
    }
  }
  return behind;
}

std::vector<FallingBehind> services_falling_behind(const ScenarioSpec& spec, const ScenarioSummary& summary) {
  std::vector<FallingBehind> behind;
  const auto years = yearly_settings(spec);
  const auto count = static_cast<std::size_t>(spec.years);
  for (ServiceIndex s = 0; s < spec.services.size(); ++s) {
    const auto& queue = summary.values[index(s, ServiceMeasure::kQueueLength)];
    const auto& utilisation = summary.values[index(s, ServiceMeasure::kUtilisationPct)];
    const auto& wait = summary.values[index(s, ServiceMeasure::kWaitDays)];
    const auto& occupancy = summary.values[index(s, ServiceMeasure::kOccupancy)];
    const auto& capacity = summary.values[index(s, ServiceMeasure::kCapacity)];
    const bool has_daily = !summary.daily.empty();
    // The queue's growth through each year: from the daily census when the
    // run kept one, else from one year's mean queue to the next.
    const auto growth = [&](std::size_t y) {
      if (has_daily) return queue_growth_per_day(summary.daily[index(s, ServiceDailyMeasure::kWaiting)], y);
      return y == 0 ? 0.0 : (queue[y].mean - queue[y - 1].mean) / engine::kDaysPerYear;
    };
    const auto grows_through_year = [&](std::size_t y) {
      const double over_year = growth(y) * engine::kDaysPerYear;
      const double referrals = has_daily ? year_total(summary.daily[index(s, ServiceDailyMeasure::kReferrals)], y) : 0.0;
      return over_year >= kQueueGrowth && over_year >= kGrowthOfMeanQueue * queue[y].mean &&
             over_year >= kGrowthOfReferrals * referrals &&
             (!has_daily || ends_clearly_above_start(summary.daily[index(s, ServiceDailyMeasure::kWaiting)], y));
    };
    // The rise must stand out of the replications' noise too (a service
    // this full has a queue that swings from run to run): the year's
    // interval above the first year's.
    const auto full_and_growing = [&](std::size_t y) {
      return y > 0 && utilisation[y].mean >= kFullPct && queue[y].mean >= 2.0 * queue.front().mean &&
             queue[y].mean >= queue.front().mean + kQueueGrowth && queue[y].low() > queue.front().high();
    };
    // What is asked of it in year y: the capacity in use (its occupancy,
    // people holding a place while they wait for the next service included)
    // and the capacity the people who join its queue each day would take
    // (the queue's growth x the capacity-unit days of a stay), over its
    // capacity. Referrals x stay would count step-up offers turned away,
    // which never queue, and miss the time places are held.
    const auto times_capacity = [&](std::size_t y) {
      const double asked = occupancy[y].mean + std::max(0.0, growth(y)) * unit_days_per_person(
                                                   spec.services[s], years[y].length_of_stay_days[s]);
      return capacity[y].mean > 0.0 ? asked / capacity[y].mean : 0.0;
    };
    for (std::size_t y = 0; y < count; ++y) {
      const bool long_wait = wait[y].mean > kLongWaitDays;
      const bool full = full_and_growing(y);
      // A queue that grows while capacity is left over is not falling behind
      // (a run's noise, a season): it must grow with more asked than there is.
      const bool growing = grows_through_year(y) && times_capacity(y) >= 1.0;
      if (!full && !growing && !long_wait) continue;
      const double grows = std::max(0.0, growth(y));
      const int year = spec.start_year + static_cast<int>(y);
      FallingBehind b{spec.services[s].name, year, times_capacity(y), grows, ""};
      b.why = "from " + std::to_string(year) + ": ";
      if (growing)
        b.why += ratio_text(b.times_capacity) + " times its capacity is asked of it; its queue grows by " +
                 people_a_day(grows) + " (" + one_decimal(utilisation[y].mean) + "% used";
      else if (full)
        b.why += "it is " + one_decimal(utilisation[y].mean) + "% used and its queue has grown from " +
                 one_decimal(queue.front().mean) + " people waiting in " + std::to_string(spec.start_year) + " to " +
                 one_decimal(queue[y].mean) + " (" + ratio_text(b.times_capacity) + " times its capacity asked of it";
      else
        b.why += "it is " + one_decimal(utilisation[y].mean) + "% used (" + one_decimal(queue[y].mean) +
                 " people waiting on average";
      if (long_wait) b.why += "; people wait " + one_decimal(wait[y].mean) + " days for it on average";
      b.why += ")";
      const std::size_t last = count - 1;
      if (last > y) {
        const double times_last = times_capacity(last);
        if (times_last >= b.times_capacity + 0.1)
          b.why += ", and " + ratio_text(times_last) + " times its capacity by " + std::to_string(spec.start_year + static_cast<int>(last));
      }
      behind.push_back(std::move(b));
      break;
    }
  }
  return behind;
}

}  // namespace icsim::models
