#include "merge.hpp"

namespace icsim::scenario {

SourceNode merge_over(SourceNode parent, SourceNode child) {
  if (!parent.is_map() || !child.is_map()) return child;
  for (MapEntry& entry : child.entries) {
    MapEntry* existing = parent.find_entry(entry.key);
    if (entry.value.is_nothing()) {
      if (existing != nullptr)
        parent.entries.erase(parent.entries.begin() + (existing - parent.entries.data()));
      continue;
    }
    if (existing == nullptr) {
      parent.entries.push_back(std::move(entry));
      continue;
    }
    existing->value = merge_over(std::move(existing->value), std::move(entry.value));
    existing->key_location = entry.key_location;
  }
  parent.location = child.location;
  return parent;
}

}  // namespace icsim::scenario
