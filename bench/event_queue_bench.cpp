// The hold model for the future event list: a constant population of N
// pending events; one operation pops the earliest and pushes a new event at
// (popped time + increment), increment exponential with mean 1. The
// increments are drawn once, before any timing, into a ring shared by every
// queue, so RNG cost is not measured and all queues see the same sequence.
//
// icsim::engine::EventQueue runs beside a std::priority_queue of the same
// 24-byte Event ordered by the same `precedes`, so the ordering work per
// comparison is identical and only the heap differs.

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <queue>
#include <vector>

#include <icsim/engine/distributions.hpp>
#include <icsim/engine/event_queue.hpp>
#include <icsim/engine/random_streams.hpp>
#include <icsim/engine/simulation.hpp>

namespace {

using icsim::engine::Event;
using icsim::engine::EventQueue;
using icsim::engine::SimTime;

constexpr std::size_t kRingSize = std::size_t{1} << 16;
constexpr std::size_t kRingMask = kRingSize - 1;

// Exponential(mean 1) increments, drawn once per process.
const std::vector<double>& increments() {
  static const std::vector<double> ring = [] {
    std::vector<double> r(kRingSize);
    icsim::engine::Rng rng = icsim::engine::make_stream(20240601, 0, 1);
    const icsim::engine::Distribution exponential(icsim::engine::Exponential{1.0});
    for (double& x : r) x = exponential.sample(rng);
    return r;
  }();
  return ring;
}

// The baseline: std::priority_queue (a binary heap by std::push_heap /
// std::pop_heap) of Event, earliest first by precedes, with the same
// priority/sequence packing as EventQueue::push.
struct Later {
  bool operator()(const Event& a, const Event& b) const { return icsim::engine::precedes(b, a); }
};

class StdQueue {
 public:
  explicit StdQueue(std::size_t capacity) {
    std::vector<Event> storage;
    storage.reserve(capacity);
    heap_ = std::priority_queue<Event, std::vector<Event>, Later>(Later{}, std::move(storage));
  }
  void push(SimTime time, std::uint8_t priority, std::uint32_t kind, std::uint32_t subject) {
    const std::uint64_t id = next_id_++;
    heap_.push(Event{time, (std::uint64_t{priority} << Event::kSequenceBits) | id, kind, subject});
  }
  Event pop() {
    Event first = heap_.top();
    heap_.pop();
    return first;
  }

 private:
  std::priority_queue<Event, std::vector<Event>, Later> heap_;
  std::uint64_t next_id_ = 0;
};

template <class Queue>
void hold(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::vector<double>& inc = increments();

  // Setup, not timed: N pending events.
  Queue queue(n);
  std::size_t next = 0;
  for (std::size_t i = 0; i < n; ++i) {
    queue.push(inc[next], 0, 0, static_cast<std::uint32_t>(i));
    next = (next + 1) & kRingMask;
  }

  for (auto _ : state) {
    const Event e = queue.pop();
    queue.push(e.time + inc[next], 0, e.kind, e.subject);
    next = (next + 1) & kRingMask;
    benchmark::DoNotOptimize(e);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

// EventQueue has no sizing constructor; wrap it so both queues build alike.
class IcsimQueue : public EventQueue {
 public:
  explicit IcsimQueue(std::size_t capacity) { reserve(capacity); }
};

void BM_Hold_EventQueue(benchmark::State& state) { hold<IcsimQueue>(state); }
void BM_Hold_StdPriorityQueue(benchmark::State& state) { hold<StdQueue>(state); }

// Each benchmark iteration runs a slice of simulated time that executes about
// 1024 events (N pending events with mean gap 1 execute about N per unit of
// time); returns the events executed.
template <class Model>
std::uint64_t run_slices(benchmark::State& state, icsim::engine::Simulation& sim, std::size_t n, Model& model) {
  const SimTime slice = 1024.0 / static_cast<double>(n);
  const std::uint64_t before = sim.events_executed();
  for (auto _ : state) {
    sim.run_until(sim.now() + slice, model);
  }
  return sim.events_executed() - before;
}

// The whole loop: Simulation::run_until with a model that only reschedules
// the event it receives (the hold model through schedule, the warm-up test,
// the fingerprint and the dispatch). One benchmark iteration runs a slice of
// simulated time holding about 1024 events; items are events executed.
void BM_Hold_Simulation(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::vector<double>& inc = increments();

  icsim::engine::Simulation sim;
  sim.reserve_events(n);
  std::size_t next = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sim.schedule(inc[next], 0, 0, static_cast<std::uint32_t>(i));
    next = (next + 1) & kRingMask;
  }
  auto model = [&](const Event& e) {
    sim.schedule(inc[next], 0, e.kind, e.subject);
    next = (next + 1) & kRingMask;
  };
  state.SetItemsProcessed(static_cast<std::int64_t>(run_slices(state, sim, n, model)));
}

// The loop as a model with timers runs it: each event also sets a timer (a
// step-up timeout, a wait for mutual aid) three days on and cancels the one
// it set before, so the list holds about 3N cancelled timers beside N live
// events, and every event that comes to the top is checked against the
// cancelled ones. Items are events executed, the timers' excluded.
void BM_Hold_SimulationWithTimers(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::vector<double>& inc = increments();

  icsim::engine::Simulation sim;
  sim.reserve_events(5 * n);
  std::vector<icsim::engine::EventId> timer(n);
  std::size_t next = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sim.schedule(inc[next], 0, 0, static_cast<std::uint32_t>(i));
    timer[i] = sim.schedule(3.0 + inc[next], 1, 1, static_cast<std::uint32_t>(i));
    next = (next + 1) & kRingMask;
  }
  std::uint64_t timers_run = 0;
  auto model = [&](const Event& e) {
    if (e.kind == 1) {  // only the last timer of a subject is live; it reschedules nothing
      ++timers_run;
      return;
    }
    sim.cancel(timer[e.subject]);
    timer[e.subject] = sim.schedule(3.0 + inc[next], 1, 1, e.subject);
    sim.schedule(inc[next], 0, e.kind, e.subject);
    next = (next + 1) & kRingMask;
  };
  state.SetItemsProcessed(static_cast<std::int64_t>(run_slices(state, sim, n, model) - timers_run));
}

}  // namespace

BENCHMARK(BM_Hold_EventQueue)->Arg(1'000)->Arg(100'000)->Arg(1'000'000);
BENCHMARK(BM_Hold_StdPriorityQueue)->Arg(1'000)->Arg(100'000)->Arg(1'000'000);
BENCHMARK(BM_Hold_Simulation)->Arg(1'000)->Arg(100'000)->Arg(1'000'000);
BENCHMARK(BM_Hold_SimulationWithTimers)->Arg(1'000)->Arg(100'000);
