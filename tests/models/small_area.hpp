#pragma once
// A small area built in code for model tests: 83,000 adults in four age
// bands, reablement, rehabilitation beds and D2A beds.

#include <cstddef>
#include <string>
#include <tuple>

#include <icsim/models/scenario_spec.hpp>

namespace icsim::test {

// small_area()'s services, by index.
inline constexpr std::size_t kReablement = 0, kRehabBeds = 1, kD2aBeds = 2;

inline models::ScenarioSpec small_area() {
  models::ScenarioSpec s;
  s.name = "test area";
  s.start_year = 2025;
  s.years = 2;
  s.warmup_days = 365;
  for (auto [name, pop, rate, p0, p1, p2, p3, nctr] :
       {std::tuple{"18-64", 60000.0, 60.0, 0.85, 0.13, 0.015, 0.005, 4.0},
        std::tuple{"65-74", 12000.0, 150.0, 0.60, 0.35, 0.04, 0.01, 6.0},
        std::tuple{"75-84", 8000.0, 280.0, 0.50, 0.43, 0.05, 0.02, 8.0},
        std::tuple{"85+", 3000.0, 500.0, 0.40, 0.48, 0.08, 0.04, 10.0}}) {
    models::AgeBandSpec band;
    band.name = name;
    band.aged_65_plus = std::string(name) != "18-64";
    band.population = pop;
    band.admissions_per_1000_per_year = rate;
    band.step_up_share = 0.0;
    band.pathway_split = {p0, p1, p2, p3};
    band.time_to_nctr_days = engine::Distribution(engine::LogNormal{nctr, nctr * 0.8});
    s.age_bands.push_back(band);
  }
  s.triage_days = engine::Distribution(engine::Fixed{1.0});
  using models::Destination;
  auto service = [](const char* name, models::ServiceKind kind, double capacity, double stay,
                    std::vector<models::OutcomeSpec> outcomes) {
    models::ServiceSpec x;
    x.name = name;
    x.kind = kind;
    x.capacity = capacity;
    x.length_of_stay_days = engine::Distribution(engine::LogNormal{stay, stay * 0.6});
    x.outcomes = std::move(outcomes);
    x.cost_per_bed_day = 150;
    x.cost_per_care_hour = 28;
    return x;
  };
  s.services.push_back(service("reablement", models::ServiceKind::kHomeBased, 170, 21,
                               {{Destination::kHomeIndependent, 0.7}, {Destination::kHomeWithCare, 0.19},
                                {Destination::kReadmission, 0.08}, {Destination::kDeath, 0.03}}));
  s.services.push_back(service("rehab_beds", models::ServiceKind::kBedBased, 30, 28,
                               {{Destination::kHomeIndependent, 0.5}, {Destination::kNextService, 0.25, 0},
                                {Destination::kCareHomeNursing, 0.15}, {Destination::kDeath, 0.10}}));
  s.services.push_back(service("d2a_beds", models::ServiceKind::kBedBased, 12, 28,
                               {{Destination::kCareHomeResidential, 0.7}, {Destination::kHomeWithCare, 0.2},
                                {Destination::kDeath, 0.1}}));
  s.services[2].short_term_care = true;
  s.pathway_routes = {models::Routes{}, {{0}}, {{1}}, {{2}}};
  s.costs.acute_bed_day = 345;
  return s;
}

}  // namespace icsim::test
