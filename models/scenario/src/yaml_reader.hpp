#pragma once
// One file's text to a tree of SourceNodes, through yaml-cpp.

#include <optional>
#include <string_view>

#include "diagnostics.hpp"
#include "source_node.hpp"

namespace icsim::scenario {

// Parses `text`, the contents of file number `file`. Reports text that is not
// UTF-8 and YAML syntax errors (returning nullopt: nothing usable was read),
// and duplicate keys, keys that are not plain names and a second document
// (returning the tree without them). An empty file is a kNothing node.
[[nodiscard]] std::optional<SourceNode> read_yaml(std::string_view text, int file, DiagnosticList& diagnostics);

}  // namespace icsim::scenario
