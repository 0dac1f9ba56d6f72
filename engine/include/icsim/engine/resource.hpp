#pragma once
// A pool of capacity units (beds, packages, care hours a day) with a queue of
// requests that wait for units to come free.
//
// Units are doubles so that care hours can be shared out; beds are requests
// of one unit. The queue is first come first served or by priority (then
// first come); the head of the queue is never overtaken, so a large request
// is not starved by small ones. Capacity may change at any time: a cut never
// evicts anyone in service (the pool runs over capacity until enough units
// come back) and an increase serves the queue at once. The pool keeps its own
// time-weighted occupancy and queue length and the tally of waits.

#include <algorithm>
#include <cstdint>
#include <vector>

#include <icsim/engine/check.hpp>
#include <icsim/engine/statistics.hpp>

namespace icsim::engine {

enum class QueueDiscipline { kFirstComeFirstServed, kPriority };

struct Request {
  std::uint32_t requester = 0;  // who waits: the model's id
  double units = 1.0;
  std::int32_t priority = 0;    // lower is served first under kPriority
  std::uint64_t sequence = 0;   // arrival order in the queue
  SimTime since = 0.0;          // when the request was made
};

class Resource {
 public:
  Resource(double capacity, QueueDiscipline discipline, const Periods& periods, SimTime start = 0.0)
      : capacity_(capacity),
        discipline_(discipline),
        in_use_stat_(periods, start),
        queue_stat_(periods, start),
        capacity_stat_(periods, start, capacity),
        waits_(periods, {0.95}),
        requests_(periods),
        queued_(periods) {
    ICSIM_CHECK(capacity >= 0.0, "negative capacity");
  }

  // Takes `units` now if they are free and nobody is queued ahead; otherwise
  // joins the queue. True when granted at once.
  bool request(SimTime now, std::uint32_t requester, double units = 1.0, std::int32_t priority = 0) {
    ICSIM_CHECK(units > 0.0, "a request needs a positive number of units");
    Request r{requester, units, priority, next_sequence_++, now};
    requests_.add(now);
    if (waiting() == 0 && fits(units)) {
      grant(now, r);
      return true;
    }
    queued_.add(now);
    queue_.push_back(r);
    if (discipline_ == QueueDiscipline::kPriority) std::push_heap(queue_.begin(), queue_.end(), ServedLater{});
    queue_stat_.set(now, static_cast<double>(waiting()));
    return false;
  }

  // Gives back units and serves the queue; on_grant(const Request&) runs for
  // each request that now gets its units, in the order served.
  template <class OnGrant>
  void release(SimTime now, double units, OnGrant&& on_grant) {
    ICSIM_CHECK(units > 0.0 && units <= in_use_ + kTolerance, "release of units that were not in use");
    in_use_ = std::max(0.0, in_use_ - units);
    in_use_stat_.set(now, in_use_);
    serve_queue(now, on_grant);
  }

  template <class OnGrant>
  void set_capacity(SimTime now, double capacity, OnGrant&& on_grant) {
    ICSIM_CHECK(capacity >= 0.0, "negative capacity");
    capacity_ = capacity;
    capacity_stat_.set(now, capacity_);
    serve_queue(now, on_grant);
  }

  // Takes a waiting request out of the queue (the requester went elsewhere).
  // False when the requester was not waiting.
  bool withdraw(SimTime now, std::uint32_t requester) {
    const auto it = std::find_if(queue_.begin() + static_cast<std::ptrdiff_t>(head_), queue_.end(),
                                 [&](const Request& r) { return r.requester == requester; });
    if (it == queue_.end()) return false;
    queue_.erase(it);
    if (head_ == queue_.size()) {  // nobody left waiting: start the storage afresh
      queue_.clear();
      head_ = 0;
    }
    if (discipline_ == QueueDiscipline::kPriority) std::make_heap(queue_.begin(), queue_.end(), ServedLater{});
    queue_stat_.set(now, static_cast<double>(waiting()));
    return true;
  }

