#!/usr/bin/env bash
# A sweep killed with SIGKILL part way, then run again with the same command,
# computes only the points it had not finished and writes the same sweep.csv,
# byte for byte, as a run that was never interrupted.
#   resume_after_kill.sh ICSIM SOURCE_DIR WORK_DIR
set -euo pipefail
icsim=$1 source=$2 work=$3
sweep=$source/tests/sweep/resume.yaml
rm -rf "$work" && mkdir -p "$work"
cd "$work"

"$icsim" sweep "$sweep" --out whole --threads 1 >/dev/null 2>&1
points=$(ls whole/points/*.json | wc -l)
[ "$points" -eq 8 ] || { echo "the uninterrupted run wrote $points records, not 8"; exit 1; }

"$icsim" sweep "$sweep" --out killed --threads 1 >/dev/null 2>&1 &
pid=$!
records=0
for _ in $(seq 1 6000); do  # up to a minute, every 10 ms
  records=$( (find killed/points -name '[0-9]*.json' 2>/dev/null || true) | wc -l)
  [ "$records" -ge 1 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.01
done
kill -KILL "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
records=$(find killed/points -name '[0-9]*.json' | wc -l)
echo "killed with $records of 8 point records written"
[ "$records" -ge 1 ] && [ "$records" -lt 8 ] || { echo "the kill did not land part way"; exit 1; }
[ ! -e killed/sweep.csv ] || { echo "a killed run wrote sweep.csv"; exit 1; }

out=$("$icsim" sweep "$sweep" --out killed --threads 1 2>&1 >/dev/null)
echo "$out"
grep -q "$((8 - records)) points to run, $records already done" <<< "$out" || { echo "the rerun did not skip the finished points"; exit 1; }
cmp whole/sweep.csv killed/sweep.csv
cmp whole/best_worst.csv killed/best_worst.csv
for f in whole/points/*.json; do cmp "$f" "killed/points/$(basename "$f")"; done
echo "resumed: sweep.csv, best_worst.csv and every record identical to the uninterrupted run"
