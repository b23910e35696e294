// Calls as tasks (MCP Tasks extension) over HTTP: a call that lasts longer than the client's request
// timeout is followed to its final result through tasks/get, on either of two replicas sharing one
// policy store; a client without the extension still gets the plain result; a task can be cancelled.
// And the newcomer trap: waiting on a call an in-process sandbox never saw says so at once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, StreamableHTTPClientTransport, type CallToolResult } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyStore } from '../../core/policy/types.js';
import { createClientFromEnv } from '../../mcp/client-factory.js';
import { resolveConfig } from '../../mcp/guardrails/config.js';
import { systemRuntime } from '../../mcp/runtime.js';
import { createServerDeps } from '../../mcp/server/command.js';
import { startHttpServer, type RunningHttpServer } from '../../mcp/server/http.js';
import { openStore } from '../../mcp/stores/open-store.js';
import { createClock } from '../../sandbox/clock.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { startHarness, textOf } from './helpers/harness.js';
import { MODERN, tasksRequest } from './helpers/tasks-client.js';

let sandbox: RunningSandbox;
const replicas: RunningHttpServer[] = [];
const stores: PolicyStore[] = [];

beforeAll(async () => {
  // A slow sandbox: every call lasts at least 0.2 s (its shortest outcome, busy, is 0.8 simulated seconds at
  // 4x), longer than the impatient client's 100 ms request timeout below; the longest last about 18 s.
  sandbox = await startSandbox({ port: 0, seed: 'call-tasks', clock: createClock(4, () => sandboxTime.realNow()) });
  const file = join(mkdtempSync(join(tmpdir(), 'cb-tasks-')), 'policy.sqlite');
  for (let i = 0; i < 2; i++) {
    const config = resolveConfig({ http: true, port: '0', 'allow-calls': true, 'no-confirm': true, 'calling-hours': 'off' }, {});
    const store = (await openStore(`sqlite:${file}`, { setting: '--store', runtime: systemRuntime })).store;
    stores.push(store);
    replicas.push(await startHttpServer(createServerDeps(config, createClientFromEnv({ env: sandbox.env }), { store }), config));
  }
});
afterAll(async () => {
  for (const r of replicas) await r.close();
  for (const s of stores) await s.close();
  await sandbox.close();
});

/** One 2026-07-28 request as a Tasks-aware client sends it, to one of the replicas. */
const modern = (replica: number, method: string, params: Record<string, unknown>) => tasksRequest(replicas[replica].url, method, params);

async function placedCallId(to: string): Promise<string> {
  const placed = await modern(0, 'tools/call', { name: 'place_call', arguments: { provider: 'volcengine', to, tts_template: 'sandbox-tts-001', caller_id: 'NP100000000001' } });
  const out = placed.structuredContent as { call_id: string };
  return out.call_id;
}

