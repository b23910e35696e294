#!/usr/bin/env bash
# `npm run pack`: builds both packages and writes their packed tarballs to artifacts/:
#   artifacts/n8n-nodes-callbridge-<version>.tgz  n8n community package (no runtime dependencies)
#   artifacts/callbridge-<version>.tgz            CLI + MCP server (bin: callbridge)
# Then check them with scripts/n8n-checks.sh (n8n-node lint + the community package scanner).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

npm run --silent gen >/dev/null
npx tsup >/dev/null

version=$(node -p "require('./package.json').version")
mkdir -p artifacts

# n8n-nodes-callbridge: tsup assembled it in dist/n8n-package (package.json from packaging/n8n).
n8n_dir=dist/n8n-package
node -e '
  const pkg = require(process.argv[1]);
  const bad = ["dependencies", "scripts", "devDependencies", "overrides"].filter((k) => pkg[k] && Object.keys(pkg[k]).length);
  if (bad.length) { console.error("n8n package.json must not have: " + bad.join(", ")); process.exit(1); }
' "$root/$n8n_dir/package.json"
(cd "$n8n_dir" && npm pack --silent --pack-destination "$root/artifacts" >/dev/null)

# callbridge: the CLI/MCP server, bundled (the MCP SDK v2 packages, zod and undici included; their
# licence notices are kept in the files), so the package has no dependencies to install: cli.js and the
# chunks it imports when a command needs them (dist/callbridge/chunks/).
cli_dir=dist/callbridge-package
rm -rf "$cli_dir"
mkdir -p "$cli_dir"
cp -r dist/callbridge "$cli_dir/dist"
chmod +x "$cli_dir/dist/cli.js"
cp LICENSE "$cli_dir/"
cp README.md "$cli_dir/"
node -e '
  const fs = require("fs");
  const root = require(process.argv[1]);
  const pkg = {
    name: "callbridge",
    version: root.version,
    description: root.description,
    license: root.license,
    type: "module",
    engines: root.engines,
    bin: { callbridge: "dist/cli.js" },
    files: ["dist"],
  };
  fs.writeFileSync(process.argv[2], JSON.stringify(pkg, null, 2) + "\n");
' "$root/package.json" "$root/$cli_dir/package.json"
(cd "$cli_dir" && npm pack --silent --pack-destination "$root/artifacts" >/dev/null)

ls -l "artifacts/n8n-nodes-callbridge-$version.tgz" "artifacts/callbridge-$version.tgz"
