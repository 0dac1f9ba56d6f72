#include <icsim/models/metrics.hpp>

#include <algorithm>
#include <array>

namespace icsim::models {

bool adds_up_over_years(const std::string& unit) {
  return unit.ends_with("per year") && unit.find("per 100,000") == std::string::npos;
}

std::vector<MetricDefinition> metric_definitions(const ScenarioSpec& spec) {
  std::vector<ServiceIndex> all(spec.services.size());
  for (ServiceIndex s = 0; s < all.size(); ++s) all[s] = s;
  auto definitions = metric_definitions(spec, all);
  if (const auto& budget = spec.costs.budget) {
    definitions.push_back({"budget", "GBP per year"});
    definitions.push_back({"budget_spent_pct", "% of " + budget->name});
  }
  return definitions;
}

std::vector<MetricDefinition> metric_definitions(const ScenarioSpec& spec, const std::vector<ServiceIndex>& services) {
  static const std::array<MetricDefinition, kFixedMetricCount> fixed{{
      {"would_be_admissions", "people per year"},
      {"admissions", "admissions per year"},
      {"step_up_diversions", "people per year"},
      {"acute_bed_days", "bed days per year"},
      {"nctr_bed_days", "bed days per year"},
      {"ic_bed_days", "bed days per year"},
      {"home_ic_care_hours", "care hours per year"},
      {"short_term_care_bed_days", "bed days per year"},
      {"care_home_admissions_65plus_per_100k", "per 100,000 aged 65+ per year"},
      {"at_home_91d_pct", "%"},
      {"readmissions_30d", "readmissions per year"},
      {"discharges", "discharges per year"},
      {"discharges_p1", "discharges per year"},
      {"discharges_p2", "discharges per year"},
      {"discharges_p3", "discharges per year"},
      {"ic_episodes", "episodes per year"},
      {"discharge_to_usual_residence_pct", "%"},
      {"avoidable_admissions_per_100k", "per 100,000 adults per year"},
      {"falls_admissions_65plus_per_100k", "per 100,000 aged 65+ per year"},
      {"length_of_stay_14plus_pct", "% of acute inpatients"},
      {"length_of_stay_21plus_pct", "% of acute inpatients"},
      {"mean_wait_days_p1", "days"},
      {"mean_wait_days_p2", "days"},
      {"mean_wait_days_p3", "days"},
      {"mean_nctr_days_per_discharge", "days"},
      {"cost_acute", "GBP per year"},
      {"cost_ic_beds", "GBP per year"},
      {"cost_home_ic", "GBP per year"},
      {"cost_short_term_care", "GBP per year"},
      {"cost_intermediate_care", "GBP per year"},
      {"cost_total", "GBP per year"},
      {"long_term_care_weeks", "placement weeks per year"},
      {"cost_long_term_care", "GBP per year"},
      {"mutual_aid_placements", "people per year"},
      {"idle_cost", "GBP per year"},
      {"cost_health", "GBP per year"},
      {"cost_social_care", "GBP per year"},
      {"long_term_home_care_hours", "care hours per year"},
      {"ic_days_waiting_for_long_term_care", "place days per year"},
      {"over_prescribed_packages", "people per year"},
      {"nctr_bed_days_hub", "bed days per year"},
      {"nctr_bed_days_discharge_window", "bed days per year"},
      {"nctr_bed_days_waiting_p1", "bed days per year"},
      {"nctr_bed_days_waiting_p2", "bed days per year"},
      {"nctr_bed_days_waiting_p3", "bed days per year"},
      {"nctr_bed_days_waiting_home_care", "bed days per year"},
      {"nctr_bed_days_waiting_care_home", "bed days per year"},
      {"nctr_patients_per_100k", "per 100,000 adults (mean)"},
      {"deaths_in_hospital", "people per year"},
      {"deaths", "people per year"},
      {"readmission_rate_30d_pct", "% of discharges"},
      {"step_up_refused", "people per year"},
  }};
  std::vector<MetricDefinition> all(fixed.begin(), fixed.end());
  for (const ServiceIndex s : services) {
    const auto& service = spec.services[s];
    const std::string places = capacity_unit(service);
    all.push_back({"occupancy_" + service.name, places + " in use (mean)"});
    all.push_back({"utilisation_pct_" + service.name, "% of capacity"});
    all.push_back({"queue_" + service.name, "people waiting (mean)"});
    all.push_back({"wait_days_" + service.name, "days"});
    all.push_back({"capacity_" + service.name, places + " (mean)"});
    all.push_back({"waited_pct_" + service.name, "% of requests"});
    all.push_back({"wait_p95_days_" + service.name, "days"});
    // A service named as an area cost line is (ic_beds, home_ic, ...)
    // reports its own as cost_service_NAME.
    const bool named_as_line = std::any_of(fixed.begin(), fixed.end(),
                                           [&](const MetricDefinition& m) { return m.name == "cost_" + service.name; });
    all.push_back({(named_as_line ? "cost_service_" : "cost_") + service.name, "GBP per year"});
    all.push_back({"idle_cost_" + service.name, "GBP per year"});
    all.push_back({"nctr_bed_days_waiting_for_" + service.name, "bed days per year"});
  }
  return all;
}

std::vector<MetricDefinition> daily_series_definitions(const ScenarioSpec& spec) {
  std::vector<MetricDefinition> all{{"acute_inpatients", "patients"}, {"nctr_inpatients", "patients"}};
  for (const auto& service : spec.services) {
    const std::string places = capacity_unit(service);
    all.push_back({"in_use_" + service.name, places});
    all.push_back({"waiting_" + service.name, "people"});
    all.push_back({"capacity_" + service.name, places});
    all.push_back({"referrals_" + service.name, "people a day"});
    all.push_back({"step_up_referrals_" + service.name, "people a day"});
  }
  return all;
}

std::vector<AreaPart> area_parts(const ScenarioSpec& spec) {
  const auto places = places_of(spec);
  const auto hospitals = hospitals_of(spec);
  const auto owned_by = [&](auto&& owns) {
    std::vector<ServiceIndex> owned;
    for (ServiceIndex s = 0; s < spec.services.size(); ++s)
      if (owns(spec.services[s].owner)) owned.push_back(s);
    return owned;
  };
  const auto owned_by_places = [&](const std::vector<PlaceIndex>& members) {
    return owned_by([&](const ServiceOwner& owner) {
      return owner.kind == ServiceOwner::Kind::kPlaces &&
             std::any_of(owner.places.begin(), owner.places.end(),
                         [&](PlaceIndex p) { return std::find(members.begin(), members.end(), p) != members.end(); });
    });
  };
  std::vector<AreaPart> parts;
  for (PlaceIndex p = 0; p < places.size(); ++p)
    parts.push_back({AreaPart::Level::kPlace, places[p].id, places[p].name, {p}, std::nullopt, owned_by_places({p})});
  for (HospitalIndex h = 0; h < hospitals.size(); ++h) {
    AreaPart part{AreaPart::Level::kHospital, hospitals[h].id, hospitals[h].name, {}, h, {}};
    for (PlaceIndex p = 0; p < places.size(); ++p)
      if (h < places[p].hospital_shares.size() && places[p].hospital_shares[h] > 0.0) part.places.push_back(p);
    part.services = owned_by([&](const ServiceOwner& owner) {
      return owner.kind == ServiceOwner::Kind::kHospital && owner.hospital == h;
    });
    parts.push_back(std::move(part));
  }
  // Boards and ICPs group places by the name each place gives.
  const auto groups = [&](AreaPart::Level level, std::string PlaceSpec::*member) {
    std::vector<std::string> names;
    for (const auto& place : places)
      if (!(place.*member).empty() && std::find(names.begin(), names.end(), place.*member) == names.end())
        names.push_back(place.*member);
    for (const auto& name : names) {
      AreaPart part{level, name, name, {}, std::nullopt, {}};
      for (PlaceIndex p = 0; p < places.size(); ++p)
        if (places[p].*member == name) part.places.push_back(p);
      part.services = owned_by_places(part.places);
      parts.push_back(std::move(part));
    }
  };
  groups(AreaPart::Level::kBoard, &PlaceSpec::board);
  groups(AreaPart::Level::kIcp, &PlaceSpec::icp);
  return parts;
}

std::string_view level_name(AreaPart::Level level) {
  switch (level) {
    case AreaPart::Level::kPlace: return "place";
    case AreaPart::Level::kHospital: return "hospital";
    case AreaPart::Level::kBoard: return "board";
    case AreaPart::Level::kIcp: return "icp";
  }
  return "";
}

}  // namespace icsim::models
