#!/usr/bin/env bash
# icsim set-up on Debian 12, as root: installs the Debian packages icsim
# needs, builds it, then does one job.
#
#   ./setup.sh run        install, build (Release), run the main job: the Lancashire ten-year projection
#   ./setup.sh test       install, build (Release), run the whole test suite
#   ./setup.sh sanitize   install, build with clang and -fsanitize=address,undefined, run the tests and fuzz the readers
#
# Quick when nothing changed: packages already there are not fetched again
# and the build is incremental.
set -euo pipefail
cd "$(dirname "$0")"

job=${1:-}
case "$job" in
  run | test | sanitize) ;;
  *)
    echo "usage: ./setup.sh run|test|sanitize" >&2
    exit 2
    ;;
esac

packages=(
  g++ cmake ninja-build pkg-config
  libboost-dev libboost-random-dev libboost-graph-dev libboost-math-dev
  libyaml-cpp-dev libcsv-dev libssl-dev libcli11-dev nlohmann-json3-dev
  catch2 libbenchmark-dev
  libopenmpi-dev openmpi-bin
  libxlsxwriter-dev python3-openpyxl
  libcpp-httplib-dev
)
# The sanitizer job builds with clang, so CI compiles with both compilers, and
# fuzzes the readers with clang's libFuzzer.
if [ "$job" = sanitize ]; then packages+=(clang libclang-rt-14-dev); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# report.html's charting libraries come from npm (tools/report): Debian's nodejs
# and npm, unless npm is there already. Its browser test needs Chromium and a
# font like Arial (Liberation Sans): test jobs only.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ "$job" != run ]; then
  for p in chromium fonts-liberation; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "setup: run as root (or install these with sudo apt-get install)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The charting libraries that the build embeds in icsim for report.html:
# npm ci again only when tools/report/package-lock.json changed.
if ! cmp -s tools/report/package-lock.json tools/report/node_modules/.icsim-package-lock.json; then
  echo "setup: npm ci in tools/report"
  (cd tools/report && npm ci --ignore-scripts --no-audit --no-fund)
  cp tools/report/package-lock.json tools/report/node_modules/.icsim-package-lock.json
fi

# The browser test of icsim serve drives Chromium with Playwright's library
# (tests/serve, no browser downloaded): test jobs only, again only when its lock changed.
if [ "$job" != run ] && ! cmp -s tests/serve/package-lock.json tests/serve/node_modules/.icsim-package-lock.json; then
  echo "setup: npm ci in tests/serve"
  (cd tests/serve && npm ci --ignore-scripts --no-audit --no-fund)
  cp tests/serve/package-lock.json tests/serve/node_modules/.icsim-package-lock.json
fi

jobs=$(nproc)
# A unity build (CMake compiles each target's sources in batches of 16, one
# compiler run a batch): the heavy headers (CLI11, nlohmann/json, Catch2,
# Boost) and their templates are compiled once a batch, not once a file, so a
# fresh build takes about a quarter of the time. The sources must not
# define two things of one name, even in anonymous namespaces (the build says so).
unity=(-DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16)
if [ "$job" = sanitize ]; then
  build=build/sanitize
  # A folder configured before with g++ is configured afresh (CMake keeps a compiler once chosen).
  if [ -f "$build/CMakeCache.txt" ] && ! grep -q '^CMAKE_CXX_COMPILER:.*clang' "$build/CMakeCache.txt"; then
    rm -rf "$build/CMakeCache.txt" "$build/CMakeFiles"
  fi
  CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DICSIM_SANITIZE=ON -DICSIM_FUZZ=ON \
    -DICSIM_BUILD_BENCH=OFF "${unity[@]}" >/dev/null
else
  build=build/release
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${unity[@]}" >/dev/null
fi
cmake --build "$build" -j "$jobs"

case "$job" in
  run)
    "$build/tools/icsim" run scenarios/lancashire/current-model.yaml --out out/lancashire
    ;;
  test | sanitize)
    ctest --test-dir "$build" --output-on-failure -j "$jobs"
    ;;
esac
