#include <catch2/catch.hpp>

#include <vector>

#include <icsim/engine/confidence.hpp>

using icsim::engine::estimate;
using icsim::engine::student_t_quantile;

TEST_CASE("t quantiles match the tables", "[confidence]") {
  CHECK(student_t_quantile(0.95, 1) == Approx(12.706).epsilon(1e-4));
  CHECK(student_t_quantile(0.95, 9) == Approx(2.262).epsilon(1e-3));
  CHECK(student_t_quantile(0.95, 29) == Approx(2.045).epsilon(1e-3));
  CHECK(student_t_quantile(0.99, 19) == Approx(2.861).epsilon(1e-3));
}

TEST_CASE("a 95% interval from replications", "[confidence]") {
  const std::vector<double> values{10, 12, 9, 11, 13, 8, 10, 12, 11, 9};
  const auto e = estimate(values);
  CHECK(e.mean == Approx(10.5));
  CHECK(e.sd == Approx(1.5811388).epsilon(1e-6));
  CHECK(e.half_width == Approx(2.262157 * 1.5811388 / std::sqrt(10.0)).epsilon(1e-5));
  CHECK(e.contains(10.5));
  CHECK_FALSE(e.contains(12.0));
}

TEST_CASE("one replication has no interval", "[confidence]") {
  const std::vector<double> one{4.0};
  const auto e = estimate(one);
  CHECK(e.mean == 4.0);
  CHECK(e.half_width == 0.0);
}
