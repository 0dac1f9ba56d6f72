#pragma once
// Referrals a year from the acute pathways (P1-P3) to the services they lead
// to: each cell's would-be admissions to each hospital, times the cell's
// pathway split, shared out by the routes. One estimate, read by the
// capacity policy grow_with_demand (projection.cpp) and by the offered load
// (offered_load.cpp).

#include <icsim/models/scenario_spec.hpp>

#include "care/area_layout.hpp"

namespace icsim::models {

// Calls admitted(cell, hospital, admissions_per_year) for every cell and
// every hospital its place sends some of its admissions to.
template <class OnAdmitted>
void for_each_admitted(const care::AreaLayout& layout, const YearSettings& year, OnAdmitted&& on_admitted) {
  for (std::size_t cell = 0; cell < layout.cells(); ++cell) {
    const double admissions = year.population[cell] * year.admissions_per_1000_per_year[cell];
    const auto& shares = layout.place_specs()[layout.place_of_cell(cell)].hospital_shares;
    for (HospitalIndex h = 0; h < layout.hospitals(); ++h)
      if (admissions * shares[h] > 0.0) on_admitted(cell, h, admissions * shares[h]);
  }
}

// Calls referral(cell, hospital, service, referrals_per_year) for every
// route of every pathway, cell and hospital.
template <class OnReferral>
void for_each_pathway_referral(const care::AreaLayout& layout, const YearSettings& year, OnReferral&& referral) {
  for_each_admitted(layout, year, [&](std::size_t cell, HospitalIndex h, double admitted) {
    for (int k = 1; k < kPathways; ++k) {
      double before = 0.0;
      for (const care::RouteChoice& route : layout.pathway(k, cell, h)) {
        referral(cell, h, route.service,
                 admitted * year.pathway_split[cell][static_cast<std::size_t>(k)] * (route.cumulative_share - before));
        before = route.cumulative_share;
      }
    }
  });
}

}  // namespace icsim::models
