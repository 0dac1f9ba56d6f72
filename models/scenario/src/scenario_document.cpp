#include "scenario_document.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include <icsim/scenario/sha256.hpp>

#include "input_file.hpp"
#include "merge.hpp"
#include "yaml_reader.hpp"

namespace icsim::scenario {
namespace {

namespace fs = std::filesystem;

// A chain of files that extend one another: far longer than any real use
// (a what-if on a variant on an area), short enough to bound the work.
constexpr std::size_t kLongestChain = 256;
constexpr std::size_t kMostBytesInChain = 4 * kLargestYamlFile;

// The same file whichever way it is named, for finding cycles.
std::string identity(const std::string& path) {
  std::error_code error;
  const fs::path canonical = fs::weakly_canonical(path, error);
  return error ? fs::path(path).lexically_normal().string() : canonical.string();
}

std::string describe_top(const SourceNode& node) {
  if (node.is_nothing()) return "the file is empty: a scenario is a map of keys such as name:, demand: and services:";
  return "a scenario is a map of keys such as name:, demand: and services:, got " + describe(node);
}

}  // namespace

ScenarioDocument read_scenario_document(const std::string& path, DiagnosticList& diagnostics,
                                        const std::optional<std::string>& text_of_path,
                                        const std::optional<fs::path>& within) {
  ScenarioDocument document;
  std::vector<SourceNode> trees;  // the file loaded first, then its parents
  std::vector<std::string> identities;
  std::string texts;
  std::string current = path;
  std::optional<Location> extended_at;  // where the current file was named by `extends`

  while (true) {
    const int file = static_cast<int>(document.files.size());
    document.files.push_back(current);
    const std::string id = identity(current);
    if (std::find(identities.begin(), identities.end(), id) != identities.end()) {
      std::string cycle;
      for (const std::string& name : document.files) cycle += (cycle.empty() ? "" : " -> ") + name;
      diagnostics.error(*extended_at, "extends: a cycle of files that extend each other: " + cycle);
      return document;
    }
    identities.push_back(id);

    std::string why;
    const std::optional<std::string> text = file == 0 && text_of_path ? text_of_path : read_input_file(current, kLargestYamlFile, why, within);
    if (!text) {
      if (extended_at)
        diagnostics.error(*extended_at, "extends: cannot read \"" + current + "\": " + why);
      else
        diagnostics.error({file, 0, 0}, "cannot read the scenario: " + why);
      return document;
    }
    texts += *text;
    if (texts.size() > kMostBytesInChain) {
      diagnostics.error(extended_at.value_or(Location{file, 0, 0}),
                        "extends: the files extending one another hold more than 4 MB together");
      return document;
    }
    std::optional<SourceNode> tree = read_yaml(*text, file, diagnostics);
    if (!tree) return document;
    if (!tree->is_map()) {
      diagnostics.error(tree->location, describe_top(*tree));
      return document;
    }

    const MapEntry* extends = tree->find_entry("extends");
    if (extends == nullptr) {
      trees.push_back(std::move(*tree));
      break;
    }
    const SourceNode parent = extends->value;
    tree->entries.erase(tree->entries.begin() + (extends - tree->entries.data()));
    trees.push_back(std::move(*tree));
    if (!parent.is_scalar() || parent.scalar.empty()) {
      diagnostics.error(parent.location, "extends: expected the path of a scenario file, got " + describe(parent));
      return document;
    }
    if (trees.size() >= kLongestChain) {
      diagnostics.error(parent.location, "extends: more than 256 files extend one another");
      return document;
    }
    current = (fs::path(current).parent_path() / parent.scalar).lexically_normal().string();
    extended_at = parent.location;
  }

  document.sha256 = sha256_hex(texts);
  SourceNode merged = std::move(trees.back());
  for (std::size_t i = trees.size() - 1; i-- > 0;) merged = merge_over(std::move(merged), std::move(trees[i]));
  document.root = std::move(merged);
  return document;
}

}  // namespace icsim::scenario
