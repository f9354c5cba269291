#!/usr/bin/env bash
# Runs a command with stdin/stdout passed through (a stdio language server) and, when it exits,
# writes its peak and last resident set size in MiB to OUT as `{"rss_peak_mb": P, "rss_last_mb": L}`.
#
#   scripts/rss-wrap.sh OUT -- CMD ARGS...
# The command is exec'd by a child shell, so `./mx lsp` (which execs java) is measured as the JVM.
set -uo pipefail
out="$1"
shift 2
peak=0
last=0
report() {
  awk -v p="$peak" -v l="$last" 'BEGIN { printf "{\"rss_peak_mb\": %.1f, \"rss_last_mb\": %.1f}\n", p / 1024, l / 1024 }' >"$out"
}
# a client that kills the server right after `exit` stops this script: report what was seen
trap 'report; kill "$pid" 2>/dev/null; exit 143' TERM INT
"$@" <&0 &
pid=$!
while kill -0 "$pid" 2>/dev/null; do
  if read -r hwm rss < <(awk '/^VmHWM:/ {h=$2} /^VmRSS:/ {r=$2} END {print h+0, r+0}' "/proc/$pid/status" 2>/dev/null); then
    ((hwm > peak)) && peak=$hwm
    ((rss > 0)) && last=$rss
  fi
  sleep 0.1
done
wait "$pid"
rc=$?
report
exit $rc
