#pragma once
// A YAML document as the loader sees it: maps, lists and scalars, each with
// the file, line and column it was written at. Files that extend others are
// merged into one tree of these, so every value still knows where it came
// from after the merge.

#include <string>
#include <string_view>
#include <vector>

namespace icsim::scenario {

struct Location {
  int file = 0;    // index into the scenario's list of files (0: the file loaded)
  int line = 0;    // 1-based; 0 for the file as a whole
  int column = 0;  // 1-based
};

struct MapEntry;

struct SourceNode {
  enum class Kind { kNothing, kScalar, kList, kMap };

  Kind kind = Kind::kNothing;
  Location location;
  std::string scalar;
  bool quoted = false;  // written in quotes or as a block scalar: text, never a number
  std::vector<SourceNode> items;    // a list's items
  std::vector<MapEntry> entries;    // a map's entries, in the order written, keys unique

  [[nodiscard]] bool is_map() const { return kind == Kind::kMap; }
  [[nodiscard]] bool is_list() const { return kind == Kind::kList; }
  [[nodiscard]] bool is_scalar() const { return kind == Kind::kScalar; }
  [[nodiscard]] bool is_nothing() const { return kind == Kind::kNothing; }

  // The entry with this key, or nullptr.
  [[nodiscard]] const MapEntry* find_entry(std::string_view key) const;
  [[nodiscard]] MapEntry* find_entry(std::string_view key);
};

struct MapEntry {
  std::string key;
  Location key_location;
  SourceNode value;
};

// How a value reads in a message: "\"ten\"" for a scalar, "a map", "a list",
// "nothing".
[[nodiscard]] std::string describe(const SourceNode& node);

// Text with quotes, backslashes and control characters escaped as in a YAML
// double-quoted scalar (\", \\, \n, \t, \xNN).
[[nodiscard]] std::string escaped(std::string_view text);

// A scalar quoted for a message, with quotes and control characters escaped
// and long text shortened.
[[nodiscard]] std::string quote(std::string_view text);

}  // namespace icsim::scenario
