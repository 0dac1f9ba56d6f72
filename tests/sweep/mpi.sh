#!/usr/bin/env bash
# mpirun -n 2 icsim sweep: the same bytes as one process, and a binary built
# with MPI still runs a sweep on its own, without mpirun.
#   mpi.sh MPIEXEC ICSIM SOURCE_DIR WORK_DIR
set -euo pipefail
mpiexec=$1 icsim=$2 source=$3 work=$4
small=$source/tests/sweep/small.yaml
rm -rf "$work" && mkdir -p "$work"
cd "$work"
# OpenMPI in a container, as root: allow root, oversubscribe the cores, keep
# to shared memory and loopback, and start the ranks locally (no ssh).
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_btl=self,vader,tcp OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_plm_rsh_agent=
export OMPI_MCA_rmaps_base_oversubscribe=1

"$icsim" sweep "$small" --out single --threads 1 >/dev/null 2>&1
"$mpiexec" -n 2 --oversubscribe --allow-run-as-root "$icsim" sweep "$small" --out ranks --threads 1 >stdout.txt 2>stderr.txt \
  || { cat stdout.txt stderr.txt; exit 1; }
cat stderr.txt
grep -q "on 2 MPI ranks" stderr.txt || { echo "not run on 2 ranks"; exit 1; }
cmp single/sweep.csv ranks/sweep.csv
cmp single/best_worst.csv ranks/best_worst.csv
for f in single/points/*.json; do cmp "$f" "ranks/points/$(basename "$f")"; done
# Resumed under MPI: half the points there, the rest computed by the ranks.
mkdir -p half/points && cp single/points/000[024].json half/points/
"$mpiexec" -n 2 --oversubscribe --allow-run-as-root "$icsim" sweep "$small" --out half --threads 1 >/dev/null 2>stderr.txt
grep -q "3 points to run, 3 already done" stderr.txt || { cat stderr.txt; exit 1; }
cmp single/sweep.csv half/sweep.csv
echo "mpirun -n 2: identical to the single process"
