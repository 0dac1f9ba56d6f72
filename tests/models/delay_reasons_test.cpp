// Why people wait: every NCTR bed day has one reason, and the reasons add up
// to nctr_bed_days.

#include <catch2/catch.hpp>

#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/metrics.hpp>

#include "small_area.hpp"

using namespace icsim;
using models::Metric;
using test::small_area;

namespace {

constexpr std::array kReasons{Metric::kNctrBedDaysHub,       Metric::kNctrBedDaysDischargeWindow,
                              Metric::kNctrBedDaysWaitingP1,  Metric::kNctrBedDaysWaitingP2,
                              Metric::kNctrBedDaysWaitingP3,  Metric::kNctrBedDaysWaitingHomeCare,
                              Metric::kNctrBedDaysWaitingCareHome};

double value(const models::ReplicationResult& r, Metric m, std::size_t year = 0) { return r.values[index(m)][year]; }

double reasons(const models::ReplicationResult& r, std::size_t year) {
  double sum = 0.0;
  for (const Metric m : kReasons) sum += value(r, m, year);
  return sum;
}

// Each service's own NCTR days (those waiting for it in an acute bed).
double waiting_for(const models::ReplicationResult& r, std::size_t service, std::size_t year = 0) {
  return r.values[index(service, models::ServiceMeasure::kNctrBedDays)][year];
}

}  // namespace

TEST_CASE("the reasons for NCTR days add up to nctr_bed_days, and the services' waits to theirs", "[model][delays]") {
  auto spec = small_area();
  spec.discharge_days_per_week = 5;
  spec.discharge_hour_start = 9;
  spec.discharge_hour_end = 17;
  spec.services[1].capacity = 18;  // P2 short: people wait
  for (std::uint32_t r = 0; r < 3; ++r) {
    const auto result = models::run_replication(spec, 11, r);
    for (std::size_t y = 0; y < 2; ++y) {
      const double nctr = value(result, Metric::kNctrBedDays, y);
      CHECK(nctr > 1000.0);
      CHECK(reasons(result, y) == Approx(nctr).epsilon(1e-9));
      const double services = waiting_for(result, 0, y) + waiting_for(result, 1, y) + waiting_for(result, 2, y);
      CHECK(services == Approx(value(result, Metric::kNctrBedDaysWaitingP1, y) +
                               value(result, Metric::kNctrBedDaysWaitingP2, y) +
                               value(result, Metric::kNctrBedDaysWaitingP3, y))
                            .epsilon(1e-9));
      CHECK(value(result, Metric::kNctrBedDaysWaitingP2, y) > 0.0);
      CHECK(value(result, Metric::kNctrBedDaysDischargeWindow, y) > 0.0);
    }
  }
}

TEST_CASE("with ample capacity NCTR days are only the hub and the discharge window", "[model][delays]") {
  auto spec = small_area();
  for (auto& service : spec.services) service.capacity = 100000;
  spec.discharge_hour_start = 8;
  spec.discharge_hour_end = 20;
  const auto result = models::run_replication(spec, 11, 0);
  for (std::size_t y = 0; y < 2; ++y) {
    for (const Metric m : {Metric::kNctrBedDaysWaitingP1, Metric::kNctrBedDaysWaitingP2, Metric::kNctrBedDaysWaitingP3,
                           Metric::kNctrBedDaysWaitingHomeCare, Metric::kNctrBedDaysWaitingCareHome})
      CHECK(value(result, m, y) == 0.0);
    // A fixed one-day hub for every discharge, then the wait for 8am when the hub finishes in the night.
    CHECK(value(result, Metric::kNctrBedDaysHub, y) == Approx(value(result, Metric::kDischarges, y)).epsilon(0.01));
    CHECK(value(result, Metric::kNctrBedDaysDischargeWindow, y) > 0.0);
    CHECK(value(result, Metric::kNctrBedDaysDischargeWindow, y) < 0.5 * value(result, Metric::kDischarges, y));
  }
}

TEST_CASE("cutting one service grows its reason and leaves the others alone", "[model][delays]") {
  auto spec = small_area();
  spec.services[0].capacity = 400;  // reablement, rehab and D2A beds all with room
  spec.services[1].capacity = 60;
  spec.services[2].capacity = 40;
  const auto summary = [](const models::ScenarioSpec& s) { return models::run_scenario(s, 6, 5, 2); };
  const auto base = summary(spec);
  spec.services[2].capacity = 11;  // D2A beds (pathway 3) cut
  const auto cut = summary(spec);
  const auto year = [](const models::ScenarioSummary& s, Metric m) { return s[m].back(); };
  CHECK(year(cut, Metric::kNctrBedDaysWaitingP3).mean > 5.0 * year(base, Metric::kNctrBedDaysWaitingP3).mean + 100.0);
  for (const Metric m : {Metric::kNctrBedDaysHub, Metric::kNctrBedDaysWaitingP1})
    CHECK(year(cut, m).mean == Approx(year(base, m).mean).epsilon(0.03));
  // Rehab beds hand on to reablement, not to D2A: their wait is unchanged too.
  CHECK(year(cut, Metric::kNctrBedDaysWaitingP2).mean < year(base, Metric::kNctrBedDaysWaitingP2).mean + 50.0);
}

