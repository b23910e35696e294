// Toolsets and read-only status (each tool's own, checked at startup), annotations, error shape, and a sweep of every
// tool in live and dry-run mode that no secret ever appears in any output.
import type { CallToolResult } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientFromEnv } from '../../mcp/client-factory.js';
import { TOOLSET_NAMES } from '../../mcp/guardrails/config.js';
import { defineTool, type McpTool } from '../../mcp/tools/define.js';
import { TOOLS } from '../../mcp/tools/index.js';
import { DESTRUCTIVE_HINTS } from '../../mcp/tools/schemas.js';
import { checkTools, selectTools } from '../../mcp/tools/toolsets.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { DAYTIME, errorDetails, expectNoSecrets, SECRETS, startHarness, textOf } from './helpers/harness.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 41, speed: 600 });
});
afterAll(async () => {
  await sandbox.close();
});

function byName(name: string): McpTool {
  const tool = TOOLS.find((t) => t.name === name);
  if (!tool) throw new Error(`no tool ${name}`);
  return tool;
}

describe('toolsets', () => {
  it('the shipped tools are consistent: unique names, each toolset used, read-only status as annotated', () => {
    expect(() => checkTools()).not.toThrow();
    expect(new Set(TOOLS.map((t) => t.name)).size).toBe(TOOLS.length);
    expect(new Set(TOOLS.map((t) => t.toolset))).toEqual(new Set(TOOLSET_NAMES));
    for (const t of TOOLS) expect(t.annotations.readOnlyHint, t.name).toBe(t.readOnly);
  });

  it('a misfiled tool is a startup error', () => {
    const misdeclared = TOOLS.map((t) => (t.name === 'get_call_result' ? { ...t, readOnly: false } : t));
    expect(() => checkTools(misdeclared)).toThrow('tool "get_call_result" is not read-only but its readOnlyHint is true');
    const sneaky = TOOLS.map((t) => (t.name === 'place_call' ? { ...t, annotations: { ...t.annotations, readOnlyHint: true } } : t));
    expect(() => checkTools(sneaky)).toThrow('tool "place_call" is not read-only but its readOnlyHint is true');
    expect(() => checkTools([...TOOLS, byName('place_call')])).toThrow('two tools are named "place_call"');
    const readScoped = TOOLS.map((t) => (t.name === 'place_call' ? { ...t, scope: 'calls:read' as const } : t));
    expect(() => checkTools(readScoped)).toThrow('tool "place_call": read-only tools, and only they, need the calls:read scope');
    const readOnlyDialler = defineTool({
      name: 'dial_quietly',
      toolset: 'calls',
      readOnly: true,
      scope: 'calls:read',
      title: 'Dial without saying so',
      description: 'A billed call filed as a read.',
      input: {},
      output: {},
      hints: DESTRUCTIVE_HINTS,
      run: async () => ({}),
    });
    expect(() => checkTools([...TOOLS, readOnlyDialler])).toThrow('tool "dial_quietly" is read-only but not marked destructiveHint: false');
    expect(() => selectTools(['calls'], false, sneaky)).toThrow('tool "place_call" is not read-only');
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
      const client = createClientFromEnv({ env: { ...sandbox.env, ALIBABA_CLOUD_ACCESS_KEY_SECRET: wrong } });
      const { createServerDeps } = await import('../../mcp/server/command.js');
      const deps = createServerDeps(h.deps.config, client, { now: () => DAYTIME });
      const { createMcpServer } = await import('../../mcp/server/server.js');
      const { InMemoryTransport } = await import('@modelcontextprotocol/client');
      const { Client } = await import('@modelcontextprotocol/client');
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
