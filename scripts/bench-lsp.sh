#!/usr/bin/env bash
# Measures the mx language server and yaml-language-server (with DevSpace's JSON schema) the same
# way, in one run, with the shared LSP latency driver (bench/lspclient.mjs), and prints both
# results, their ratios and each server's resident memory as a Markdown table.
#
#   scripts/bench-lsp.sh [SIZE ...]        default sizes: 500 (10.5k lines) and 2000 (42k lines)
#
# Needs node/npm (the driver and the peer come from the npm registry), python3 and Java. Set
# REPEAT to run each server several times (default 3; the median of each figure is reported, runs
# of the two servers alternate so load changes hit both) and EDITS for edits per run (default 20).
# The driver and the peer are installed once into mx-benchmarks/target/lsp-bench.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes=("$@")
((${#sizes[@]})) || sizes=(500 2000)
repeat="${REPEAT:-3}"
edits="${EDITS:-20}"
# shellcheck source=scripts/lsp-bench-setup.sh
source "$root/scripts/lsp-bench-setup.sh"
(cd "$root" && ./mx --version >/dev/null) # build the jar (and its class-data archive) outside the measurement

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
field() { python3 -c 'import json,sys; print(json.loads(sys.stdin.read())[sys.argv[1]])' "$1"; }

printf 'mx %s, yaml-language-server %s, %s, %s cores; load average before: %s\n' \
  "$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo '?')" \
  "$(node -p "require('$bench/node_modules/yaml-language-server/package.json').version")" \
  "$(java -version 2>&1 | head -1)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
metrics=(startup_ms first_diagnostics_ms edit_diag_p50_ms completion_p50_ms rss_peak_mb)
for size in "${sizes[@]}"; do
  dir="$bench/big-$size"
  mkdir -p "$dir"
  python3 "$shared/bench/bigdevspace.py" "$size" >"$dir/devspace.yaml"
  lines=$(wc -l <"$dir/devspace.yaml")
  # complete inside the first dev entry, on the line after 'imageSelector', as the driver's README does
  line=$(grep -n '^dev:' "$dir/devspace.yaml" | cut -d: -f1)
  complete="$((line + 1)):4"
  declare -A results=()
  : >"$bench/peer.jsonl"
  : >"$bench/mx.jsonl"
  for ((i = 0; i < repeat; i++)); do
    for server in peer mx; do
      if [[ $server == peer ]]; then
        cmd=(--schema "$shared/corpus/devspace/schema/devspace-v2beta1.schema.json" --
          "$root/scripts/rss-wrap.sh" "$bench/rss.json" -- node node_modules/yaml-language-server/bin/yaml-language-server --stdio)
      else
        cmd=(-- "$root/scripts/rss-wrap.sh" "$bench/rss.json" -- "$root/mx" lsp)
      fi
      rm -f "$bench/rss.json"
      res=$(cd "$bench" && node lspclient.mjs --file "$dir/devspace.yaml" --root "$dir" --edits "$edits" \
        --complete "$complete" "${cmd[@]}" | tail -1)
      for _ in 1 2 3 4 5 6 7 8 9 10; do [[ -s "$bench/rss.json" ]] && break; sleep 0.3; done
      [[ -s "$bench/rss.json" ]] || echo '{"rss_peak_mb": 0, "rss_last_mb": 0}' >"$bench/rss.json"
      python3 -c 'import json,sys; a=json.loads(sys.argv[1]); a.update(json.load(open(sys.argv[2]))); print(json.dumps(a))' \
        "$res" "$bench/rss.json" >>"$bench/$server.jsonl"
    done
  done
  for server in peer mx; do
    for f in "${metrics[@]}"; do
      results[$server.$f]=$(while read -r l; do echo "$l" | field "$f"; done <"$bench/$server.jsonl" | median)
    done
  done
  printf '\n%s lines (bigdevspace.py %s), median of %s runs, %s edits each:\n\n' "$lines" "$size" "$repeat" "$edits"
  printf '| %-26s | %10s | %10s | %7s |\n' metric mx peer ratio
  printf '|%s|%s:|%s:|%s:|\n' "----------------------------" "------------" "------------" "---------"
  for f in "${metrics[@]}"; do
    python3 -c 'import sys; m, p = float(sys.argv[2]), float(sys.argv[3]); print("| %-26s | %10.1f | %10.1f | %7.3f |" % (sys.argv[1], m, p, m / p if p else float("nan")))' \
      "$f" "${results[mx.$f]}" "${results[peer.$f]}"
  done
done
printf '\nload average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
