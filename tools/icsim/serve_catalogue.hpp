#pragma once
// The scenarios icsim serve offers: every scenario file under one folder,
// named by its path there ("lancashire/current-model.yaml"). Only these can
// be asked for, so nothing outside the folder can be read through the page.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace icsim::tools {

struct CatalogueEntry {
  std::string id;               // the path under the folder, with forward slashes
  std::filesystem::path file;   // absolute
  std::string name;             // the scenario's `name`
};

class ScenarioCatalogue {
 public:
  // Reads every *.yaml under `folder`; files that are not valid scenarios
  // (sweep and plan files, broken ones) or are links to files outside the
  // folder are left out and counted. (A scenario in the folder may still
  // `extends` or read a CSV from elsewhere: whoever fills the folder decides.)
  explicit ScenarioCatalogue(const std::filesystem::path& folder);

  [[nodiscard]] const std::vector<CatalogueEntry>& entries() const { return entries_; }
  [[nodiscard]] std::size_t left_out() const { return left_out_; }
  [[nodiscard]] const CatalogueEntry* find(const std::string& id) const;

 private:
  std::vector<CatalogueEntry> entries_;
  std::size_t left_out_ = 0;
};

}  // namespace icsim::tools
