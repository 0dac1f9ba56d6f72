#pragma once
// Reducing replications to a mean and a confidence interval (Student t).

#include <span>

namespace icsim::engine {

struct Estimate {
  double mean = 0.0;
  double sd = 0.0;          // across replications
  double half_width = 0.0;  // of the interval; 0 with fewer than two values
  int replications = 0;
  [[nodiscard]] double low() const { return mean - half_width; }
  [[nodiscard]] double high() const { return mean + half_width; }
  [[nodiscard]] bool contains(double value) const { return low() <= value && value <= high(); }
};

// The mean of independent values with a `level` two-sided t interval.
[[nodiscard]] Estimate estimate(std::span<const double> values, double level = 0.95);

// The two-sided Student t quantile for `level` with `degrees` of freedom.
[[nodiscard]] double student_t_quantile(double level, int degrees);

}  // namespace icsim::engine