/** Polls tasks/get, alternating replicas, honouring the task's poll interval scaled down, until the task leaves "working". */
async function settle(taskId: string): Promise<Record<string, unknown>> {
  for (let poll = 0; ; poll++) {
    const task = await modern(poll % 2, 'tasks/get', { taskId });
    if (task.status !== 'working') return task;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Real time as the sandbox sees it, which a test can hold still (a held call cannot end, however slow the machine). */
const sandboxTime = {
  heldAt: undefined as number | undefined,
  lost: 0,
  realNow(): number {
    return (this.heldAt ?? Date.now()) - this.lost;
  },
  hold(): void {
    this.heldAt = Date.now();
  },
  release(): void {
    if (this.heldAt !== undefined) this.lost += Date.now() - this.heldAt;
    this.heldAt = undefined;
  },
};

describe('calls as tasks', () => {
  it('a call longer than the client timeout is followed to its final result as a task, on any replica', { timeout: 60_000 }, async () => {
    sandboxTime.hold();
    const callId = await placedCallId('13800012001');
    // Without tasks, a client whose request timeout is shorter than the call gives up (the call cannot end meanwhile).
    const plain = new Client({ name: 'impatient', version: '1' });
    await plain.connect(new StreamableHTTPClientTransport(new URL(replicas[1].url)));
    try {
      await expect(plain.callTool({ name: 'wait_for_call_result', arguments: { provider: 'volcengine', call_id: callId, timeout_seconds: 120, interval_seconds: 1 } }, { timeout: 100 })).rejects.toThrow(/timed out/i);
    } finally {
      await plain.close();
      sandboxTime.release();
    }
    const handle = await modern(0, 'tools/call', { name: 'wait_for_call_result', arguments: { provider: 'volcengine', call_id: callId, timeout_seconds: 600 } });
    expect(handle).toMatchObject({ resultType: 'task', status: 'working', taskId: expect.any(String), pollIntervalMs: expect.any(Number) });
    const done = await settle(String(handle.taskId));
    expect(done.status).toBe('completed');
    const result = done.result as CallToolResult;
    expect(result.structuredContent).toMatchObject({ final: true, timed_out: false, result: { provider: 'volcengine', callId, final: true } });
  });

  it('place_call with wait_seconds returns the placed call as a task and completes with its result', { timeout: 60_000 }, async () => {
    const handle = await modern(1, 'tools/call', { name: 'place_call', arguments: { provider: 'volcengine', to: '13800012005', tts_template: 'sandbox-tts-001', caller_id: 'NP100000000001', wait_seconds: 600 } });
    expect(handle).toMatchObject({ resultType: 'task', status: 'working', structuredContent: { provider: 'volcengine', call_id: expect.any(String) } });
    const callId = (handle.structuredContent as { call_id: string }).call_id;
    const done = await settle(String(handle.taskId));
    expect((done.result as CallToolResult).structuredContent).toMatchObject({ provider: 'volcengine', call_id: callId, final: true, result: { callId, final: true } });
    expect((await (await fetch(`${sandbox.url}/_sandbox/calls?number=13800012005`)).json()) as unknown[]).toHaveLength(1);
  });

  it('tasks/cancel stops following; an unknown task is an invalid-params error', async () => {
    const callId = await placedCallId('13800012002');
    const handle = await modern(1, 'tools/call', { name: 'wait_for_call_result', arguments: { provider: 'volcengine', call_id: callId } });
    await modern(0, 'tasks/cancel', { taskId: handle.taskId });
    expect(await modern(1, 'tasks/get', { taskId: handle.taskId })).toMatchObject({ status: 'cancelled' });
    await expect(modern(0, 'tasks/get', { taskId: 'no-such-task' })).rejects.toThrow(/not found/);
  });

  it('a client without the extension gets the plain result', { timeout: 60_000 }, async () => {
    const callId = await placedCallId('13800012003');
    const client = new Client({ name: 'plain', version: '1' }, { versionNegotiation: { mode: { pin: MODERN } } });
    await client.connect(new StreamableHTTPClientTransport(new URL(replicas[0].url)));
    try {
      const r = (await client.callTool({ name: 'wait_for_call_result', arguments: { provider: 'volcengine', call_id: callId, timeout_seconds: 120, interval_seconds: 1 } }, { timeout: 120_000 })) as CallToolResult;
      expect(r.structuredContent).toMatchObject({ final: true });
    } finally {
      await client.close();
    }
  });
});

describe('a call unknown to this server', () => {
  it('with an in-process sandbox, waiting on a call this process never placed says why at once', async () => {
    const h = await startHarness({ flags: { 'allow-calls': true, 'no-confirm': true, 'calling-hours': 'off' } });
    h.deps.inProcessSandbox = true;
    try {
      const r = await h.call('wait_for_call_result', { provider: 'pbx', call_id: '1712345678.42', timeout_seconds: 600 });
      expect(r.isError).toBe(true);
      expect(textOf(r)).toContain('unknown to this server');
      expect(textOf(r)).toContain('live only as long as its process');
      // A call placed in this session is followed as before.
      const placed = await h.call('place_call', { provider: 'pbx', to: '13800012004', prompt: 'welcome' });
      const callId = (placed.structuredContent as { call_id: string }).call_id;
      const waited = await h.call('wait_for_call_result', { provider: 'pbx', call_id: callId, timeout_seconds: 120, interval_seconds: 1 });
      expect(waited.isError, textOf(waited)).toBeFalsy();
    } finally {
      await h.close();
    }
  });
});
