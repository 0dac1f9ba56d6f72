#!/usr/bin/env bash
# icsim sweep and icsim merge as a user runs them: the same bytes on 1 and 2
# threads, a point the same as `icsim run` of the same scenario, shards
# merged into the same bytes as one run, a grown grid reusing what is done,
# and every refusal (a broken sweep file, a folder of another sweep, a merge
# with a shard missing, a record edited by hand, a second sweep on a folder
# in use) exiting 2 with the reason.
#   sweep_cli.sh ICSIM SOURCE_DIR WORK_DIR
set -euo pipefail
icsim=$1 source=$2 work=$3
small=$source/tests/sweep/small.yaml
rm -rf "$work" && mkdir -p "$work"
cd "$work"
fail() { echo "FAILED: $*"; exit 1; }
expect_exit_2() {  # command...: runs it, wants exit code 2, prints its stderr
  local status=0
  "$@" >/dev/null 2>stderr.txt || status=$?
  cat stderr.txt
  [ "$status" -eq 2 ] || fail "exit $status, not 2: $*"
}

echo "== 1 and 2 threads: the same bytes"
"$icsim" sweep "$small" --out one --threads 1 >/dev/null 2>&1
"$icsim" sweep "$small" --out two --threads 2 >stdout.txt 2>/dev/null
cmp one/sweep.csv two/sweep.csv
cmp one/best_worst.csv two/best_worst.csv
head -1 two/sweep.csv | grep -qx 'point,services.rehab_beds.capacity_beds,services.reablement.capacity_care_hours_per_day,year,metric,unit,mean,ci95_low,ci95_high' \
  || fail "sweep.csv header: $(head -1 two/sweep.csv)"
[ "$(grep -c ',2025,cost_total,' two/sweep.csv)" -eq 6 ] || fail "expected 6 points' cost_total"
grep -q '^cost_total,lower,2025,best,' two/best_worst.csv || fail "best_worst.csv has no best cost_total"
grep -q 'cost_total (lower is better), 2025' stdout.txt || fail "no best and worst table"

echo "== a point is what icsim run gives for the same scenario"
cat > same.yaml <<YAML
extends: $source/scenarios/tutorial.yaml
years: 1
warmup_days: 120
YAML
cat > one-point.yaml <<YAML
scenario: same.yaml
parameters:
  services.rehab_beds.capacity_beds: [30]   # the tutorial's own value
YAML
"$icsim" sweep one-point.yaml --out one-point >/dev/null 2>&1
"$icsim" run same.yaml --replications 10 --out run >/dev/null 2>&1
diff <(tail -n +2 run/yearly.csv) <(tail -n +2 one-point/sweep.csv | cut -d, -f3-) >/dev/null \
  || fail "the sweep's point differs from icsim run"

echo "== shards merged: the same bytes as one run"
for i in 0 1 2; do
  "$icsim" sweep "$small" --out "shard$i" --shard "$i/3" --threads 1 >/dev/null 2>&1
  [ ! -e "shard$i/sweep.csv" ] || fail "a shard wrote sweep.csv"
