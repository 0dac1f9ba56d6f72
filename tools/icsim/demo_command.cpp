// icsim demo: a step-down bed base run through the kernel and checked
// against queueing theory, so a new user sees what a run reports and why it
// can be trusted.

#include <cstdio>
#include <vector>

#include <icsim/engine/confidence.hpp>
#include <icsim/engine/queueing_theory.hpp>
#include <icsim/engine/replication_runner.hpp>
#include <icsim/models/single_service.hpp>

#include "command_options.hpp"
#include "commands.hpp"

namespace icsim::tools {
namespace {

struct DemoOptions {
  int beds = 20;
  double referrals_per_day = 3.5;
  double mean_stay_days = 5.0;
  int replications = 20;
  std::uint64_t seed = 1;
  int threads = engine::default_threads();
};

void print_row(const char* name, const std::vector<double>& values, double theory) {
  const engine::Estimate e = engine::estimate(values);
  std::printf("  %-34s %9.4f  [%9.4f, %9.4f]  %9.4f  %s\n", name, e.mean, e.low(), e.high(), theory,
              e.contains(theory) ? "yes" : "no");
}

int run_demo(const DemoOptions& o) {
  models::SingleServiceConfig config;
  config.referrals_per_day = o.referrals_per_day;
  config.length_of_stay_days = engine::Distribution(engine::Exponential{o.mean_stay_days});
  config.capacity = o.beds;
  config.warmup_days = 365.0;
  config.run_days = 5 * 365.0;

  const auto results = engine::run_replications(o.replications, o.threads, [&](int r) {
    return models::run_single_service(config, o.seed, static_cast<std::uint32_t>(r));
  });

  std::vector<double> wait, p_wait, queue, occupancy;
  std::uint64_t events = 0;
  for (const auto& r : results) {
    wait.push_back(r.mean_wait_days);
    p_wait.push_back(r.probability_of_waiting());
    queue.push_back(r.mean_queue_length);
    occupancy.push_back(r.mean_occupancy);
    events += r.events;
  }
  const double service_rate = 1.0 / o.mean_stay_days;
  const double load = o.referrals_per_day / service_rate;
  std::printf("Step-down beds: %d beds, %.2f referrals a day, stays exponential with mean %.1f days\n", o.beds,
              o.referrals_per_day, o.mean_stay_days);
  std::printf("Offered load %.2f beds (utilisation %.1f%%); %d replications of 5 years after a 1-year warm-up,\n",
              load, 100.0 * load / o.beds, o.replications);
  std::printf("seed %llu, %llu events.\n\n", static_cast<unsigned long long>(o.seed),
              static_cast<unsigned long long>(events));
  std::printf("  %-34s %9s  %22s  %9s  %s\n", "measure", "simulated", "95% interval", "theory", "in interval");
  if (load < o.beds) {
    print_row("mean wait for a bed (days)", wait, engine::mmc_mean_wait(o.beds, o.referrals_per_day, service_rate));
    print_row("probability of waiting", p_wait, engine::erlang_c(o.beds, load));
    print_row("mean patients waiting", queue, engine::mmc_mean_queue(o.beds, o.referrals_per_day, service_rate));
  }
  print_row("mean beds occupied", occupancy, load < o.beds ? load : o.beds);
  std::printf("\nTheory: Erlang C for the M/M/c queue; occupancy is the offered load (Little's law).\n");
  return 0;
}

}  // namespace

CommandRunner add_demo_command(CLI::App& app) {
  auto options = std::make_shared<DemoOptions>();
  CLI::App* demo = app.add_subcommand("demo", "Run a step-down bed base and compare it with queueing theory");
  demo->add_option("--beds", options->beds, "Beds in the bed base")->check(positive_number());
  demo->add_option("--referrals-per-day", options->referrals_per_day, "Mean referrals a day")
      ->check(positive_number());
  demo->add_option("--mean-stay-days", options->mean_stay_days, "Mean length of stay, days")
      ->check(positive_number());
  demo->add_option("--replications", options->replications, "Independent replications")
      ->check(CLI::Range(2, 100000));
  demo->add_option("--seed", options->seed, "Base random seed");
  add_threads_option(*demo, options->threads, "Threads (default: all cores)");
  return [options] { return run_demo(*options); };
}

}  // namespace icsim::tools
