#pragma once
// The icsim subcommands. Each adds itself to the command line and returns
// the exit code: 0 success, 2 bad input, 1 internal failure.

#include <functional>

#include <CLI/CLI.hpp>

namespace icsim::tools {

// Registers a subcommand; the returned function runs it once parsed.
using CommandRunner = std::function<int()>;

CommandRunner add_demo_command(CLI::App& app);

}  // namespace icsim::tools
