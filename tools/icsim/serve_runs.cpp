#include "serve_runs.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <icsim/engine/replication_runner.hpp>
#include <icsim/models/comparison.hpp>

#include "report_writer.hpp"
#include "workbook_writer.hpp"

namespace icsim::tools {

struct RunQueue::Entry {
  std::string id;
  WhatIfRun run;
  RunStatus status;
  std::chrono::steady_clock::time_point started;
  std::map<std::string, std::string> files;
};

namespace {

class TimeLimitReached : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw std::runtime_error("cannot read back " + file.string());
  return bytes.str();
}

}  // namespace

RunQueue::RunQueue(RunLimits limits)
    : limits_(limits), worker_([this](const std::stop_token& stop) { work(stop); }) {}

RunQueue::~RunQueue() {
  worker_.request_stop();
  wake_.notify_all();
}

std::string RunQueue::submit(WhatIfRun run) {
  const std::scoped_lock guard(lock_);
  if (waiting_.size() >= limits_.max_waiting)
    throw QueueFull(std::to_string(waiting_.size()) + " runs are waiting already; try again when one has finished");
  auto entry = std::make_shared<Entry>();
  entry->id = std::to_string(next_id_++);
  entry->status.total = 2 * run.replications;
  entry->run = std::move(run);
  runs_[entry->id] = entry;
  waiting_.push_back(entry);
  wake_.notify_all();
  return entry->id;
}

std::optional<RunStatus> RunQueue::status(const std::string& id) const {
  const std::scoped_lock guard(lock_);
  const auto it = runs_.find(id);
  if (it == runs_.end()) return std::nullopt;
  RunStatus s = it->second->status;
  if (s.state == RunStatus::State::kQueued)
    for (const auto& w : waiting_) {
      if (w == it->second) break;
      ++s.ahead;
    }
  if (s.state == RunStatus::State::kRunning)
    s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - it->second->started).count();
  return s;
}

std::optional<std::string> RunQueue::file(const std::string& id, const std::string& name) const {
  const std::scoped_lock guard(lock_);
  const auto it = runs_.find(id);
  if (it == runs_.end()) return std::nullopt;
  const auto f = it->second->files.find(name);
  if (f == it->second->files.end()) return std::nullopt;
  return f->second;
}

void RunQueue::work(const std::stop_token& stop) {
  for (;;) {
    std::shared_ptr<Entry> entry;
    {
      std::unique_lock guard(lock_);
      if (!wake_.wait(guard, stop, [&] { return !waiting_.empty(); })) return;
      entry = waiting_.front();
      waiting_.pop_front();
      entry->status.state = RunStatus::State::kRunning;
      entry->started = std::chrono::steady_clock::now();
    }
    std::string error;
    try {
      execute(*entry);
    } catch (const std::exception& e) {
      error = e.what();
    }
    const std::scoped_lock guard(lock_);
    entry->status.state = error.empty() ? RunStatus::State::kDone : RunStatus::State::kFailed;
    entry->status.error = error;
    entry->status.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - entry->started).count();
    finished_.push_back(entry->id);
    forget_old_runs();
  }
}

void RunQueue::forget_old_runs() {
  while (finished_.size() > limits_.runs_kept) {
    runs_.erase(finished_.front());
    finished_.pop_front();
  }
}

std::vector<models::ReplicationResult> RunQueue::replicate(const models::ScenarioSpec& spec, int replications,
                                                           std::chrono::steady_clock::time_point deadline,
                                                           Entry& entry, int done_before) {
  return engine::run_replications(
      replications, limits_.threads,
      [&](int r) {
        if (std::chrono::steady_clock::now() > deadline)
          throw TimeLimitReached("the run took longer than the server's limit of " +
                                 std::to_string(limits_.time_limit.count()) +
                                 " s; ask for fewer replications, or start icsim serve with a longer --time-limit");
        return models::run_replication(spec, spec.seed, static_cast<std::uint32_t>(r));
      },
      [&](int done) {
        const std::scoped_lock guard(lock_);
        entry.status.done = done_before + done;
      });
}

void RunQueue::execute(Entry& entry) {
  const WhatIfRun& run = entry.run;
  const auto deadline = entry.started + limits_.time_limit;
  const int n = run.replications;

  // The baseline is the same for every what-if of a scenario: run it once.
  const std::string key = run.baseline.sha256 + "/" + std::to_string(n) + "/" + std::to_string(run.baseline.seed);
  Results baseline;
  {
    const std::scoped_lock guard(lock_);
    if (const auto it = baselines_.find(key); it != baselines_.end()) {
      baseline = it->second;
      entry.status.total = n;
    }
  }
  if (!baseline) {
    baseline = std::make_shared<const std::vector<models::ReplicationResult>>(
        replicate(run.baseline, n, deadline, entry, 0));
    const std::scoped_lock guard(lock_);
    if (baselines_.size() >= 8) baselines_.erase(baselines_.begin());
    baselines_[key] = baseline;
  }
  // The same seed as the baseline: the difference is the what-if's, not chance's.
  models::ScenarioSpec what_if = run.what_if;
  what_if.seed = run.baseline.seed;
  const auto results = replicate(what_if, n, deadline, entry, entry.status.total - n);
  const models::Comparison comparison = models::compare(run.baseline, *baseline, what_if, results);

  const auto folder = std::filesystem::temp_directory_path() /
                      ("icsim-serve-" + std::to_string(getpid()) + "-" + entry.id);
  std::filesystem::create_directories(folder);
  std::map<std::string, std::string> files;
  try {
    write_comparison_report(folder / "report.html", run.baseline, *baseline, what_if, results, what_if.seed,
                            comparison);
    write_comparison_workbook(folder / "results.xlsx", run.baseline, *baseline, what_if, results, what_if.seed,
                              comparison);
    files["report.html"] = read_file(folder / "report.html");
    files["results.xlsx"] = read_file(folder / "results.xlsx");
  } catch (...) {
    std::filesystem::remove_all(folder);
    throw;
  }
  std::filesystem::remove_all(folder);
  files["what-if.yaml"] = run.what_if_yaml;
  const std::scoped_lock guard(lock_);
  entry.files = std::move(files);
}

}  // namespace icsim::tools
