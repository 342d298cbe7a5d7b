#!/usr/bin/env bash
# Runs every libFuzzer target in BIN_DIR (fuzz_*) for a bounded time, seeded with a few small
# PrefLib files from ../shared/refdata (copied to a temporary directory, never into the repo).
# Exits non-zero if any fuzzer finds a crash (the reproducer is kept in the temp dir, printed).
# Usage: scripts/fuzz-short.sh build-fuzz/bin [SECONDS_PER_TARGET]   (default 30)
set -euo pipefail
bin_dir=${1:?usage: fuzz-short.sh BIN_DIR [SECONDS_PER_TARGET]}
seconds=${2:-30}
here=$(cd "$(dirname "$0")/.." && pwd)
refdata=${PREFERO_SHARED_DIR:-$here/../shared}/refdata

work=$(mktemp -d "${TMPDIR:-/tmp}/prefero-fuzz.XXXXXX")
keep=0
cleanup() { if ((keep == 0)); then rm -rf "$work"; fi; }
trap cleanup EXIT

# Seeds: small files of every PrefLib data type, in both formats, and of the other parsers.
seed() {  # seed TARGET FILE...
  mkdir -p "$work/corpus-$1"
  for f in "${@:2}"; do
    [[ -f $refdata/$f ]] && cp "$refdata/$f" "$work/corpus-$1/$(echo "$f" | tr '/' '_')"
  done
  return 0
}
p=preflib/datasets
seed fuzz_preflib \
  $p/00002-debian/00002-00000001.soi $p/00002-debian/00002-00000001.toc $p/00012-shirt/00012-00000001.soc \
  $p/00005-burlington/00005-00000001.toi $p/00026-frenchapproval/00026-00000001.cat \
  $p/00057-parliaments/00057-00000001.cat \
  preflib/datasets_old_format/00002-debian/00002-00000001.soi preflib/datasets_old_format/00002-debian/00002-00000001.toc
seed fuzz_wmd $p/00036-kidney/00036-00000004.wmd $p/00036-kidney/00036-00000006.wmd
c=condorcet_tideman/ConversionToCondorcetElectionFormat
seed fuzz_cef $c/A30.cvotes $c/A16.cvotes $c/A29.cvotes
seed fuzz_abc_yaml abcvoting/fileio_examples/valid/test6.abc.yaml abcvoting/fileio_examples/valid/test7.abc.yaml \
  abcvoting/fileio_examples/valid/test8.abc.yaml abcvoting/test_instances/instanceS0000.abc.yaml
seed fuzz_preflib abcvoting/fileio_examples/valid/test2.soi abcvoting/fileio_examples/valid/test4.cat
seed fuzz_pabulib abcvoting/fileio_examples/valid/poland_lodz_2020_nad-nerem.pb
mkdir -p "$work/corpus-fuzz_pabulib"
printf 'META\nkey;value\nbudget;10\nvote_type;approval\nnum_votes;2\nPROJECTS\nproject_id;cost;name\nA;5;"x;y"\nB;2,5;b\nVOTES\nvoter_id;vote\n1;A,B\n2;\n' \
  >"$work/corpus-fuzz_pabulib/small.pb"
mkdir -p "$work/corpus-fuzz_scores_csv"
printf 'count,Avery,Blake,Chen\n3,5,3,\n2,0,4,5\n' >"$work/corpus-fuzz_scores_csv/docs-example.csv"
mkdir -p "$work/corpus-fuzz_labels"
printf '\x00question,worker,answer\r\n1,A,0\r\n1,B,1\r\n2,A,1\r\n\0question,truth\n1,0\n\0worker,weight\nA,2\n' \
  >"$work/corpus-fuzz_labels/zheng.csv"
