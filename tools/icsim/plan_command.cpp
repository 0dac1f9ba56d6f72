// icsim plan SCENARIO.yaml --spec PLAN.yaml: the capacity each planned
// service needs, year by year, to meet a target at least cost; the cost of
// delay against capacity; and the false-economy point.

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>

#include <unistd.h>

#include <icsim/engine/replication_runner.hpp>
#include <icsim/models/capacity_planner.hpp>
#include <icsim/scenario/plan.hpp>

#include "commands.hpp"

namespace icsim::tools {
namespace {

struct PlanOptions {
  std::string scenario;
  std::string spec;
  std::uint64_t seed = 0;
  bool seed_given = false;
  int threads = engine::default_threads();
  std::string out = "out-plan";
};

void write_plan_csv(const std::filesystem::path& file, const models::ScenarioSpec& spec, const models::PlanSpec& plan,
                    const std::vector<models::YearPlan>& plans) {
  std::ofstream out(file);
  out << "year,service,capacity,false_economy_capacity,capacity_cost,delay_cost,total_cost,metric,metric_mean,"
         "metric_ci95_low,metric_ci95_high,target_met\n";
  const std::string metric = plan.target.minimise_cost ? "nctr_bed_days" : plan.target.metric;
  for (const auto& y : plans)
    for (std::size_t i = 0; i < plan.services.size(); ++i) {
      const auto& r = y.recommended;
      out << spec.start_year + y.year << ',' << spec.services[plan.services[i].service].name << ',' << r.capacity[i]
          << ',' << y.false_economy_capacity[i] << ',' << r.capacity_cost << ',' << r.delay_cost.mean << ','
          << r.total_cost() << ',' << metric << ',' << r.metric.mean << ',' << r.metric.low() << ',' << r.metric.high()
          << ',' << (y.target_met ? "yes" : "no") << '\n';
    }
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

void write_trade_off_csv(const std::filesystem::path& file, const models::ScenarioSpec& spec,
                         const models::PlanSpec& plan, const std::vector<models::YearPlan>& plans) {
  std::ofstream out(file);
  out << "year,service_varied,capacity,capacity_cost,delay_cost,total_cost,metric_mean\n";
  for (const auto& y : plans)
    for (std::size_t i = 0; i < y.trade_off.size(); ++i)
      for (const auto& p : y.trade_off[i])
        out << spec.start_year + y.year << ',' << spec.services[plan.services[i].service].name << ',' << p.capacity[i]
            << ',' << p.capacity_cost << ',' << p.delay_cost.mean << ',' << p.total_cost() << ',' << p.metric.mean
            << '\n';
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

int plan(const PlanOptions& o) {
  const auto specs = load_scenarios({o.scenario});
  if (!specs) return 2;
  const models::ScenarioSpec& spec = specs->front();
  models::PlanSpec plan_spec;
  try {
    plan_spec = scenario::load_plan(o.spec, spec);
  } catch (const scenario::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    return 2;
  }
  const std::uint64_t seed = o.seed_given ? o.seed : spec.seed;
  const bool terminal = isatty(STDERR_FILENO) != 0;
  const auto plans = models::plan_capacity(spec, plan_spec, seed, o.threads, [&](const std::string& step) {
    if (terminal) std::fprintf(stderr, "\r\033[Kscreening %s", step.c_str());
  });
  if (terminal) std::fprintf(stderr, "\r\033[K");

  const std::string metric = plan_spec.target.minimise_cost ? "nctr_bed_days" : plan_spec.target.metric;
  std::printf("Capacity plan for %s (seed %llu)\nTarget: %s\n\n", spec.name.c_str(), static_cast<unsigned long long>(seed),
              plan_spec.target.minimise_cost
                  ? ("least capacity cost + NCTR days x £" + std::to_string(std::lround(plan_spec.target.cost_per_nctr_day))).c_str()
                  : (plan_spec.target.metric + " at most " + std::to_string(plan_spec.target.at_most)).c_str());
  std::printf("%-6s", "year");
  for (const auto& s : plan_spec.services) std::printf(" %22s", spec.services[s.service].name.c_str());
  std::printf(" %14s %14s %26s\n", "capacity £", "delay £", (metric + " [95%]").c_str());
  for (const auto& y : plans) {
    const auto& r = y.recommended;
    std::printf("%-6d", spec.start_year + y.year);
    for (double c : r.capacity) std::printf(" %22g", c);
    char interval[96];
    const char* format = std::abs(r.metric.mean) >= 1000 ? "%.0f [%.0f, %.0f]" : "%.3g [%.3g, %.3g]";
    std::snprintf(interval, sizeof interval, format, r.metric.mean, r.metric.low(), r.metric.high());
    std::printf(" %14.0f %14.0f %26s\n", r.capacity_cost, r.delay_cost.mean, interval);
  }
  std::printf("\n");
  for (const auto& y : plans) {
    std::printf("%d: %s; %d simulations.\n", spec.start_year + y.year, y.confidence.c_str(), y.evaluations);
    for (std::size_t i = 0; i < plan_spec.services.size(); ++i)
      std::printf("  false economy for %s beyond %g: a unit more costs more than the delay it saves\n",
                  spec.services[plan_spec.services[i].service].name.c_str(), y.false_economy_capacity[i]);
  }
  const std::filesystem::path out(o.out);
  std::filesystem::create_directories(out);
  write_plan_csv(out / "plan.csv", spec, plan_spec, plans);
  write_trade_off_csv(out / "trade_off.csv", spec, plan_spec, plans);
  std::printf("\nWrote plan.csv and trade_off.csv in %s\n", out.c_str());
  return 0;
}

}  // namespace

CommandRunner add_plan_command(CLI::App& app) {
  auto options = std::make_shared<PlanOptions>();
  CLI::App* cmd = app.add_subcommand("plan", "Find the capacity needed, year by year, to meet a target at least cost");
  cmd->add_option("scenario", options->scenario, "Scenario file (YAML)")->required();
  cmd->add_option("--spec", options->spec, "Plan file (YAML): services, bounds, costs, target, years")->required();
  cmd->add_option_function<std::uint64_t>(
      "--seed", [options](const std::uint64_t& seed) { options->seed = seed, options->seed_given = true; },
      "Base random seed (default: the scenario's)");
  cmd->add_option("--threads", options->threads, "Threads (default: all cores)")->check(CLI::PositiveNumber);
  cmd->add_option("--out", options->out, "Output folder")->capture_default_str();
  return [options] { return plan(*options); };
}

}  // namespace icsim::tools
