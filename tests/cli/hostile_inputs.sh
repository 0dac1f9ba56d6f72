#!/usr/bin/env bash
# What a user can type that must neither crash, hang nor fill memory: every
# case ends within seconds, under 1 GB, with exit 2 and a message that names
# the mistake (or exit 0 where the input is valid).
#   hostile_inputs.sh ICSIM SOURCE_DIR WORK_DIR
set -uo pipefail
icsim=$1
source_dir=$2
work=$3
tutorial=$source_dir/scenarios/tutorial.yaml
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
failures=0

# Runs a command for at most 20 s and prints its output, then "rss=KB" (its
# peak memory) last; exits with its exit code. (Measured, not capped with
# ulimit -v, which AddressSanitizer's shadow memory cannot live under.)
bounded() {
  python3 - "$@" <<'PYTHON'
import resource, subprocess, sys
try:
    done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=20)
    sys.stdout.write(done.stdout.decode("utf-8", "replace"))
    code = done.returncode
except subprocess.TimeoutExpired:
    print("(still running after 20 s)")
    code = 124
print("rss=%d" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(code)
PYTHON
}

# expect CODE REGEX -- COMMAND...: runs COMMAND for at most 20 s, and checks
# its exit code, that its output matches REGEX and that it used under 1 GB.
expect() {
  local code=$1 pattern=$2
  shift 3
  local output status rss
  output=$(bounded "$@")
  status=$?
  rss=$(tail -1 <<<"$output" | sed 's/^rss=//')
  if [ "$status" -ne "$code" ] || ! grep -Eq -- "$pattern" <<<"$output" || [ "$rss" -gt 1000000 ]; then
    echo "FAIL: $* (exit $status, expected $code; peak ${rss} KB; output should match: $pattern)"
    head -5 <<<"$output" | sed 's/^/    /'
    failures=$((failures + 1))
  fi
}

# Files no YAML reader should choke on (yaml-cpp 0.7 loops on a lone comma).
for text in ',' ',,' ', ,' '[:' '{:' '- !+(.,.)' $'a: 1\n,' '&a [*a]' '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['; do
  printf '%s' "$text" >hostile.yaml
  expect 2 "hostile.yaml" -- "$icsim" validate hostile.yaml
done
python3 -c "print('[' * 900000)" >deep.yaml
expect 2 "nested more than 64 levels" -- "$icsim" validate deep.yaml
head -c 2000000 /dev/zero | tr '\0' 'a' >big.yaml
expect 2 "larger than 1 MB" -- "$icsim" validate big.yaml
mkfifo fifo.yaml
expect 2 "not a regular file" -- "$icsim" validate fifo.yaml
printf 'extends: /dev/zero\n' >device.yaml
expect 2 "not a regular file" -- "$icsim" validate device.yaml
printf 'name: "a quote left open\nyears: 3\n' >quote.yaml
expect 2 "quote.yaml:1:7: error: not valid YAML: a double quote" -- "$icsim" validate quote.yaml

# A long list of one mistake: a page of errors, and how many more.
{ echo "extends: $tutorial"; echo "changes:"; for i in $(seq 1 5000); do echo "  - {name: c$i}"; done; } >many.yaml
expect 2 "more errors not shown" -- "$icsim" validate many.yaml
lines=$("$icsim" validate many.yaml 2>&1 | wc -l)
[ "$lines" -le 60 ] || { echo "FAIL: many.yaml printed $lines lines"; failures=$((failures + 1)); }

# Inputs with no bounded cost are refused with the reason.
sed 's/population: 60000/population: 1e12/' "$tutorial" >tera.yaml
expect 2 "would simulate about .* people" -- "$icsim" validate tera.yaml
sed 's/population: 60000/population: 1e308/' "$tutorial" >huge.yaml
expect 2 "no larger than a trillion" -- "$icsim" validate huge.yaml
sed 's/^warmup_days: 365 /warmup_days: 1000000000 /' "$tutorial" >warmup.yaml
expect 2 "would simulate about" -- "$icsim" run warmup.yaml --out warmup-out
sed 's/capacity_beds: 30/capacity_beds: 1e15/' "$tutorial" >capacity.yaml
expect 2 "no larger than a trillion" -- "$icsim" validate capacity.yaml

# A plan in half beds, or of a million candidates.
printf 'services:\n  rehab_beds: {min: 26, max: 40, step: 0.5}\ntarget: {metric: mean_wait_days_p2, at_most: 2}\n' >half.yaml
expect 2 "half.yaml:2:40: error: services.rehab_beds.step: \"rehab_beds\" is counted in whole places" -- \
  "$icsim" plan "$tutorial" --spec half.yaml --out half-out
printf 'services:\n  rehab_beds: {min: 0, max: 1000000, step: 1}\ntarget: {metric: mean_wait_days_p2, at_most: 2}\n' >wide.yaml
expect 2 "capacities to try: take a larger step" -- "$icsim" plan "$tutorial" --spec wide.yaml --out wide-out

# No demand at all is a valid scenario: it runs to zeros, not an abort.
sed 's/population: [0-9]*/population: 0/' "$tutorial" >nobody.yaml
expect 0 "valid" -- "$icsim" validate nobody.yaml
expect 0 "Wrote" -- "$icsim" run nobody.yaml --replications 2 --out nobody-out
expect 0 "" -- "$icsim" compare nobody.yaml "$tutorial" --replications 2 --out nobody-compare

# The command line checks what the scenario file checks, before any work.
expect 2 'unknown command "rn" \(did you mean "run"\?\)' -- "$icsim" rn "$tutorial"
expect 2 "expected a whole number from 0 to 18446744073709551615" -- "$icsim" run "$tutorial" --seed -1
expect 2 "expected a whole number from 0 to 18446744073709551615" -- "$icsim" run "$tutorial" --seed 18446744073709551616
expect 0 "no interval" -- "$icsim" run "$tutorial" --replications 1 --out one-out
expect 2 "not in range 1 to 1024" -- "$icsim" run "$tutorial" --threads 0
expect 2 "expected a number more than 0" -- "$icsim" demo --beds -1
if "$icsim" demo --beds -1 2>&1 | grep -Eq '[0-9]{40}'; then
  echo "FAIL: a range printed as a long number"; failures=$((failures + 1))
fi
touch a-file
expect 2 "it is a file, not a folder" -- "$icsim" run "$tutorial" --out a-file
expect 2 "it is a file, not a folder" -- "$icsim" compare "$tutorial" "$tutorial" --out a-file

if [ "$failures" -gt 0 ]; then
  echo "$failures hostile inputs were not handled"
  exit 1
fi
echo "hostile inputs: all handled"
