#pragma once
// Overrides: values laid over a scenario's merged tree before it is read, so
// that each is read and checked exactly like a value written in the file.

#include <string>
#include <vector>

#include <icsim/scenario/load.hpp>

#include "diagnostics.hpp"
#include "source_node.hpp"

namespace icsim::scenario {

// Sets each override's key in `root` to its value, in order. Adds the files
// the overrides were written in to `files` (a Location's `file` indexes it)
// and gives every node of a value the place where it was written. Reports a
// key that is not in the scenario (with the nearest that is), a key that is
// not a path, and a value that is not YAML.
void apply_overrides(SourceNode& root, const std::vector<ScenarioOverride>& overrides,
                     std::vector<std::string>& files, DiagnosticList& diagnostics);

// What an override's key names, step by step: "a.b[2].c" is a, b, item 2, c.
struct KeyStep {
  bool item = false;  // a list item, by index ("2") or by its `name` ("85+")
  std::string text;
};
// The steps, or an empty list when `key` is not a path (an empty name, an
// unclosed bracket).
[[nodiscard]] std::vector<KeyStep> parse_key_path(const std::string& key);

// A list's item by index ("2") or by its `name` ("85+"), or nullptr.
[[nodiscard]] SourceNode* find_item(SourceNode& list, const std::string& text);

}  // namespace icsim::scenario
