#!/usr/bin/env bash
# n8n's own checks on the n8n community package, as its registry scan runs them (used by CI after
# `npm run pack`):
#   1. `n8n-node lint` (@n8n/node-cli, strict mode) on a copy of the package source;
#   2. @n8n/scan-community-package analyzePackage() on that source and on the unpacked tarball.
# Tools come from scripts/n8n-tools.sh (cached). Exit 0 only when all pass. See docs/dev/n8n-tools.md.
# Usage: bash scripts/n8n-checks.sh [path/to/n8n-nodes-callbridge-<v>.tgz]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
eval "$(bash scripts/n8n-tools.sh)"

version=$(node -p "require('./package.json').version")
tarball=${1:-artifacts/n8n-nodes-callbridge-$version.tgz}
[[ -f "$tarball" ]] || { echo "n8n-checks: $tarball not found; run npm run pack first" >&2; exit 1; }
tarball=$(cd "$(dirname "$tarball")" && pwd)/$(basename "$tarball")

# A scratch folder outside the repo (a repo node_modules/.bin/eslint would be found first otherwise).
work=$(mktemp -d "${TMPDIR:-/tmp}/callbridge-n8n-checks.XXXXXX")
trap 'rm -rf "$work"' EXIT
ln -s "$N8N_SCAN_DIR/node_modules" "$work/node_modules"

# Package source: the manifest that ships, the stock eslint config, the node and credential sources.
# core/ comes along compiled to JavaScript (tsc), so their relative imports (../../core/...) resolve as in
# the repo; the lint config only applies rules to .ts files, and core's code is checked in the bundled
# tarball leg (no-restricted-globals/imports etc. on every shipped .js).
mkdir -p "$work/pkg/core"
tar -xzOf "$tarball" package/package.json >"$work/pkg/package.json"
cp packaging/n8n/eslint.config.mjs "$work/pkg/"
# For import resolution only (`.js` specifiers name `.ts` files, as in the repo); not part of the package.
printf '{"compilerOptions":{"module":"ESNext","moduleResolution":"Bundler","allowJs":true,"strict":true}}\n' >"$work/pkg/tsconfig.json"
cp -r nodes credentials "$work/pkg/"
cat >"$work/tsconfig.core.json" <<JSON
{
  "compilerOptions": {
    "target": "ES2022", "module": "ESNext", "moduleResolution": "Bundler", "strict": true, "skipLibCheck": true,
    "types": ["node"], "typeRoots": ["$root/node_modules/@types"], "noEmit": false,
    "rootDir": "$root/core", "outDir": "$work/pkg/core"
  },
  "include": ["$root/core/**/*.ts"]
}
JSON
npx tsc -p "$work/tsconfig.core.json"
mkdir -p "$work/unpacked"
tar -xzf "$tarball" -C "$work/unpacked" --strip-components=1

status=0
echo "== n8n-node lint (strict)"
if (cd "$work/pkg" && "$N8N_NODE_CLI_BIN" lint </dev/null) >"$work/lint.log" 2>&1; then
  sed 's/\x1b\[[0-9;]*m//g' "$work/lint.log" | grep -E "warning|✖" || true
  echo "lint: passed"
else
  sed 's/\x1b\[[0-9;]*m//g' "$work/lint.log"
  echo "lint: FAILED"
  status=1
fi

echo "== scan-community-package analyzePackage (source and tarball)"
if TMPDIR="$work" "$N8N_NODE24_BIN/node" --input-type=module -e '
  import { resolve } from "node:path";
  const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(process.env.N8N_SCAN_MODULE);
  const legs = [
    ["source", await analyzePackage(resolve(process.argv[1]), SOURCE_FILE_PATTERNS)],
    ["tarball", await analyzePackage(resolve(process.argv[2]), ["**/*.js", "package.json"])],
  ];
  let ok = true;
  for (const [name, r] of legs) {
    console.log(`scan ${name}: ${r.passed ? "passed" : "FAILED"}${r.message ? ` (${r.message})` : ""}`);
    if (!r.passed) { ok = false; console.log(r.details ?? r.error ?? ""); }
  }
  process.exit(ok ? 0 : 1);
' "$work/pkg" "$work/unpacked"; then :; else status=1; fi

exit $status
