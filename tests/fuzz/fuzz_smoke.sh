#!/usr/bin/env bash
# A short fuzzing run of one reader (scenario, sweep or plan) from the seed corpus.
#   fuzz_smoke.sh BUILD_DIR SOURCE_DIR SECONDS READER
set -euo pipefail
build=$1
source=$2
seconds=$3
reader=$4
corpus=$build/corpus-$reader  # what libFuzzer finds is kept here, seeds are read from the rest
mkdir -p "$corpus" "$build/crashes-$reader"
seeds=("$source/scenarios" "$source/scenarios/lancashire" "$source/tests/scenario/broken" "$source/tests/scenario/valid"
       "$source/tests/sweep" "$source/tests/plan")
echo "fuzzing the $reader reader for $seconds s"
(cd "$build/crashes-$reader" &&
  "$build/fuzz_$reader" "$corpus" "${seeds[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 \
    -max_len=65536 -print_final_stats=1 2>&1 | tail -4)
echo "fuzzing the $reader reader found nothing"
