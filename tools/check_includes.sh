#!/usr/bin/env bash
# Includes point downwards: tools -> models -> engine. The engine includes
# nothing of ours above it, nor YAML or graph headers; the model's public
# headers include no YAML (the scenario loader keeps it private).
set -uo pipefail
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
status=0
violations() {  # folder, forbidden pattern, reason
  local hits
  hits=$(grep -rnE "#include[[:space:]]*[<\"]($2)" "$root/$1" --include='*.hpp' --include='*.cpp' 2>/dev/null)
  if [ -n "$hits" ]; then
    echo "include direction broken: $3"
    echo "$hits"
    status=1
  fi
}
violations engine "icsim/(models|scenario|tools)|yaml-cpp|boost/graph|CLI/" "the engine includes only itself, std and Boost.Random/Math"
violations models "icsim/tools|CLI/|\.\./" "models include engine and their own headers only"
violations models/include "yaml-cpp" "models' public headers keep yaml-cpp private"
[ "$status" = 0 ] && echo "includes point downwards"
exit "$status"
