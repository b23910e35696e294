// Toolsets (read/write lists checked at startup), annotations, error shape, and a sweep of every
// tool in live and dry-run mode that no secret ever appears in any output.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkToolsets, selectTools, TOOLS, TOOLSETS, type ToolDef } from '../../mcp/server/tools.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { DAYTIME, errorDetails, expectNoSecrets, SECRETS, startHarness, textOf } from './helpers/harness.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 41, speed: 600 });
});
afterAll(async () => {
  await sandbox.close();
});

describe('toolsets', () => {
  it('the shipped lists are consistent', () => {
    expect(() => checkToolsets()).not.toThrow();
    expect(TOOLS.map((t) => t.name).sort()).toEqual(Object.values(TOOLSETS).flatMap((s) => [...s.read, ...s.write]).sort());
  });

  it('a tool in the wrong list, twice, in none, or unknown is a startup error', () => {
    const byName = (name: string) => TOOLS.find((t) => t.name === name) as ToolDef;
    const misdeclared = TOOLS.map((t) => (t.name === 'get_call_result' ? { ...t, annotations: { ...t.annotations, readOnlyHint: false } } : t));
    expect(() => checkToolsets(misdeclared)).toThrow('tool "get_call_result" is in the calls read list but is not read-only');
    const sneaky = TOOLS.map((t) => (t.name === 'place_call' ? { ...t, annotations: { ...t.annotations, readOnlyHint: true } } : t));
    expect(() => checkToolsets(sneaky)).toThrow('tool "place_call" is in the calls write list but is marked read-only');
    expect(() => checkToolsets(TOOLS, { ...TOOLSETS, tasks: { ...TOOLSETS.tasks, read: [...TOOLSETS.tasks.read, 'get_call_result'] } })).toThrow(/"get_call_result" is listed twice/);
    expect(() => checkToolsets([...TOOLS, { ...byName('place_call'), name: 'dial_anyone' }])).toThrow('tool "dial_anyone" is in no toolset list');
    expect(() => checkToolsets(TOOLS, { ...TOOLSETS, catalog: { read: ['search_operations', 'describe_operation', 'ghost'], write: ['invoke_operation'] } })).toThrow(/unknown tool "ghost"/);
  });

  it('--toolsets and --read-only select the listed tools', () => {
    expect(selectTools(['calls'], false).map((t) => t.name)).toEqual(['place_call', 'get_call_result', 'wait_for_call_result']);
    expect(selectTools(['catalog'], true).map((t) => t.name)).toEqual(['search_operations', 'describe_operation']);
    expect(selectTools(['calls', 'tasks', 'catalog'], true).every((t) => t.annotations.readOnlyHint)).toBe(true);
  });

  it('annotations: billed or irreversible tools are destructive, reads are read-only', () => {
    const a = Object.fromEntries(TOOLS.map((t) => [t.name, t.annotations]));
    for (const name of ['place_call', 'add_task_callees', 'control_task', 'invoke_operation']) expect(a[name], name).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: false });
    expect(a.create_call_task).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    for (const name of ['search_operations', 'describe_operation']) expect(a[name]).toMatchObject({ readOnlyHint: true, openWorldHint: false });
    for (const name of ['get_call_result', 'wait_for_call_result', 'get_task_status', 'list_task_calls']) expect(a[name]).toMatchObject({ readOnlyHint: true, openWorldHint: true });
  });
});

describe('results', () => {
  it('vendor failures are isError results with the vendor code and request id, never success-looking', async () => {
    const h = await startHarness({ sandbox, now: () => DAYTIME });
    try {
      const r = (await h.call('get_task_status', { provider: 'dyvms', task_id: '999' })) as CallToolResult;
      expect(r.isError).toBe(true);
      expect(r.structuredContent).toBeUndefined();
      const details = errorDetails(r);
      expect(details).toMatchObject({ error: 'vendor', operationId: 'dyvms.QueryRobotTaskDetail' });
      expect(details.code).toBeTruthy();
      expect(details.requestId).toBeTruthy();
      expect(textOf(r)).toContain(`vendor code ${String(details.code)}`);
      expect(textOf(r)).toContain(`request id ${String(details.requestId)}`);
      const bad = (await h.call('invoke_operation', { id: 'dyvms.SingleCallByTts', input: { CalledNumber: 'not-a-number', TtsCode: 'TTS_1' } })) as CallToolResult;
      expect(bad.isError).toBe(true);
      expect(textOf(bad)).toMatch(/^Invalid input; nothing was sent\. .*CalledNumber/);
      const unsupported = (await h.call('place_call', { provider: 'pbx', to: '13800000001', tts_template: 'TTS_1' })) as CallToolResult;
      expect(unsupported.isError).toBe(true);
      expect(textOf(unsupported)).toMatch(/not available for pbx: .*prompt/);
      const unknownOp = (await h.call('describe_operation', { id: 'dyvms.DoesNotExist' })) as CallToolResult;
      expect(unknownOp.isError).toBe(true);
    } finally {
      await h.close();
    }
  });
});

