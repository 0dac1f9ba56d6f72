#include <icsim/engine/distributions.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <string>
#include <variant>
#include <vector>

#include <catch2/catch.hpp>

#include <icsim/engine/random_streams.hpp>

using namespace icsim::engine;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

constexpr std::uint64_t kSeed = 20240611;
constexpr std::size_t kDraws = 200000;
// Tolerances are k standard errors, estimated from the sample itself: s/sqrt(n)
// for the mean and sqrt((m4 - s^4)/n) for the variance. With k = 5 a correct
// distribution fails with probability below 1e-6; with n = 200000 one standard
// error of the mean is about 0.2% of the sd.
constexpr double kSigmas = 5.0;

std::vector<double> draw(const Distribution& d, StreamId stream, std::size_t n = kDraws,
                         std::uint64_t seed = kSeed) {
  Rng rng = make_stream(seed, 0, stream);
  std::vector<double> xs(n);
  for (double& x : xs) x = d.sample(rng);
  return xs;
}

// The sample mean and variance agree with the analytical ones within kSigmas
// standard errors (plus a rounding allowance, so a constant passes exactly).
void check_sample(const std::vector<double>& xs, double mean, double variance) {
  const auto n = static_cast<double>(xs.size());
  double sum = 0;
  for (double x : xs) sum += x;
  const double m = sum / n;
  double m2 = 0, m4 = 0;
  for (double x : xs) {
    const double d2 = (x - m) * (x - m);
    m2 += d2;
    m4 += d2 * d2;
  }
  m2 /= n;
  m4 /= n;
  const double rounding = 1e-12 * (std::abs(mean) + variance);
  CHECK_THAT(m, WithinAbs(mean, kSigmas * std::sqrt(m2 / n) + rounding));
  CHECK_THAT(m2, WithinAbs(variance, kSigmas * std::sqrt((m4 - m2 * m2) / n) + rounding));
}

// Distribution::mean() and sd() equal the analytical values; samples match
// them and lie within [lo, hi].
void check_distribution(const DistributionSpec& spec, double mean, double variance, double lo, double hi,
                        StreamId stream) {
  REQUIRE(distribution_error(spec).empty());
  const Distribution d(spec);
  CHECK_THAT(d.mean(), WithinRel(mean, 1e-12) || WithinAbs(mean, 1e-12));
  CHECK_THAT(d.sd() * d.sd(), WithinRel(variance, 1e-9) || WithinAbs(variance, 1e-12));
  const auto xs = draw(d, stream);
  check_sample(xs, mean, variance);
  const auto [smallest, largest] = std::minmax_element(xs.begin(), xs.end());
  CHECK(*smallest >= lo);
  CHECK(*largest <= hi);
}

constexpr double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

