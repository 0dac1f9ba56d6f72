// The MPI side of a sweep: rank 0 hands out jobs on request and gathers the
// results; the other ranks run them. Only this file sees MPI. Every MPI call
// is made from the thread that created the MpiSession (MPI_THREAD_FUNNELED);
// worker threads talk to it through queues.

#include "sweep_mpi.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

#include <mpi.h>

#include "worker_pool.hpp"

namespace icsim::tools {
namespace {

enum Tag : int {
  kWantJobs = 1,  // rank -> 0: an int, how many jobs it can take
  kJobs = 2,      // 0 -> rank: (point, replication) pairs of uint32; none: no jobs are left
  kResult = 3,    // rank -> 0: one ReplicationValues, packed
};

constexpr auto kIdle = std::chrono::microseconds(500);

void check(int code, const char* what) {
  if (code != MPI_SUCCESS) throw std::runtime_error(std::string("MPI: ") + what + " failed");
}

// ReplicationValues as bytes: point, replication (uint32), events (uint64), then the values.
std::vector<char> pack(const ReplicationValues& v) {
  std::vector<char> bytes(16 + v.values.size() * sizeof(double));
  std::memcpy(bytes.data(), &v.job.point, 4);
  std::memcpy(bytes.data() + 4, &v.job.replication, 4);
  std::memcpy(bytes.data() + 8, &v.events, 8);
  if (!v.values.empty()) std::memcpy(bytes.data() + 16, v.values.data(), v.values.size() * sizeof(double));
  return bytes;
}

ReplicationValues unpack(const std::vector<char>& bytes) {
  if (bytes.size() < 16 || (bytes.size() - 16) % sizeof(double) != 0) throw std::runtime_error("MPI: a garbled result");
  ReplicationValues v;
  std::memcpy(&v.job.point, bytes.data(), 4);
  std::memcpy(&v.job.replication, bytes.data() + 4, 4);
  std::memcpy(&v.events, bytes.data() + 8, 8);
  v.values.resize((bytes.size() - 16) / sizeof(double));
  if (!v.values.empty()) std::memcpy(v.values.data(), bytes.data() + 16, v.values.size() * sizeof(double));
  return v;
}

std::vector<char> receive_bytes(const MPI_Status& probed, int tag) {
  int count = 0;
  check(MPI_Get_count(&probed, MPI_BYTE, &count), "MPI_Get_count");
  std::vector<char> bytes(static_cast<std::size_t>(count));
  check(MPI_Recv(bytes.data(), count, MPI_BYTE, probed.MPI_SOURCE, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE), "MPI_Recv");
  return bytes;
}

[[noreturn]] void abort_all(const std::exception_ptr& failure, int rank) {
  try {
    std::rethrow_exception(failure);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "icsim: error on MPI rank %d: %s\n", rank, e.what());
  } catch (...) {
    std::fprintf(stderr, "icsim: error on MPI rank %d\n", rank);
  }
  std::fflush(stderr);
  MPI_Abort(MPI_COMM_WORLD, 1);
  std::abort();  // MPI_Abort does not return
}

// Rank 0: its own threads and the other ranks draw on one list.
void hand_out_jobs(const MpiSession& mpi, const SweepPlan& plan, const std::vector<ReplicationJob>& jobs, int threads,
                   PointAssembler& assembler) {
  std::mutex lock;
  std::size_t next = 0;
  const auto take = [&](std::size_t most) {
    const std::scoped_lock guard(lock);
    const std::size_t count = std::min(most, jobs.size() - next);
    std::vector<ReplicationJob> taken(jobs.begin() + static_cast<std::ptrdiff_t>(next),
                                      jobs.begin() + static_cast<std::ptrdiff_t>(next + count));
    next += count;
    return taken;
  };
  std::optional<WorkerPool> pool;
  if (!jobs.empty())
    pool.emplace(
        threads,
        [&]() -> std::optional<ReplicationJob> {
          const auto taken = take(1);
          if (taken.empty()) return std::nullopt;
          return taken.front();
        },
        [&](const ReplicationJob& job) { assembler.add(run_job(plan, job)); });

  std::size_t ranks_working = static_cast<std::size_t>(mpi.size() - 1);  // not yet told that no jobs are left
  std::vector<std::size_t> run_by(static_cast<std::size_t>(mpi.size()), 0);  // replications each rank ran
  try {
    while (true) {
      if (pool && pool->failed()) pool->wait();  // rethrows
      int waiting = 0;
      MPI_Status status;
      check(MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &waiting, &status), "MPI_Iprobe");
      if (waiting == 0) {
        if (ranks_working == 0 && assembler.replications_done() == jobs.size()) break;
        std::this_thread::sleep_for(kIdle);
        continue;
      }
      if (status.MPI_TAG == kResult) {
        assembler.add(unpack(receive_bytes(status, kResult)));
        ++run_by[static_cast<std::size_t>(status.MPI_SOURCE)];
      } else if (status.MPI_TAG == kWantJobs) {
        int most = 0;
        check(MPI_Recv(&most, 1, MPI_INT, status.MPI_SOURCE, kWantJobs, MPI_COMM_WORLD, MPI_STATUS_IGNORE), "MPI_Recv");
        const std::vector<ReplicationJob> given = take(static_cast<std::size_t>(std::max(most, 1)));
        std::vector<std::uint32_t> pairs;
        for (const ReplicationJob& job : given) pairs.insert(pairs.end(), {job.point, job.replication});
        check(MPI_Send(pairs.data(), static_cast<int>(pairs.size()), MPI_UINT32_T, status.MPI_SOURCE, kJobs,
                       MPI_COMM_WORLD),
              "MPI_Send");
        if (given.empty()) --ranks_working;  // it stops once its last results are sent
      } else {
        throw std::runtime_error("MPI: an unexpected message");
      }
    }
    if (pool) pool->wait();
  } catch (...) {
    abort_all(std::current_exception(), 0);
  }
  if (jobs.empty()) return;
  run_by[0] = jobs.size();
  for (std::size_t r = 1; r < run_by.size(); ++r) run_by[0] -= run_by[r];
  std::string shares;
  for (std::size_t r = 0; r < run_by.size(); ++r)
    shares += (r ? ", " : "") + std::to_string(run_by[r]) + " on rank " + std::to_string(r);
  std::fprintf(stderr, "Replications: %s\n", shares.c_str());
}