describe('secrets never appear in tool output', () => {
  const script = (taskId: string, callId: string) =>
    [
      ['search_operations', { query: 'call' }],
      ['describe_operation', { id: 'dyvms.SingleCallByTts' }],
      ['describe_operation', { id: 'pbx.login' }],
      ['list_robot_scripts', { provider: 'dyvms' }],
      ['list_robot_scripts', { provider: 'outboundbot' }],
      ['list_robot_scripts', { provider: 'volcengine' }],
      ['place_call', { provider: 'dyvms', to: '13800003001', tts_template: 'TTS_1' }],
      ['place_call', { provider: 'volcengine', to: '13800003002', voice_file: 'sandbox-voice-001', caller_id: 'NP100000000001' }],
      ['place_call', { provider: 'pbx', to: '13800003003', prompt: 'welcome' }],
      ['get_call_result', { provider: 'dyvms', call_id: callId }],
      ['create_call_task', { provider: 'dyvms', name: 't', script_id: '1000000000001', caller_id: '057100000000' }],
      ['add_task_callees', { provider: 'dyvms', task_id: taskId, callees: [{ number: '13800003004' }] }],
      ['control_task', { provider: 'dyvms', task_id: taskId, action: 'start' }],
      ['get_task_status', { provider: 'dyvms', task_id: taskId }],
      ['list_task_calls', { provider: 'dyvms', task_id: taskId }],
      ['invoke_operation', { id: 'pbx.extensionlist.query', input: {} }],
      ['invoke_operation', { id: 'pbx.login', input: {} }],
      ['invoke_operation', { id: 'volcengine.NumberPoolList', input: {} }],
      ['invoke_operation', { id: 'outboundbot.ListInstances', input: {} }],
    ] as Array<[string, Record<string, unknown>]>;

  for (const mode of ['live', 'dry-run'] as const) {
    it(`${mode}: every tool, including errors and signed previews`, async () => {
      const h = await startHarness({ sandbox, now: () => DAYTIME, flags: mode === 'live' ? { 'allow-calls': true, 'no-confirm': true } : { 'dry-run': true } });
      try {
        const outputs: unknown[] = [];
        const created = await h.call('create_call_task', { provider: 'dyvms', name: 't', script_id: '1000000000001', caller_id: '057100000000' });
        const taskId = (created.structuredContent as { task_id?: string }).task_id ?? '1';
        const placed = await h.call('place_call', { provider: 'dyvms', to: '13800003005', tts_template: 'TTS_1' });
        const callId = (placed.structuredContent as { call_id?: string }).call_id ?? '1^2';
        outputs.push(created, placed);
        for (const [name, args] of script(taskId, callId)) outputs.push(await h.call(name, args));
        if (mode === 'dry-run') {
          const previews = JSON.stringify(outputs);
          expect(previews).toContain('Signature');
          expect(previews).toContain('HMAC-SHA256 Credential=');
          expect(previews).toContain('token=%3Cpbx-session-token%3E');
        }
        expectNoSecrets(outputs);
      } finally {
        await h.close();
      }
    });
  }

  it('a vendor error caused by a wrong secret does not echo it', async () => {
    const h = await startHarness({ sandbox, now: () => DAYTIME });
    try {
      const wrong = 'Wr0ng-Secret-Value-123456';
      const { createClientFromEnv } = await import('../../mcp/client-factory.js');
      const client = createClientFromEnv({ env: { ...sandbox.env, ALIBABA_CLOUD_ACCESS_KEY_SECRET: wrong } });
      const { createServerDeps } = await import('../../mcp/server/command.js');
      const deps = createServerDeps(h.deps.config, client, { now: () => DAYTIME });
      const { createMcpServer } = await import('../../mcp/server/server.js');
      const { InMemoryTransport } = await import('@modelcontextprotocol/sdk/inMemory.js');
      const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
      const server = createMcpServer(deps);
      const [a, b] = InMemoryTransport.createLinkedPair();
      const mcp = new Client({ name: 'x', version: '1' });
      await Promise.all([server.connect(b), mcp.connect(a)]);
      const r = (await mcp.callTool({ name: 'list_robot_scripts', arguments: { provider: 'dyvms' } })) as CallToolResult;
      expect(r.isError).toBe(true);
      expect(JSON.stringify(r)).not.toContain(wrong);
      expect(SECRETS.some((s) => JSON.stringify(r).includes(s))).toBe(false);
      await mcp.close();
      await server.close();
    } finally {
      await h.close();
    }
  });
});
