#pragma once
// The scenarios icsim serve offers: every scenario file under one folder,
// named by its path there ("lancashire/current-model.yaml"). Only these can
// be asked for, so nothing outside the folder can be read through the page.

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <icsim/models/scenario_spec.hpp>

namespace icsim::tools {

struct UnavailableScenario : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct CatalogueEntry {
  std::string id;               // the path under the folder, with forward slashes
  std::filesystem::path file;   // absolute
  std::string name;             // the scenario's `name`
};

class ScenarioCatalogue {
 public:
  // Reads every *.yaml under `folder`; files that are not valid scenarios
  // (sweep and plan files, broken ones), files that extend or read files
  // outside the folder, and links to files outside it are left out and
  // counted.
  explicit ScenarioCatalogue(const std::filesystem::path& folder);

  // The entry's scenario as it is now, read again and checked again at every
  // open (a file replaced by a link to /etc/passwd after start is refused).
  // Throws UnavailableScenario, whose message names the entry by its id only:
  // never a path outside the folder or a byte of what was read.
  [[nodiscard]] models::ScenarioSpec load(const CatalogueEntry& entry) const;
  // A what-if's text, read as the file `name` beside the entry.
  [[nodiscard]] models::ScenarioSpec load_text(const CatalogueEntry& entry, const std::string& name,
                                               const std::string& text) const;

  [[nodiscard]] const std::vector<CatalogueEntry>& entries() const { return entries_; }
  [[nodiscard]] std::size_t left_out() const { return left_out_; }
  [[nodiscard]] const CatalogueEntry* find(const std::string& id) const;
  [[nodiscard]] const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
  std::vector<CatalogueEntry> entries_;
  std::size_t left_out_ = 0;
};

}  // namespace icsim::tools
