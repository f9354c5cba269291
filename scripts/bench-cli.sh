#!/usr/bin/env bash
# Times whole `./mx` processes, as a person runs them: `mx lint` of the shared corpus and
# `mx new ml-project-skeleton` into a fresh directory, each RUNS times (default 7), with the
# class-data sharing archive and without it (MX_CDS=0); prints the median wall and CPU time and the
# peak resident memory as a Markdown table.
#
#   scripts/bench-cli.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${MX_SHARED_DIR:-$root/../shared}"
runs="${RUNS:-7}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$root" && ./mx --version >/dev/null) # build the jar and the archive outside the measurement

# one run: wall seconds, user+sys seconds, peak RSS in MiB
measure() {
  local t
  t="$( { /usr/bin/env time -f '%e %U %S %M' "$@" >/dev/null 2>/dev/null; } 2>&1 | tail -1)" || true
  awk '{printf "%s %.2f %.1f\n", $1, $2 + $3, $4 / 1024}' <<<"$t"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

printf 'load average before: %s\n\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-44s | %8s | %8s | %8s |\n' command wall_s cpu_s rss_mb
printf '|%s|%s:|%s:|%s:|\n' "----------------------------------------------" "----------" "----------" "----------"
for cds in 1 0; do
  label=$([[ $cds == 1 ]] && echo "with CDS archive" || echo "MX_CDS=0")
  for cmd in lint new; do
    : >"$work/times"
    for ((i = 0; i < runs; i++)); do
      if [[ $cmd == lint ]]; then
        MX_CDS=$cds measure "$root/mx" lint "$shared/corpus" >>"$work/times"
      else
        rm -rf "$work/p"
        MX_CDS=$cds measure "$root/mx" new ml-project-skeleton "$work/p" >>"$work/times"
      fi
    done
    name=$([[ $cmd == lint ]] && echo "mx lint ../shared/corpus" || echo "mx new ml-project-skeleton DIR")
    printf '| %-44s | %8s | %8s | %8s |\n' "$name ($label)" "$(cut -d' ' -f1 "$work/times" | median)" \
      "$(cut -d' ' -f2 "$work/times" | median)" "$(cut -d' ' -f3 "$work/times" | median)"
  done
done
printf '\nmedian of %s runs each; load average after: %s\n' "$runs" "$(cut -d' ' -f1-3 /proc/loadavg)"
