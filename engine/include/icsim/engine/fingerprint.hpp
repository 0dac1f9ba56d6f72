#pragma once
// A running hash of every executed event (time, kind, subject), as OMNeT++
// does: two runs with the same fingerprint executed the same events in the
// same order. A golden test pins it so that any change of behaviour shows.

#include <bit>
#include <cstdint>

#include <icsim/engine/event_queue.hpp>

namespace icsim::engine {

class Fingerprint {
 public:
  void add(const Event& event) {
    mix(std::bit_cast<std::uint64_t>(event.time));
    mix((std::uint64_t{event.kind} << 32) | event.subject);
  }
  [[nodiscard]] std::uint64_t value() const { return hash_; }

 private:
  // FNV-1a over the eight bytes of each word.
  void mix(std::uint64_t word) {
    for (int byte = 0; byte < 8; ++byte) {
      hash_ ^= (word >> (8 * byte)) & 0xffU;
      hash_ *= 0x100000001b3ULL;
    }
  }
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace icsim::engine
