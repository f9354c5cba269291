#!/usr/bin/env bash
# Records where the mx language server spends its time under the shared LSP latency driver: JFR
# (profile settings: execution samples every 10-20 ms, GC, allocation) while the driver opens the
# bigdevspace.py file and makes EDITS edits, then prints scripts/jfr-summary.py's breakdown.
#
#   scripts/profile-lsp.sh [SIZE] [EDITS]     default 500 (10.5k lines) and 200 edits
#
# The recording stays in mx-benchmarks/target/lsp-bench/mx-lsp.jfr for `jfr print` or JMC.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-500}"
edits="${2:-200}"
# shellcheck source=scripts/lsp-bench-setup.sh
source "$root/scripts/lsp-bench-setup.sh"

dir="$bench/big-$size"
mkdir -p "$dir"
python3 "$shared/bench/bigdevspace.py" "$size" >"$dir/devspace.yaml"
line=$(($(grep -n "^dev:" "$dir/devspace.yaml" | cut -d: -f1) + 1)) # as scripts/bench-lsp.sh
rec="$bench/mx-lsp.jfr"
rm -f "$rec"
(cd "$root" && ./mx --version >/dev/null)
# the launcher's options for mx lsp, with its unified-logging settings left out: JFR then prints its
# start-up line to stdout, the JSON-RPC channel, unless jfr+startup alone is switched off
archive="$root/mx-cli-thin/target/mx.jsa"
opts="-XX:+UseSerialGC -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError ${MX_PROFILE_OPTS:-}"
[[ -f "$archive" ]] && opts="$opts -XX:SharedArchiveFile=$archive"
(cd "$bench" && MX_JAVA_OPTS="$opts -Xlog:jfr+startup=off -XX:StartFlightRecording=filename=$rec,settings=profile,dumponexit=true" \
  node lspclient.mjs --file "$dir/devspace.yaml" --root "$dir" --edits "$edits" --complete "$line:4" -- "$root/mx" lsp)
sleep 1 # the JVM writes the recording as it exits
python3 "$root/scripts/jfr-summary.py" "$rec"
