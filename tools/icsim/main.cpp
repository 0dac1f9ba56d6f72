// icsim: the command line. Parses arguments and hands over to a command.

#include <cstdio>
#include <exception>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include <icsim/scenario/did_you_mean.hpp>

#include "commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"icsim " ICSIM_VERSION ": a discrete-event simulator of intermediate care capacity"};
  app.set_version_flag("--version", "icsim " ICSIM_VERSION);
  app.require_subcommand(1);

  const std::map<std::string, icsim::tools::CommandRunner> commands{
      {"run", icsim::tools::add_run_command(app)},
      {"validate", icsim::tools::add_validate_command(app)},
      {"compare", icsim::tools::add_compare_command(app)},
      {"plan", icsim::tools::add_plan_command(app)},
      {"demo", icsim::tools::add_demo_command(app)},
      {"sweep", icsim::tools::add_sweep_command(app)},
      {"merge", icsim::tools::add_merge_command(app)},
      {"serve", icsim::tools::add_serve_command(app)},
  };

  // A first word that names no command is named, with the nearest one, before
  // CLI11 reports it as an unexpected argument.
  if (argc > 1 && argv[1][0] != '-' && commands.count(argv[1]) == 0) {
    std::vector<std::string_view> names;
    std::string list;
    for (const auto& [name, runner] : commands) names.emplace_back(name), list += (list.empty() ? "" : ", ") + name;
    std::fprintf(stderr, "icsim: error: unknown command \"%s\"%s; the commands are %s (icsim --help)\n", argv[1],
                 icsim::scenario::did_you_mean(argv[1], names).c_str(), list.c_str());
    return 2;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;  // bad usage is bad input
  }

  try {
    for (const auto* sub : app.get_subcommands()) return commands.at(sub->get_name())();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "icsim: error: %s\n", e.what());
    return 1;
  }
  return 1;
}
