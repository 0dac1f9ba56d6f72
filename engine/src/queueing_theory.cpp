#include <icsim/engine/queueing_theory.hpp>

#include <icsim/engine/check.hpp>

namespace icsim::engine {

double erlang_b(int servers, double offered_load) {
  ICSIM_CHECK(servers >= 0 && offered_load >= 0.0, "bad Erlang B arguments");
  // The stable recurrence B(k) = a B(k-1) / (k + a B(k-1)), B(0) = 1.
  double blocking = 1.0;
  for (int k = 1; k <= servers; ++k) blocking = offered_load * blocking / (k + offered_load * blocking);
  return blocking;
}

double erlang_c(int servers, double offered_load) {
  ICSIM_CHECK(servers > 0 && offered_load < servers, "Erlang C needs offered load below the servers");
  const double b = erlang_b(servers, offered_load);
  const double rho = offered_load / servers;
  return b / (1.0 - rho * (1.0 - b));
}

double mmc_mean_wait(int servers, double arrival_rate, double service_rate) {
  const double load = arrival_rate / service_rate;
  return erlang_c(servers, load) / (servers * service_rate - arrival_rate);
}

double mmc_mean_queue(int servers, double arrival_rate, double service_rate) {
  return arrival_rate * mmc_mean_wait(servers, arrival_rate, service_rate);
}

}  // namespace icsim::engine
