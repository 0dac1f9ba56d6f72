#!/usr/bin/env bash
# A run's files appear together or not at all.
#   outputs_all_or_nothing.sh ICSIM SOURCE_DIR WORK_DIR
set -uo pipefail
icsim=$1
tutorial=$2/scenarios/tutorial.yaml
work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
fail() { echo "FAIL: $*"; exit 1; }

"$icsim" run "$tutorial" --replications 2 --seed 1 --out out >/dev/null || fail "the first run"
sha256sum out/* >before.txt

# A disk that fills part way (a file size limit; the signal ignored, so
# writes fail with EFBIG as on a full disk): exit 1, the old files untouched.
(trap '' XFSZ; ulimit -f 64; "$icsim" run "$tutorial" --replications 2 --seed 2 --out out >/dev/null 2>full.log)
code=$?
[ "$code" -eq 1 ] || fail "a run that cannot write exits $code, not 1: $(cat full.log)"
grep -q "icsim: error: cannot write" full.log || fail "no word of the failed write: $(cat full.log)"
sha256sum -c --quiet before.txt || fail "the last run's files were changed"
[ -z "$(ls -A out | grep -v -E '^(summary.json|yearly.csv|replications.csv|daily.csv|places.csv|report.html|results.xlsx)$')" ] ||
  fail "left behind: $(ls -A out)"

# A run killed while it writes leaves its staging folder; the next run clears it.
mkdir -p out/.icsim-staging-999999 && touch out/.summary.json.999999.0.partial
"$icsim" run "$tutorial" --replications 2 --seed 3 --out out >/dev/null || fail "the run after a kill"
[ -z "$(ls -A out | grep -E 'staging|partial')" ] || fail "a killed run's files were not cleared: $(ls -A out)"
sha256sum -c --quiet before.txt 2>/dev/null && fail "the new run's files did not replace the old"
echo "outputs: all or nothing"
