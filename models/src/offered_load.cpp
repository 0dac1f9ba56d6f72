#include <icsim/models/offered_load.hpp>

#include <algorithm>
#include <limits>
#include <optional>

#include <icsim/engine/sim_time.hpp>
#include <icsim/models/single_year.hpp>

#include "care/area_layout.hpp"
#include "pathway_referrals.hpp"

namespace icsim::models {
namespace {

// The outcomes of a person who did not step up and did not wait, in `band`:
// the service's first outcome rule that fits them, or its own outcomes.
const std::vector<OutcomeSpec>& outcomes_without_wait(const ServiceSpec& service, std::size_t band) {
  for (const OutcomeRule& rule : service.outcome_rules)
    if (rule.fits(false, band, 0.0)) return rule.outcomes;
  return service.outcomes;
}

// The long-term care services a person leaving `from` for `destination`
// goes on to, as the model routes them (intermediate care leads to the
// market; long-term home care only to a care home); none: an exit.
const care::RouteChoices* market_choices(const ScenarioSpec& spec, const care::AreaLayout& layout, ServiceIndex from,
                                         Destination destination, std::size_t cell, HospitalIndex hospital) {
  const Market market = market_for(destination);
  if (market == Market::kNone) return nullptr;
  const Market own = spec.services[from].market;
  if (own != Market::kNone && !(own == Market::kHomeCare && is_care_home(market))) return nullptr;
  const care::RouteChoices& choices = layout.market(market, cell, hospital);
  return choices.empty() ? nullptr : &choices;
}

// Referrals of one flow (a cell's residents from one hospital) straight to
// each service, followed on to the services their outcomes lead to, wave by
// wave (a loop back, P1 -> P2 -> P1, dies away: each wave is a share of the last).
void add_onward(const ScenarioSpec& spec, const care::AreaLayout& layout, std::size_t cell, HospitalIndex hospital,
                std::vector<double> wave, std::vector<double>& referrals) {
  const std::size_t band = layout.band_of_cell(cell);
  for (int step = 0; step < 64; ++step) {
    double moved = 0.0;
    std::vector<double> next(wave.size(), 0.0);
    for (ServiceIndex from = 0; from < wave.size(); ++from) {
      if (wave[from] <= 0.0) continue;
      referrals[from] += wave[from];
      for (const OutcomeSpec& o : outcomes_without_wait(spec.services[from], band)) {
        const double people = wave[from] * o.probability;
        if (people <= 0.0) continue;
        if (o.destination == Destination::kNextService) {
          next[o.next_service] += people;
          moved += people;
        } else if (const auto* choices = market_choices(spec, layout, from, o.destination, cell, hospital)) {
          double before = 0.0;
          for (const care::RouteChoice& c : *choices) {
            next[c.service] += people * (c.cumulative_share - before);
            before = c.cumulative_share;
          }
          moved += people;
        }
      }
    }
    if (moved <= 1e-12) return;
    wave = std::move(next);
  }
}

// Where a market service's community starts come from, as the model draws
// them: residents it serves, by their admissions; weights per flow.
std::vector<double> community_flows(const ScenarioSpec& spec, const care::AreaLayout& layout, const YearSettings& year,
                                    ServiceIndex s) {
  const ServiceOwner& owner = spec.services[s].owner;
  std::vector<double> reach(layout.cells(), 0.0), weights(layout.cells() * layout.hospitals(), 0.0);
  double total = 0.0;
  for (std::size_t c = 0; c < layout.cells(); ++c) {
    reach[c] = layout.reach(owner, c);
    total += reach[c] * year.population[c] * year.admissions_per_1000_per_year[c];
  }
  for (std::size_t c = 0; c < layout.cells(); ++c) {
    const double cell_weight = total > 0.0 ? reach[c] * year.population[c] * year.admissions_per_1000_per_year[c] / total
                                           : (reach[c] > 0.0 ? 1.0 : 0.0);
    const auto& shares = layout.place_specs()[layout.place_of_cell(c)].hospital_shares;
    for (HospitalIndex h = 0; h < layout.hospitals(); ++h)
      weights[c * layout.hospitals() + h] =
          cell_weight * (owner.kind == ServiceOwner::Kind::kHospital ? (h == owner.hospital ? 1.0 : 0.0) : shares[h]);
  }
  double sum = 0.0;
  for (double w : weights) sum += w;
  if (sum > 0.0)
    for (double& w : weights) w /= sum;
  return weights;
}

}  // namespace

double OfferedLoad::times_capacity() const {
  if (capacity > 0.0) return offered / capacity;
  return offered > 0.0 ? std::numeric_limits<double>::infinity() : 0.0;
}

double OfferedLoad::queue_growth_per_day() const {
  return unit_days_per_person > 0.0 ? (offered - capacity) / unit_days_per_person : 0.0;
}

double unit_days_per_person(const ServiceSpec& service, const engine::Distribution& stay) {
  const double mean = stay.mean();
  if (service.kind != ServiceKind::kHomeBased || !service.capacity_in_care_hours) return mean;
  const double start = service.package_hours_per_day_start, after = service.package_hours_per_day_after;
  const double intensive = service.package_intensive_days;
  if (intensive <= 0.0) return after * mean;
  if (start == after) return start * mean;
  // E[min(stay, intensive days)] = the integral over u of min(Q(u), intensive
  // days), by the midpoint rule over the stay's quantiles: exact to a part
  // in a thousand, no draws.
  constexpr int kSteps = 1000;
  double intensive_days = 0.0;
  for (int i = 0; i < kSteps; ++i) intensive_days += std::min(stay.quantile((i + 0.5) / kSteps), intensive);
  intensive_days /= kSteps;
  return start * intensive_days + after * std::max(0.0, mean - intensive_days);
}

double mean_capacity_in_year(const ScenarioSpec& spec, ServiceIndex service, int year) {
  const double start = year * engine::kDaysPerYear, end = start + engine::kDaysPerYear;
  double capacity = capacity_at_year_start(spec, service, year), since = start, weighted = 0.0;
  for (const CapacityChange& change : spec.services[service].capacity_changes) {
    if (change.day <= start || change.day >= end) continue;
    weighted += capacity * (change.day - since);
    capacity = change.capacity;
    since = change.day;
  }
  weighted += capacity * (end - since);
  return weighted / engine::kDaysPerYear;
}

std::vector<std::vector<OfferedLoad>> offered_loads(const ScenarioSpec& spec) {
  const care::AreaLayout layout(spec);
  const auto years = yearly_settings(spec);
  const std::size_t services = spec.services.size(), hospitals = layout.hospitals();
  std::vector<std::vector<OfferedLoad>> loads;
  for (std::size_t y = 0; y < years.size(); ++y) {
    const YearSettings& year = years[y];
    // Straight to each service, flow by flow (cell x hospital), a day.
    std::vector<std::vector<double>> direct(layout.cells() * hospitals, std::vector<double>(services, 0.0));
    for_each_pathway_referral(layout, year, [&](std::size_t cell, HospitalIndex h, ServiceIndex s, double per_year) {
      direct[cell * hospitals + h][s] += per_year / 1000.0 / engine::kDaysPerYear;
    });
    for (ServiceIndex s = 0; s < services; ++s) {
      const double per_day = year.community_starts_per_week[s] / 7.0;
      if (per_day <= 0.0) continue;
      const auto weights = community_flows(spec, layout, year, s);
      for (std::size_t f = 0; f < weights.size(); ++f) direct[f][s] += per_day * weights[f];
    }
    std::vector<double> referrals(services, 0.0);
    for (std::size_t f = 0; f < direct.size(); ++f)
      add_onward(spec, layout, f / hospitals, static_cast<HospitalIndex>(f % hospitals), direct[f], referrals);

    std::vector<OfferedLoad> this_year(services);
    for (ServiceIndex s = 0; s < services; ++s) {
      OfferedLoad& load = this_year[s];
      load.referrals_per_day = referrals[s];
      load.unit_days_per_person = unit_days_per_person(spec.services[s], year.length_of_stay_days[s]);
      load.offered = load.referrals_per_day * load.unit_days_per_person;
      load.capacity = mean_capacity_in_year(spec, s, static_cast<int>(y));
    }
    loads.push_back(std::move(this_year));
  }
  return loads;
}

}  // namespace icsim::models
