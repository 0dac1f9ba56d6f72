// icsim plan SCENARIO.yaml --spec PLAN.yaml: the capacity each planned
// service needs, year by year, to meet a target at least cost; the cost of
// delay against capacity; and the false-economy point.

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include <unistd.h>

#include <icsim/engine/replication_runner.hpp>
#include <icsim/models/capacity_planner.hpp>
#include <icsim/scenario/plan.hpp>

#include "command_options.hpp"
#include "commands.hpp"
#include "output_folder.hpp"
#include "plan_results.hpp"
#include "report_writer.hpp"
#include "results_writer.hpp"
#include "workbook_plan.hpp"

namespace icsim::tools {
namespace {

struct PlanOptions {
  std::string scenario;
  std::string spec;
  std::optional<std::uint64_t> seed;
  int threads = engine::default_threads();
  std::string out = "out-plan";
};

int plan(const PlanOptions& o) {
  const auto specs = load_scenarios({o.scenario});
  if (!specs || !output_folder_ready(o.out)) return 2;
  const models::ScenarioSpec& spec = specs->front();
  models::PlanSpec plan_spec;
  try {
    plan_spec = scenario::load_plan(o.spec, spec);
  } catch (const scenario::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    return 2;
  }
  const std::uint64_t seed = o.seed.value_or(spec.seed);
  const bool terminal = isatty(STDERR_FILENO) != 0;
  const auto years = models::plan_capacity(spec, plan_spec, seed, o.threads, [&](const std::string& step) {
    if (terminal) std::fprintf(stderr, "\r\033[Kscreening %s", step.c_str());
  });
  if (terminal) std::fprintf(stderr, "\r\033[K");

  const PlanResults results{spec, o.spec, plan_spec, years, seed};
  print_plan(stdout, results);
  OutputFolder out(o.out);
  write_plan_csv(out / "plan.csv", results);
  write_trade_off_csv(out / "trade_off.csv", results);
  write_plan_report(out / "report.html", results);
  write_plan_workbook(out / "results.xlsx", results);
  out.commit();
  std::printf("\nWrote plan.csv, trade_off.csv, report.html and results.xlsx in %s\n", out.folder().c_str());
  return 0;
}

}  // namespace

CommandRunner add_plan_command(CLI::App& app) {
  auto options = std::make_shared<PlanOptions>();
  CLI::App* cmd = app.add_subcommand("plan", "Find the capacity needed, year by year, to meet a target at least cost");
  cmd->add_option("scenario", options->scenario, "Scenario file (YAML)")->required();
  cmd->add_option("--spec", options->spec, "Plan file (YAML): services, bounds, costs, target, years")->required();
  add_seed_option(*cmd, options->seed, "Base random seed (default: the scenario's)");
  add_threads_option(*cmd, options->threads, "Threads (default: all cores)");
  cmd->add_option("--out", options->out, "Output folder")->capture_default_str();
  return [options] { return plan(*options); };
}

}  // namespace icsim::tools
