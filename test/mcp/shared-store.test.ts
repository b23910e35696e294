// Two `callbridge mcp` processes on one machine (say Claude Desktop and Cursor) share the default
// policy store: under parallel load every cap holds exactly across both, and no placed call's id is
// lost. Judged by the calls the sandbox recorded and by the store itself.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientFromEnv } from '../../mcp/client-factory.js';
import { resolveConfig } from '../../mcp/guardrails/config.js';
import { pipelineFor } from '../../mcp/policy.js';
import { systemRuntime } from '../../mcp/runtime.js';
import { defaultStorePath } from '../../mcp/stores/open-store.js';
import { SqliteStore } from '../../mcp/stores/sqlite-store.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { packedCallbridgeBin } from '../helpers/packed-callbridge.js';
import { errorDetails, textOf } from './helpers/harness.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'shared-store', speed: 600 });
});
afterAll(async () => {
  await sandbox.close();
});

const FLAGS = ['--allow-calls', '--no-confirm', '--calling-hours', 'off', '--max-calls-per-day', '10', '--max-calls-per-hour', '100', '--max-per-number-per-hour', '1', '--max-concurrent-calls', 'unlimited'];

async function spawnServer(stateHome: string): Promise<Client> {
  const transport = new StdioClientTransport({
    command: packedCallbridgeBin(),
    args: ['mcp', ...FLAGS],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', XDG_STATE_HOME: stateHome, ...sandbox.env },
    stderr: 'pipe',
  });
  const client = new Client({ name: 'shared-store-test', version: '1' });
  await client.connect(transport);
  return client;
}

const place = (client: Client, to: string) =>
  client.callTool({ name: 'place_call', arguments: { provider: 'dyvms', to, tts_template: 'TTS_100001' } }) as Promise<CallToolResult>;

describe('two callbridge mcp processes sharing the default store', () => {
  it('keep the daily cap and a per-number cap exactly under parallel load, and lose no call id', async () => {
    const stateHome = mkdtempSync(join(tmpdir(), 'callbridge-shared-'));
    const [a, b] = await Promise.all([spawnServer(stateHome), spawnServer(stateHome)]);
    try {
      // The same subscriber in two forms from both processes at once: the per-number cap (1) holds.
      const same = await Promise.all([a, b, a, b, a, b].map((client, i) => place(client, i % 2 ? '+8613800009000' : '13800009000')));
      expect(same.filter((r) => !r.isError)).toHaveLength(1);
      for (const r of same.filter((x) => x.isError)) expect(errorDetails(r), textOf(r)).toMatchObject({ rule: 'max-per-number-per-hour' });

      // 24 different numbers, 12 from each process at once: the daily cap (10 in all) leaves 9.
      const numbers = Array.from({ length: 24 }, (_, i) => `1380000${String(9100 + i)}`);
      const results = await Promise.all(numbers.map((n, i) => place(i % 2 ? b : a, n)));
      const placed = results.filter((r) => !r.isError);
      expect(placed).toHaveLength(9);
      for (const r of results.filter((x) => x.isError)) expect(errorDetails(r), textOf(r)).toMatchObject({ rule: 'max-calls-per-day' });

      const recorded = ((await (await fetch(`${sandbox.url}/_sandbox/calls`)).json()) as Array<{ number: string }>).filter((c) => c.number.includes('138000091') || c.number.includes('13800009000'));
      expect(recorded).toHaveLength(10);

      // Every placed call's id is in the store, under the provider and account that placed it.
      const store = await SqliteStore.open(defaultStorePath({ XDG_STATE_HOME: stateHome }), systemRuntime);
      try {
        const pipeline = pipelineFor(resolveConfig({}, {}), createClientFromEnv({ env: sandbox.env }), store, systemRuntime);
        const ids = [...same, ...placed].filter((r) => !r.isError).map((r) => (r.structuredContent as { call_id: string }).call_id);
        expect(ids).toHaveLength(10);
        for (const id of ids) {
          expect(await pipeline.placedCall('dyvms', id), id).toMatchObject({ operation: 'dyvms.SingleCallByTts' });
          expect(await pipeline.placedCall('volcengine', id)).toBeUndefined();
        }
      } finally {
        await store.close();
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
