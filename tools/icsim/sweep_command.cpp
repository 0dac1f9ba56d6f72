// icsim sweep SWEEP.yaml --out DIR: every point of a sweep, every replication
// with the same seed (common random numbers), on every core (and every MPI
// rank under mpirun). Each point's record is written the moment it is done,
// so a run that is stopped loses at most the points in progress, and the
// same command run again computes only what is missing. --shard I/N runs a
// slice of the points for a job array; `icsim merge` combines the slices.

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <icsim/engine/replication_runner.hpp>
#include <icsim/scenario/sweep.hpp>

#include "command_options.hpp"
#include "commands.hpp"
#include "folder_lock.hpp"
#include "point_assembler.hpp"
#include "progress_bar.hpp"
#include "sweep_mpi.hpp"
#include "sweep_plan.hpp"
#include "sweep_records.hpp"
#include "sweep_results.hpp"
#include "worker_pool.hpp"

namespace icsim::tools {
namespace {

namespace fs = std::filesystem;

struct SweepOptions {
  std::string file;
  std::string out = "out-sweep";
  std::optional<int> threads;
  std::string shard = "0/1";
};

std::optional<SweepPlan> load_plan(const std::string& file, bool report) {
  try {
    scenario::Sweep sweep = scenario::read_sweep(file);
    std::vector<models::ScenarioSpec> specs = scenario::load_sweep_scenarios(sweep);
    return plan_sweep(std::move(sweep), std::move(specs));
  } catch (const scenario::ScenarioError& e) {
    if (report)
      for (const auto& d : e.diagnostics()) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    return std::nullopt;
  }
}

// The points DIR already holds. A record of the same inputs is kept (and
// restamped when only the rest of the sweep changed: more points, a new
// name); a record of other inputs means the folder belongs to another sweep,
// and nothing runs (nullopt, having said so).
std::optional<std::vector<bool>> points_done(const SweepPlan& plan, const fs::path& dir) {
  RecordsFound found = read_records(dir);
  for (const std::string& why : found.unreadable)
    std::fprintf(stderr, "icsim: warning: %s; the point will be computed again\n", why.c_str());
  std::vector<bool> done(plan.specs.size(), false);
  std::vector<std::string> foreign;
  for (const auto& [point, record] : found.records)
    if (point >= plan.specs.size() || record.inputs_sha256 != plan.inputs_sha256[point])
      foreign.push_back(found.files.at(point).string());
  // Nothing is restamped in a folder that is refused: it stays its own sweep's.
  for (auto& [point, record] : found.records) {
    if (!foreign.empty()) break;
    const std::string before = record_json(record);
    record.points = plan.specs.size();
    record.sweep_sha256 = plan.sweep_sha256;
    record.sweep_name = plan.sweep.name;
    record.parameters = plan.sweep.parameters;
    record.values = plan.sweep.points[point].values;
    if (record_json(record) != before) write_record(dir, record);
    done[point] = true;
  }
  if (!foreign.empty()) {
    std::fprintf(stderr,
                 "icsim: error: %s holds %zu point record%s computed from other inputs than %s now gives (the sweep "
                 "file, its scenario or icsim changed), %s%s: use another --out folder, or delete %s to start again\n",
                 dir.c_str(), foreign.size(), foreign.size() == 1 ? "" : "s", plan.sweep.file.c_str(),
                 foreign.front().c_str(), foreign.size() > 1 ? " among them" : "", records_folder(dir).c_str());
    return std::nullopt;
  }
  return done;
}

struct Work {
  std::vector<ReplicationJob> jobs;
  std::size_t points = 0;  // to do in this run
  std::size_t points_already = 0;
  std::size_t points_in_shard = 0;
};

Work plan_work(const SweepPlan& plan, const std::vector<bool>& done, const Shard& shard) {
  Work work;
  work.jobs = pending_jobs(plan, done, shard);
  for (std::size_t p = 0; p < plan.specs.size(); ++p) {
    if (!shard.contains(p)) continue;
    ++work.points_in_shard;
    if (done[p])
      ++work.points_already;
    else
      ++work.points;
  }
  return work;
}

void say_what_runs(const SweepPlan& plan, const Work& work, const Shard& shard, int threads, int ranks) {
  std::string where = std::to_string(threads) + " thread" + (threads == 1 ? "" : "s");
  if (ranks > 1) where = std::to_string(ranks) + " MPI ranks of " + where;
  std::string slice;
  if (!shard.whole())
    slice = " in shard " + std::to_string(shard.index) + "/" + std::to_string(shard.count) + " (" +
            std::to_string(work.points_in_shard) + " of " + std::to_string(plan.specs.size()) + " points)";
  if (work.jobs.empty()) {
    std::fprintf(stderr, "%s: all %zu points%s already done\n", plan.sweep.file.c_str(), work.points_in_shard,
                 slice.c_str());
    return;
  }
  std::fprintf(stderr, "%s: %zu points to run%s, %zu already done; %zu replications on %s\n",
               plan.sweep.file.c_str(), work.points, slice.c_str(), work.points_already, work.jobs.size(),
               where.c_str());
}

PointAssembler::Progress progress_of(const ProgressBar& bar, const Work& work) {
  return [&bar, points = work.points](std::size_t replications, std::size_t written) {
    bar.update(static_cast<int>(replications), std::to_string(written) + "/" + std::to_string(points) + " points");
  };
}

int finish(const SweepPlan& plan, const fs::path& dir, const Shard& shard) {
  if (shard.whole()) return write_sweep_results(dir, {dir});
  std::printf("Shard %zu/%zu of %s: its points are in %s. Once every shard is done: icsim merge FOLDER... --out DIR\n",
              shard.index, shard.count, plan.sweep.file.c_str(), records_folder(dir).c_str());
  return 0;
}

int sweep_here(const SweepOptions& o, const Shard& shard) {
  const std::optional<SweepPlan> plan = load_plan(o.file, true);
  if (!plan) return 2;
  const fs::path dir(o.out);
  fs::create_directories(records_folder(dir));
  std::string why;
  const auto lock = SweepFolderLock::claim(dir, plan->sweep_sha256, why);
  if (!lock) {
    std::fprintf(stderr, "icsim: error: --out %s: %s\n", o.out.c_str(), why.c_str());
    return 2;
  }
  const std::optional<std::vector<bool>> done = points_done(*plan, dir);
  if (!done) return 2;
  const Work work = plan_work(*plan, *done, shard);
  const int threads = std::clamp(o.threads.value_or(engine::default_threads()), 1,
                                 static_cast<int>(std::max<std::size_t>(work.jobs.size(), 1)));
  say_what_runs(*plan, work, shard, threads, 1);

  const ProgressBar bar(static_cast<int>(work.jobs.size()), "replications");
  PointAssembler assembler(*plan, dir, progress_of(bar, work));
  std::atomic<std::size_t> next{0};
  WorkerPool pool(
      threads,
      [&]() -> std::optional<ReplicationJob> {
        const std::size_t i = next.fetch_add(1);
        if (i >= work.jobs.size()) return std::nullopt;
        return work.jobs[i];
      },
      [&](const ReplicationJob& job) { assembler.add(run_job(*plan, job)); });
  pool.wait();
  return finish(*plan, dir, shard);
}

#if ICSIM_WITH_MPI
// Threads a rank uses by default: its share of the node's cores.
int default_threads_per_rank() {
  int local_ranks = 1;
  for (const char* name : {"OMPI_COMM_WORLD_LOCAL_SIZE", "MPI_LOCALNRANKS", "SLURM_NTASKS_PER_NODE"})
    if (const char* value = std::getenv(name)) {
      local_ranks = std::max(1, std::atoi(value));
      break;
    }
  return std::max(1, engine::default_threads() / local_ranks);
}

int sweep_over_ranks(const SweepOptions& o, const Shard& shard) {
  const MpiSession mpi;
  const bool root = mpi.rank() == 0;
  std::optional<SweepPlan> plan = load_plan(o.file, root);
  // Rank 0 reports a sweep that is not valid; another rank that cannot read
  // what rank 0 could (a folder not shared between nodes) reports for itself.
  if (mpi.from_rank_0(plan.has_value() ? 1 : 0) == 0) return 2;
  if (!plan) {
    std::fprintf(stderr, "icsim: error: MPI rank %d cannot load what rank 0 loaded:\n", mpi.rank());
    plan = load_plan(o.file, true);
  }
  if (!mpi.all(plan.has_value())) return 2;
  // Every rank must run the points rank 0 records: the same files, the same icsim.
  const bool same = mpi.same_as_rank_0(plan->sweep_sha256);
  if (!same)
    std::fprintf(stderr, "icsim: error: MPI rank %d reads another sweep than rank 0 (different files or icsim)\n",
                 mpi.rank());
  if (!mpi.all(same)) return 2;

  const fs::path dir(o.out);
  const int threads = std::max(1, o.threads.value_or(default_threads_per_rank()));
  Work work;
  int status = 0;
  std::optional<SweepFolderLock> lock;
  if (root) {
    fs::create_directories(records_folder(dir));
    std::string why;
    lock = SweepFolderLock::claim(dir, plan->sweep_sha256, why);
    const std::optional<std::vector<bool>> done =
        lock ? points_done(*plan, dir) : std::optional<std::vector<bool>>();
    if (!lock) std::fprintf(stderr, "icsim: error: --out %s: %s\n", o.out.c_str(), why.c_str());
    if (done)
      work = plan_work(*plan, *done, shard);
    else
      status = 2;
  }
  if ((status = mpi.from_rank_0(status)) != 0) return status;
  if (root) say_what_runs(*plan, work, shard, threads, mpi.size());

  const ProgressBar bar(static_cast<int>(work.jobs.size()), "replications");
  std::optional<PointAssembler> assembler;
  if (root) assembler.emplace(*plan, dir, progress_of(bar, work));
  run_jobs_over_ranks(mpi, *plan, work.jobs, threads, root ? &*assembler : nullptr);
  if (root) status = finish(*plan, dir, shard);
  return mpi.from_rank_0(status);
}
#endif

int sweep(const SweepOptions& o) {
  const std::optional<Shard> shard = parse_shard(o.shard);
  if (!shard) {
    std::fprintf(stderr, "icsim: error: --shard %s: expected I/N with 0 <= I < N, such as 0/4\n", o.shard.c_str());
    return 2;
  }
  const int launched = ranks_launched();
#if ICSIM_WITH_MPI
  if (launched > 0) return sweep_over_ranks(o, *shard);
#else
  if (launched > 1) {
    std::fprintf(stderr,
                 "icsim: error: started as one of %d MPI ranks, but this icsim was built without MPI (every rank "
                 "would run the whole sweep): build it with libopenmpi-dev installed, or run one process per "
                 "--shard I/N\n",
                 launched);
    return 2;
  }
#endif
  return sweep_here(o, *shard);
}

}  // namespace

CommandRunner add_sweep_command(CLI::App& app) {
  auto options = std::make_shared<SweepOptions>();
  CLI::App* cmd = app.add_subcommand(
      "sweep", "Run a scenario over a grid of parameter values (resumable; threads, MPI ranks or shards)");
  cmd->add_option("sweep", options->file, "Sweep file (YAML): a scenario and the values to try")->required();
  cmd->add_option("--out", options->out, "Output folder: points/NNNN.json, sweep.csv, best_worst.csv")
      ->capture_default_str();
  add_threads_option(*cmd, options->threads, "Threads (default: all cores; under MPI, each rank's share)");
  cmd->add_option("--shard", options->shard, "Run slice I of N (points I, I+N, ...), for a job array; then icsim merge")
      ->capture_default_str();
  return [options] { return sweep(*options); };
}

}  // namespace icsim::tools
