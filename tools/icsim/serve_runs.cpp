#include "serve_runs.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>

#include <icsim/engine/replication_runner.hpp>
#include <icsim/models/comparison.hpp>

#include "atomic_file.hpp"
#include "report_writer.hpp"
#include "workbook_writer.hpp"

namespace icsim::tools {

struct RunQueue::Entry {
  std::string id;
  WhatIfRun run;
  RunStatus status;
  std::chrono::steady_clock::time_point started;
  std::map<std::string, std::shared_ptr<const std::string>> files;
};

namespace {

class Stopped : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

constexpr std::size_t kBaselinesKept = 8;

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
  entry->files["what-if.yaml"] = std::make_shared<const std::string>(run.what_if_yaml);  // before it runs, or fails
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
  if (s.state == RunStatus::State::kQueued) {
    s.ahead = running_ ? 1 : 0;
    for (const auto& w : waiting_) {
      if (w == it->second) break;
      ++s.ahead;
    }
  }
  if (s.state == RunStatus::State::kRunning)
    s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - it->second->started).count();
  return s;
}

std::shared_ptr<const std::string> RunQueue::file(const std::string& id, const std::string& name) const {
  const std::scoped_lock guard(lock_);
  const auto it = runs_.find(id);
  if (it == runs_.end()) return nullptr;
  const auto f = it->second->files.find(name);
  return f == it->second->files.end() ? nullptr : f->second;
}

std::string RunQueue::what_if_file(const std::string& id) const {
  const std::scoped_lock guard(lock_);
  const auto it = runs_.find(id);
  return it == runs_.end() ? std::string() : it->second->run.what_if_file;
}

void RunQueue::work(const std::stop_token& stop) {
  for (;;) {
    std::shared_ptr<Entry> entry;
    {
      std::unique_lock guard(lock_);
      if (!wake_.wait(guard, stop, [&] { return !waiting_.empty(); })) return;
      entry = waiting_.front();
      waiting_.pop_front();
      running_ = entry;
      entry->status.state = RunStatus::State::kRunning;
      entry->started = std::chrono::steady_clock::now();
    }
    std::string error;
    try {
      execute(*entry, stop);
    } catch (const std::exception& e) {
      error = e.what();
    }
    const std::scoped_lock guard(lock_);
    running_.reset();
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

// The time limit and a stop are checked before each replication: a
// replication in progress runs to its end (a second or two for Lancashire).
std::vector<models::ReplicationResult> RunQueue::replicate(const models::ScenarioSpec& spec, int replications,
                                                           const std::stop_token& stop, Entry& entry,
                                                           int done_before) {
  const auto deadline = entry.started + limits_.time_limit;
  return engine::run_replications(
      replications, limits_.threads,
      [&](int r) {
        if (stop.stop_requested()) throw Stopped("icsim serve is stopping");
        if (std::chrono::steady_clock::now() > deadline)
          throw Stopped("the run took longer than the server's limit of " +
                                 std::to_string(limits_.time_limit.count()) +
                                 " s; ask for fewer replications, or start icsim serve with a longer --time-limit");
        return models::run_replication(spec, spec.seed, static_cast<std::uint32_t>(r));
      },
      [&](int done) {
        const std::scoped_lock guard(lock_);
        entry.status.done = done_before + done;
      });
}

void RunQueue::execute(Entry& entry, const std::stop_token& stop) {
  const WhatIfRun& run = entry.run;
  const int n = run.replications;

  // The baseline is the same for every what-if of a scenario: run it once.
  const std::string key = run.baseline.sha256 + "/" + std::to_string(n) + "/" + std::to_string(run.baseline.seed);
  Results baseline;
  {
    const std::scoped_lock guard(lock_);
    const auto it = std::find_if(baselines_.begin(), baselines_.end(), [&](const auto& b) { return b.first == key; });
    if (it != baselines_.end()) {
      baseline = it->second;
      entry.status.total = n;
    }
  }
  if (!baseline) {
    baseline =
        std::make_shared<const std::vector<models::ReplicationResult>>(replicate(run.baseline, n, stop, entry, 0));
    const std::scoped_lock guard(lock_);
    if (baselines_.size() >= kBaselinesKept) baselines_.pop_front();
    baselines_.emplace_back(key, baseline);
  }
  // The same seed as the baseline: the difference is the what-if's, not chance's.
  models::ScenarioSpec what_if = run.what_if;
  what_if.seed = run.baseline.seed;
  const auto results = replicate(what_if, n, stop, entry, entry.status.total - n);
  const models::Comparison comparison = models::compare(run.baseline, *baseline, what_if, results);

  const models::ScenarioSummary summary_baseline = models::summarise(run.baseline, *baseline, what_if.seed);
  const models::ScenarioSummary summary_what_if = models::summarise(what_if, results, what_if.seed);

  std::map<std::string, std::shared_ptr<const std::string>> files;
  files["report.html"] = std::make_shared<const std::string>(
      comparison_report(run.baseline, summary_baseline, what_if, summary_what_if, what_if.seed, comparison));
  // libxlsxwriter writes only to a file: one in a folder of our own (mkdtemp), read back and removed.
  std::string pattern = (std::filesystem::temp_directory_path() / "icsim-serve-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot make a temporary folder in " + pattern);
  const std::filesystem::path folder(pattern);
  std::optional<std::string> workbook;
  try {
    write_comparison_workbook(folder / "results.xlsx", run.baseline, summary_baseline, what_if, summary_what_if,
                              what_if.seed, comparison);
    workbook = read_file(folder / "results.xlsx");
  } catch (...) {
    std::filesystem::remove_all(folder);
    throw;
  }
  std::filesystem::remove_all(folder);
  if (!workbook) throw std::runtime_error("cannot read back the workbook written in " + folder.string());
  files["results.xlsx"] = std::make_shared<const std::string>(std::move(*workbook));
  const std::scoped_lock guard(lock_);
  entry.files.merge(files);
}

}  // namespace icsim::tools
