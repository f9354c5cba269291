#!/usr/bin/env bash
# Measures the mx language server and yaml-language-server (with DevSpace's JSON schema) the same
# way, in one run, with the shared LSP latency driver, and prints both results and their ratios.
#
#   scripts/bench-lsp.sh [SIZE ...]        default sizes: 500 (10.5k lines) and 2000 (42k lines)
#
# Needs node/npm (the driver and the peer come from the npm registry) and python3. Set REPEAT to
# run each server several times (default 3) and EDITS for edits per run (default 20); the median
# of each figure is reported.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${MX_SHARED_DIR:-$root/../shared}"
sizes=("$@")
((${#sizes[@]})) || sizes=(500 2000)
repeat="${REPEAT:-3}"
edits="${EDITS:-20}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$shared/bench" "$work/bench"
(cd "$work/bench" && npm install --no-audit --no-fund --silent >/dev/null 2>&1 || npm install --no-audit --no-fund >&2)
(cd "$root" && ./mx --version >/dev/null) # build the jar outside the measurement

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
field() { python3 -c 'import json,sys; print(json.loads(sys.stdin.read().strip().splitlines()[-1])[sys.argv[1]])' "$1"; }

for size in "${sizes[@]}"; do
  dir="$work/big-$size"
  mkdir -p "$dir"
  python3 "$shared/bench/bigdevspace.py" "$size" >"$dir/devspace.yaml"
  lines=$(wc -l <"$dir/devspace.yaml")
  # complete inside the first dev entry, on the line after 'imageSelector', as the driver's README does
  line=$(grep -n '^dev:' "$dir/devspace.yaml" | cut -d: -f1)
  complete="$((line + 1)):4"
  declare -A results=()
  for server in peer mx; do
    : >"$work/$server.jsonl"
    for ((i = 0; i < repeat; i++)); do
      if [[ $server == peer ]]; then
        (cd "$work/bench" && node lspclient.mjs --file "$dir/devspace.yaml" --root "$dir" --edits "$edits" \
          --complete "$complete" --schema "$shared/corpus/devspace/schema/devspace-v2beta1.schema.json" \
          -- node node_modules/yaml-language-server/bin/yaml-language-server --stdio) | tail -1 >>"$work/$server.jsonl"
      else
        (cd "$work/bench" && node lspclient.mjs --file "$dir/devspace.yaml" --root "$dir" --edits "$edits" \
          --complete "$complete" -- "$root/mx" lsp) | tail -1 >>"$work/$server.jsonl"
      fi
    done
    for f in startup_ms first_diagnostics_ms edit_diag_p50_ms completion_p50_ms; do
      results[$server.$f]=$(while read -r l; do echo "$l" | field "$f"; done <"$work/$server.jsonl" | median)
    done
  done
  printf '\n%s lines (bigdevspace.py %s), median of %s runs, %s edits each:\n' "$lines" "$size" "$repeat" "$edits"
  printf '%-22s %12s %12s %8s\n' metric mx peer ratio
  for f in startup_ms first_diagnostics_ms edit_diag_p50_ms completion_p50_ms; do
    python3 -c 'import sys; m, p = float(sys.argv[2]), float(sys.argv[3]); print("%-22s %12.1f %12.1f %8.3f" % (sys.argv[1], m, p, m / p if p else float("nan")))' \
      "$f" "${results[mx.$f]}" "${results[peer.$f]}"
  done
done
