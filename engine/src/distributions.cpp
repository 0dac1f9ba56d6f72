#include <icsim/engine/distributions.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

#include <boost/math/policies/policy.hpp>
#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/triangle_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <boost/random/weibull_distribution.hpp>

#include <icsim/engine/check.hpp>

namespace icsim::engine {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
// C++20 deduces this for aggregates; clang 14 does not yet (P1816).
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

bool finite(std::initializer_list<double> values) {
  return std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}

// Index of the first cumulative weight above u * total.
std::size_t locate(const std::vector<double>& cumulative, double uniform) {
  const double target = uniform * cumulative.back();
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), target);
  return std::min(static_cast<std::size_t>(it - cumulative.begin()), cumulative.size() - 1);
}

std::vector<double> cumulative_sum(const std::vector<double>& weights) {
  std::vector<double> cumulative(weights.size());
  std::partial_sum(weights.begin(), weights.end(), cumulative.begin());
  return cumulative;
}

double histogram_moment(const EmpiricalHistogram& h, int power) {
  double total = 0.0, moment = 0.0;
  for (std::size_t i = 0; i < h.weights.size(); ++i) {
    const double a = h.edges[i], b = h.edges[i + 1];
    // E[X^k] of a uniform on [a, b] is (b^(k+1) - a^(k+1)) / ((k+1)(b - a)).
    const double within = b > a ? (std::pow(b, power + 1) - std::pow(a, power + 1)) / ((power + 1) * (b - a))
                                : std::pow(a, power);
    moment += h.weights[i] * within;
    total += h.weights[i];
  }
  return moment / total;
}

}  // namespace

double uniform01(Rng& rng) { return boost::random::uniform_01<double>{}(rng); }

std::string distribution_error(const DistributionSpec& spec) {
  return std::visit(
      Overloaded{
          [](const Fixed& d) -> std::string {
            return finite({d.value}) && d.value >= 0 ? "" : "a fixed value must be a finite number >= 0";
          },
          [](const Exponential& d) -> std::string {
            return finite({d.mean}) && d.mean > 0 ? "" : "an exponential needs a finite mean > 0";
          },
          [](const LogNormal& d) -> std::string {
            return finite({d.mean, d.sd}) && d.mean > 0 && d.sd > 0 ? ""
                                                                     : "a lognormal needs a finite mean > 0 and sd > 0";
          },
          [](const Gamma& d) -> std::string {
            return finite({d.shape, d.scale}) && d.shape > 0 && d.scale > 0
                       ? ""
                       : "a gamma needs a finite shape > 0 and scale > 0";
          },
          [](const Weibull& d) -> std::string {
            return finite({d.shape, d.scale}) && d.shape > 0 && d.scale > 0
                       ? ""
                       : "a Weibull needs a finite shape > 0 and scale > 0";
          },
          [](const Uniform& d) -> std::string {
            return finite({d.min, d.max}) && d.min >= 0 && d.min < d.max ? ""
                                                                         : "a uniform needs 0 <= min < max";
          },
          [](const Triangular& d) -> std::string {
            return finite({d.min, d.mode, d.max}) && d.min >= 0 && d.min <= d.mode && d.mode <= d.max &&
                           d.min < d.max
                       ? ""
                       : "a triangular needs 0 <= min <= mode <= max and min < max";
          },
          [](const EmpiricalObservations& d) -> std::string {
            if (d.values.empty()) return "an empirical distribution needs at least one observation";
            for (double v : d.values)
              if (!finite({v}) || v < 0) return "observations must be finite numbers >= 0";
            return "";
          },
          [](const EmpiricalHistogram& d) -> std::string {
            if (d.weights.empty() || d.edges.size() != d.weights.size() + 1)
              return "a histogram needs one more bin edge than weights";
            for (std::size_t i = 0; i + 1 < d.edges.size(); ++i)
              if (!finite({d.edges[i], d.edges[i + 1]}) || d.edges[i] < 0 || d.edges[i + 1] <= d.edges[i])
                return "histogram edges must be finite, >= 0 and increasing, each larger than the one before";
            double total = 0;
            for (double w : d.weights) {
              if (!finite({w}) || w < 0) return "histogram weights must be finite and >= 0";
              total += w;
            }
            return total > 0 ? "" : "histogram weights must not all be zero";
          },
      },
      spec);
}

