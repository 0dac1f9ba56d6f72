#include <icsim/engine/statistics.hpp>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include <icsim/engine/distributions.hpp>
#include <icsim/engine/random_streams.hpp>

using namespace icsim::engine;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

const auto below = [](double t) { return std::nextafter(t, -1e300); };

// Checks the estimates of the median and 95th percentile of n draws against
// the true quantiles q50 and q95 of a density f. The tolerance is five
// standard errors of a sample quantile, sqrt(p(1 - p)/n)/f(q), plus 0.5% of q
// for the histogram's bins.
template <class Density>
void check_quantiles(const Distribution& d, double q50, double q95, Density f) {
  constexpr int n = 100000;
  Tally tally(Periods{0.0, 1.0, 1}, {0.5, 0.95});
  Rng rng = make_stream(7, 0, 1);
  for (int i = 0; i < n; ++i) tally.add(0.5, d.sample(rng));
  const auto tolerance = [&](double p, double q) { return 5.0 * std::sqrt(p * (1 - p) / n) / f(q) + 0.005 * q; };
  CHECK_THAT(tally.in_period(0).quantile(0.5), WithinAbs(q50, tolerance(0.5, q50)));
  CHECK_THAT(tally.in_period(0).quantile(0.95), WithinAbs(q95, tolerance(0.95, q95)));
  CHECK(tally.overall().count() == n);  // overall keeps moments; quantiles are per period
}

}  // namespace

TEST_CASE("Periods::index finds the period holding a time", "[statistics]") {
  const Periods periods{10.0, 5.0, 3};
  CHECK(periods.index(below(10.0)) == -1);
  CHECK(periods.index(-100.0) == -1);
  CHECK(periods.index(10.0) == 0);
  CHECK(periods.index(below(15.0)) == 0);
  CHECK(periods.index(15.0) == 1);
  CHECK(periods.index(20.0) == 2);
  CHECK(periods.index(below(25.0)) == 2);
  CHECK(periods.index(25.0) == -1);
  CHECK(periods.index(1e9) == -1);
  CHECK(periods.start(1) == 15.0);
  CHECK(periods.end(1) == 20.0);
  CHECK(periods.horizon() == 25.0);
}

TEST_CASE("Counter counts by period and in total", "[statistics]") {
  Counter counter(Periods{10.0, 10.0, 2});
  counter.add(5.0);          // warm-up: ignored
  counter.add(10.0);         // period 0
  counter.add(19.5, 2.5);    // period 0
  counter.add(20.0);         // period 1
  counter.add(below(30.0));  // period 1
  counter.add(30.0);         // horizon: ignored
  counter.add(100.0, 7.0);   // after the horizon: ignored
  CHECK(counter.in_period(0) == 3.5);
  CHECK(counter.in_period(1) == 2.0);
  CHECK(counter.total() == 5.5);

  counter.reset();
  CHECK(counter.in_period(0) == 0.0);
  CHECK(counter.in_period(1) == 0.0);
  CHECK(counter.total() == 0.0);
  counter.add(25.0);
  CHECK(counter.in_period(1) == 1.0);
  CHECK(counter.total() == 1.0);
}

TEST_CASE("Tally keeps moments by period", "[statistics]") {
  const Periods periods{10.0, 100.0, 3};
  Tally tally(periods);
  // Observations at random times from before the origin to after the horizon.
  Rng rng = make_stream(3, 0, 2);
  const Distribution value(LogNormal{5.0, 3.0});
  std::vector<std::vector<double>> expected(3);
  std::vector<double> all;
  for (int i = 0; i < 5000; ++i) {
    const double t = 350.0 * uniform01(rng), x = value.sample(rng);
    tally.add(t, x);
    if (const int p = periods.index(t); p >= 0) {
      expected[static_cast<std::size_t>(p)].push_back(x);
      all.push_back(x);
    }
  }
  REQUIRE(all.size() < 5000);  // some fell outside the periods

  const auto check = [](const Moments& m, const std::vector<double>& xs) {
    const auto n = static_cast<double>(xs.size());
    double sum = 0, squares = 0;
    for (double x : xs) sum += x;
    for (double x : xs) squares += (x - sum / n) * (x - sum / n);
    REQUIRE(m.count() == static_cast<std::int64_t>(xs.size()));
    CHECK_THAT(m.mean(), WithinRel(sum / n, 1e-10));
    CHECK_THAT(m.sum(), WithinRel(sum, 1e-10));
    CHECK_THAT(m.variance(), WithinRel(squares / (n - 1), 1e-9));
    CHECK_THAT(m.sd(), WithinRel(std::sqrt(squares / (n - 1)), 1e-9));
    CHECK(m.min() == *std::min_element(xs.begin(), xs.end()));
    CHECK(m.max() == *std::max_element(xs.begin(), xs.end()));
  };
  for (int p = 0; p < 3; ++p) {
    CAPTURE(p);
    check(tally.in_period(p), expected[static_cast<std::size_t>(p)]);
  }
  check(tally.overall(), all);

  tally.reset();
  CHECK(tally.overall().count() == 0);
  CHECK(tally.in_period(1).count() == 0);
  CHECK(tally.in_period(1).mean() == 0.0);
  tally.add(150.0, 4.0);
  CHECK(tally.in_period(1).count() == 1);
  CHECK(tally.in_period(1).mean() == 4.0);
  CHECK(tally.in_period(1).variance() == 0.0);
}

