#pragma once
// A scenario file and every file it extends, read and merged into one tree.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics.hpp"
#include "source_node.hpp"

namespace icsim::scenario {

struct ScenarioDocument {
  // The file loaded first, then the file it extends, and so on; a Location's
  // `file` indexes this. Parents are named by their path relative to the
  // directory the file loaded first was named from, as a user would type it.
  std::vector<std::string> files;
  // SHA-256 of the texts of all the files, in that order: for a file that
  // extends nothing, the same as `sha256sum FILE`.
  std::string sha256;
  // The merged tree, `extends` removed; nullopt when a file could not be read
  // or parsed (the reasons are in the diagnostics).
  std::optional<SourceNode> root;
};

// `text_of_path`, when given, is read as the text of `path` (which then need
// not exist): a file about to be written, such as a what-if. With `within`,
// every file read must be in that folder.
[[nodiscard]] ScenarioDocument read_scenario_document(const std::string& path, DiagnosticList& diagnostics,
                                                      const std::optional<std::string>& text_of_path = std::nullopt,
                                                      const std::optional<std::filesystem::path>& within = {});

}  // namespace icsim::scenario
