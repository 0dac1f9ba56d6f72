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
  // A word at a time: xor, rotate, multiply by an odd constant. Order
  // matters and every bit of every word reaches the hash; it is a check of
  // sameness, not a cryptographic hash.
  void mix(std::uint64_t word) { hash_ = std::rotl(hash_ ^ word, 27) * 0x9e3779b97f4a7c15ULL; }
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace icsim::engine
