#pragma once
// A bare, hand-written implementation of the common benchmark model
// "ic-flow" (described in scenarios/bench/ic-flow.yaml), the yardstick icsim's engine
// is measured against: a binary heap of 16-byte events, a count of the
// patients waiting for each pathway (FIFO order changes none of the outputs),
// a xoshiro256** generator, and nothing else. Written from the model's
// specification for this project.

#include <cstdint>

namespace icsim::bench {

struct IcFlowParameters {
  double arrivals_per_day = 120.0;
  double acute_mean = 6.0, acute_sd = 5.0;
  double pathway_share[4] = {0.50, 0.40, 0.08, 0.02};
  double stay_mean[4] = {0.0, 21.0, 28.0, 60.0};
  double stay_sd[4] = {0.0, 15.0, 21.0, 45.0};
  int capacity[4] = {0, 1040, 280, 150};
  double horizon_days = 3650.0, warmup_days = 365.0;
};

struct IcFlowResult {
  std::uint64_t events = 0;  // canonical: arrivals, acute-stay ends, pathway-stay ends before the horizon
  double delay_days_per_year[4] = {0, 0, 0, 0};  // acute bed days waiting for pathway k, per measured year
  double utilisation[4] = {0, 0, 0, 0};
};

[[nodiscard]] IcFlowResult run_ic_flow_reference(const IcFlowParameters& parameters, std::uint64_t seed);

}  // namespace icsim::bench
