#include "serve_catalogue.hpp"

#include <algorithm>
#include <stdexcept>

#include <icsim/scenario/load.hpp>

namespace icsim::tools {

ScenarioCatalogue::ScenarioCatalogue(const std::filesystem::path& folder) {
  if (!std::filesystem::is_directory(folder))
    throw std::invalid_argument("no scenarios folder at " + folder.string() +
                                " (run icsim serve from the icsim folder, or give --scenarios DIR)");
  root_ = std::filesystem::canonical(folder);
  const auto& root = root_;
  for (const auto& item : std::filesystem::recursive_directory_iterator(root)) {
    if (!item.is_regular_file() || item.path().extension() != ".yaml") continue;
    try {  // a link to a file elsewhere, or a file that reads one, does not load within the folder
      const auto spec = scenario::load_scenario_within(item.path().string(), root);
      entries_.push_back({item.path().lexically_relative(root).generic_string(), item.path(), spec.name});
    } catch (const scenario::ScenarioError&) {
      ++left_out_;
    }
  }
  std::sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  if (entries_.empty()) throw std::invalid_argument("no valid scenario in " + folder.string());
}

models::ScenarioSpec ScenarioCatalogue::load(const CatalogueEntry& entry) const {
  try {
    return scenario::load_scenario_within(entry.file.string(), root_);
  } catch (const scenario::ScenarioError&) {
    throw UnavailableScenario("the scenario " + entry.id + " no longer loads: check it with icsim validate");
  }
}

models::ScenarioSpec ScenarioCatalogue::load_text(const CatalogueEntry& entry, const std::string& name,
                                                  const std::string& text) const {
  return scenario::load_scenario_text((entry.file.parent_path() / name).string(), text, root_);
}

const CatalogueEntry* ScenarioCatalogue::find(const std::string& id) const {
  const auto it = std::find_if(entries_.begin(), entries_.end(), [&](const auto& e) { return e.id == id; });
  return it == entries_.end() ? nullptr : &*it;
}

}  // namespace icsim::tools
