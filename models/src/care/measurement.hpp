#pragma once
// What a replication measures. Every count about patients is kept by flow
// (one place's residents admitted to one hospital); the area's figures, a
// place's, a hospital's and a board's are sums over their flows, so each
// patient event updates one set of statistics however many parts report it.
// What services measure (occupancy, queues, waits) the services keep.

#include <array>
#include <vector>

#include <icsim/engine/resource.hpp>
#include <icsim/engine/statistics.hpp>
#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/metrics.hpp>

#include "area_layout.hpp"
#include "demand.hpp"
#include "recent_admissions.hpp"

namespace icsim::models::care {

// Why a patient who no longer meets the criteria to reside is still in an
// acute bed now; each has a metric (Metric::kNctrBedDaysHub onwards, in this order).
enum class NctrReason : std::uint8_t {
  kNoDelay,  // meets the criteria to reside, or not in an acute bed
  kHub,
  kDischargeWindow,
  kWaitingP1,
  kWaitingP2,
  kWaitingP3,
  kWaitingHomeCare,
  kWaitingCareHome,
  kCount
};
inline constexpr std::size_t kNctrReasons = static_cast<std::size_t>(NctrReason::kCount) - 1;  // without kNoDelay

struct FlowStatistics {
  explicit FlowStatistics(const engine::Periods& periods);
  void reset(engine::SimTime t);

  engine::Counter would_be, admissions, diversions, step_up_refused, discharges, usual_residence, care_home_65, readmissions,
      at_home_91, cohort_91, avoidable, falls_65, ic_episodes, mutual_aid, over_prescribed, deaths_in_hospital,
      deaths;
  std::array<engine::Counter, kPathways> discharges_by_pathway;
  engine::TimeWeighted acute_occupied, nctr_in_acute;
  engine::TimeWeighted waiting_for_care_in_ic;  // holding an IC place, waiting for long-term care
  std::array<engine::TimeWeighted, kNctrReasons> nctr_by_reason;  // they add up to nctr_in_acute
  engine::Tally nctr_days_per_discharge;
  std::array<engine::Tally, 3> waits;  // P1..P3: ready to leave until a place is granted
  RecentAdmissions recent_admissions;
  std::vector<double> placement_days;  // per projected year; only days after the warm-up count
};

class Measurement {
 public:
  Measurement(const ScenarioSpec& spec, const AreaLayout& layout, const engine::Periods& periods);

  FlowStatistics& flow(std::size_t f) { return flows_[f]; }

  // A patient of flow f took (delta > 0) or gave back units of service s:
  // what a part's residents used of each service. With one flow the
  // services' own occupancy says it all, and nothing is kept.
  void use(std::size_t f, std::size_t s, engine::SimTime now, double delta) {
    if (track_use_) use_[f * services_ + s].add(now, delta);
    if (!blocks_.empty() && blocks_[s].contracted) blocks_[s].use(now, delta);
  }
  // Service s has this capacity from now (what a block and spot contract's
  // block can be, when less than the block).
  void capacity(std::size_t s, engine::SimTime now, double capacity) {
    if (!blocks_.empty() && blocks_[s].contracted) blocks_[s].set_capacity(now, capacity);
  }
  // People in acute beds waiting for a place in service s: delta more from now.
  void waiting_in_acute(std::size_t s, engine::SimTime now, double delta) { waiting_in_acute_[s].add(now, delta); }
  // Days in a long-term placement, counted per year from now.
  void placement(std::size_t f, engine::SimTime now, double days);

  void reset(engine::SimTime t);
  // Midnight: the share of inpatients who have been in 14 or 21 days, and
  // the day's census (daily series) as the day that just ended's entry.
  void midnight(engine::SimTime now, long today, const std::vector<engine::Resource>& services);
  // A request for a place in service s today; from the community when step_up.
  void referral(std::size_t s, bool step_up) {
    referrals_today_[s] += 1.0;
    if (step_up) step_up_referrals_today_[s] += 1.0;
  }

  [[nodiscard]] double acute_inpatients() const;
  [[nodiscard]] double nctr_inpatients() const;

  // Closes the time integrals at the end of a run.
  void advance(engine::SimTime end);
  // The area's metrics, then every part's.
  void fill(ReplicationResult& result, const std::vector<engine::Resource>& services, const Demand& demand);

 private:
  // The flows a part (or the area) sums, and how much of each place's
  // residents it counts (a hospital: the place's share sent to it).
  struct Group {
    std::vector<std::size_t> flows;
    std::vector<double> place_weight;  // per place
    std::vector<ServiceIndex> services;
    std::vector<bool> pays_all;  // per service of the area: serves only this group's patients
    std::optional<HospitalIndex> hospital;
    bool whole_area = false;
    engine::Tally stayed_14_share, stayed_21_share;  // at each midnight, over its flows
  };
  Group make_group(const std::vector<PlaceIndex>& places, std::optional<HospitalIndex> hospital,
                   std::vector<ServiceIndex> services);
  std::vector<std::vector<double>> values(const Group& group, const std::vector<engine::Resource>& services,
                                          const Demand& demand) const;
  void record_day(engine::SimTime midnight, const std::vector<engine::Resource>& services);

  // A block and spot contract: the block's places there to be used, and
  // those in use above it (bought spot).
  struct Block {
    Block(const engine::Periods& periods, double block, double capacity);
    void use(engine::SimTime now, double delta);
    void set_capacity(engine::SimTime now, double capacity);
    bool contracted = false;
    double size = 0.0, in_use = 0.0;
    engine::TimeWeighted there, above;
  };
  // How much of service s a group pays for in a year: all of it when the
  // group is all its service serves, otherwise the group's share of its use
  // (of the residents it serves, when nobody used it).
  [[nodiscard]] double share_paid(const Group& group, std::size_t s, double group_used, double used,
                                  const std::vector<double>& population) const;

  const ScenarioSpec& spec_;
  const AreaLayout& layout_;
  engine::Periods periods_;
  std::size_t services_;
  std::vector<FlowStatistics> flows_;
  std::vector<engine::TimeWeighted> use_;  // [flow][service], with more than one flow
  std::vector<engine::TimeWeighted> waiting_in_acute_;  // per service
  std::vector<Block> blocks_;              // per service, when some service has a block and spot contract
  bool track_use_ = false;
  std::vector<Group> groups_;  // the area, then its parts (area_parts order)
  std::vector<std::vector<double>> daily_;  // [series][day]
  std::vector<double> referrals_today_;     // per service, since the last midnight
  std::vector<double> step_up_referrals_today_;  // of them, from the community
};

}  // namespace icsim::models::care
