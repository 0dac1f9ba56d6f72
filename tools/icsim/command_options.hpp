#pragma once
// Options several commands share, checked as the scenario file checks the
// same keys, and the output folder, checked before any work is done.

#include <cstdint>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include <icsim/models/scenario_spec.hpp>

namespace icsim::tools {

// --seed: a whole number from 0 to 2^64-1, as the scenario's seed: key (no
// sign, no wrap-around).
CLI::Option* add_seed_option(CLI::App& command, std::optional<std::uint64_t>& seed, const std::string& help);

// --threads: 1 to 1,024 (into an int, or an optional<int> whose default comes later).
template <class Threads>
CLI::Option* add_threads_option(CLI::App& command, Threads& threads, const std::string& help) {
  return command.add_option("--threads", threads, help)->check(CLI::Range(1, 1024));
}

// A check that a number is more than 0, said in words (CLI11's own prints
// its range as a 309-digit number).
[[nodiscard]] CLI::Validator positive_number();

// --replications: 1 to 1,000,000, as the scenario's replications: key.
CLI::Option* add_replications_option(CLI::App& command, std::optional<int>& replications, const std::string& help);

// Makes the output folder if need be and checks that a file can be written
// there; false after saying why on stderr (the command then exits 2), so a
// run never ends by losing its work.
[[nodiscard]] bool output_folder_ready(const std::string& folder);

// Whether `replications` of the scenario can be run in bounded time and
// memory: false after saying why on stderr; a long run is said to be long.
[[nodiscard]] bool workload_acceptable(const models::ScenarioSpec& spec, int replications, int threads);

}  // namespace icsim::tools