// Any other rank: ask for jobs so that each thread has one to go on with,
// run them, send every result back.
void run_given_jobs(const MpiSession& mpi, const SweepPlan& plan, int threads) {
  std::mutex lock;
  std::condition_variable ready;
  std::deque<ReplicationJob> queue;
  std::deque<ReplicationValues> outbox;
  std::size_t running = 0;
  bool no_more = false;

  WorkerPool pool(
      threads,
      [&]() -> std::optional<ReplicationJob> {
        std::unique_lock guard(lock);
        ready.wait(guard, [&] { return !queue.empty() || no_more; });
        if (queue.empty()) return std::nullopt;
        const ReplicationJob job = queue.front();
        queue.pop_front();
        ++running;
        return job;
      },
      [&](const ReplicationJob& job) {
        ReplicationValues values = run_job(plan, job);
        const std::scoped_lock guard(lock);
        outbox.push_back(std::move(values));
        --running;
      });

  bool asked = false;
  try {
    while (true) {
      if (pool.failed()) {
        {
          const std::scoped_lock guard(lock);
          no_more = true;
        }
        ready.notify_all();
        pool.wait();  // rethrows
      }
      bool busy = false;
      std::deque<ReplicationValues> sending;
      std::size_t in_hand = 0;
      bool finished = false;
      {
        const std::scoped_lock guard(lock);
        sending.swap(outbox);
        in_hand = queue.size() + running;
        finished = no_more && queue.empty() && running == 0;
      }
      for (const ReplicationValues& v : sending) {
        const std::vector<char> bytes = pack(v);
        check(MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, 0, kResult, MPI_COMM_WORLD), "MPI_Send");
        busy = true;
      }
      if (finished && sending.empty()) break;
      // Keep one job waiting beyond what the threads are running: no thread
      // waits for a reply, and no rank sits on work another could do.
      const std::size_t wanted = static_cast<std::size_t>(threads) + 1;
      if (!no_more && !asked && in_hand < wanted) {
        const int most = static_cast<int>(wanted - in_hand);
        check(MPI_Send(&most, 1, MPI_INT, 0, kWantJobs, MPI_COMM_WORLD), "MPI_Send");
        asked = true;
        busy = true;
      }
      if (asked) {
        int arrived = 0;
        MPI_Status status;
        check(MPI_Iprobe(0, kJobs, MPI_COMM_WORLD, &arrived, &status), "MPI_Iprobe");
        if (arrived != 0) {
          int count = 0;
          check(MPI_Get_count(&status, MPI_UINT32_T, &count), "MPI_Get_count");
          std::vector<std::uint32_t> pairs(static_cast<std::size_t>(count));
          check(MPI_Recv(pairs.data(), count, MPI_UINT32_T, 0, kJobs, MPI_COMM_WORLD, MPI_STATUS_IGNORE), "MPI_Recv");
          {
            const std::scoped_lock guard(lock);
            for (std::size_t i = 0; i + 1 < pairs.size(); i += 2) queue.push_back({pairs[i], pairs[i + 1]});
            if (pairs.empty()) no_more = true;
          }
          ready.notify_all();
          asked = false;
          busy = true;
        }
      }
      if (!busy) std::this_thread::sleep_for(kIdle);
    }
    pool.wait();
  } catch (...) {
    abort_all(std::current_exception(), mpi.rank());
  }
}

}  // namespace

