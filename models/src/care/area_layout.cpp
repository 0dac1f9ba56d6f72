#include "area_layout.hpp"

namespace icsim::models::care {

AreaLayout::AreaLayout(const ScenarioSpec& spec)
    : places_(places_of(spec)), hospitals_(hospitals_of(spec)), bands_(spec.age_bands.size()) {
  for (const PlaceSpec& place : places_) {
    RouteChoices to_hospitals;
    double cumulative = 0.0;
    for (HospitalIndex h = 0; h < place.hospital_shares.size(); ++h) {
      if (place.hospital_shares[h] <= 0.0) continue;
      cumulative += place.hospital_shares[h];
      to_hospitals.push_back({h, cumulative});
    }
    hospital_choice_.push_back(std::move(to_hospitals));
  }
  for (std::size_t cell = 0; cell < cells(); ++cell) {
    const auto place = static_cast<PlaceIndex>(cell / bands_);
    const RouteChoices& to_hospitals = hospital_choice_[place];
    const std::int32_t one_hospital =
        to_hospitals.size() > 1 ? -1 : static_cast<std::int32_t>(to_hospitals.empty() ? 0 : to_hospitals.front().service);
    cells_.push_back({place, static_cast<std::uint32_t>(cell % bands_), one_hospital, false});
  }
  pathway_.resize(static_cast<std::size_t>(kPathways) * cells() * hospitals());
  for (int k = 1; k < kPathways; ++k)
    for (std::size_t cell = 0; cell < cells(); ++cell)
      for (HospitalIndex h = 0; h < hospitals(); ++h)
        pathway_[(static_cast<std::size_t>(k) * cells() + cell) * hospitals() + h] =
            choices(spec, spec.pathway_routes[static_cast<std::size_t>(k)], cell, h);
  for (std::size_t cell = 0; cell < cells(); ++cell) {
    step_up_.push_back(choices(spec, spec.step_up_routes, cell, std::nullopt));
    cells_[cell].step_up = !step_up_.back().empty();
    for (HospitalIndex h = 0; h < hospitals(); ++h) bridging_.push_back(choices(spec, spec.bridging_routes, cell, h));
  }
  for (const Routes& routes : spec.market_routes)
    for (std::size_t cell = 0; cell < cells(); ++cell)
      for (HospitalIndex h = 0; h < hospitals(); ++h) market_.push_back(choices(spec, routes, cell, h));
}

// The routes that serve this cell's residents (discharged from `hospital`,
// or stepped up from the community when there is none), with cumulative
// shares; the loader has checked that shares of several sum to 1.
RouteChoices AreaLayout::choices(const ScenarioSpec& spec, const Routes& routes, std::size_t cell,
                                 std::optional<HospitalIndex> hospital) {
  RouteChoices found;
  const PlaceIndex place = place_of_cell(cell);
  for (const Route& route : routes)
    if (route_takes(spec, route, place, hospital, band_of_cell(cell)))
      found.push_back({route.service, route.share});
  if (found.size() == 1) {
    found.front().cumulative_share = 1.0;
    return found;
  }
  double cumulative = 0.0;
  for (RouteChoice& c : found) c.cumulative_share = cumulative += c.cumulative_share;
  routes_by_share_ = routes_by_share_ || found.size() > 1;
  return found;
}

}  // namespace icsim::models::care
