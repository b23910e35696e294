// The real CLI (`callbridge mcp`, spawned) driven by the official SDK client over stdio.
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { type CallToolResult, type Progress } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { packedCallbridgeBin } from '../helpers/packed-callbridge.js';
import { expectNoSecrets, textOf } from './helpers/harness.js';
import { freshStateHome } from '../helpers/state-home.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 21, speed: 600 });
});
afterAll(async () => {
  await sandbox.close();
});

interface Spawned {
  client: Client;
  stderr: () => string;
  close(): Promise<void>;
}

async function spawnServer(args: string[], env: Record<string, string>, capabilities: Record<string, unknown> = {}): Promise<Spawned> {
  const transport = new StdioClientTransport({
    command: packedCallbridgeBin(),
    args: ['mcp', ...args],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', XDG_STATE_HOME: freshStateHome(), ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const client = new Client({ name: 'stdio-test', version: '1' }, { capabilities });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

async function placedCalls(url: string): Promise<Array<{ id: string; number: string }>> {
  return (await (await fetch(`${url}/_sandbox/calls`)).json()) as Array<{ id: string; number: string }>;
}

describe('callbridge mcp over stdio', () => {
  it('lists 14 tools with schemas and annotations; places a call and waits for it with progress', async () => {
    const server = await spawnServer(['--allow-calls', '--no-confirm', '--calling-hours', 'off'], sandbox.env);
    try {
      const { tools } = await server.client.listTools();
      expect(tools).toHaveLength(14);
      for (const t of tools) {
        expect(t.title, t.name).toBeTruthy();
        expect(t.description, t.name).toBeTruthy();
        expect(t.inputSchema.type).toBe('object');
        expect(t.outputSchema?.type, t.name).toBe('object');
        expect(typeof t.annotations?.readOnlyHint, t.name).toBe('boolean');
        expect(typeof t.annotations?.openWorldHint, t.name).toBe('boolean');
      }
      expect(tools.find((t) => t.name === 'place_call')?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: false });
      expect(server.stderr()).toContain('billed calls: on, without confirmation');

      const placed = (await server.client.callTool({ name: 'place_call', arguments: { provider: 'dyvms', to: '13800001001', tts_template: 'TTS_100001', tts_params: { code: '4321' } } })) as CallToolResult;
      expect(placed.isError, textOf(placed)).toBeFalsy();
      const callId = (placed.structuredContent as { call_id: string }).call_id;
      expect((await placedCalls(sandbox.url)).map((c) => c.id)).toContain(callId);

      const progress: Progress[] = [];
      const waited = (await server.client.callTool(
        { name: 'wait_for_call_result', arguments: { provider: 'dyvms', call_id: callId, timeout_seconds: 60, interval_seconds: 1 } },
        { onprogress: (p) => progress.push(p), timeout: 90_000 },
      )) as CallToolResult;
      const out = waited.structuredContent as { final: boolean; result: { status: string; callee: string } };
      expect(out.final).toBe(true);
      expect(['completed', 'no_answer', 'busy', 'failed']).toContain(out.result.status);
      expect(out.result.callee).toBe('13800001001');
      // The notification sent before the first poll always arrives; the SDK client may drop one that
      // arrives in the same read as the result, so only the first is asserted.
      expect(progress.length).toBeGreaterThan(0);
      expect(progress[0]).toMatchObject({ progress: 0, total: 60, message: 'waiting for the call result' });

      const refused = (await server.client.callTool({ name: 'place_call', arguments: { provider: 'dyvms', to: '110', tts_template: 'TTS_1' } })) as CallToolResult;
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toContain('emergency-numbers');
      expectNoSecrets([placed, waited, refused]);
    } finally {
      await server.close();
    }
  });

  it('asks the user through elicitation before a billed call, and places it on yes', async () => {
    const server = await spawnServer(['--allow-calls', '--calling-hours', 'off'], sandbox.env, { elicitation: {} });
    const asked: string[] = [];
    server.client.setRequestHandler('elicitation/create', async (request) => {
      asked.push(String(request.params.message));
      return { action: 'accept', content: { confirm: true } };
    });
    try {
      const r = (await server.client.callTool({ name: 'place_call', arguments: { provider: 'dyvms', to: '13800001002', voice_file: 'voice-1.wav' } })) as CallToolResult;
      expect(r.isError, textOf(r)).toBeFalsy();
      expect(asked).toHaveLength(1);
      expect(asked[0]).toContain('13800001002');
      expect(asked[0]).toContain('billed');
      expect((await placedCalls(sandbox.url)).map((c) => c.number)).toContain('13800001002');
    } finally {
      await server.close();
    }
  });

  it('with no credentials at all it runs against an in-process sandbox and says so', async () => {
    const server = await spawnServer(['--allow-calls', '--no-confirm', '--calling-hours', 'off'], { CALLBRIDGE_SANDBOX_SPEED: '600' });
    try {
      await server.client.listTools();
      expect(server.stderr()).toContain('sandbox: no real calls are placed');
      const url = /in-process sandbox at (http:\/\/127\.0\.0\.1:\d+)/.exec(server.stderr())?.[1];
      expect(url).toBeTruthy();
      const r = (await server.client.callTool({ name: 'place_call', arguments: { provider: 'pbx', to: '13800001003', prompt: 'welcome' } })) as CallToolResult;
      expect(r.isError, textOf(r)).toBeFalsy();
      expect((await placedCalls(url as string)).map((c) => c.number)).toEqual(['13800001003']);
      expectNoSecrets(r);
    } finally {
      await server.close();
    }
  });
});
