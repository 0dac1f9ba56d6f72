#pragma once
// Distributions as scenarios write them: a map with one key naming the
// distribution, {lognormal: {mean: 4, sd: 4}}, {fixed: 3}.

#include <optional>
#include <string>

#include <icsim/engine/distributions.hpp>

#include "diagnostics.hpp"
#include "source_node.hpp"

namespace icsim::scenario {

// The distribution, or nullopt having reported an unknown name (with a
// suggestion), a missing, unknown or mistyped parameter, or parameters that
// are impossible (engine::distribution_error says why).
[[nodiscard]] std::optional<engine::Distribution> read_distribution(const SourceNode& node, const std::string& path,
                                                                    DiagnosticList& diagnostics);

}  // namespace icsim::scenario
