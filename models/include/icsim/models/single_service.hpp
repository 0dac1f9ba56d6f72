#pragma once
// One service with Poisson referrals: a bed base or a team of packages with
// `capacity` places, a length-of-stay distribution and a FIFO queue (or, as
// a loss system, no queue: a referral that finds the service full goes
// elsewhere). The smallest real piece of the intermediate-care model, and
// the one queueing theory describes exactly: M/M/c (Erlang C), M/M/c/c
// (Erlang B) and M/G/infinity (Little). Used to verify the kernel, to
// benchmark it, and as the demonstration run.

#include <cstdint>

#include <icsim/engine/distributions.hpp>
#include <icsim/engine/sim_time.hpp>

namespace icsim::models {

struct SingleServiceConfig {
  double referrals_per_day = 1.0;
  engine::Distribution length_of_stay_days{engine::Exponential{1.0}};
  int capacity = 1;                 // places (beds or packages)
  bool lose_when_full = false;      // true: no queue (an Erlang loss system)
  engine::SimTime warmup_days = 0.0;
  engine::SimTime run_days = 365.0;  // measured after the warm-up
  // An optional change of capacity during the measured run (a ward opens).
  engine::SimTime capacity_change_day = engine::kNever;
  int capacity_after_change = 0;
};

struct SingleServiceResult {
  double referrals = 0;              // after the warm-up
  double lost = 0;                   // referrals that found no place (loss system)
  double waited = 0;                 // referrals that joined the queue
  double mean_wait_days = 0;         // over everyone who started service
  double wait_p95_days = 0;          // their 95th percentile
  double mean_queue_length = 0;      // time-average
  double mean_occupancy = 0;         // time-average places in use
  double throughput_per_day = 0;     // departures per day
  std::uint64_t events = 0;
  std::uint64_t fingerprint = 0;

  [[nodiscard]] double probability_of_waiting() const { return referrals > 0 ? waited / referrals : 0.0; }
  [[nodiscard]] double probability_lost() const { return referrals > 0 ? lost / referrals : 0.0; }
};

[[nodiscard]] SingleServiceResult run_single_service(const SingleServiceConfig& config, std::uint64_t seed,
                                                     std::uint32_t replication);

}  // namespace icsim::models
