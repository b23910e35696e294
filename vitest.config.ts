import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // `callbridge mcp` keeps its policy store in $XDG_STATE_HOME: each run starts from an empty one.
    // Every answer is checked against the full output schema (the CLI and MCP processes read it from here too).
    env: { XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'callbridge-test-state-')), CALLBRIDGE_VALIDATE_OUTPUT: 'true' },
  },
});
