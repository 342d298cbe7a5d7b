#!/usr/bin/env bash
# The main job of `make run`: count the sample elections (generated into build/examples by
# scripts/make-examples.py) and the samples in examples/, and print the results.
set -euo pipefail
cli=${1:-build/bin/prefero}
cd "$(dirname "$0")/.."
scripts/make-examples.py build/examples
for f in build/examples/*.soc build/examples/*.toi build/examples/*.cat; do
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
echo "================================================================"
echo "Committee of 2 from build/examples/park_approval.cat (PAV, every winning committee):"
"$cli" committee build/examples/park_approval.cat --rule pav --size 2 --all
echo
echo "Consensus ranking of build/examples/city_council.toi (exact Kemeny):"
"$cli" consensus build/examples/city_council.toi --method kemeny
echo
echo "Ensemble of 5 classifiers, Run-Off Election with certified radii (examples/ensemble_logits.jsonl):"
"$cli" ensemble examples/ensemble_logits.jsonl --method run_off
echo
echo "Reward-model ensemble preference strength (examples/reward_pairs.jsonl):"
"$cli" ensemble examples/reward_pairs.jsonl --method preference_strength
