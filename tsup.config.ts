import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The `callbridge` package: CLI + MCP server.
    entry: { cli: 'mcp/cli.ts' },
    outDir: 'dist/callbridge',
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    bundle: true,
    splitting: false,
    clean: true,
    external: ['@modelcontextprotocol/sdk', 'undici', 'zod'],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
