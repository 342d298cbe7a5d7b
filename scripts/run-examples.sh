#!/usr/bin/env bash
# The main job of `make run`: count the sample elections in examples/ and print the results.
set -euo pipefail
cli=${1:-build/bin/prefero}
cd "$(dirname "$0")/.."
for f in examples/*.soc examples/*.toi examples/*.cat; do
  [[ -e $f ]] || continue
  echo "================================================================"
  "$cli" profile "$f"
  echo
  case "$f" in
    *.cat) rules=(approval plurality) ;;
    *) rules=(plurality instant_runoff borda copeland beat_path ranked_pairs minimax kemeny_young) ;;
  esac
  for r in "${rules[@]}"; do
    "$cli" elect "$f" --rule "$r" | head -1
  done
  echo
done