TEST_CASE("quantiles from the log-binned histogram", "[statistics]") {
  SECTION("median and 95th percentile of 100000 uniforms") {
    check_quantiles(Distribution(Uniform{0.0, 1.0}), 0.5, 0.95, [](double) { return 1.0; });
  }
  SECTION("median and 95th percentile of 100000 exponentials") {
    check_quantiles(Distribution(Exponential{1.0}), std::log(2.0), std::log(20.0),
                    [](double q) { return std::exp(-q); });
  }
  SECTION("waits that are mostly 0: the zeros are exact, the tail within its bin") {
    // 90% wait 0, the rest an exponential day: the 95th percentile is the
    // tail's median, ln 2 (P-square, used before, locked high on such data).
    Moments m({0.95});
    Rng rng = make_stream(7, 0, 2);
    const Distribution tail(Exponential{1.0});
    for (int i = 0; i < 200000; ++i) m.add(uniform01(rng) < 0.9 ? 0.0 : tail.sample(rng));
    CHECK_THAT(m.quantile(0.95), WithinAbs(std::log(2.0), 5.0 * std::sqrt(0.05 * 0.95 / 200000) / 0.05 + 0.005));
    CHECK(m.quantile(0.5) == 0.0);
  }
  SECTION("nearest-rank quantiles of a few values, within half a bin (0.5%)") {
    Moments m({0.5, 0.95});
    CHECK(m.quantile(0.5) == 0.0);
    m.add(7.0);
    CHECK(m.quantile(0.5) == 7.0);  // kept within the values seen
    CHECK(m.quantile(0.95) == 7.0);
    m.add(3.0);
    m.add(1.0);  // 1 3 7: ranks ceil(1.5) = 2 and ceil(2.85) = 3
    CHECK_THAT(m.quantile(0.5), WithinRel(3.0, 0.005));
    CHECK(m.quantile(0.95) == 7.0);
    m.add(2.0);  // 1 2 3 7: ranks 2 and ceil(3.8) = 4
    CHECK_THAT(m.quantile(0.5), WithinRel(2.0, 0.005));
    CHECK(m.quantile(0.95) == 7.0);
  }
}

TEST_CASE("TimeWeighted integrates a level by period", "[statistics]") {
  const Periods periods{0.0, 10.0, 2};

  SECTION("a level held across a boundary splits its integral between periods") {
    TimeWeighted tw(periods, 0.0, 2.0);
    tw.set(4.0, 5.0);
    tw.add(13.0, -4.0);  // level 1 from day 13
    CHECK(tw.level() == 1.0);
    // Period 0: 2 x 4 days + 5 x 6 days; period 1 so far: 5 x 3 days.
    CHECK_THAT(tw.integral(0), WithinAbs(38.0, 1e-12));
    CHECK_THAT(tw.integral(1), WithinAbs(15.0, 1e-12));
    tw.advance(20.0);  // then 1 x 7 days
    CHECK_THAT(tw.integral(1), WithinAbs(22.0, 1e-12));
    CHECK_THAT(tw.mean(0), WithinAbs(3.8, 1e-12));
    CHECK_THAT(tw.mean(1), WithinAbs(2.2, 1e-12));
    CHECK(tw.max(0) == 5.0);
    CHECK(tw.max(1) == 5.0);
    CHECK_THAT(tw.overall_integral(), WithinAbs(60.0, 1e-12));
    CHECK_THAT(tw.overall_mean(), WithinAbs(3.0, 1e-12));
  }
  SECTION("a change exactly on a boundary belongs to the later period") {
    TimeWeighted tw(periods, 0.0, 1.0);
    tw.set(10.0, 4.0);
    tw.advance(20.0);
    CHECK(tw.integral(0) == 10.0);
    CHECK(tw.integral(1) == 40.0);
    CHECK(tw.max(0) == 1.0);
    CHECK(tw.max(1) == 4.0);
  }
  SECTION("reset at the warm-up discards the earlier integral and carries the level") {
    TimeWeighted tw(periods, 0.0, 2.0);
    tw.set(2.0, 7.0);
    tw.set(4.0, 3.0);
    CHECK_THAT(tw.integral(0), WithinAbs(18.0, 1e-12));
    CHECK(tw.max(0) == 7.0);
    tw.reset(6.0);
    CHECK(tw.integral(0) == 0.0);
    CHECK(tw.overall_integral() == 0.0);
    CHECK(tw.level() == 3.0);
    CHECK(tw.max(0) == 3.0);
    tw.set(8.0, 1.0);
    tw.advance(20.0);
    // Observed from day 6: 3 x 2 days + 1 x 2 days over 4 days, then 1 x 10 days.
    CHECK_THAT(tw.integral(0), WithinAbs(8.0, 1e-12));
    CHECK_THAT(tw.mean(0), WithinAbs(2.0, 1e-12));
    CHECK_THAT(tw.integral(1), WithinAbs(10.0, 1e-12));
    CHECK_THAT(tw.mean(1), WithinAbs(1.0, 1e-12));
    CHECK(tw.max(0) == 3.0);
    CHECK(tw.max(1) == 1.0);
    CHECK_THAT(tw.overall_mean(), WithinAbs(18.0 / 14.0, 1e-12));
  }
  SECTION("nothing is recorded before the origin or after the horizon") {
    TimeWeighted tw(Periods{10.0, 10.0, 1}, 0.0, 7.0);
    tw.set(5.0, 1.0);
    tw.set(15.0, 3.0);
    tw.set(25.0, 9.0);
    tw.advance(40.0);
    CHECK_THAT(tw.integral(0), WithinAbs(20.0, 1e-12));  // 1 x 5 days + 3 x 5 days
    CHECK_THAT(tw.mean(0), WithinAbs(2.0, 1e-12));
    CHECK(tw.max(0) == 3.0);
    CHECK_THAT(tw.overall_integral(), WithinAbs(20.0, 1e-12));
    CHECK_THAT(tw.overall_mean(), WithinAbs(2.0, 1e-12));
    CHECK(tw.level() == 9.0);
  }
}
