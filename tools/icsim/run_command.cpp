// icsim run SCENARIO.yaml: replications of a scenario, a summary table, and
// the results files in --out.

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <icsim/engine/replication_runner.hpp>
#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/keeping_up.hpp>
#include <icsim/scenario/load.hpp>

#include "command_options.hpp"
#include "commands.hpp"
#include "output_folder.hpp"
#include "progress_bar.hpp"
#include "report_writer.hpp"
#include "results_writer.hpp"
#include "workbook_writer.hpp"

namespace icsim::tools {
namespace {

struct RunOptions {
  std::string scenario;
  std::optional<int> replications;
  std::optional<std::uint64_t> seed;
  int threads = engine::default_threads();
  std::string out = "out";
};

int run(const RunOptions& o) {
  const auto specs = load_scenarios({o.scenario});
  if (!specs || !output_folder_ready(o.out)) return 2;
  const models::ScenarioSpec& spec = specs->front();
  const int replications = o.replications.value_or(spec.replications);
  if (!workload_acceptable(spec, replications, o.threads)) return 2;
  const std::uint64_t seed = o.seed.value_or(spec.seed);
  const ProgressBar progress(replications, "replications");
  const auto results =
      models::run_replications(spec, replications, seed, o.threads, [&](int done) { progress.update(done); });
  const auto summary = models::summarise(spec, results, seed);

  OutputFolder out(o.out);
  write_summary_json(out / "summary.json", spec, summary);
  write_yearly_csv(out / "yearly.csv", spec, summary);
  write_replications_csv(out / "replications.csv", spec, summary, results);
  write_daily_csv(out / "daily.csv", spec, summary);
  write_parts_csv(out / "places.csv", spec, summary);
  write_run_report(out / "report.html", spec, summary);
  write_results_workbook(out / "results.xlsx", spec, summary);
  out.commit();
  print_summary_table(stdout, spec, summary);
  print_parts_table(stdout, spec, summary);
  for (const auto& service : models::services_falling_behind(spec, summary))
    std::printf("\nwarning: %s; its figures are not a steady state\n", service.sentence().c_str());
  std::printf("\nWrote report.html, results.xlsx, summary.json, yearly.csv, replications.csv, places.csv and daily.csv in %s\n",
              out.folder().c_str());
  return 0;
}

}  // namespace

CommandRunner add_run_command(CLI::App& app) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "Run a scenario's replications and write its results");
  cmd->add_option("scenario", options->scenario, "Scenario file (YAML)")->required();
  add_replications_option(*cmd, options->replications, "Replications (default: the scenario's)");
  add_seed_option(*cmd, options->seed, "Base random seed (default: the scenario's)");
  add_threads_option(*cmd, options->threads, "Threads (default: all cores)");
  cmd->add_option("--out", options->out, "Output folder")->capture_default_str();
  return [options] { return run(*options); };
}

}  // namespace icsim::tools
