#pragma once
// Reducing replications to a mean and a confidence interval (Student t).

#include <algorithm>
#include <span>

namespace icsim::engine {

struct Estimate {
  double mean = 0.0;
  double sd = 0.0;          // across replications
  double half_width = 0.0;  // of the interval; 0 with fewer than two values
  int replications = 0;
  double least = -1e308;    // the least the quantity can be: the interval stops there
  [[nodiscard]] double low() const { return std::max(mean - half_width, least); }
  [[nodiscard]] double high() const { return mean + half_width; }
  [[nodiscard]] bool contains(double value) const { return low() <= value && value <= high(); }
};

// The mean of independent values with a `level` two-sided t interval.
[[nodiscard]] Estimate estimate(std::span<const double> values, double level = 0.95);
// The same for a quantity that cannot be negative (a wait, a count, a cost):
// its interval does not go below 0.
[[nodiscard]] Estimate estimate_non_negative(std::span<const double> values, double level = 0.95);

// The two-sided Student t quantile for `level` with `degrees` of freedom.
[[nodiscard]] double student_t_quantile(double level, int degrees);

}  // namespace icsim::engine
