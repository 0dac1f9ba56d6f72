#pragma once
// Random streams: one generator per (seed, replication, stream).
//
// A stream's numbers depend only on those three values, never on which thread
// runs the replication or on what other streams drew; so results do not
// depend on the thread count, and two scenarios run with the same seed draw
// the same numbers for the same purpose (common random numbers).

#include <cstdint>

#include <boost/random/mersenne_twister.hpp>

namespace icsim::engine {

using Rng = boost::random::mt19937_64;

// A model's named stream ids are numbers that are never renumbered or reused.
using StreamId = std::uint32_t;

[[nodiscard]] Rng make_stream(std::uint64_t seed, std::uint32_t replication, StreamId stream);

}  // namespace icsim::engine