TEST_CASE("samples of each distribution match its analytical mean and variance", "[distributions]") {
  SECTION("fixed") { check_distribution(Fixed{3.5}, 3.5, 0.0, 3.5, 3.5, 1); }
  SECTION("exponential") { check_distribution(Exponential{4.0}, 4.0, 16.0, 0.0, kInf, 2); }
  SECTION("lognormal given mean and sd") { check_distribution(LogNormal{6.0, 5.0}, 6.0, 25.0, 0.0, kInf, 3); }
  SECTION("gamma, shape above and below one") {
    check_distribution(Gamma{2.5, 3.0}, 7.5, 22.5, 0.0, kInf, 4);
    check_distribution(Gamma{0.5, 2.0}, 1.0, 2.0, 0.0, kInf, 5);
  }
  SECTION("Weibull") {
    // Shape 2: Gamma(3/2) = sqrt(pi)/2 and Gamma(2) = 1.
    check_distribution(Weibull{2.0, 10.0}, 5.0 * std::sqrt(std::numbers::pi), 100.0 * (1.0 - std::numbers::pi / 4.0),
                       0.0, kInf, 6);
    const double g1 = std::tgamma(1.0 + 1.0 / 1.5), g2 = std::tgamma(1.0 + 2.0 / 1.5);
    check_distribution(Weibull{1.5, 3.0}, 3.0 * g1, 9.0 * (g2 - g1 * g1), 0.0, kInf, 7);
  }
  SECTION("uniform") { check_distribution(Uniform{2.0, 8.0}, 5.0, 3.0, 2.0, 8.0, 8); }
  SECTION("triangular, and with the mode at the minimum") {
    // (a^2 + b^2 + c^2 - ab - ac - bc) / 18 = (1 + 4 + 36 - 2 - 6 - 12) / 18.
    check_distribution(Triangular{1.0, 2.0, 6.0}, 3.0, 21.0 / 18.0, 1.0, 6.0, 9);
    check_distribution(Triangular{0.0, 0.0, 3.0}, 1.0, 0.5, 0.0, 3.0, 10);
  }
  SECTION("empirical observations") {
    const std::vector<double> values{1.0, 2.0, 2.0, 7.0};
    // Mean 3; deviations -2, -1, -1, 4 give (4 + 1 + 1 + 16) / 4.
    check_distribution(EmpiricalObservations{values}, 3.0, 5.5, 1.0, 7.0, 11);
    for (double x : draw(Distribution(EmpiricalObservations{values}), 11, 1000))
      CHECK(std::find(values.begin(), values.end(), x) != values.end());
  }
  SECTION("empirical histogram") {
    const EmpiricalHistogram h{{0.0, 1.0, 3.0, 4.0, 10.0}, {1.0, 2.0, 0.0, 1.0}};
    // E[X] = (1 * 0.5 + 2 * 2 + 1 * 7) / 4 and E[X^2] = sum of w (a^2 + ab + b^2) / 3
    // over the total weight = (1/3 + 2 * 13/3 + 52) / 4 = 15.25.
    check_distribution(h, 2.875, 15.25 - 2.875 * 2.875, 0.0, 10.0, 12);
    const auto xs = draw(Distribution(h), 12);
    CHECK(std::none_of(xs.begin(), xs.end(), [](double x) { return x > 3.0 && x < 4.0; }));
  }
  SECTION("uniform01") {
    Rng rng = make_stream(kSeed, 0, 13);
    std::vector<double> us(kDraws);
    for (double& u : us) u = uniform01(rng);
    check_sample(us, 0.5, 1.0 / 12.0);
    CHECK(*std::min_element(us.begin(), us.end()) >= 0.0);
    CHECK(*std::max_element(us.begin(), us.end()) < 1.0);
  }
}

TEST_CASE("a lognormal given mean 6 and sd 5 has the matching normal beneath", "[distributions]") {
  const double sigma2 = std::log(1.0 + 25.0 / 36.0);
  const double mu = std::log(6.0) - sigma2 / 2.0;
  auto xs = draw(Distribution(LogNormal{6.0, 5.0}), 20);
  CHECK(std::all_of(xs.begin(), xs.end(), [](double x) { return x > 0.0; }));
  for (double& x : xs) x = std::log(x);
  check_sample(xs, mu, sigma2);
}

TEST_CASE("histogram edges that do not increase are rejected", "[distributions]") {
  // A bin from 1 to 1 holds nothing to sample; edges that go back are no bins.
  CHECK_FALSE(distribution_error(EmpiricalHistogram{{0.0, 1.0, 1.0, 2.0}, {1.0, 2.0, 1.0}}).empty());
  CHECK_FALSE(distribution_error(EmpiricalHistogram{{0.0, 2.0, 1.0}, {1.0, 1.0}}).empty());
  CHECK(distribution_error(EmpiricalHistogram{{0.0, 1.0, 2.0}, {1.0, 1.0}}).empty());
}

TEST_CASE("streams are reproducible and distinct", "[distributions]") {
  const std::vector<DistributionSpec> specs{Exponential{2.0},  LogNormal{6.0, 5.0},      Gamma{2.0, 1.5},
                                            Weibull{1.2, 4.0}, Uniform{0.0, 3.0},        Triangular{0.0, 1.0, 5.0},
                                            EmpiricalObservations{{1.0, 4.0, 9.0}},
                                            EmpiricalHistogram{{0.0, 2.0, 5.0}, {1.0, 3.0}}};
  SECTION("same seed, replication and stream give the same sequence") {
    for (const auto& spec : specs) {
      CAPTURE(spec.index());
      const Distribution d(spec);
      CHECK(draw(d, 5, 1000) == draw(d, 5, 1000));
    }
  }
  SECTION("different streams, replications or seeds give different sequences") {
    for (const auto& spec : specs) {
      CAPTURE(spec.index());
      const Distribution d(spec);
      const auto base = draw(d, 5, 1000);
      Rng other_replication = make_stream(kSeed, 1, 5);
      std::vector<double> replicated(1000);
      for (double& x : replicated) x = d.sample(other_replication);
      for (const auto& other : {draw(d, 6, 1000), draw(d, 5, 1000, kSeed + 1), replicated}) {
        std::size_t equal = 0;
        for (std::size_t i = 0; i < base.size(); ++i) equal += base[i] == other[i];
        // Two draws from three equally likely observations agree a third of the time.
        CHECK(equal < (std::holds_alternative<EmpiricalObservations>(spec) ? 400u : 5u));
      }
    }
  }
}