printf '\x101\t1\t2\n1\t2\t1\n2\t1\t1\n\x001\t2\n2\t0\n' >"$work/corpus-fuzz_labels/spectral.txt"
printf '\x04A2,8119,0,0,14\nA4,8119,1,0,5\n' >"$work/corpus-fuzz_labels/act.csv"
mkdir -p "$work/corpus-fuzz_groups"
printf '1,women\n2,women,young\n3,men\n4,men,young\n---\nwomen>=1,1<=young<=2,men=1\n' >"$work/corpus-fuzz_groups/docs-example.txt"
seed fuzz_benchmark_table benchmarks/himmi2023/missing_examples/xtreme_missing.csv benchmarks/clean/xtreme.csv
printf 'system,MNLI,WER\n@direction,higher,lower\nbert,84.6,12.5\nroberta,NA,9.5\n' \
  >"$work/corpus-fuzz_benchmark_table/docs-example.csv"
printf 'system,instance,BLEU,TER\nA,d1,30,0.5\nB,d1,28,\nA,d2,31,0.4\n' >"$work/corpus-fuzz_benchmark_table/instances.csv"
mkdir -p "$work/corpus-fuzz_ensemble_jsonl"
cp "$here/examples/ensemble_logits.jsonl" "$here/examples/reward_pairs.jsonl" "$work/corpus-fuzz_ensemble_jsonl/"

seed fuzz_battles_jsonl arena/arena_hard_auto/arena_hard_battles.jsonl
seed fuzz_json_line_scan arena/arena_hard_auto/arena_hard_battles.jsonl
printf '{"a": {"model_a": "n"}, "model_a": "top", "b": ["x", {"winner": 1}], "judge": "j:\\"k"}\n  \n{"x": "y"}\n' \
  >"$work/corpus-fuzz_json_line_scan/nested.jsonl"
seed fuzz_battles_csv arena/evalica/simple.csv arena/evalica/food.csv
mkdir -p "$work/corpus-fuzz_pair_counts_json" "$work/corpus-fuzz_rankings_jsonl"
printf '{"models": ["a", "b", "c"], "X": [[0, 1], [1, 2]], "Y": [[3, 1, 0, 2], [0, 5, 1, 1]]}' >"$work/corpus-fuzz_pair_counts_json/small.json"
printf '{"ranking": [["a"], ["b", "c"], ["d"]]}\n{"ranking": ["d", "a"], "count": 3}\n' >"$work/corpus-fuzz_rankings_jsonl/small.jsonl"

mkdir -p "$work/corpus-fuzz_http_request"
printf 'POST /v1/arenas/a1/votes?x=1+2&y=%%26 HTTP/1.1\r\nHost: h\r\nIdempotency-Key: k1\r\nContent-Length: 5\r\n\r\nhello' \
  >"$work/corpus-fuzz_http_request/post.txt"
printf 'POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nT: 1\r\n\r\n' >"$work/corpus-fuzz_http_request/chunked.txt"
printf 'GET /a%%20b/%%C3%%A9 HTTP/1.0\r\nX-A: 1\r\nx-a: 2\r\nAuthorization: Bearer t\r\n\r\n' >"$work/corpus-fuzz_http_request/get.txt"

shopt -s nullglob
fuzzers=("$bin_dir"/fuzz_*)
if ((${#fuzzers[@]} == 0)); then
  echo "fuzz-short: no fuzz_* executables in $bin_dir (build with: cmake --preset fuzz && cmake --build --preset fuzz -j2)" >&2
  exit 2
fi
status=0
for fuzzer in "${fuzzers[@]}"; do
  [[ -x $fuzzer && -f $fuzzer ]] || continue
  name=$(basename "$fuzzer")
  corpus="$work/corpus-$name"
  mkdir -p "$corpus" "$work/crashes-$name"
  echo "fuzz-short: $name for ${seconds}s (seeds: $(ls "$corpus" | wc -l))"
  if ! "$fuzzer" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
      -artifact_prefix="$work/crashes-$name/" -print_final_stats=1 "$corpus" >"$work/$name.log" 2>&1; then
    echo "fuzz-short: $name FOUND A CRASH:" >&2
    tail -n 40 "$work/$name.log" >&2
    echo "fuzz-short: reproducers kept in $work/crashes-$name/" >&2
    keep=1
    status=1
  else
    grep -E "stat::number_of_executed_units|cov:" "$work/$name.log" | tail -n 2 || true
  fi
done
exit $status
