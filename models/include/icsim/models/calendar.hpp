#pragma once
// Simulated days on the calendar: the projection's first day (after the
// warm-up) is 1 January of the start year. Demand follows the day of the
// week and the month; discharges happen only on discharge days and hours.

#include <array>

#include <icsim/engine/sim_time.hpp>

namespace icsim::models {

class Calendar {
 public:
  Calendar(int start_year, engine::SimTime warmup_days);

  [[nodiscard]] int weekday(engine::SimTime t) const;  // 0 Monday .. 6 Sunday
  [[nodiscard]] int month(engine::SimTime t) const;    // 0 January .. 11 December
  // Midnight at the start of the calendar day holding t.
  [[nodiscard]] engine::SimTime midnight(engine::SimTime t) const;

 private:
  long first_day_serial_;  // days since 1970-01-01 of the projection's first day
  engine::SimTime warmup_days_;
};

// When discharges may happen: `days_per_week` from Monday (5: Mon-Fri), and
// within [hour_start, hour_end) of the day.
class DischargeWindow {
 public:
  DischargeWindow(const Calendar& calendar, int days_per_week, double hour_start, double hour_end);
  // The first moment at or after t when a patient can leave.
  [[nodiscard]] engine::SimTime next_open(engine::SimTime t) const;

 private:
  const Calendar& calendar_;
  int days_per_week_;
  double start_day_fraction_;
  double end_day_fraction_;
};

}  // namespace icsim::models