TEST_CASE("distribution_error rejects impossible parameters and accepts valid ones", "[distributions]") {
  const std::vector<DistributionSpec> invalid{
      Fixed{-1.0},
      Fixed{kNaN},
      Exponential{-2.0},
      Exponential{0.0},
      Exponential{kInf},
      LogNormal{-6.0, 5.0},
      LogNormal{6.0, 0.0},
      LogNormal{6.0, kNaN},
      Gamma{0.0, 1.0},
      Gamma{2.0, -1.0},
      Gamma{kNaN, 1.0},
      Weibull{-1.0, 2.0},
      Weibull{1.5, 0.0},
      Weibull{1.5, kInf},
      Uniform{5.0, 2.0},
      Uniform{2.0, 2.0},
      Uniform{-1.0, 2.0},
      Uniform{0.0, kNaN},
      Triangular{3.0, 1.0, 5.0},
      Triangular{0.0, 6.0, 5.0},
      Triangular{2.0, 2.0, 2.0},
      Triangular{-1.0, 0.0, 1.0},
      EmpiricalObservations{{}},
      EmpiricalObservations{{1.0, -2.0}},
      EmpiricalObservations{{1.0, kNaN}},
      EmpiricalHistogram{{0.0, 1.0}, {1.0, 2.0}},
      EmpiricalHistogram{{0.0, 1.0, 2.0, 3.0}, {1.0, 2.0}},
      EmpiricalHistogram{{}, {}},
      EmpiricalHistogram{{0.0, 1.0, 2.0}, {0.0, 0.0}},
      EmpiricalHistogram{{0.0, 2.0, 1.0}, {1.0, 1.0}},
      EmpiricalHistogram{{-1.0, 0.0, 1.0}, {1.0, 1.0}},
      EmpiricalHistogram{{0.0, 1.0, 2.0}, {1.0, -1.0}},
      EmpiricalHistogram{{0.0, kNaN, 2.0}, {1.0, 1.0}},
  };
  for (const auto& spec : invalid) {
    CAPTURE(spec.index());
    CHECK_FALSE(distribution_error(spec).empty());
  }
  const std::vector<DistributionSpec> valid{Fixed{0.0},
                                            Exponential{0.5},
                                            LogNormal{6.0, 5.0},
                                            Gamma{0.3, 2.0},
                                            Weibull{0.7, 1.0},
                                            Uniform{0.0, 1.0},
                                            Triangular{0.0, 0.0, 1.0},
                                            Triangular{1.0, 2.0, 2.0},
                                            EmpiricalObservations{{0.0}},
                                            EmpiricalHistogram{{0.0, 1.0, 2.0}, {0.0, 3.0}}};
  for (const auto& spec : valid) {
    CAPTURE(spec.index(), distribution_error(spec));
    CHECK(distribution_error(spec).empty());
  }
}

TEST_CASE("CategoricalChoice picks by cumulative probability", "[distributions]") {
  const auto below = [](double u) { return std::nextafter(u, 0.0); };
  const CategoricalChoice choice({0.25, 0.0, 0.5, 0.25, 0.0});
  REQUIRE(choice.size() == 5);

  SECTION("boundaries are exact and zero-probability categories are skipped") {
    CHECK(choice.pick(0.0) == 0);
    CHECK(choice.pick(below(0.25)) == 0);
    CHECK(choice.pick(0.25) == 2);
    CHECK(choice.pick(below(0.75)) == 2);
    CHECK(choice.pick(0.75) == 3);
    CHECK(choice.pick(below(1.0)) == 3);
  }
  SECTION("a grid of uniforms maps to the first category whose cumulative exceeds it") {
    const std::vector<double> cumulative{0.25, 0.25, 0.75, 1.0, 1.0};
    for (int i = 0; i < 1000; ++i) {
      const double u = i / 1000.0;
      const auto expected = static_cast<std::size_t>(
          std::find_if(cumulative.begin(), cumulative.end(), [u](double c) { return c > u; }) - cumulative.begin());
      CHECK(choice.pick(u) == expected);
    }
  }
  SECTION("a leading zero is never picked and weights need not sum to one") {
    CHECK(CategoricalChoice({0.0, 1.0}).pick(0.0) == 1);
    const CategoricalChoice weights({1.0, 3.0, 0.0});
    CHECK(weights.pick(below(0.25)) == 0);
    CHECK(weights.pick(0.25) == 1);
    CHECK(weights.pick(below(1.0)) == 1);
  }
  SECTION("sample frequencies match the probabilities within 5 binomial sd") {
    const std::vector<double> p{0.1, 0.0, 0.3, 0.6};
    const CategoricalChoice c(p);
    Rng rng = make_stream(kSeed, 0, 30);
    std::vector<double> counts(p.size(), 0.0);
    for (std::size_t i = 0; i < kDraws; ++i) counts[c.sample(rng)] += 1.0;
    const auto n = static_cast<double>(kDraws);
    for (std::size_t k = 0; k < p.size(); ++k) {
      CAPTURE(k);
      CHECK_THAT(counts[k], WithinAbs(n * p[k], kSigmas * std::sqrt(n * p[k] * (1.0 - p[k]))));
    }
    CHECK(counts[1] == 0.0);
  }
}

