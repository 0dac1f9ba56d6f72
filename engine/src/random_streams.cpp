#include <icsim/engine/random_streams.hpp>

#include <boost/random/seed_seq.hpp>

namespace icsim::engine {

Rng make_stream(std::uint64_t seed, std::uint32_t replication, StreamId stream) {
  // seed_seq scrambles all four words into the generator's whole state, so
  // neighbouring seeds, replications and streams give unrelated sequences.
  boost::random::seed_seq sequence{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                                   replication, stream};
  return Rng(sequence);
}

}  // namespace icsim::engine
