#pragma once
// The area as the model runs it. Residents live in places; a cell is one
// place's age band (cell = place x bands + band), the unit demand is drawn
// in. A flow is one place's residents admitted to one hospital (flow = place
// x hospitals + hospital), the unit every count is kept in, so a place's, a
// hospital's or a board's figures are sums of flows. And the routing table:
// for each pathway, cell and hospital, the services a patient may be sent to.

#include <cstdint>
#include <optional>
#include <vector>

#include <icsim/engine/distributions.hpp>
#include <icsim/models/scenario_spec.hpp>

namespace icsim::models::care {

// A service a route leads to and the cumulative share up to it.
struct RouteChoice {
  ServiceIndex service = 0;
  double cumulative_share = 1.0;
};
using RouteChoices = std::vector<RouteChoice>;

// One of the choices by a patient's own uniform (common random numbers).
[[nodiscard]] inline ServiceIndex pick(const RouteChoices& choices, double uniform) {
  for (const RouteChoice& c : choices)
    if (uniform < c.cumulative_share) return c.service;
  return choices.back().service;
}

class AreaLayout {
 public:
  explicit AreaLayout(const ScenarioSpec& spec);

  [[nodiscard]] std::size_t places() const { return places_.size(); }
  [[nodiscard]] std::size_t hospitals() const { return hospitals_.size(); }
  [[nodiscard]] std::size_t bands() const { return bands_; }
  [[nodiscard]] std::size_t cells() const { return places_.size() * bands_; }
  [[nodiscard]] std::size_t flows() const { return places_.size() * hospitals_.size(); }

  [[nodiscard]] PlaceIndex place_of_cell(std::size_t cell) const { return cells_[cell].place; }
  [[nodiscard]] std::size_t band_of_cell(std::size_t cell) const { return cells_[cell].band; }
  [[nodiscard]] std::size_t flow(PlaceIndex place, HospitalIndex hospital) const {
    return place * hospitals_.size() + hospital;
  }
  [[nodiscard]] PlaceIndex place_of_flow(std::size_t flow) const {
    return static_cast<PlaceIndex>(flow / hospitals_.size());
  }
  [[nodiscard]] HospitalIndex hospital_of_flow(std::size_t flow) const {
    return static_cast<HospitalIndex>(flow % hospitals_.size());
  }

  [[nodiscard]] const std::vector<PlaceSpec>& place_specs() const { return places_; }
  [[nodiscard]] const std::vector<HospitalSpec>& hospital_specs() const { return hospitals_; }

  // The hospital a place's admission goes to: the place's only one, or by
  // its shares, drawing a uniform from `rng` only then.
  [[nodiscard]] HospitalIndex admitted_to(std::size_t cell, engine::Rng& rng) const {
    const Cell& c = cells_[cell];
    return c.one_hospital >= 0 ? static_cast<HospitalIndex>(c.one_hospital)
                               : pick(hospital_choice_[c.place], engine::uniform01(rng));
  }

  // How much of a cell's residents a service's owner serves: all of them
  // (the area, or a place it serves), the share its hospital admits, or none.
  [[nodiscard]] double reach(const ServiceOwner& owner, std::size_t cell) const {
    const PlaceIndex place = place_of_cell(cell);
    if (owner.kind == ServiceOwner::Kind::kHospital) return places_[place].hospital_shares[owner.hospital];
    return owner.serves(place, std::nullopt) ? 1.0 : 0.0;
  }

  // Where a patient of `cell` discharged from `hospital` goes on pathway k
  // (1..3); empty when no service serves them (their split for it is 0).
  [[nodiscard]] const RouteChoices& pathway(int k, std::size_t cell, HospitalIndex hospital) const {
    return pathway_[(static_cast<std::size_t>(k) * cells() + cell) * hospitals_.size() + hospital];
  }
  [[nodiscard]] const RouteChoices& step_up(std::size_t cell) const { return step_up_[cell]; }
  [[nodiscard]] bool has_step_up(std::size_t cell) const { return cells_[cell].step_up; }
  [[nodiscard]] const RouteChoices& bridging(std::size_t cell, HospitalIndex hospital) const {
    return bridging_[cell * hospitals_.size() + hospital];
  }
  // The long-term care service a patient of `cell` (discharged from
  // `hospital`) goes to for the market m; empty: none, an exit without capacity.
  [[nodiscard]] const RouteChoices& market(Market m, std::size_t cell, HospitalIndex hospital) const {
    return market_[((static_cast<std::size_t>(m) - 1) * cells() + cell) * hospitals_.size() + hospital];
  }
  // Whether any patient has more than one route to choose from, and so
  // needs a uniform of their own for it.
  [[nodiscard]] bool routes_by_share() const { return routes_by_share_; }

 private:
  RouteChoices choices(const ScenarioSpec& spec, const Routes& routes, std::size_t cell,
                       std::optional<HospitalIndex> hospital);

  std::vector<PlaceSpec> places_;
  std::vector<HospitalSpec> hospitals_;
  std::size_t bands_ = 0;
  // What an arrival needs to know of its cell, in one place.
  struct Cell {
    PlaceIndex place = 0;
    std::uint32_t band = 0;
    std::int32_t one_hospital = 0;  // the only hospital the place uses, or -1 for several
    bool step_up = false;           // a step-up service serves it
  };
  std::vector<Cell> cells_;
  std::vector<RouteChoices> hospital_choice_;  // per place: (hospital as `service`, cumulative share)
  std::vector<RouteChoices> pathway_;          // [pathway][cell][hospital]
  std::vector<RouteChoices> step_up_;          // [cell]
  std::vector<RouteChoices> bridging_;         // [cell][hospital]
  std::vector<RouteChoices> market_;           // [market - 1][cell][hospital]
  bool routes_by_share_ = false;
};

}  // namespace icsim::models::care
