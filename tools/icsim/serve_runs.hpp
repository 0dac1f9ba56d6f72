#pragma once
// The what-if runs behind icsim serve: a queue, one run at a time on every
// core. A run is its scenario's baseline and the what-if with common random
// numbers, compared; its report, workbook and what-if file are kept in
// memory for the page to fetch. Bounded: the queue's length, replications
// per run, and the time a run may take.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <icsim/models/intermediate_care_model.hpp>
#include <icsim/models/scenario_spec.hpp>

namespace icsim::tools {

struct RunLimits {
  int max_replications = 20;
  std::size_t max_waiting = 8;               // runs queued behind the one running
  std::chrono::seconds time_limit{600};      // per run, checked between replications
  std::size_t runs_kept = 16;                // finished runs whose files can be fetched
  int threads = 1;
};

struct WhatIfRun {
  std::string scenario_id;       // as listed: "lancashire/current-model.yaml"
  models::ScenarioSpec baseline;
  models::ScenarioSpec what_if;
  std::string what_if_yaml;      // the file to download
  std::string what_if_file;      // its name
  int replications = 0;
};

struct RunStatus {
  enum class State { kQueued, kRunning, kDone, kFailed } state = State::kQueued;
  std::size_t ahead = 0;        // runs before it in the queue
  int done = 0, total = 0;      // replications
  double seconds = 0.0;         // running so far, or taken
  std::string error;            // why it failed
};

// The queue is full: the caller should try again later.
class QueueFull : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

class RunQueue {
 public:
  explicit RunQueue(RunLimits limits);
  ~RunQueue();
  RunQueue(const RunQueue&) = delete;
  RunQueue& operator=(const RunQueue&) = delete;

  [[nodiscard]] const RunLimits& limits() const { return limits_; }

  // Queues a run and returns its id. Throws QueueFull.
  std::string submit(WhatIfRun run);
  [[nodiscard]] std::optional<RunStatus> status(const std::string& id) const;
  // A run's "what-if.yaml" (from the start), or once done "report.html" or "results.xlsx".
  [[nodiscard]] std::shared_ptr<const std::string> file(const std::string& id, const std::string& name) const;
  // The name the run's what-if file is offered under.
  [[nodiscard]] std::string what_if_file(const std::string& id) const;

 private:
  struct Entry;
  using Results = std::shared_ptr<const std::vector<models::ReplicationResult>>;

  void work(const std::stop_token& stop);
  void execute(Entry& entry, const std::stop_token& stop);
  std::vector<models::ReplicationResult> replicate(const models::ScenarioSpec& spec, int replications,
                                                   const std::stop_token& stop, Entry& entry, int done_before);
  void forget_old_runs();

  RunLimits limits_;
  mutable std::mutex lock_;
  std::condition_variable_any wake_;
  std::map<std::string, std::shared_ptr<Entry>> runs_;
  std::deque<std::shared_ptr<Entry>> waiting_;
  std::shared_ptr<Entry> running_;
  std::deque<std::string> finished_;  // oldest first
  // The scenarios' own runs, by scenario hash, replications and seed; oldest first.
  std::deque<std::pair<std::string, Results>> baselines_;
  std::uint64_t next_id_ = 1;
  std::jthread worker_;  // last: stops and joins first
};

}  // namespace icsim::tools
