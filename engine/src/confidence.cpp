#include <icsim/engine/confidence.hpp>

#include <cmath>

#include <boost/math/distributions/students_t.hpp>

#include <icsim/engine/check.hpp>

namespace icsim::engine {

double student_t_quantile(double level, int degrees) {
  ICSIM_CHECK(level > 0.0 && level < 1.0 && degrees > 0, "bad t quantile request");
  const boost::math::students_t t(degrees);
  return boost::math::quantile(t, 0.5 + level / 2.0);
}

Estimate estimate(std::span<const double> values, double level) {
  Estimate e;
  e.replications = static_cast<int>(values.size());
  if (values.empty()) return e;
  // Two passes: exact for the small counts of replications we reduce.
  double sum = 0.0;
  for (double v : values) sum += v;
  e.mean = sum / static_cast<double>(values.size());
  if (values.size() < 2) return e;
  double squares = 0.0;
  for (double v : values) squares += (v - e.mean) * (v - e.mean);
  e.sd = std::sqrt(squares / static_cast<double>(values.size() - 1));
  e.half_width = student_t_quantile(level, e.replications - 1) * e.sd / std::sqrt(static_cast<double>(values.size()));
  return e;
}

Estimate estimate_non_negative(std::span<const double> values, double level) {
  Estimate e = estimate(values, level);
  e.least = 0.0;
  return e;
}

}  // namespace icsim::engine
