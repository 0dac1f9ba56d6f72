#pragma once
// Probability distributions for durations and choices, as planners state
// them (a lognormal by its mean and standard deviation, not by mu and sigma).
// Sampling uses Boost.Random only, whose algorithms are fixed by version,
// unlike <random>'s, which differ between standard libraries.

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include <icsim/engine/random_streams.hpp>

namespace icsim::engine {

struct Fixed {
  double value;
};
struct Exponential {
  double mean;
};
struct LogNormal {
  double mean;
  double sd;
};
struct Gamma {
  double shape;
  double scale;
};
struct Weibull {
  double shape;
  double scale;
};
struct Uniform {
  double min;
  double max;
};
struct Triangular {
  double min;
  double mode;
  double max;
};
// Resamples a list of observed values, each equally likely.
struct EmpiricalObservations {
  std::vector<double> values;
};
// A histogram: bin edges (one more than the weights) and bin weights; a
// value is uniform within its bin.
struct EmpiricalHistogram {
  std::vector<double> edges;
  std::vector<double> weights;
};

using DistributionSpec = std::variant<Fixed, Exponential, LogNormal, Gamma, Weibull, Uniform, Triangular,
                                      EmpiricalObservations, EmpiricalHistogram>;

// Why a set of parameters is impossible, or empty when it is valid.
[[nodiscard]] std::string distribution_error(const DistributionSpec& spec);

class Distribution {
 public:
  Distribution() : Distribution(Fixed{0.0}) {}
  // The parameters must be valid (see distribution_error).
  explicit Distribution(DistributionSpec spec);

  [[nodiscard]] double sample(Rng& rng) const;
  // The time left of a stay in progress, seen at a random moment of a system
  // in equilibrium: U times a length-biased stay (longer stays are more
  // likely to be in progress). For starting a run from a census.
  [[nodiscard]] double sample_residual(Rng& rng) const;
  // The value below which a share u of draws fall (u in [0, 1)): a person
  // who carries one uniform gets a time from whichever distribution applies
  // to them when it is known (common random numbers across scenarios).
  [[nodiscard]] double quantile(double u) const;
  [[nodiscard]] double mean() const;
  [[nodiscard]] double sd() const;
  [[nodiscard]] const DistributionSpec& spec() const { return spec_; }

 private:
  DistributionSpec spec_;
  // Derived once: lognormal mu and sigma, or a histogram's cumulative weights.
  double location_ = 0.0;
  double shape_ = 0.0;
  std::vector<double> cumulative_;
  std::vector<double> length_biased_cumulative_;  // empirical: weights times lengths
  std::vector<double> sorted_;                    // empirical observations, for quantiles
};

// A choice among categories with given probabilities. pick(u) maps one
// uniform in [0, 1) to a category, so a patient can carry its own uniforms
// and make the same choice in every scenario (common random numbers).
class CategoricalChoice {
 public:
  CategoricalChoice() = default;
  explicit CategoricalChoice(const std::vector<double>& probabilities);

  [[nodiscard]] std::size_t pick(double uniform) const;
  [[nodiscard]] std::size_t sample(Rng& rng) const;
  [[nodiscard]] std::size_t size() const { return cumulative_.size(); }

 private:
  std::vector<double> cumulative_;
};

// A uniform draw in [0, 1).
[[nodiscard]] double uniform01(Rng& rng);

}  // namespace icsim::engine
