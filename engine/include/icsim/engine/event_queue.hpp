#pragma once
// The future event list: an implicit 4-ary heap of plain 24-byte records.
//
// Order is total and decided in one place, `precedes`: time, then priority,
// then insertion sequence, so equal-time events never depend on container
// order. A 4-ary heap halves the depth of a binary one and keeps a node's
// children on one cache line, which is what matters once the list outgrows
// the cache. Cancellation is lazy (as in ns-3): a cancelled id is skipped
// when it reaches the top, so cancelling costs O(1) and the hot path pays one
// branch. Storage is a vector reused for the whole run: no allocation per
// event once it has grown to the run's peak.

#include <cstdint>
#include <unordered_set>
#include <vector>

#include <icsim/engine/check.hpp>
#include <icsim/engine/sim_time.hpp>

namespace icsim::engine {

// Lower runs first among events at the same instant. The engine defines no
// names; a model declares its own in one header.
using EventPriority = std::uint8_t;

// The insertion sequence number of a scheduled event, unique within a run.
using EventId = std::uint64_t;

struct Event {
  SimTime time = 0.0;
  std::uint64_t order = 0;    // priority in the top 8 bits, sequence in the low 56
  std::uint32_t kind = 0;     // what happens: the model's own event type
  std::uint32_t subject = 0;  // to whom: a patient, a service, ...

  [[nodiscard]] EventPriority priority() const { return static_cast<EventPriority>(order >> kSequenceBits); }
  [[nodiscard]] EventId id() const { return order & kSequenceMask; }

  static constexpr int kSequenceBits = 56;
  static constexpr std::uint64_t kSequenceMask = (std::uint64_t{1} << kSequenceBits) - 1;
};

// The one definition of event order.
[[nodiscard]] inline bool precedes(const Event& a, const Event& b) {
  return a.time < b.time || (a.time == b.time && a.order < b.order);
}

class EventQueue {
 public:
  EventId push(SimTime time, EventPriority priority, std::uint32_t kind, std::uint32_t subject) {
    ICSIM_CHECK(next_id_ <= Event::kSequenceMask, "event sequence exhausted");
    const EventId id = next_id_++;
    sift_up(heap_.size(), Event{time, (std::uint64_t{priority} << Event::kSequenceBits) | id, kind, subject});
    return id;
  }

  // Marks a pending event so that it never runs. `id` must be pending: an id
  // that has already run would stay marked for ever.
  void cancel(EventId id) {
    ICSIM_CHECK(id < next_id_, "cancel of an event that was never scheduled");
    if (cancelled_.insert(id).second) ++cancelled_pending_;
  }

  [[nodiscard]] bool empty() { return size() == 0; }
  [[nodiscard]] std::size_t size() {
    drop_cancelled_top();
    return heap_.size() - cancelled_pending_;
  }

  // The next event to run; the queue must not be empty.
  [[nodiscard]] const Event& top() {
    drop_cancelled_top();
    return heap_.front();
  }

  Event pop() {
    drop_cancelled_top();
    Event first = heap_.front();
    remove_top();
    return first;
  }

  void reserve(std::size_t events) { heap_.reserve(events); }
  void clear() {
    heap_.clear();
    cancelled_.clear();
    cancelled_pending_ = 0;
  }

 private:
  static constexpr std::size_t kArity = 4;

  void drop_cancelled_top() {
    while (cancelled_pending_ != 0 && !heap_.empty() && cancelled_.erase(heap_.front().id()) != 0) {
      --cancelled_pending_;
      remove_top();
    }
  }

  void sift_up(std::size_t hole, const Event& event) {
    if (hole == heap_.size()) heap_.push_back(event);
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / kArity;
      if (!precedes(event, heap_[parent])) break;
      heap_[hole] = heap_[parent];
      hole = parent;
    }
    heap_[hole] = event;
  }

  // Moves the last record into the hole at the root and sifts it down.
  void remove_top() {
    const Event last = heap_.back();
    heap_.pop_back();
    const std::size_t n = heap_.size();
    if (n == 0) return;
    std::size_t hole = 0;
    for (;;) {
      const std::size_t first_child = kArity * hole + 1;
      if (first_child >= n) break;
      std::size_t best = first_child;
      const std::size_t end = first_child + kArity < n ? first_child + kArity : n;
      for (std::size_t child = first_child + 1; child < end; ++child)
        if (precedes(heap_[child], heap_[best])) best = child;
      if (!precedes(heap_[best], last)) break;
      heap_[hole] = heap_[best];
      hole = best;
    }
    heap_[hole] = last;
  }

  std::vector<Event> heap_;
  std::unordered_set<EventId> cancelled_;
  std::size_t cancelled_pending_ = 0;
  EventId next_id_ = 0;
};

}  // namespace icsim::engine
