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
    env: { XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'callbridge-test-state-')) },
  },
});
