#pragma once
// Acute inpatients by the day they were admitted, over the last 32 days:
// enough to count at each midnight who has been in 14 or 21 days or more,
// without looking at every patient.

#include <array>
#include <cstddef>

namespace icsim::models::care {

class RecentAdmissions {
 public:
  void admitted(long day) {
    advance(day);
    ++count_[slot(day)];
  }
  void left(long admitted_day) {
    if (admitted_day > newest_ - kDays) --count_[slot(admitted_day)];  // older days are forgotten already
  }
  // Inpatients admitted on `today` or in the `days` days before it.
  [[nodiscard]] int within(long today, int days) {
    advance(today);
    int sum = 0;
    for (long d = today - days; d <= today; ++d) sum += count_[slot(d)];
    return sum;
  }

 private:
  static constexpr long kDays = 32;
  static std::size_t slot(long day) { return static_cast<std::size_t>(((day % kDays) + kDays) % kDays); }
  void advance(long day) {
    if (!started_ || day - newest_ >= kDays) {
      count_.fill(0);
      newest_ = day;
      started_ = true;
      return;
    }
    while (newest_ < day) count_[slot(++newest_)] = 0;
  }
  std::array<int, kDays> count_{};
  long newest_ = 0;
  bool started_ = false;
};

}  // namespace icsim::models::care
