#!/usr/bin/env bash
# The one test command (`npm test`): installs what it needs, then checks, builds and tests everything on Node 24.
set -euo pipefail
cd "$(dirname "$0")/.."

# Node 24 from the npm registry (cached in ~/.cache/callbridge; seconds cold): every step below runs on it.
eval "$(bash scripts/node24.sh)"
export PATH="$NODE24_BIN:$PATH"
echo "== node $(node --version)"

# Real n8n for test/e2e-n8n (pinned n8n, lint/scanner tools; see docs/dev/n8n-tools.md):
# installed in the background while the steps below run (cold ~5 min, then cached in ~/.cache/callbridge).
tools_env=$(mktemp)
bash scripts/n8n-tools.sh >"$tools_env" &
tools_pid=$!

echo "== system packages (scripts/system-packages)"
bash scripts/system-deps.sh

# `npm ci` installs exactly the lock file; skipped when node_modules already matches this lock and Node.
stamp=node_modules/.callbridge-lock
want="$(sha256sum package-lock.json | cut -d' ' -f1) $(node --version)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi

echo "== generated files are current"
npm run --silent gen
if [ -n "$(git status --porcelain -- core/catalog/index.ts docs/operations.md README.md 2>/dev/null)" ]; then
  git --no-pager diff --stat -- core/catalog/index.ts docs/operations.md README.md
  echo "core/catalog/index.ts, docs/operations.md or README.md's operation counts are stale: run 'npm run gen' and commit the result" >&2
  exit 1
fi

echo "== typecheck"; npx tsc --noEmit
echo "== lint"; npx eslint .
echo "== build and pack (artifacts/*.tgz)"; npm run --silent pack
export CALLBRIDGE_N8N_TGZ="$PWD/artifacts/n8n-nodes-callbridge-$(node -p "require('./package.json').version").tgz"

echo "== n8n test tools"
wait "$tools_pid" || { echo "scripts/n8n-tools.sh failed (see its [n8n-tools] lines above)" >&2; exit 1; }
eval "$(cat "$tools_env")"; rm -f "$tools_env"

# Node 24: the SQLite policy store (node:sqlite) needs Node 22.13+, and CI runs on Node 24.
echo "== tests"; PATH="$N8N_NODE24_BIN:$PATH" npx vitest run