TEST_CASE("census residual stays have the equilibrium mean E[S^2] / (2 E[S])", "[distributions][residual]") {
  using namespace icsim::engine;
  const std::vector<DistributionSpec> specs{
      Fixed{10.0},          Exponential{5.0},      LogNormal{21.0, 12.0},
      Gamma{2.5, 4.0},      Weibull{1.5, 20.0},    Uniform{5.0, 30.0},
      Triangular{2.0, 5.0, 30.0}, EmpiricalObservations{{2.0, 7.0, 7.0, 30.0}},
      EmpiricalHistogram{{0.0, 10.0, 20.0, 60.0}, {1.0, 2.0, 1.0}}};
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const Distribution d(specs[i]);
    auto rng = make_stream(5, 0, static_cast<StreamId>(100 + i));
    const int n = 200000;
    double sum = 0, squares = 0, smallest = 0;
    for (int k = 0; k < n; ++k) {
      const double x = d.sample_residual(rng);
      smallest = std::min(smallest, x);
      sum += x;
      squares += x * x;
    }
    CHECK(smallest >= 0.0);
    const double mean = sum / n, sd = std::sqrt(squares / n - mean * mean);
    const double expected = (d.sd() * d.sd() + d.mean() * d.mean()) / (2.0 * d.mean());
    INFO("distribution " << i << ": residual mean " << mean << ", expected " << expected);
    CHECK(std::abs(mean - expected) <= 5.0 * sd / std::sqrt(static_cast<double>(n)) + 1e-12);
  }
}

TEST_CASE("quantiles of uniforms are draws of the distribution, in order", "[distributions][quantile]") {
  const double g1 = std::tgamma(1.0 + 1.0 / 1.5), g2 = std::tgamma(1.0 + 2.0 / 1.5);
  const std::vector<std::tuple<DistributionSpec, double, double>> cases{
      {Fixed{3.5}, 3.5, 0.0},
      {Exponential{4.0}, 4.0, 16.0},
      {LogNormal{6.0, 5.0}, 6.0, 25.0},
      {Gamma{2.5, 3.0}, 7.5, 22.5},
      {Gamma{0.5, 2.0}, 1.0, 2.0},
      {Weibull{1.5, 3.0}, 3.0 * g1, 9.0 * (g2 - g1 * g1)},
      {Uniform{2.0, 8.0}, 5.0, 3.0},
      {Triangular{1.0, 2.0, 6.0}, 3.0, 21.0 / 18.0},
      {Triangular{0.0, 0.0, 3.0}, 1.0, 0.5},
      {EmpiricalObservations{{7.0, 1.0, 2.0, 2.0}}, 3.0, 5.5},
      {EmpiricalHistogram{{0.0, 1.0, 3.0, 4.0, 10.0}, {1.0, 2.0, 0.0, 1.0}}, 2.875, 15.25 - 2.875 * 2.875},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto& [spec, mean, variance] = cases[i];
    const Distribution d(spec);
    Rng rng = make_stream(kSeed, 0, 40 + i);
    std::vector<double> xs(kDraws);
    for (double& x : xs) x = d.quantile(uniform01(rng));
    check_sample(xs, mean, variance);
    for (double u = 0.0; u < 0.99; u += 0.01) CHECK(d.quantile(u) <= d.quantile(u + 0.01));
  }
  // The median of a lognormal is exp(mu).
  const Distribution lognormal(LogNormal{6.0, 5.0});
  const double sigma2 = std::log1p(25.0 / 36.0);
  CHECK(lognormal.quantile(0.5) == Approx(std::exp(std::log(6.0) - 0.5 * sigma2)).epsilon(1e-12));
  CHECK(std::isfinite(lognormal.quantile(1.0)));
  CHECK(lognormal.quantile(0.0) == 0.0);
}
