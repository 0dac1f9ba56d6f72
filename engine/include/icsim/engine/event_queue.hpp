#pragma once
// The future event list: an implicit 4-ary heap of plain 24-byte records.
//
// Order is total and decided in one place, `precedes`: time, then priority,
// then insertion sequence, so equal-time events never depend on container
// order. A 4-ary heap halves the depth of a binary one; popping picks the
// least of four children without branches (times are >= 0, so their bits
// sort like their values) and prefetches the next level, because a
// mispredicted comparison or a cache miss per level is what a heap costs.
// Cancellation is lazy (as in ns-3): a cancelled id is skipped when it
// reaches the top, so cancelling costs O(1). The hot path looks each top up
// once, in a table of counts by the id's low bits before the set of
// cancelled ids itself, so an event that was not cancelled (nearly all)
// costs an array read, not a hash lookup. Storage is a vector reused for the whole run: no allocation per
// event once it has grown to the run's peak.

#include <array>
#include <bit>
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
    ICSIM_CHECK(time >= 0.0, "event time before the start of the run");
    ICSIM_CHECK(next_id_ <= Event::kSequenceMask, "event sequence exhausted");
    const EventId id = next_id_++;
    // + 0.0 turns -0.0 into +0.0, whose bits sort first.
    const Event event{time + 0.0, (std::uint64_t{priority} << Event::kSequenceBits) | id, kind, subject};
    if (popped_top_) {  // the event just run leaves its place at the root to this one
      popped_top_ = false;
      sift_down(event);
    } else {
      sift_up(heap_.size(), event);
    }
    return id;
  }

  // Marks a pending event so that it never runs. Cancel only pending events:
  // the id of one that already ran would be remembered for nothing.
  void cancel(EventId id) {
    ICSIM_CHECK(id < next_id_, "cancel of an event that was never scheduled");
    if (cancelled_.insert(id).second) ++maybe_cancelled_[id & kFilterMask];
  }

  [[nodiscard]] bool empty() {
    drop_cancelled_top();
    return heap_.empty();
  }
  // Pending events, cancelled ones excluded (linear when any are cancelled).
  [[nodiscard]] std::size_t size() {
    drop_cancelled_top();
    if (cancelled_.empty()) return heap_.size();
    std::size_t pending = 0;
    for (const Event& e : heap_) pending += cancelled_.count(e.id()) == 0 ? 1 : 0;
    return pending;
  }

  // The next event to run; the queue must not be empty.
  [[nodiscard]] const Event& top() {
    drop_cancelled_top();
    return heap_.front();
  }

  // The next event to run, or nullptr when none is left: then pop_next()
  // takes it without looking again (the simulation loop's one look per event).
  [[nodiscard]] const Event* next() {
    drop_cancelled_top();
    return heap_.empty() ? nullptr : &heap_.front();
  }
  Event pop_next() {
    popped_top_ = true;
    return heap_.front();
  }

  // The record stays at the root until the next call: an event usually
  // schedules another, which then takes the root and sifts down once, instead
  // of the last record sifting down and the new one sifting up.
  Event pop() {
    drop_cancelled_top();
    popped_top_ = true;
    return heap_.front();
  }

  void reserve(std::size_t events) { heap_.reserve(events); }
  void clear() {
    heap_.clear();
    cancelled_.clear();
    maybe_cancelled_.fill(0);
    popped_top_ = false;
  }

 private:
  static constexpr std::size_t kArity = 4;
  static constexpr EventId kFilterMask = (EventId{1} << 16) - 1;

  void drop_cancelled_top() {
    if (popped_top_) {
      popped_top_ = false;
      remove_top();
    }
    while (!heap_.empty() && is_cancelled(heap_.front().id())) remove_top();
  }

  // Forgets a cancelled id as its event is dropped.
  bool is_cancelled(EventId id) {
    std::uint16_t& count = maybe_cancelled_[id & kFilterMask];
    if (count == 0 || cancelled_.erase(id) == 0) return false;
    --count;
    return true;
  }

  // Branch-free "a runs before b" on the integer images of the keys.
  static std::uint64_t runs_first(std::uint64_t time_a, std::uint64_t order_a, std::uint64_t time_b,
                                  std::uint64_t order_b) {
    return static_cast<std::uint64_t>(time_a < time_b) |
           (static_cast<std::uint64_t>(time_a == time_b) & static_cast<std::uint64_t>(order_a < order_b));
  }

  // The index of the least of the four children from `first`.
  [[nodiscard]] std::size_t least_of_four(std::size_t first) const {
    const Event* c = &heap_[first];
    const std::uint64_t t0 = std::bit_cast<std::uint64_t>(c[0].time), t1 = std::bit_cast<std::uint64_t>(c[1].time);
    const std::uint64_t t2 = std::bit_cast<std::uint64_t>(c[2].time), t3 = std::bit_cast<std::uint64_t>(c[3].time);
    const std::uint64_t pick01 = runs_first(t1, c[1].order, t0, c[0].order);
    const std::uint64_t pick23 = runs_first(t3, c[3].order, t2, c[2].order);
    const std::uint64_t a = pick01, b = 2 + pick23;
    const std::uint64_t ta = pick01 ? t1 : t0, oa = pick01 ? c[1].order : c[0].order;
    const std::uint64_t tb = pick23 ? t3 : t2, ob = pick23 ? c[3].order : c[2].order;
    return first + (runs_first(tb, ob, ta, oa) ? b : a);
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
    if (!heap_.empty()) sift_down(last);
  }

  // Puts `last` in the root's place and sifts it down.
  void sift_down(const Event& last) {
    const std::size_t n = heap_.size();
    std::size_t hole = 0;
    for (;;) {
      const std::size_t first_child = kArity * hole + 1;
      if (first_child + kArity <= n) {  // a full set of children: the common case
        // The 16 grandchildren (six cache lines) load while we compare.
        const std::size_t grandchildren = kArity * first_child + 1;
        if (grandchildren < n) {
          const char* line = reinterpret_cast<const char*>(heap_.data() + grandchildren);
          for (int i = 0; i < 6; ++i) __builtin_prefetch(line + 64 * i);
        }
        const std::size_t best = least_of_four(first_child);
        if (!precedes(heap_[best], last)) break;
        heap_[hole] = heap_[best];
        hole = best;
        continue;
      }
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
  // Pending cancelled ids by their low 16 bits: 0 means none of them is cancelled.
  std::array<std::uint16_t, kFilterMask + 1> maybe_cancelled_{};
  EventId next_id_ = 0;
  bool popped_top_ = false;  // heap_.front() has been popped but not yet removed
};

}  // namespace icsim::engine
