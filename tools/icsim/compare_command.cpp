// icsim compare A.yaml B.yaml: both scenarios with the same seed (common
// random numbers), and B - A per year and summed over the years, with 95%
// intervals from the paired replications.

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <tuple>

#include <icsim/engine/replication_runner.hpp>
#include <icsim/models/comparison.hpp>
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

struct CompareOptions {
  std::string scenario_a, scenario_b;
  std::optional<int> replications;
  std::optional<std::uint64_t> seed;
  int threads = engine::default_threads();
  std::string out = "out-compare";
};

int compare(const CompareOptions& o) {
  const auto specs = load_scenarios({o.scenario_a, o.scenario_b});
  if (!specs || !output_folder_ready(o.out)) return 2;
  const auto& [a, b] = std::pair{(*specs)[0], (*specs)[1]};
  if (a.start_year != b.start_year || a.years != b.years) {
    std::fprintf(stderr, "icsim: error: %s projects %d-%d but %s projects %d-%d: compare needs the same years\n",
                 o.scenario_a.c_str(), a.start_year, a.start_year + a.years - 1, o.scenario_b.c_str(), b.start_year,
                 b.start_year + b.years - 1);
    return 2;
  }
  const int replications = o.replications.value_or(a.replications);
  if (!workload_acceptable(a, replications, o.threads) || !workload_acceptable(b, replications, o.threads)) return 2;
  const std::uint64_t seed = o.seed.value_or(a.seed);
  const ProgressBar progress(2 * replications, "replications");
  const auto results_a = models::run_replications(a, replications, seed, o.threads, [&](int done) { progress.update(done); });
  const auto results_b = models::run_replications(b, replications, seed, o.threads,
                                                  [&](int done) { progress.update(replications + done); });
  const models::Comparison comparison = models::compare(a, results_a, b, results_b);
  const models::ScenarioSummary summary_a = models::summarise(a, results_a, seed);
  const models::ScenarioSummary summary_b = models::summarise(b, results_b, seed);

  OutputFolder out(o.out);
  write_comparison_csv(out / "compare.csv", a, comparison);
  write_paired_replications_csv(out / "replications.csv", a, results_a, b, results_b);
  write_comparison_report(out / "report.html", a, summary_a, b, summary_b, seed, comparison);
  write_comparison_workbook(out / "results.xlsx", a, summary_a, b, summary_b, seed, comparison);
  out.commit();
  print_comparison(stdout, a, b, seed, comparison);
  print_parts_comparison(stdout, a, comparison);
  // A service that cannot keep up in either scenario: its differences are
  // not a steady state's either.
  for (const auto& [letter, spec, summary] : {std::tuple{"A", &a, &summary_a}, std::tuple{"B", &b, &summary_b}})
    for (const auto& service : models::services_falling_behind(*spec, *summary))
      std::printf("\nwarning: in %s (%s): %s; its figures, and B - A, are not a steady state\n", letter,
                  spec->name.c_str(), service.sentence().c_str());
  std::printf("\nWrote report.html, results.xlsx, compare.csv and replications.csv in %s\n", out.folder().c_str());
  return 0;
}

}  // namespace

CommandRunner add_compare_command(CLI::App& app) {
  auto options = std::make_shared<CompareOptions>();
  CLI::App* cmd = app.add_subcommand("compare", "Compare two scenarios year by year with common random numbers");
  cmd->add_option("A", options->scenario_a, "The baseline scenario (YAML)")->required();
  cmd->add_option("B", options->scenario_b, "The alternative scenario (YAML)")->required();
  add_replications_option(*cmd, options->replications, "Replications (default: A's)");
  add_seed_option(*cmd, options->seed, "Base random seed, shared by both (default: A's)");
  add_threads_option(*cmd, options->threads, "Threads (default: all cores)");
  cmd->add_option("--out", options->out, "Output folder")->capture_default_str();
  return [options] { return compare(*options); };
}

}  // namespace icsim::tools
