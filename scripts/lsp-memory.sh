#!/usr/bin/env bash
# Resident memory of the mx language server and yaml-language-server on the same file, after a
# short session (20 edits) and a long one (EDITS, default 1000), each edit followed by waiting for
# its diagnostics: peak and last resident set size per server, as a Markdown table. Growth between
# the two rows that does not level off would be a leak.
#
#   scripts/lsp-memory.sh [SIZE] [EDITS]     default 500 (10.5k lines) and 1000
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-500}"
long="${2:-1000}"
# shellcheck source=scripts/lsp-bench-setup.sh
source "$root/scripts/lsp-bench-setup.sh"
(cd "$root" && ./mx --version >/dev/null)
dir="$bench/big-$size"
mkdir -p "$dir"
python3 "$shared/bench/bigdevspace.py" "$size" >"$dir/devspace.yaml"
printf 'load average before: %s\n\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-7s | %6s | %12s | %12s | %14s |\n' server edits rss_peak_mb rss_last_mb edit_p50_ms
printf '|%s|%s:|%s:|%s:|%s:|\n' "---------" "--------" "--------------" "--------------" "----------------"
for edits in 20 "$long"; do
  for server in mx peer; do
    if [[ $server == peer ]]; then
      cmd=(--schema "$shared/corpus/devspace/schema/devspace-v2beta1.schema.json" --
        "$root/scripts/rss-wrap.sh" "$bench/rss.json" -- node node_modules/yaml-language-server/bin/yaml-language-server --stdio)
    else
      cmd=(-- "$root/scripts/rss-wrap.sh" "$bench/rss.json" -- "$root/mx" lsp)
    fi
    rm -f "$bench/rss.json"
    res=$(cd "$bench" && node lspclient.mjs --file "$dir/devspace.yaml" --root "$dir" --edits "$edits" "${cmd[@]}" | tail -1)
    for _ in 1 2 3 4 5 6 7 8 9 10; do [[ -s "$bench/rss.json" ]] && break; sleep 0.3; done
    python3 -c 'import json,sys; a=json.loads(sys.argv[1]); r=json.load(open(sys.argv[2])); print("| %-7s | %6s | %12.1f | %12.1f | %14.1f |" % (sys.argv[3], sys.argv[4], r["rss_peak_mb"], r["rss_last_mb"], a.get("edit_diag_p50_ms", 0)))' \
      "$res" "$bench/rss.json" "$server" "$edits"
  done
done
printf '\nload average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