done
[ "$(ls shard0/points | tr '\n' ' ')" = "0000.json 0003.json " ] || fail "shard 0/3 ran $(ls shard0/points)"
expect_exit_2 "$icsim" merge shard0 shard2 --out incomplete
grep -q "2 of the sweep's 6 points are in none of the folders (1, 4)" stderr.txt || fail "merge did not name the missing points"
"$icsim" merge shard0 shard1 shard2 --out merged >/dev/null
cmp one/sweep.csv merged/sweep.csv
cmp one/best_worst.csv merged/best_worst.csv
for f in one/points/*.json; do cmp "$f" "merged/points/$(basename "$f")"; done
# Every shard into one folder, then merged in place.
for i in 1 0; do "$icsim" sweep "$small" --out shared --shard "$i/2" --threads 1 >/dev/null 2>&1; done
"$icsim" merge shared >/dev/null
cmp one/sweep.csv shared/sweep.csv

echo "== a broken sweep file: file:line:col, exit 2, nothing run"
cat > broken.yaml <<YAML
scenario: $source/scenarios/tutorial.yaml
parameters:
  services.rehab_beds.capacity_bedz: [30, 40]
  services.reablement.capacity_care_hours_per_day: [240, -1]
YAML
expect_exit_2 "$icsim" sweep broken.yaml --out broken
grep -q '^broken.yaml:3:3: error: services.rehab_beds.capacity_bedz: services.rehab_beds has no key "capacity_bedz" (did you mean "capacity_beds"?)' stderr.txt \
  || fail "no error for the misspelt key"
grep -q '^broken.yaml:4:58: error: services.reablement.capacity_care_hours_per_day: must be 0 or more, got -1' stderr.txt \
  || fail "no error for the negative capacity"
[ ! -e broken/points ] || fail "a broken sweep made its folder"
expect_exit_2 "$icsim" sweep "$small" --out bad-shard --shard 3/3

echo "== the folder of another sweep is refused, not mixed"
sed 's/\[26, 30, 34\]/[26, 31, 34]/' "$small" > changed.yaml
sed -i "s|scenario: ../../scenarios/tutorial.yaml|scenario: $source/scenarios/tutorial.yaml|" changed.yaml
sha256sum one/points/* >one-points.txt
expect_exit_2 "$icsim" sweep changed.yaml --out one
grep -q "computed from other inputs" stderr.txt || fail "no reason given"
sha256sum -c --quiet one-points.txt || fail "a refused sweep changed the folder's records"

echo "== a grid grown at the end reuses the points it has"
sed 's/\[26, 30, 34\]/[26, 30, 34, 38]/' "$small" > grown.yaml
sed -i "s|scenario: ../../scenarios/tutorial.yaml|scenario: $source/scenarios/tutorial.yaml|" grown.yaml
"$icsim" sweep grown.yaml --out grown-fresh --threads 2 >/dev/null 2>&1
cp -r one grown-reused
"$icsim" sweep grown.yaml --out grown-reused --threads 2 >/dev/null 2>stderr.txt
grep -q "2 points to run, 6 already done" stderr.txt || fail "$(cat stderr.txt)"
cmp grown-fresh/sweep.csv grown-reused/sweep.csv
for f in grown-fresh/points/*.json; do cmp "$f" "grown-reused/points/$(basename "$f")"; done
echo "== places: each point's places in sweep_places.csv, the same as icsim run's places.csv"
places=$source/tests/sweep/places.yaml
"$icsim" sweep "$places" --out places --threads 2 >/dev/null 2>&1
head -1 places/sweep_places.csv | grep -qx 'point,services.beds_south.capacity_beds,level,id,name,year,metric,unit,mean,ci95_low,ci95_high' \
  || fail "sweep_places.csv header: $(head -1 places/sweep_places.csv)"
[ "$(grep -c '^[01],[0-9]*,place,south,South,2026,mean_wait_days_p2,' places/sweep_places.csv)" -eq 2 ] || fail "no wait for South at each point"
cat > south-12.yaml <<YAML
extends: $source/tests/places/two-areas.yaml
years: 2
services: {beds_south: {capacity_beds: 12}}
YAML
"$icsim" run south-12.yaml --replications 3 --out south-12 >/dev/null 2>&1
diff <(tail -n +2 south-12/places.csv) <(grep '^0,12,' places/sweep_places.csv | cut -d, -f3-) >/dev/null \
  || fail "the sweep's places differ from icsim run's places.csv"
for i in 0 1; do "$icsim" sweep "$places" --out "places$i" --shard "$i/2" --threads 1 >/dev/null 2>&1; done
"$icsim" merge places0 places1 --out places-merged >/dev/null
cmp places/sweep_places.csv places-merged/sweep_places.csv
[ ! -e one/sweep_places.csv ] || fail "a sweep of an area without places wrote sweep_places.csv"
echo "== a record edited by hand is refused by sweep and merge, not used"
cp -r one edited
record=edited/points/0001.json
sed -i '0,/"mean":\["0x/s//"mean":["0x1p+30,0x/' "$record"  # one number altered
grep -q '0x1p+30' "$record" || fail "the test did not alter the record"
expect_exit_2 "$icsim" merge edited --out edited-merged
grep -q "does not match its checksum" stderr.txt || fail "merge used an altered record"
"$icsim" sweep "$small" --out edited --threads 1 >/dev/null 2>stderr.txt || fail "the sweep over an altered record"
grep -q "does not match its checksum (edited or damaged); the point will be computed again" stderr.txt || fail "sweep used an altered record"
cmp one/sweep.csv edited/sweep.csv || fail "the altered point was not computed again"

echo "== a second sweep on a folder another is writing is refused"
cat > other.yaml <<YAML
scenario: same.yaml
set:
  replications: 20
parameters:
  services.rehab_beds.capacity_beds: [30, 31, 32, 33, 34, 35, 36, 37]
YAML
"$icsim" sweep other.yaml --out busy --threads 1 >/dev/null 2>&1 &
writer=$!
for _ in $(seq 1 100); do [ -e busy/.icsim-sweep.lock ] && break; sleep 0.05; done
expect_exit_2 "$icsim" sweep "$small" --out busy --threads 1
grep -q "another sweep is writing" stderr.txt || fail "two sweeps wrote one folder"
kill "$writer" 2>/dev/null || true
wait "$writer" 2>/dev/null || true

echo "all sweep command checks passed"
