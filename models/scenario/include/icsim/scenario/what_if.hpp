#pragma once
// What-ifs as files: a scenario that extends another and sets a few of its
// keys, written so that a commissioner can keep it, read it and run it with
// `icsim run`. icsim serve builds one from the page's sliders and runs that
// very file.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace icsim::scenario {

// A key path as in sweeps ("services.ic_beds.capacity_beds",
// "demand.age_bands[85+].step_up_share") and its YAML value ("480").
struct WhatIfValue {
  std::string key;
  std::string value;
};

// A scenario file that extends `base_path` (written as `extends`, relative
// to where the file will be saved) under `name`, setting each value. Maps hold
// only the keys set; a list a key passes through (extends replaces lists
// whole) is copied from the base with the item's key changed. `comment` goes
// first, each line as a YAML comment. Throws ScenarioError when the base
// cannot be read or a key passes through a list item the base does not have.
// The values are not checked here: loading the file checks them like any.
[[nodiscard]] std::string what_if_yaml(const std::string& base_path, const std::string& extends,
                                       const std::string& name, const std::vector<WhatIfValue>& values,
                                       const std::string& comment = {},
                                       const std::optional<std::filesystem::path>& within = {});

// A scenario's values as written (its files merged), read once: what the
// what-if page's sliders start from.
class ScenarioValues {
 public:
  // Throws ScenarioError when the scenario cannot be read (or, with
  // `within`, reads a file outside that folder).
  explicit ScenarioValues(const std::string& path, const std::optional<std::filesystem::path>& within = {});
  ~ScenarioValues();
  ScenarioValues(ScenarioValues&&) noexcept;
  ScenarioValues& operator=(ScenarioValues&&) noexcept;

  // The text of the scalar at `key`, or nothing when the key is not there or
  // holds a map or a list.
  [[nodiscard]] std::optional<std::string> value(const std::string& key) const;
  // The keys of the map at `key`, or a list's indices ("0", "1", ...); empty
  // when it is neither.
  [[nodiscard]] std::vector<std::string> keys(const std::string& key) const;

 private:
  struct Tree;
  std::unique_ptr<Tree> tree_;
};

}  // namespace icsim::scenario
