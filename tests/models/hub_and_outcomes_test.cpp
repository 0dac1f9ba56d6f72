// The hub's time by pathway and age band, a service's own admission window,
// and what happens in hospital and after a pathway 0 discharge.

#include <catch2/catch.hpp>

#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/metrics.hpp>

#include "small_area.hpp"

using namespace icsim;
using models::Metric;
using test::small_area;

namespace {

double second_year(const models::ReplicationResult& r, Metric m) { return r.values[index(m)][1]; }

models::ScenarioSpec ample() {
  auto spec = small_area();
  for (auto& service : spec.services) service.capacity = 100000;
  return spec;
}

engine::Distribution days(double d) { return engine::Distribution(engine::Fixed{d}); }

}  // namespace

TEST_CASE("the hub takes each pathway's own time, and a band's own over the area's", "[model][hub]") {
  auto spec = ample();
  spec.hub_days = {days(0.0), days(1.0), days(2.0), days(3.0)};
  auto result = models::run_replication(spec, 3, 0);
  // Discharges any hour and places free at once: the hub is all of NCTR.
  const double expected = second_year(result, Metric::kDischargesP1) + 2 * second_year(result, Metric::kDischargesP2) +
                          3 * second_year(result, Metric::kDischargesP3);
  CHECK(second_year(result, Metric::kNctrBedDaysHub) == Approx(expected).epsilon(0.01));
  CHECK(second_year(result, Metric::kNctrBedDays) == Approx(second_year(result, Metric::kNctrBedDaysHub)).epsilon(1e-9));
  CHECK(second_year(result, Metric::kNctrBedDaysDischargeWindow) == 0.0);

  // The 85+ take four days to arrange pathway 1: more hub days than before.
  spec.age_bands[3].hub_days[1] = days(4.0);
  const auto older = models::run_replication(spec, 3, 0);
  CHECK(second_year(older, Metric::kNctrBedDaysHub) > expected + 0.9 * 3 * 3000 * 0.5 * 0.48);

  // triage_days stays the time of every pathway none gives.
  spec = ample();
  spec.hub_days = {days(0.0), std::nullopt, std::nullopt, std::nullopt};
  result = models::run_replication(spec, 3, 0);
  const double p1_to_p3 = second_year(result, Metric::kDischargesP1) + second_year(result, Metric::kDischargesP2) +
                          second_year(result, Metric::kDischargesP3);
  CHECK(second_year(result, Metric::kNctrBedDaysHub) == Approx(p1_to_p3).epsilon(0.01));  // triage_days: fixed 1
}

TEST_CASE("a service that admits on weekdays in the day holds its patients in hospital until then", "[model][window]") {
  auto spec = ample();
  spec.hub_days = {days(0.0), days(0.0), days(0.0), days(0.0)};
  const auto before = models::run_replication(spec, 3, 0);
  CHECK(second_year(before, Metric::kNctrBedDays) == 0.0);
  spec.services[2].admits = models::AdmissionWindow{5, 10.0, 16.0};  // D2A beds (pathway 3)
  const auto after = models::run_replication(spec, 3, 0);
  // Pathway 3 patients ready at random times wait for a weekday between 10 and 16:
  // on average over a day, and never a whole week.
  const double p3 = second_year(after, Metric::kDischargesP3);
  CHECK(second_year(after, Metric::kNctrBedDays) == Approx(second_year(after, Metric::kNctrBedDaysDischargeWindow)).epsilon(1e-9));
  CHECK(second_year(after, Metric::kNctrBedDaysDischargeWindow) > 0.5 * p3);
  CHECK(second_year(after, Metric::kNctrBedDaysDischargeWindow) < 3.0 * p3);
  CHECK(second_year(after, Metric::kDischargesP1) == second_year(before, Metric::kDischargesP1));
}

TEST_CASE("deaths in hospital and what follows a pathway 0 discharge, by band", "[model][outcomes]") {
  auto spec = ample();
  const auto before = models::run_replication(spec, 3, 0);
  for (auto& band : spec.age_bands) {
    band.died_in_hospital = 0.04;
    band.p0_readmission = 0.10;
    band.p0_death = 0.02;
  }
  const auto after = models::run_replication(spec, 3, 0);
  const double admissions = second_year(after, Metric::kAdmissions);
  const double p0 = second_year(after, Metric::kDischarges) - second_year(after, Metric::kDischargesP1) -
                    second_year(after, Metric::kDischargesP2) - second_year(after, Metric::kDischargesP3);
  CHECK(second_year(after, Metric::kDeathsInHospital) == Approx(0.04 * admissions).epsilon(0.1));
  CHECK(second_year(after, Metric::kDischarges) == Approx(0.96 * admissions).epsilon(0.01));
  // Readmissions: the services' and now a tenth of pathway 0 (counted when they come back).
  CHECK(second_year(after, Metric::kReadmissions30d) - second_year(before, Metric::kReadmissions30d) ==
        Approx(0.10 * p0).epsilon(0.15));
  CHECK(second_year(after, Metric::kDeaths) - second_year(after, Metric::kDeathsInHospital) - second_year(before, Metric::kDeaths) ==
        Approx(0.02 * p0).margin(0.3 * 0.02 * p0 + 30));
  CHECK(second_year(after, Metric::kReadmissionRate30dPct) ==
        Approx(100.0 * second_year(after, Metric::kReadmissions30d) / second_year(after, Metric::kDischarges)).epsilon(1e-9));
  // Nobody dies in hospital, or after pathway 0, without the shares.
  CHECK(second_year(before, Metric::kDeathsInHospital) == 0.0);
}
