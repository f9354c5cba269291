#!/usr/bin/env bash
# End-to-end test of the packaged extension in a real VS Code: code-server 4.100.3 (VS Code
# 1.100.3) on 127.0.0.1, driven by Debian's Chromium through playwright-core (test/e2e/e2e.js).
#
#   npm run package && npm run test:e2e
#
# Environment: VSIX (default: the newest mx-*.vsix here), MX_E2E_HOME (where code-server is
# cached, see setup.sh), E2E_OUT (screenshots and logs; default .e2e/), CHROMIUM (default
# /usr/bin/chromium), E2E_KEEP=1 keeps the run folder.
set -euo pipefail

ext="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
started=$SECONDS
lap() { printf '[e2e +%ds] %s\n' "$((SECONDS - started))" "$*"; }

vsix=${VSIX:-$(ls -t "$ext"/mx-*.vsix 2>/dev/null | head -n 1 || true)}
[[ -n "$vsix" && -f "$vsix" ]] || { echo "e2e: no mx-*.vsix; run npm run package first" >&2; exit 1; }
chromium=${CHROMIUM:-/usr/bin/chromium}
[[ -x "$chromium" ]] || { echo "e2e: no Chromium at $chromium (apt-get install chromium)" >&2; exit 1; }
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then java="$JAVA_HOME/bin/java"; else java=$(command -v java); fi

cs=$(bash "$ext/test/e2e/setup.sh" | tail -n 1)
lap "code-server ready ($cs)"

out=${E2E_OUT:-$ext/.e2e}
mkdir -p "$out"
run=$(mktemp -d "${TMPDIR:-/tmp}/mx-vscode-e2e.XXXXXX")
export XDG_CONFIG_HOME="$run/xdg-config" XDG_DATA_HOME="$run/xdg-data" XDG_CACHE_HOME="$run/xdg-cache"

# The workspace: a new project from the jar inside the vsix, a project generator in
# .mx/generators/, and a mistake in devspace.yaml.
ws="$run/demo"
unzip -p "$vsix" extension/server/mx.jar > "$run/mx.jar"
"$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$run/mx.jar" new ml-project-skeleton "$ws" --json > "$run/new.json"
mkdir -p "$ws/.mx/generators"
cp -r "$ext/test/e2e/fixtures/hello-service" "$ws/.mx/generators/"
printf 'bogusKey: 1\n' >> "$ws/devspace.yaml"
# a second DevSpace config with a mistake, never opened: only "MX: Lint Workspace" reports it
mkdir -p "$ws/services/api"
printf 'version: v2beta1\nname: api\nunknownThing: 1\n' > "$ws/services/api/devspace.yaml"
lap "workspace $ws"

csbin="$cs/node_modules/.bin/code-server"
common=(--config "$run/config.yaml" --extensions-dir "$run/extensions" --user-data-dir "$run/user-data")
mkdir -p "$run/user-data/User"
cat > "$run/user-data/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "window.restoreWindows": "none",
  "files.autoSave": "off",
  "editor.autoClosingBrackets": "never",
  "editor.autoClosingQuotes": "never",
  "editor.autoIndent": "none",
  "mx.lint.rules": { "devspace/unknown-key": "warning" }
}
JSON
"$csbin" "${common[@]}" --install-extension "$vsix" > "$run/install-extension.log" 2>&1 \
  || { cat "$run/install-extension.log" >&2; exit 1; }
lap "extension installed from $(basename "$vsix")"

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
# setsid: code-server and everything it starts (extension host, the mx server's JVM) get their
# own process group, which cleanup ends as a whole.
setsid "$csbin" "${common[@]}" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry \
  --disable-update-check --disable-workspace-trust --disable-getting-started-override "$ws" \
  > "$run/code-server.log" 2>&1 &
cs_pid=$!
cleanup() {
  kill -TERM -- "-$cs_pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 -- "-$cs_pid" 2>/dev/null || break; sleep 0.25; done
  kill -KILL -- "-$cs_pid" 2>/dev/null || true
  if [[ "${E2E_KEEP:-}" != 1 ]]; then rm -rf "$run"; else echo "e2e: run folder kept: $run"; fi
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break
  kill -0 "$cs_pid" 2>/dev/null || { cat "$run/code-server.log" >&2; exit 1; }
  sleep 0.25
done
lap "code-server answering on 127.0.0.1:$port"

status=0
CS_URL="http://127.0.0.1:$port" WS_DIR="$ws" OUT_DIR="$out" CHROMIUM="$chromium" \
  SETTINGS_FILE="$run/user-data/User/settings.json" NEW_PARENT="$run/new" LOG_ROOT="$run/user-data/logs" \
  timeout 240 node "$ext/test/e2e/e2e.js" || status=$?
lap "browser test done (exit $status)"

if [[ $status -ne 0 ]]; then
  # What the extension and the server said: the "mx" output channel as VS Code logged it.
  rm -rf "$out/logs" && mkdir -p "$out/logs"
  cp "$run/code-server.log" "$out/logs/" 2>/dev/null || true
  find "$run/user-data/logs" -type f \( -name '*mx*.log' -o -name 'exthost.log' -o -name 'remoteexthost.log' \) \
    -exec cp --backup=numbered {} "$out/logs/" \; 2>/dev/null || true
  find "$run" -name 'mx-lsp.log' -exec cp {} "$out/logs/" \; 2>/dev/null || true
  for f in "$out"/logs/*; do
    [[ -f "$f" ]] || continue
    echo "----- $(basename "$f") (last 40 lines) -----"
    tail -n 40 "$f"
  done
  echo "e2e: logs and screenshots in $out"
fi
exit "$status"
