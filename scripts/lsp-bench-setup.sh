# Sourced by the LSP benchmark scripts: sets $shared (the shared folder beside the repository, or
# MX_SHARED_DIR) and $bench (a copy of its bench/ with the driver and yaml-language-server installed
# from the npm registry, kept in mx-benchmarks/target/lsp-bench between runs).
shared="${MX_SHARED_DIR:-$root/../shared}"
bench="$root/mx-benchmarks/target/lsp-bench"
[[ -f "$shared/bench/lspclient.mjs" ]] || { echo "no LSP driver in $shared/bench (set MX_SHARED_DIR)" >&2; exit 2; }
mkdir -p "$bench"
cp -f "$shared/bench/lspclient.mjs" "$shared/bench/bigdevspace.py" "$bench/"
if ! cmp -s "$shared/bench/package.json" "$bench/package.json" || [[ ! -d "$bench/node_modules/yaml-language-server" ]]; then
  cp -f "$shared/bench/package.json" "$bench/"
  (cd "$bench" && npm install --no-audit --no-fund --silent >/dev/null 2>&1 || npm install --no-audit --no-fund >&2)
fi
