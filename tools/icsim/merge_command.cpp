// icsim merge FOLDER... --out DIR: the point records of a sweep's shards
// (each `icsim sweep --shard I/N --out FOLDER`) combined into one folder,
// with the same sweep.csv and best_worst.csv, byte for byte, as one run of
// the whole sweep.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "sweep_results.hpp"

namespace icsim::tools {
namespace {

struct MergeOptions {
  std::vector<std::string> folders;
  std::optional<std::string> out;
};

int merge(const MergeOptions& o) {
  std::vector<std::filesystem::path> folders(o.folders.begin(), o.folders.end());
  return write_sweep_results(o.out.value_or(o.folders.front()), folders);
}

}  // namespace

CommandRunner add_merge_command(CLI::App& app) {
  auto options = std::make_shared<MergeOptions>();
  CLI::App* cmd = app.add_subcommand("merge", "Combine the folders of a sweep's shards into its results");
  cmd->add_option("folders", options->folders, "The --out folders of the shards (icsim sweep --shard I/N)")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--out", options->out, "Folder for the whole sweep (default: the first folder)");
  return [options] { return merge(*options); };
}

}  // namespace icsim::tools
