#pragma once
// `extends`: a what-if scenario is its base with a few keys changed.

#include "source_node.hpp"

namespace icsim::scenario {

// The child laid over its parent. Maps merge key by key, recursively; a list
// or a scalar in the child replaces the parent's; a key the child sets to
// nothing (`key: ~` or `key:`) is removed. Every node keeps the location it
// was written at; a merged map takes the child's.
[[nodiscard]] SourceNode merge_over(SourceNode parent, SourceNode child);

}  // namespace icsim::scenario