Distribution::Distribution(DistributionSpec spec) : spec_(std::move(spec)) {
  ICSIM_CHECK(distribution_error(spec_).empty(), "invalid distribution parameters");
  if (const auto* d = std::get_if<LogNormal>(&spec_)) {
    // The normal beneath: sigma^2 = ln(1 + sd^2/mean^2), mu = ln(mean) - sigma^2/2.
    const double variance = std::log1p((d->sd * d->sd) / (d->mean * d->mean));
    location_ = std::log(d->mean) - 0.5 * variance;
    shape_ = std::sqrt(variance);
  } else if (const auto* h = std::get_if<EmpiricalHistogram>(&spec_)) {
    cumulative_ = cumulative_sum(h->weights);
    std::vector<double> by_length(h->weights.size());
    for (std::size_t i = 0; i < by_length.size(); ++i)
      by_length[i] = h->weights[i] * 0.5 * (h->edges[i] + h->edges[i + 1]);
    length_biased_cumulative_ = cumulative_sum(by_length);
  } else if (const auto* o = std::get_if<EmpiricalObservations>(&spec_)) {
    length_biased_cumulative_ = cumulative_sum(o->values);
    sorted_ = o->values;
    std::sort(sorted_.begin(), sorted_.end());
  }
}

double Distribution::quantile(double u) const {
  // In double precision: Boost.Math would otherwise work in long double, a
  // cost on every patient's hub time for digits nobody reads.
  using Double = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
  u = std::clamp(u, 0.0, std::nextafter(1.0, 0.0));
  return std::visit(
      Overloaded{
          [](const Fixed& d) { return d.value; },
          [&](const Exponential& d) { return -d.mean * std::log1p(-u); },
          [&](const LogNormal&) {
            // The standard normal's quantile is -sqrt(2) erfc^-1(2u).
            if (u <= 0.0) return 0.0;
            return std::exp(location_ - shape_ * std::sqrt(2.0) * boost::math::erfc_inv(2.0 * u, Double()));
          },
          [&](const Gamma& d) { return u <= 0.0 ? 0.0 : d.scale * boost::math::gamma_p_inv(d.shape, u, Double()); },
          [&](const Weibull& d) { return d.scale * std::pow(-std::log1p(-u), 1.0 / d.shape); },
          [&](const Uniform& d) { return d.min + u * (d.max - d.min); },
          [&](const Triangular& d) {
            const double range = d.max - d.min, left = (d.mode - d.min) / range;
            return u < left ? d.min + std::sqrt(u * range * (d.mode - d.min))
                            : d.max - std::sqrt((1.0 - u) * range * (d.max - d.mode));
          },
          [&](const EmpiricalObservations&) {
            return sorted_[std::min(static_cast<std::size_t>(u * static_cast<double>(sorted_.size())), sorted_.size() - 1)];
          },
          [&](const EmpiricalHistogram& d) {
            const std::size_t bin = locate(cumulative_, u);
            const double below = bin == 0 ? 0.0 : cumulative_[bin - 1];
            const double weight = cumulative_[bin] - below;
            const double within = weight > 0.0 ? (u * cumulative_.back() - below) / weight : 0.0;
            return d.edges[bin] + std::clamp(within, 0.0, 1.0) * (d.edges[bin + 1] - d.edges[bin]);
          },
      },
      spec_);
}

double Distribution::sample(Rng& rng) const {
  return std::visit(
      Overloaded{
          [](const Fixed& d) { return d.value; },
          [&](const Exponential& d) { return boost::random::exponential_distribution<double>(1.0 / d.mean)(rng); },
          [&](const LogNormal&) { return boost::random::lognormal_distribution<double>(location_, shape_)(rng); },
          [&](const Gamma& d) { return boost::random::gamma_distribution<double>(d.shape, d.scale)(rng); },
          [&](const Weibull& d) { return boost::random::weibull_distribution<double>(d.shape, d.scale)(rng); },
          [&](const Uniform& d) { return boost::random::uniform_real_distribution<double>(d.min, d.max)(rng); },
          [&](const Triangular& d) {
            return boost::random::triangle_distribution<double>(d.min, d.mode, d.max)(rng);
          },
          [&](const EmpiricalObservations& d) {
            const auto last = d.values.size() - 1;
            return d.values[boost::random::uniform_int_distribution<std::size_t>(0, last)(rng)];
          },
          [&](const EmpiricalHistogram& d) {
            const std::size_t bin = locate(cumulative_, uniform01(rng));
            return boost::random::uniform_real_distribution<double>(d.edges[bin], d.edges[bin + 1])(rng);
          },
      },
      spec_);
}

