#pragma once
// Closed-form results of queueing theory that the kernel and the model are
// verified against, and that the capacity planner starts from.

namespace icsim::engine {

// M/M/c/c: the probability that an arrival finds all c servers busy and is
// lost, with offered load a = lambda / mu (Erlang B).
[[nodiscard]] double erlang_b(int servers, double offered_load);

// M/M/c: the probability that an arrival has to wait (Erlang C); a < c.
[[nodiscard]] double erlang_c(int servers, double offered_load);

// M/M/c: the mean wait in the queue, Wq = C(c, a) / (c mu - lambda).
[[nodiscard]] double mmc_mean_wait(int servers, double arrival_rate, double service_rate);

// M/M/c: the mean number waiting, Lq = lambda Wq (Little).
[[nodiscard]] double mmc_mean_queue(int servers, double arrival_rate, double service_rate);

}  // namespace icsim::engine
