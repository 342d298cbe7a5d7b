#!/usr/bin/env bash
# Runs the benchmarks of bench/ (release build). Results are figures to read, not pass/fail.
set -euo pipefail
bin=${1:-build/bin}
"$bin"/bench_profile
[[ -x "$bin"/bench_kemeny ]] && "$bin"/bench_kemeny
"$bin"/bench_rules --limit "${BENCH_LIMIT:-10}"