MpiSession::MpiSession() {
  int provided = 0;
  check(MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided), "MPI_Init_thread");
  if (provided < MPI_THREAD_FUNNELED) {
    MPI_Finalize();
    throw std::runtime_error("MPI: this MPI library cannot be used from a program with threads");
  }
  check(MPI_Comm_rank(MPI_COMM_WORLD, &rank_), "MPI_Comm_rank");
  check(MPI_Comm_size(MPI_COMM_WORLD, &size_), "MPI_Comm_size");
}

MpiSession::~MpiSession() { MPI_Finalize(); }

bool MpiSession::all(bool ok) const {
  int mine = ok ? 1 : 0, every = 0;
  check(MPI_Allreduce(&mine, &every, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD), "MPI_Allreduce");
  return every == 1;
}

int MpiSession::from_rank_0(int value) const {
  check(MPI_Bcast(&value, 1, MPI_INT, 0, MPI_COMM_WORLD), "MPI_Bcast");
  return value;
}

bool MpiSession::same_as_rank_0(const std::string& text) const {
  int size = static_cast<int>(text.size());
  check(MPI_Bcast(&size, 1, MPI_INT, 0, MPI_COMM_WORLD), "MPI_Bcast");
  std::string theirs = rank_ == 0 ? text : std::string(static_cast<std::size_t>(size), '\0');
  check(MPI_Bcast(theirs.data(), size, MPI_CHAR, 0, MPI_COMM_WORLD), "MPI_Bcast");
  return theirs == text;
}

void run_jobs_over_ranks(const MpiSession& mpi, const SweepPlan& plan, const std::vector<ReplicationJob>& jobs,
                         int threads, PointAssembler* assembler) {
  if (mpi.rank() == 0)
    hand_out_jobs(mpi, plan, jobs, threads, *assembler);
  else
    run_given_jobs(mpi, plan, threads);
}

}  // namespace icsim::tools
