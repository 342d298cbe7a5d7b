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
echo "================================================================"
echo "Committee of 2 from examples/park_approval.cat (PAV, every winning committee):"
"$cli" committee examples/park_approval.cat --rule pav --size 2 --all
echo
echo "Consensus ranking of examples/city_council.toi (exact Kemeny):"
"$cli" consensus examples/city_council.toi --method kemeny
echo
echo "Ensemble of 5 classifiers, Run-Off Election with certified radii (examples/ensemble_logits.jsonl):"
"$cli" ensemble examples/ensemble_logits.jsonl --method run_off
echo
echo "Reward-model ensemble preference strength (examples/reward_pairs.jsonl):"
"$cli" ensemble examples/reward_pairs.jsonl --method preference_strength
