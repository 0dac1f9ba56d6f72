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

// What adds up over the years: totals a year (people, bed days, pounds), not a
// rate per 100,000, a mean wait, a share or a capacity.
TEST_CASE("only totals a year are summed over the years", "[compare]") {
  const auto a = test::small_area();
  const auto results = models::run_replications(a, 2, 3, 2);
  const auto comparison = models::compare(a, results, a, results);
  const auto adds_up = [&](const std::string& name) {
    for (const auto& m : comparison.metrics)
      if (m.name == name) return m.adds_up;
    FAIL("no metric " << name);
    return false;
  };
  for (const char* total : {"admissions", "nctr_bed_days", "cost_total", "idle_cost", "readmissions_30d"}) {
    INFO(total);
    CHECK(adds_up(total));
  }
  for (const char* not_total : {"mean_wait_days_p2", "nctr_patients_per_100k", "at_home_91d_pct",
                                "readmission_rate_30d_pct", "care_home_admissions_65plus_per_100k"}) {
    INFO(not_total);
    CHECK_FALSE(adds_up(not_total));
  }
  for (const auto& m : comparison.metrics) {
    INFO(m.name << " (" << m.unit << ")");
    if (m.name.starts_with("utilisation_pct_") || m.name.starts_with("capacity_") || m.name.starts_with("occupancy_"))
      CHECK_FALSE(m.adds_up);
  }
}
