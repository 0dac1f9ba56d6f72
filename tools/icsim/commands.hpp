#pragma once
// The icsim subcommands. Each adds itself to the command line and returns
// the exit code: 0 success, 2 bad input, 1 internal failure.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <icsim/models/scenario_spec.hpp>

namespace icsim::tools {

// Registers a subcommand; the returned function runs it once parsed.
using CommandRunner = std::function<int()>;

CommandRunner add_demo_command(CLI::App& app);
CommandRunner add_run_command(CLI::App& app);
CommandRunner add_validate_command(CLI::App& app);
CommandRunner add_compare_command(CLI::App& app);
CommandRunner add_plan_command(CLI::App& app);
CommandRunner add_sweep_command(CLI::App& app);
CommandRunner add_merge_command(CLI::App& app);
CommandRunner add_serve_command(CLI::App& app);

// Loads every scenario, or prints every diagnostic of every file to stderr
// and returns nothing (the command then exits 2).
[[nodiscard]] std::optional<std::vector<models::ScenarioSpec>> load_scenarios(const std::vector<std::string>& files);

}  // namespace icsim::tools
