#include <icsim/models/scenario_spec.hpp>

#include <algorithm>

namespace icsim::models {

bool ServiceOwner::serves(PlaceIndex place, std::optional<HospitalIndex> discharged_from) const {
  switch (kind) {
    case Kind::kArea: return true;
    case Kind::kPlaces: return std::find(places.begin(), places.end(), place) != places.end();
    case Kind::kHospital: return discharged_from == hospital;
  }
  return false;
}

std::vector<PlaceSpec> places_of(const ScenarioSpec& spec) {
  if (!spec.places.empty()) return spec.places;
  PlaceSpec area;
  area.id = "area";
  area.name = spec.name;
  area.age_bands = spec.age_bands;
  area.hospital_shares.assign(std::max<std::size_t>(spec.hospitals.size(), 1), 0.0);
  area.hospital_shares.front() = 1.0;
  return {area};
}

std::vector<HospitalSpec> hospitals_of(const ScenarioSpec& spec) {
  if (!spec.hospitals.empty()) return spec.hospitals;
  return {HospitalSpec{"hospital", "acute hospital"}};
}

bool route_takes(const ScenarioSpec& spec, const Route& route, PlaceIndex place,
                 std::optional<HospitalIndex> hospital, std::size_t band) {
  const ServiceOwner& whom = route.own_audience ? route.audience : spec.services[route.service].owner;
  return route.takes_band(band) && whom.serves(place, hospital);
}

std::vector<ServiceIndex> services_of(const Routes& routes) {
  std::vector<ServiceIndex> services;
  for (const Route& route : routes)
    if (std::find(services.begin(), services.end(), route.service) == services.end()) services.push_back(route.service);
  return services;
}

std::vector<YearSettings> yearly_settings(const ScenarioSpec& spec) {
  if (!spec.yearly.empty()) return spec.yearly;
  YearSettings base;
  for (const auto& place : places_of(spec)) {
    for (const auto& band : place.age_bands) {
      base.population.push_back(band.population);
      base.admissions_per_1000_per_year.push_back(band.admissions_per_1000_per_year);
      base.step_up_share.push_back(band.step_up_share);
      base.pathway_split.push_back(band.pathway_split);
      base.time_to_nctr_days.push_back(band.time_to_nctr_days);
      auto& hub = base.hub_days.emplace_back();
      for (std::size_t k = 0; k < kPathways; ++k)
        hub[k] = band.hub_days[k] ? *band.hub_days[k] : area_hub_days(spec, k);
    }
  }
  for (const auto& service : spec.services) {
    base.capacity.push_back(service.capacity);
    base.length_of_stay_days.push_back(service.length_of_stay_days);
    base.community_starts_per_week.push_back(service.community_starts_per_week);
  }
  base.triage_days = spec.triage_days;
  base.discharge_days_per_week = spec.discharge_days_per_week;
  return std::vector<YearSettings>(static_cast<std::size_t>(std::max(spec.years, 1)), base);
}

const engine::Distribution& area_hub_days(const ScenarioSpec& spec, std::size_t pathway) {
  return spec.hub_days[pathway] ? *spec.hub_days[pathway] : spec.triage_days;
}

std::array<double, kPathways> mean_hub_days(const YearSettings& year) {
  std::array<double, kPathways> means{};
  for (const auto& cell : year.hub_days)
    for (std::size_t k = 0; k < kPathways; ++k) means[k] += cell[k].mean() / static_cast<double>(year.hub_days.size());
  return means;
}

std::string capacity_unit(const ServiceSpec& service) {
  if (service.kind == ServiceKind::kBedBased) return "beds";
  return service.capacity_in_care_hours ? "care hours a day" : "packages";
}

std::string capacity_key(const ServiceSpec& service) {
  if (service.kind == ServiceKind::kBedBased) return "capacity_beds";
  if (service.care_hours_per_wte_day > 0.0) return "capacity_staff_wte";
  return service.capacity_in_care_hours ? "capacity_care_hours_per_day" : "capacity_packages";
}

}  // namespace icsim::models
