#pragma once
// A distribution in words for a reader of the report or the workbook:
// "lognormal, mean 14, sd 10", "gamma, shape 2, scale 7 (mean 14)".

#include <string>

#include <icsim/engine/distributions.hpp>

namespace icsim::tools {

// `number` writes each parameter: the report rounds, the workbook keeps every digit.
[[nodiscard]] std::string describe(const engine::Distribution& distribution, std::string (*number)(double));

}  // namespace icsim::tools
