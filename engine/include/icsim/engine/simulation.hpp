#pragma once
// The simulation loop: a clock, the future event list, a warm-up boundary.
//
// A model is any callable taking `const Event&`; the loop is a template over
// it, so dispatch is a direct call and an event costs one heap pop. One
// Simulation per replication: no globals, no reset().

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include <icsim/engine/check.hpp>
#include <icsim/engine/event_queue.hpp>
#include <icsim/engine/fingerprint.hpp>
#include <icsim/engine/sim_time.hpp>

namespace icsim::engine {

enum class RunOutcome {
  kReachedEnd,   // the clock reached the end time
  kNoEvents,     // the event list ran dry first
  kStopped,      // the model asked to stop
};

class Simulation {
 public:
  Simulation() = default;
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  [[nodiscard]] SimTime now() const { return now_; }

  EventId schedule(SimTime delay, EventPriority priority, std::uint32_t kind, std::uint32_t subject = 0) {
    ICSIM_CHECK(delay >= 0.0, "event scheduled in the past");
    return events_.push(now_ + delay, priority, kind, subject);
  }
  EventId schedule_at(SimTime time, EventPriority priority, std::uint32_t kind, std::uint32_t subject = 0) {
    ICSIM_CHECK(time >= now_, "event scheduled in the past");
    return events_.push(time, priority, kind, subject);
  }
  void cancel(EventId id) { events_.cancel(id); }

  // Statistics collected before `time` are discarded: when the clock first
  // reaches it, every hook runs once with the boundary time.
  void set_warmup(SimTime time) {
    ICSIM_CHECK(time >= now_, "warm-up boundary in the past");
    warmup_ = time;
    warmup_done_ = false;
  }
  void on_warmup(std::function<void(SimTime)> hook) { warmup_hooks_.push_back(std::move(hook)); }

  // Ends the current run_until after the event being executed.
  void stop() { stop_requested_ = true; }

  // Executes the next event, if any; false when the list is empty.
  template <class Model>
  bool step(Model&& model) {
    const Event* next = events_.next();
    if (next == nullptr) return false;
    execute(*next, model);
    return true;
  }

  // Executes every event before `end`, then sets the clock to `end` (unless
  // stopped early or out of events, when the clock stays at the last event).
  template <class Model>
  RunOutcome run_until(SimTime end, Model&& model) {
    stop_requested_ = false;
    for (;;) {
      const Event* next = events_.next();
      if (next == nullptr) return RunOutcome::kNoEvents;
      if (!(next->time < end)) break;
      execute(*next, model);
      if (stop_requested_) return RunOutcome::kStopped;
    }
    if (!warmup_done_ && end >= warmup_) cross_warmup();
    now_ = end;
    return RunOutcome::kReachedEnd;
  }

  [[nodiscard]] std::uint64_t events_executed() const { return executed_; }
  [[nodiscard]] std::size_t events_pending() { return events_.size(); }
  [[nodiscard]] const Fingerprint& fingerprint() const { return fingerprint_; }
  void reserve_events(std::size_t events) { events_.reserve(events); }

 private:
  // Runs `next`, the top of the event list.
  template <class Model>
  void execute(const Event& next, Model&& model) {
    if (!warmup_done_ && next.time >= warmup_) cross_warmup();
    const Event event = events_.pop_next();
    now_ = event.time;
    ++executed_;
    fingerprint_.add(event);
    model(event);
  }

  void cross_warmup() {
    warmup_done_ = true;
    now_ = warmup_ > now_ ? warmup_ : now_;
    for (auto& hook : warmup_hooks_) hook(warmup_);
  }

  EventQueue events_;
  SimTime now_ = 0.0;
  SimTime warmup_ = 0.0;
  bool warmup_done_ = false;
  bool stop_requested_ = false;
  std::uint64_t executed_ = 0;
  Fingerprint fingerprint_;
  std::vector<std::function<void(SimTime)>> warmup_hooks_;
};

}  // namespace icsim::engine