double Distribution::sample_residual(Rng& rng) const {
  // A stay drawn with density proportional to x f(x), exactly for each family.
  const double length_biased = std::visit(
      Overloaded{
          [](const Fixed& d) { return d.value; },
          [&](const Exponential& d) { return boost::random::gamma_distribution<double>(2.0, d.mean)(rng); },
          [&](const LogNormal&) {
            return boost::random::lognormal_distribution<double>(location_ + shape_ * shape_, shape_)(rng);
          },
          [&](const Gamma& d) { return boost::random::gamma_distribution<double>(d.shape + 1.0, d.scale)(rng); },
          [&](const Weibull& d) {
            // (X/scale)^shape is Exp(1); length-biased, it is Gamma(1 + 1/shape, 1).
            const double g = boost::random::gamma_distribution<double>(1.0 + 1.0 / d.shape, 1.0)(rng);
            return d.scale * std::pow(g, 1.0 / d.shape);
          },
          [&](const Uniform& d) {  // density proportional to x on [min, max]
            return std::sqrt(d.min * d.min + uniform01(rng) * (d.max * d.max - d.min * d.min));
          },
          [&](const Triangular& d) {  // rejection: accept x with probability x / max
            for (;;) {
              const double x = boost::random::triangle_distribution<double>(d.min, d.mode, d.max)(rng);
              if (uniform01(rng) * d.max <= x) return x;
            }
          },
          [&](const EmpiricalObservations& d) {  // each observation in proportion to its length
            return d.values[locate(length_biased_cumulative_, uniform01(rng))];
          },
          [&](const EmpiricalHistogram& d) {  // bins in proportion to weight x midpoint; x-weighted within
            const std::size_t bin = locate(length_biased_cumulative_, uniform01(rng));
            const double a = d.edges[bin], b = d.edges[bin + 1];
            return std::sqrt(a * a + uniform01(rng) * (b * b - a * a));
          },
      },
      spec_);
  return uniform01(rng) * length_biased;
}

double Distribution::mean() const {
  return std::visit(
      Overloaded{
          [](const Fixed& d) { return d.value; },
          [](const Exponential& d) { return d.mean; },
          [](const LogNormal& d) { return d.mean; },
          [](const Gamma& d) { return d.shape * d.scale; },
          [](const Weibull& d) { return d.scale * std::tgamma(1.0 + 1.0 / d.shape); },
          [](const Uniform& d) { return 0.5 * (d.min + d.max); },
          [](const Triangular& d) { return (d.min + d.mode + d.max) / 3.0; },
          [](const EmpiricalObservations& d) {
            return std::accumulate(d.values.begin(), d.values.end(), 0.0) / static_cast<double>(d.values.size());
          },
          [](const EmpiricalHistogram& d) { return histogram_moment(d, 1); },
      },
      spec_);
}

double Distribution::sd() const {
  const double m = mean();
  const double variance = std::visit(
      Overloaded{
          [](const Fixed&) { return 0.0; },
          [](const Exponential& d) { return d.mean * d.mean; },
          [](const LogNormal& d) { return d.sd * d.sd; },
          [](const Gamma& d) { return d.shape * d.scale * d.scale; },
          [&](const Weibull& d) { return d.scale * d.scale * std::tgamma(1.0 + 2.0 / d.shape) - m * m; },
          [](const Uniform& d) { return (d.max - d.min) * (d.max - d.min) / 12.0; },
          [](const Triangular& d) {
            const double a = d.min, b = d.max, c = d.mode;
            return (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0;
          },
          [&](const EmpiricalObservations& d) {
            double sum = 0;
            for (double v : d.values) sum += (v - m) * (v - m);
            return sum / static_cast<double>(d.values.size());
          },
          [&](const EmpiricalHistogram& d) { return histogram_moment(d, 2) - m * m; },
      },
      spec_);
  return std::sqrt(std::max(variance, 0.0));
}

CategoricalChoice::CategoricalChoice(const std::vector<double>& probabilities)
    : cumulative_(cumulative_sum(probabilities)) {
  ICSIM_CHECK(!cumulative_.empty() && cumulative_.back() > 0.0, "a choice needs a positive total probability");
}

std::size_t CategoricalChoice::pick(double uniform) const {
  // upper_bound in locate() never lands on a zero-probability category.
  return locate(cumulative_, uniform);
}

std::size_t CategoricalChoice::sample(Rng& rng) const { return pick(uniform01(rng)); }

}  // namespace icsim::engine
