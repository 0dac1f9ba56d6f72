#pragma once
// A simulated estimate against the exact value theory gives.

#include <catch2/catch.hpp>

#include <icsim/engine/confidence.hpp>

namespace icsim::test {

// The exact value lies in the estimate's 95% interval, and the interval is
// narrow enough to mean something: half-width at most this fraction of it.
inline void check_within(const engine::Estimate& e, double exact, double max_relative_half_width) {
  INFO("simulated " << e.mean << " [" << e.low() << ", " << e.high() << "], exact " << exact);
  CHECK(e.contains(exact));
  CHECK(e.half_width <= max_relative_half_width * exact);
}

}  // namespace icsim::test
