#include <icsim/models/calendar.hpp>

#include <chrono>
#include <cmath>

#include <icsim/engine/check.hpp>

namespace icsim::models {
namespace {
std::chrono::sys_days day_at(long serial) { return std::chrono::sys_days{std::chrono::days{serial}}; }
}  // namespace

Calendar::Calendar(int start_year, engine::SimTime warmup_days)
    : first_day_serial_(std::chrono::sys_days{std::chrono::year{start_year} / std::chrono::January / 1}
                            .time_since_epoch()
                            .count()),
      warmup_days_(warmup_days) {}

int Calendar::weekday(engine::SimTime t) const {
  const auto serial = first_day_serial_ + static_cast<long>(std::floor(t - warmup_days_));
  return static_cast<int>(std::chrono::weekday{day_at(serial)}.iso_encoding()) - 1;
}

int Calendar::month(engine::SimTime t) const {
  const auto serial = first_day_serial_ + static_cast<long>(std::floor(t - warmup_days_));
  return static_cast<int>(static_cast<unsigned>(std::chrono::year_month_day{day_at(serial)}.month())) - 1;
}

engine::SimTime Calendar::midnight(engine::SimTime t) const {
  return warmup_days_ + std::floor(t - warmup_days_);
}

DischargeWindow::DischargeWindow(const Calendar& calendar, int days_per_week, double hour_start, double hour_end)
    : calendar_(calendar),
      days_per_week_(days_per_week),
      start_day_fraction_(hour_start / engine::kHoursPerDay),
      end_day_fraction_(hour_end / engine::kHoursPerDay) {
  ICSIM_CHECK(days_per_week >= 1 && days_per_week <= 7 && hour_start < hour_end, "bad discharge window");
}

engine::SimTime DischargeWindow::next_open(engine::SimTime t) const {
  engine::SimTime candidate = t;
  for (int day = 0; day < 8; ++day) {
    const double midnight = calendar_.midnight(candidate);
    const double fraction = candidate - midnight;
    if (calendar_.weekday(midnight) < days_per_week_ && fraction < end_day_fraction_)
      return fraction < start_day_fraction_ ? midnight + start_day_fraction_ : candidate;
    candidate = midnight + 1.0;
  }
  ICSIM_CHECK(false, "no discharge day within a week");
  return t;
}

}  // namespace icsim::models
