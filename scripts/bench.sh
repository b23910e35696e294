#!/usr/bin/env bash
# `npm run bench`: every benchmark, then one summary table and docs/benchmarks.md.
#   npm run bench                 full run (about 10 minutes on 2 cores)
#   npm run bench -- --quick      smaller counts, 2 rounds (a minute or two); results go to bench/results/*-quick.json, the doc is not rewritten
#                                 (npx tsx bench/report.ts --quick --write renders it from them)
#   BENCH_COMPARE=<git rev>       also run callbridge's clients built from that revision (before/after an optimisation)
set -euo pipefail
cd "$(dirname "$0")/.."

quick=""
for arg in "$@"; do [ "$arg" = "--quick" ] && quick="--quick"; done

if [ ! -d node_modules/@alicloud/pop-core ] || [ ! -d node_modules/gpt-tokenizer ]; then
  echo "== npm install (benchmark dev dependencies missing)"
  npm install --no-audit --no-fund
fi

echo "== build (tsup: the callbridge CLI/MCP package the MCP benchmark starts)"
mkdir -p .cache
cli_flag="--cli=dist/callbridge/cli.js"
if ! npx tsup >.cache/bench-tsup.log 2>&1; then
  echo "warning: tsup failed (see .cache/bench-tsup.log); the MCP benchmark bundles mcp/cli.ts itself, as tsup would" >&2
  cli_flag="--build"
fi

compare=()
[ -n "${BENCH_COMPARE:-}" ] && compare=("--compare=${BENCH_COMPARE}")

echo "== 1/4 client overhead"
npx tsx bench/client-overhead.ts $quick ${compare[@]+"${compare[@]}"}
echo "== 2/4 bulk pacing"
npx tsx bench/bulk-pacing.ts $quick
echo "== 3/4 MCP server"
npx tsx bench/mcp.ts "$cli_flag" $quick
echo "== 4/4 MCP over HTTP (needs the built CLI)"
if [ "$cli_flag" = "--cli=dist/callbridge/cli.js" ]; then npx tsx bench/mcp-http.ts $quick; else echo "skipped: tsup failed"; fi

echo
echo "== summary"
npx tsx bench/report.ts $quick
