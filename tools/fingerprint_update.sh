#!/usr/bin/env bash
# Rewrites the pinned golden run (tests/golden/) from the current build. Do
# it on purpose, in its own commit, and say in the message why the events
# changed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/release}
ICSIM_UPDATE_GOLDEN=1 "$build/tests/verification_tests" "[golden]"
git -C "$root" diff --stat -- tests/golden
