#!/usr/bin/env bash
# Installs the Debian 12 packages Prefero needs, only those missing. Safe to run again.
set -euo pipefail
packages=(
  g++ clang-14 libclang-rt-14-dev cmake ninja-build pkg-config ccache
  libgtest-dev libgmock-dev librapidcheck-dev libbenchmark-dev
  libcli11-dev libfmt-dev nlohmann-json3-dev libsimdjson-dev libeigen3-dev
  coinor-libcbc-dev libgmp-dev libboost-dev libyaml-cpp-dev
  python3 python3-numpy python3-scipy python3-pandas python3-sklearn python3-pytest
  python3-dev pybind11-dev python3-yaml
  libsqlite3-dev libpqxx-dev libssl-dev postgresql chromium
  wrk  # bench_serve's load generator
)
# Node.js and npm drive the browser tests (playwright-core); a machine that already has them
# (e.g. from NodeSource) keeps its own.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The browser tests' one npm package (playwright-core, pinned by tests/browser/package-lock.json).
here=$(cd "$(dirname "$0")/.." && pwd)
if [[ ! -d $here/tests/browser/node_modules/playwright-core ]]; then
  echo "setup: npm ci in tests/browser"
  (cd "$here/tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
fi
