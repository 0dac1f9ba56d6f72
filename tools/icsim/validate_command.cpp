// icsim validate SCENARIO.yaml: load a scenario as `icsim run` would and
// report every error in it, each as FILE:LINE:COL: error: MESSAGE, before
// anything runs; and warn (FILE: warning: MESSAGE, on stderr, the exit
// status still 0) of each service asked for more than its capacity in some
// projected year, whose queue would grow without end.

#include <cstdio>
#include <memory>
#include <string>

#include <icsim/engine/replication_runner.hpp>
#include <icsim/models/keeping_up.hpp>
#include <icsim/scenario/load.hpp>

#include "command_options.hpp"
#include "commands.hpp"

namespace icsim::tools {
namespace {

int validate(const std::string& file) {
  const auto specs = load_scenarios({file});
  if (!specs) return 2;
  const auto& spec = specs->front();
  // The scenario's own replications: what a run of it keeps in memory.
  if (!workload_acceptable(spec, spec.replications, engine::default_threads())) return 2;
  std::string parts;
  if (!spec.places.empty()) parts += std::to_string(spec.places.size()) + " places, ";
  if (!spec.hospitals.empty()) parts += std::to_string(spec.hospitals.size()) + " hospitals, ";
  std::printf("%s: valid (%s%zu services, %zu age bands)\n", file.c_str(), parts.c_str(), spec.services.size(),
              spec.age_bands.size());
  for (const auto& service : models::services_over_capacity(spec))
    std::fprintf(stderr, "%s: warning: %s\n", file.c_str(), service.sentence().c_str());
  return 0;
}

}  // namespace

CommandRunner add_validate_command(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  CLI::App* command =
      app.add_subcommand("validate", "Check a scenario file and report every error with its line and column");
  command->add_option("SCENARIO", *file, "Scenario YAML file")->required();
  return [file] { return validate(*file); };
}

}  // namespace icsim::tools
