#include <catch2/catch.hpp>

#include <cmath>

#include <icsim/engine/confidence.hpp>
#include <icsim/models/comparison.hpp>

#include "small_area.hpp"

using namespace icsim;
using models::Metric;

TEST_CASE("common random numbers: the paired interval is much narrower than the unpaired one", "[compare]") {
  const auto a = test::small_area();
  auto b = a;
  b.services[1].capacity += 2;  // two more rehabilitation beds: a small change
  const int n = 12;
  const auto results_a = models::run_replications(a, n, 3, 2);
  const auto results_b = models::run_replications(b, n, 3, 2);
  const auto comparison = models::compare(a, results_a, b, results_b);

  const auto& admissions = comparison.metrics[models::index(Metric::kWouldBeAdmissions)];
  CHECK(admissions.name == "would_be_admissions");
  const auto& nctr = comparison.metrics[models::index(Metric::kNctrBedDays)];
  for (std::size_t y = 0; y < nctr.difference.size(); ++y) {
    // Unpaired: independent samples, Welch-style half-width from each sd.
    const double unpaired = engine::student_t_quantile(0.95, n - 1) *
                            std::sqrt((nctr.a[y].sd * nctr.a[y].sd + nctr.b[y].sd * nctr.b[y].sd) / n);
    INFO("year " << y << ": paired " << nctr.difference[y].half_width << ", unpaired " << unpaired);
    CHECK(nctr.difference[y].half_width < 0.5 * unpaired);
    // The same demand was drawn for both: first admissions differ only by readmissions.
    CHECK(admissions.difference[y].half_width < 0.1 * admissions.a[y].sd + 20.0);
  }
  // Paired differences are the per-replication differences' estimate.
  CHECK(nctr.difference[0].mean == Approx(nctr.b[0].mean - nctr.a[0].mean));
  CHECK(nctr.cumulative_difference[1].mean ==
        Approx(nctr.difference[0].mean + nctr.difference[1].mean));
}
