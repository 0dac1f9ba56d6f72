// People referred to intermediate care from home (a GP's or community team's
// referral: community_starts_per_week on an IC service): as many episodes more
// as the rate says, waiting at home, not in a hospital bed; and as many more
// each year as the residents' admissions grow, whatever a what-if does to
// hospital admissions.

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>

#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/metrics.hpp>
#include <icsim/models/projection.hpp>

#include "small_area.hpp"

using namespace icsim;
using models::Destination;
using models::Metric;
using icsim::test::kReablement;

namespace {

double metric_value(const models::ReplicationResult& r, Metric m, std::size_t year) { return r.values[index(m)][year]; }

// The small area with reablement that never runs out and sends nobody back to hospital.
models::ScenarioSpec ample_reablement() {
  auto spec = test::small_area();
  spec.services[kReablement].capacity = 1e6;
  spec.services[kReablement].outcomes = {{Destination::kHomeIndependent, 0.8}, {Destination::kHomeWithCare, 0.2}};
  return spec;
}

}  // namespace

TEST_CASE("referrals from home add intermediate care episodes, not delays in hospital", "[community]") {
  const auto before = ample_reablement();
  auto after = before;
  const double per_week = 40.0;
  after.services[kReablement].community_starts_per_week = per_week;
  for (std::uint64_t seed : {1, 2, 3}) {
    const auto a = models::run_replication(before, seed, 0), b = models::run_replication(after, seed, 0);
    for (std::size_t y = 0; y < 2; ++y) {
      // Hospital's patients are those they were: their own random streams, and places to spare.
      CHECK(metric_value(b, Metric::kAdmissions, y) == metric_value(a, Metric::kAdmissions, y));
      CHECK(metric_value(b, Metric::kNctrBedDays, y) == metric_value(a, Metric::kNctrBedDays, y));
      CHECK(metric_value(b, Metric::kDischargesP1, y) == metric_value(a, Metric::kDischargesP1, y));
      // Poisson: within four standard deviations of the rate.
      const double expected = per_week * 365.0 / 7.0;
      const double more = metric_value(b, Metric::kIcEpisodes, y) - metric_value(a, Metric::kIcEpisodes, y);
      INFO("seed " << seed << ", year " << y << ": " << more << " more episodes, " << expected << " expected");
      CHECK(std::abs(more - expected) < 4.0 * std::sqrt(expected));
    }
  }
}

TEST_CASE("with reablement short, referrals from home lengthen the wait of hospital's patients for it", "[community]") {
  auto spec = test::small_area();
  spec.services[kReablement].discipline = engine::QueueDiscipline::kPriority;
  const auto base = models::run_replication(spec, 4, 0);
  spec.services[kReablement].community_starts_per_week = 60.0;
  const auto busier = models::run_replication(spec, 4, 0);
  // The service's wait grows for everyone, hospital's patients too (they wait
  // for a place the referrals from home hold), so delays in hospital grow.
  CHECK(metric_value(busier, Metric::kMeanWaitDaysP1, 1) > metric_value(base, Metric::kMeanWaitDaysP1, 1));
  CHECK(metric_value(busier, Metric::kNctrBedDays, 1) > metric_value(base, Metric::kNctrBedDays, 1));
}

TEST_CASE("referrals from home follow the residents' admissions, not a what-if's", "[community][projection]") {
  auto spec = test::small_area();
  spec.years = 5;
  spec.services[kReablement].community_starts_per_week = 40.0;
  models::GrowthSpec growth;
  for (int y = 0; y < spec.years; ++y) {
    std::vector<double> population;
    // Only the over-85s grow.
    for (const auto& band : spec.age_bands) population.push_back(band.population * (band.name == "85+" ? 1.0 + 0.2 * y : 1.0));
    growth.population.push_back(population);
  }
  // A scheme that halves the 85+'s admissions from the second year.
  models::ChangeSpec halved;
  halved.from_year = spec.start_year + 1;
  halved.admissions_per_1000_per_year.assign(spec.age_bands.size(), std::nullopt);
  halved.admissions_per_1000_per_year[3] = spec.age_bands[3].admissions_per_1000_per_year / 2.0;
  const auto years = models::project_years(spec, growth, models::CapacityPolicy::kFixed, {halved});
  auto admissions = [&](int y) {
    double total = 0.0;
    for (std::size_t b = 0; b < spec.age_bands.size(); ++b)
      total += growth.population[static_cast<std::size_t>(y)][b] * spec.age_bands[b].admissions_per_1000_per_year;
    return total;
  };
  for (int y = 0; y < spec.years; ++y) {
    const auto& year = years[static_cast<std::size_t>(y)];
    CHECK(year.community_starts_per_week[kReablement] == Approx(40.0 * admissions(y) / admissions(0)));
    CHECK(year.community_starts_per_week[test::kRehabBeds] == 0.0);
  }
  CHECK(years[4].admissions_per_1000_per_year[3] == Approx(250.0));  // the scheme did act on admissions
}
