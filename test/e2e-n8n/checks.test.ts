/**
 * n8n's own gates on the packed package, as the community registry runs them: `n8n-node lint`
 * (strict) on the package source and @n8n/scan-community-package's analyzePackage() on the
 * source and the unpacked tarball (scripts/n8n-checks.sh, owned by the package).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { n8nTools, packedTarball, ROOT, run, tail } from './harness.js';

describe('n8n community package checks', () => {
  it('passes n8n-node lint and the community package scanner (source and tarball)', async () => {
    const tools = n8nTools();
    const tgz = packedTarball();
    const r = await run('bash', [join(ROOT, 'scripts', 'n8n-checks.sh'), tgz], {
      // Not vitest's environment: with NODE_ENV=test eslint-plugin-n8n-nodes-base switches to its own
      // rule-test mode and reports nonsense (e.g. "Rename file to X.node.ts" for X.node.ts).
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...tools },
      cwd: ROOT,
      timeoutMs: 5 * 60_000,
    });
    expect(r.code, `scripts/n8n-checks.sh ${tgz} exited ${r.code}${r.timedOut ? ' (timed out)' : ''}:\n${tail(r.output, 150)}`).toBe(0);
    expect(r.output).toMatch(/lint: passed/);
    expect(r.output).toMatch(/scan source: passed/);
    expect(r.output).toMatch(/scan tarball: passed/);
  }, 6 * 60_000);
});
