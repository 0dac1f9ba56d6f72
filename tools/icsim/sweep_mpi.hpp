#pragma once
// A sweep over the ranks of `mpirun -n K icsim sweep ...` (or srun). Only
// sweep_mpi.cpp includes MPI, and it is compiled only when icsim is built with
// MPI (ICSIM_WITH_MPI=1); without it, a process started as one of several
// ranks says so rather than run the whole sweep K times.
//
// Rank 0 keeps the work list of (point, replication) jobs. Its threads take
// jobs from it directly; every other rank asks for a job whenever one of its
// threads is about to run dry and sends each result back. Rank 0 files each
// result under its point and replication, and reduces and writes a point
// once all of its replications are in: the same records, in the same bytes,
// as one process would write.

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "point_assembler.hpp"
#include "sweep_plan.hpp"

namespace icsim::tools {

// How many ranks the launcher (OpenMPI's mpirun, Hydra, Slurm's srun) says it
// started, 0 when this process was not started as an MPI rank. Read from the
// environment, so that a plain `icsim sweep` never starts MPI.
[[nodiscard]] inline int ranks_launched() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE", "MPI_LOCALNRANKS"})
    if (const char* value = std::getenv(name)) return std::max(1, std::atoi(value));
  if (std::getenv("PMIX_RANK") != nullptr || std::getenv("PMI_RANK") != nullptr) return 1;
  return 0;
}

#if ICSIM_WITH_MPI
// MPI from construction to destruction (MPI_Init_thread, funnelled: only the
// thread that made the session calls MPI).
class MpiSession {
 public:
  MpiSession();
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  // True on every rank when `ok` is true on every rank, so that all stop together.
  [[nodiscard]] bool all(bool ok) const;
  // Rank 0's value, on every rank.
  [[nodiscard]] int from_rank_0(int value) const;
  // Whether `text` is the same as rank 0's, on every rank (each rank's own answer).
  [[nodiscard]] bool same_as_rank_0(const std::string& text) const;

 private:
  int rank_ = 0;
  int size_ = 1;
};

// Runs `jobs` (rank 0's work list; the other ranks pass an empty one) on
// `threads` threads on every rank. Results go to `assembler` on rank 0
// (nullptr on the others). Returns on every rank once every job is done; a
// failure on any rank aborts them all (records already written are kept).
void run_jobs_over_ranks(const MpiSession& mpi, const SweepPlan& plan, const std::vector<ReplicationJob>& jobs,
                         int threads, PointAssembler* assembler);
#endif

}  // namespace icsim::tools
