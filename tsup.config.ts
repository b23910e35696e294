import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';
import { asciiOnly } from './scripts/ascii-only.js';

const root = import.meta.dirname;

/** Where the n8n package is assembled (package.json added by scripts/pack.sh); compiled files under dist/. */
export const N8N_PACKAGE_DIR = 'dist/n8n-package';
const n8nOut = `${N8N_PACKAGE_DIR}/dist`;
const sharedLib = join(root, 'nodes', 'shared', 'index');

function files(dir: string, suffix: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(dir, f));
}

/** n8n loads each node and credential file on its own: one CommonJS file each, plus the shared library. */
function n8nEntries(): Record<string, string> {
  const entries: Record<string, string> = { 'nodes/shared/index': 'nodes/shared/index.ts' };
  for (const file of [...files('nodes', '.node.ts'), ...files('credentials', '.credentials.ts')]) entries[file.replace(/\.ts$/, '')] = file;
  return entries;
}

/**
 * Node and credential files import the shared library as '../shared' (or '../nodes/shared'): keep it out of
 * their bundles and require the one built copy, by its path relative to the file n8n loads.
 */
const sharedLibExternal: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'callbridge-n8n-shared-lib',
  setup(build) {
    build.onResolve({ filter: /(^|\/)shared(\/index(\.[jt]s)?)?$/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const target = resolve(args.resolveDir, args.path).replace(/\.[jt]s$/, '');
      if (target !== sharedLib && `${target}/index` !== sharedLib) return undefined;
      const outFile = join(root, n8nOut, relative(root, args.importer)).replace(/\.ts$/, '.js');
      const path = relative(dirname(outFile), join(root, n8nOut, 'nodes', 'shared', 'index.js'));
      return { path: path.startsWith('.') ? path : `./${path}`, external: true };
    });
  },
};

/**
 * Core imports Node built-ins as `node:crypto`; n8n's lint and package scanner allow only `crypto`, so the n8n
 * bundle requires it by that name (the same module).
 */
const nodeCryptoAsCrypto: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'callbridge-n8n-node-crypto',
  setup(build) {
    build.onResolve({ filter: /^node:crypto$/ }, () => ({ path: 'crypto', external: true }));
  },
};

export default defineConfig([
  {
    // The `callbridge` package: CLI + MCP server.
    entry: { cli: 'mcp/cli.ts' },
    outDir: 'dist/callbridge',
    format: ['esm'],
    platform: 'node',
    target: 'node22',
    bundle: true,
    // Dependencies are bundled: a few files load far faster than hundreds (MCP cold start). Lazily
    // imported parts (undici, the sandbox, ioredis, the MCP server) are chunks of their own under
    // chunks/, read and compiled only when a command needs them.
    splitting: true,
    clean: true,
    noExternal: [/.*/],
    esbuildOptions(options) {
      options.chunkNames = 'chunks/[name]-[hash]';
      options.charset = 'ascii';
    },
    onSuccess: async () => asciiOnly(join(root, 'dist/callbridge')),
    // node:sqlite has no unprefixed name: keep every node: import as written.
    removeNodeProtocol: false,
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  },
  {
    // The n8n community package (n8n-nodes-callbridge): CommonJS, core and zod bundled, only n8n-workflow
    // and crypto required at run time, `globalThis` replaced by a bundle-local object.
    entry: n8nEntries(),
    outDir: n8nOut,
    format: ['cjs'],
    outExtension: () => ({ js: '.js' }),
    platform: 'node',
    target: 'node22',
    bundle: true,
    splitting: false,
    clean: true,
    sourcemap: false,
    external: ['n8n-workflow'],
    noExternal: ['zod', 'libphonenumber-js'],
    inject: ['packaging/n8n/global-shim.js'],
    esbuildPlugins: [sharedLibExternal, nodeCryptoAsCrypto],
    async onSuccess() {
      // Icons sit next to the node and credential files that name them (icon: 'file:x.svg').
      for (const icon of [...files('nodes', '.svg'), ...files('credentials', '.svg')]) cpSync(join(root, icon), join(root, n8nOut, icon));
      // Codex files (categories, search aliases) sit next to the node files: X.node.js -> X.node.json.
      for (const codex of files('nodes', '.node.json')) cpSync(join(root, codex), join(root, n8nOut, codex));
      // package.json from the template with the project's version, plus README (docs/n8n.md) and LICENSE.
      const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
      const manifest = { ...(JSON.parse(readFileSync(join(root, 'packaging/n8n/package.json'), 'utf8')) as object), version };
      writeFileSync(join(root, N8N_PACKAGE_DIR, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      if (existsSync(join(root, 'docs/n8n.md'))) cpSync(join(root, 'docs/n8n.md'), join(root, N8N_PACKAGE_DIR, 'README.md'));
      cpSync(join(root, 'LICENSE'), join(root, N8N_PACKAGE_DIR, 'LICENSE'));
    },
  },
]);
