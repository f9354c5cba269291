#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3 in the browser; the last release that runs on
# Node 20) into a cache folder for the end-to-end test, once. Needs from Debian: ripgrep and
# the build tools for code-server's native modules (build-essential, pkg-config, libkrb5-dev);
# .ci/run installs them.
#
#   MX_E2E_HOME=<dir> bash test/e2e/setup.sh     (default: $XDG_CACHE_HOME or ~/.cache, /mx-vscode-e2e)
#
# Prints the code-server folder on the last line of stdout. Two traps of the plain
# `npm install code-server` are avoided here:
#  1. @vscode/ripgrep's postinstall downloads rg from GitHub. It first looks in a download cache,
#     $TMPDIR/vscode-ripgrep-cache-<version>/, which is seeded with Debian's rg.
#  2. node-pty's postinstall runs `npx node-gyp`, which stops on npm's `yes=false`:
#     npm_config_yes=true lets npx fetch node-gyp from the npm registry.
set -euo pipefail

CS_VERSION=4.100.3
RG_PKG_VERSION=1.15.11                                   # @vscode/ripgrep in code-server 4.100.3
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz # the asset it looks for on linux-x64

home=${MX_E2E_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/mx-vscode-e2e}
cs="$home/code-server-$CS_VERSION"
bin="$cs/node_modules/.bin/code-server"
mkdir -p "$home"

if [[ -f "$cs/.installed" && -x "$bin" ]]; then
  echo "code-server $CS_VERSION already installed" >&2
  echo "$cs"
  exit 0
fi

command -v rg >/dev/null || { echo "setup: ripgrep (rg) is needed: apt-get install ripgrep" >&2; exit 1; }
if [[ "$(uname -m)" != x86_64 ]]; then
  echo "setup: the ripgrep cache seeding here is for x86_64 only" >&2
  exit 1
fi

rgtmp="$home/rgtmp"
mkdir -p "$rgtmp/vscode-ripgrep-cache-$RG_PKG_VERSION"
t=$(mktemp -d)
cp "$(command -v rg)" "$t/rg"
tar -czf "$rgtmp/vscode-ripgrep-cache-$RG_PKG_VERSION/$RG_ASSET" -C "$t" rg
rm -rf "$t"

rm -rf "$cs"
mkdir -p "$cs"
cd "$cs"
printf '{ "name": "mx-e2e-code-server", "private": true }\n' > package.json
log="$home/code-server-install.log"
started=$SECONDS
echo "setup: npm install code-server@$CS_VERSION (log: $log)" >&2
# --unsafe-perm: CI runs as root, and the install scripts must still run as root. A failed
# download is retried (the registry can be flaky); a failure that stays is an error.
attempt=1
until TMPDIR="$rgtmp" npm_config_yes=true npm install --no-audit --no-fund --unsafe-perm \
    "code-server@$CS_VERSION" > "$log" 2>&1; do
  if ((attempt >= 3)); then
    echo "setup: npm install code-server failed $attempt times; last lines of the log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  echo "setup: npm install code-server failed (attempt $attempt); retrying in $((attempt * 10)) s" >&2
  tail -n 5 "$log" >&2
  sleep $((attempt * 10))
  attempt=$((attempt + 1))
  rm -rf node_modules package-lock.json
done
XDG_CONFIG_HOME="$home/xdg-probe" XDG_DATA_HOME="$home/xdg-probe" "$bin" --version >&2
rm -rf "$home/xdg-probe"
touch "$cs/.installed"
echo "setup: code-server installed in $((SECONDS - started)) s" >&2
echo "$cs"