  // At the end of `period` (at `now`): the waits so far of the requests still
  // waiting count among the period's waits, so a queue that nobody leaves
  // does not show a mean wait of 0.
  void count_waits_so_far(int period, SimTime now) {
    for (std::size_t i = head_; i < queue_.size(); ++i) waits_.add_in(period, now - queue_[i].since);
  }

  // Statistics restart at the warm-up boundary; the state carries on.
  void reset_statistics(SimTime now) {
    in_use_stat_.reset(now);
    queue_stat_.reset(now);
    capacity_stat_.reset(now);
    waits_.reset();
    requests_.reset();
    queued_.reset();
  }
  // Closes the time integrals at the end of a run.
  void advance_statistics(SimTime now) {
    in_use_stat_.advance(now);
    queue_stat_.advance(now);
    capacity_stat_.advance(now);
  }

  [[nodiscard]] double capacity() const { return capacity_; }
  [[nodiscard]] double in_use() const { return in_use_; }
  [[nodiscard]] double available() const { return std::max(0.0, capacity_ - in_use_); }
  [[nodiscard]] std::size_t waiting() const { return queue_.size() - head_; }
  [[nodiscard]] const TimeWeighted& occupancy() const { return in_use_stat_; }
  [[nodiscard]] const TimeWeighted& queue_length() const { return queue_stat_; }
  [[nodiscard]] const TimeWeighted& capacity_over_time() const { return capacity_stat_; }
  [[nodiscard]] const Tally& waits() const { return waits_; }
  // Requests made, and those that had to queue (the probability of waiting).
  [[nodiscard]] const Counter& requests() const { return requests_; }
  [[nodiscard]] const Counter& queued() const { return queued_; }

 private:
  // Capacities are whole beds or sums of care hours: allow for rounding.
  static constexpr double kTolerance = 1e-9;

  struct ServedLater {  // heap order: the top is served first
    bool operator()(const Request& a, const Request& b) const {
      return a.priority != b.priority ? a.priority > b.priority : a.sequence > b.sequence;
    }
  };

  [[nodiscard]] bool fits(double units) const { return in_use_ + units <= capacity_ + kTolerance; }

  void grant(SimTime now, const Request& r) {
    in_use_ += r.units;
    in_use_stat_.set(now, in_use_);
    waits_.add(now, now - r.since);
  }

  template <class OnGrant>
  void serve_queue(SimTime now, OnGrant& on_grant) {
    bool served = false;
    while (waiting() > 0) {
      const Request next = front();
      if (!fits(next.units)) break;
      pop_front();
      grant(now, next);
      served = true;
      on_grant(next);
    }
    if (served) queue_stat_.set(now, static_cast<double>(waiting()));
  }

  [[nodiscard]] const Request& front() const { return queue_[head_]; }

  // FIFO pops advance a head index and compact the vector now and then, so
  // a steady queue reuses its storage instead of allocating.
  void pop_front() {
    if (discipline_ == QueueDiscipline::kPriority) {
      std::pop_heap(queue_.begin(), queue_.end(), ServedLater{});
      queue_.pop_back();
      return;
    }
    if (++head_ == queue_.size()) {
      queue_.clear();
      head_ = 0;
    } else if (head_ >= 1024 && head_ * 2 >= queue_.size()) {
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(head_));
      head_ = 0;
    }
  }

  double capacity_;
  double in_use_ = 0.0;
  QueueDiscipline discipline_;
  std::vector<Request> queue_;  // FIFO: [head_, end); priority: a heap (head_ stays 0)
  std::size_t head_ = 0;
  std::uint64_t next_sequence_ = 0;
  TimeWeighted in_use_stat_;
  TimeWeighted queue_stat_;
  TimeWeighted capacity_stat_;
  Tally waits_;
  Counter requests_;
  Counter queued_;
};

}  // namespace icsim::engine
