#!/usr/bin/env bash
# The sbatch scripts of docs/cluster.md run as Slurm would run them (the
# #SBATCH lines are comments to bash; Slurm sets the array variables): a job
# array of two shards then the merge, and, given an mpiexec, the MPI job with
# two ranks. Each gives the same sweep.csv as one `icsim sweep`.
#   cluster_scripts.sh ICSIM SOURCE_DIR WORK_DIR [MPIEXEC]
set -euo pipefail
icsim=$1 source=$2 work=$3 mpiexec=${4:-}
scripts=$source/docs/cluster
rm -rf "$work" && mkdir -p "$work"
cd "$work"
export ICSIM=$icsim SWEEP=$source/tests/sweep/small.yaml

"$icsim" sweep "$SWEEP" --out single >/dev/null 2>&1

export OUT=array
for id in 0 1; do
  SLURM_ARRAY_TASK_ID=$id SLURM_ARRAY_TASK_COUNT=2 SLURM_CPUS_PER_TASK=1 bash "$scripts/sweep-array.sbatch" >/dev/null 2>&1
done
bash "$scripts/sweep-merge.sbatch" >/dev/null
cmp single/sweep.csv array/sweep.csv
echo "job array of 2 and merge: the same sweep.csv"

if [ -n "$mpiexec" ]; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
  export OMPI_MCA_btl=self,vader,tcp OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_plm_rsh_agent=
  OUT=mpi LAUNCH="$mpiexec -n 2 --oversubscribe" SLURM_CPUS_PER_TASK=1 bash "$scripts/sweep-mpi.sbatch" >/dev/null 2>&1
  cmp single/sweep.csv mpi/sweep.csv
  echo "MPI job of 2 ranks: the same sweep.csv"
fi
