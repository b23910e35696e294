// MCP tasks that follow a campaign (get_task_status with wait_seconds) and call tasks that a receipt
// completes, over HTTP against a sandbox whose clock moves only when the test says: a campaign or a
// call ends exactly when the test advances it. Verdicts come from the sandbox's record: the calls it
// placed, the receipts it pushed, how many result queries it answered.
import { Client, StreamableHTTPClientTransport, type CallToolResult, type Progress } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientFromEnv } from '../../mcp/client-factory.js';
import { resolveConfig, type McpFlags } from '../../mcp/guardrails/config.js';
import { createServerDeps } from '../../mcp/server/command.js';
import { startHttpServer, type RunningHttpServer } from '../../mcp/server/http.js';
import type { RunningSandbox } from '../../sandbox/server.js';
import { HandClock, sandboxCalls, sandboxRates, startClusterSandbox, until } from '../cluster/support.js';
import { callToolAsTask, getTask, MODERN } from './helpers/tasks-client.js';

const HOUR = 3_600_000;
const TEN_MINUTES = 600_000;
const FLAGS: McpFlags = { http: true, port: '0', 'allow-calls': true, 'no-confirm': true, 'calling-hours': 'off' };

const clock = new HandClock();
let sandbox: RunningSandbox;
const servers: RunningHttpServer[] = [];

async function startServer(flags: McpFlags): Promise<RunningHttpServer> {
  const config = resolveConfig({ ...FLAGS, ...flags }, {});
  const server = await startHttpServer(createServerDeps(config, createClientFromEnv({ env: sandbox.env })), config);
  servers.push(server);
  return server;
}

beforeAll(async () => {
  sandbox = await startClusterSandbox(clock);
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await sandbox.close();
});

const structured = <T>(r: Record<string, unknown> | CallToolResult): T => {
  if (r.isError) throw new Error(JSON.stringify(r.content));
  return r.structuredContent as T;
};

/** A started dyvms robot task with two callees (it dials them, and ends once sandbox time moves on). */
async function startedCampaign(url: string, numbers: string[]): Promise<string> {
  const scripts = structured<{ scripts: Array<{ script_id: string }> }>(await callToolAsTask(url, 'list_robot_scripts', { provider: 'dyvms' }));
  const task = structured<{ task_id: string }>(await callToolAsTask(url, 'create_call_task', { provider: 'dyvms', name: 'follow-me', script_id: scripts.scripts[0].script_id, caller_id: '057100000000' }));
  structured(await callToolAsTask(url, 'add_task_callees', { provider: 'dyvms', task_id: task.task_id, callees: numbers.map((number) => ({ number })) }));
  structured(await callToolAsTask(url, 'control_task', { provider: 'dyvms', task_id: task.task_id, action: 'start' }));
  return task.task_id;
}

/** tasks/get until the task leaves "working" (each answer awaited before the next ask). */
async function settled(url: string, taskId: unknown): Promise<Record<string, unknown>> {
  let task: Record<string, unknown> = {};
  await until('the task to leave "working"', async () => {
    task = await getTask(url, taskId);
    return task.status !== 'working';
  });
  return task;
}

interface CampaignStatus {
  state: string;
  total?: number;
  completed?: number;
  final: boolean;
  timed_out?: boolean;
}

describe('get_task_status follows a campaign', () => {
  let url: string;
  beforeAll(async () => {
    url = (await startServer({ 'task-poll-seconds': '1' })).url;
  });

  it('as a task: the handle carries the running state; tasks/get completes with the final state the sandbox reached', { timeout: 60_000 }, async () => {
    const taskId = await startedCampaign(url, ['13600020001', '13600020002']);
    const handle = await callToolAsTask(url, 'get_task_status', { provider: 'dyvms', task_id: taskId, wait_seconds: 3600 });
    expect(handle).toMatchObject({
      resultType: 'task',
      status: 'working',
      statusMessage: expect.stringMatching(/^running, \d of 2 calls done/),
      pollIntervalMs: 1000,
      structuredContent: { task_id: taskId, state: 'running', final: false },
    });
    expect(await getTask(url, handle.taskId)).toMatchObject({ status: 'working' });

    clock.advance(HOUR); // every call of the campaign ends; the sandbox marks it finished
    const done = await settled(url, handle.taskId);
    expect(done.status).toBe('completed');
    const result = structured<CampaignStatus>(done.result as CallToolResult);
    expect(result).toMatchObject({ state: 'completed', final: true, timed_out: false, total: 2, completed: 2 });
    const dialled = (await sandboxCalls(sandbox, 'dyvms.StartRobotTask')).filter((c) => c.taskId === taskId);
    expect(dialled.map((c) => c.number).sort()).toEqual(['13600020001', '13600020002']);
    expect(dialled.every((c) => c.endAt !== undefined && c.endAt <= clock.now())).toBe(true);
  });

  it('without the Tasks extension: a plain wait with progress notifications, ending with the final state', { timeout: 60_000 }, async () => {
    const taskId = await startedCampaign(url, ['13600020003', '13600020004']);
    const client = new Client({ name: 'plain', version: '1' }, { versionNegotiation: { mode: { pin: MODERN } } });
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    const progress: Progress[] = [];
    try {
      const waited = (await client.callTool(
        { name: 'get_task_status', arguments: { provider: 'dyvms', task_id: taskId, wait_seconds: 600, interval_seconds: 1 } },
        {
          timeout: 60_000,
          onprogress: (p) => {
            // The wait is under way (its first notification): let the campaign run to its end.
            if (!progress.length) clock.advance(HOUR);
            progress.push(p);
          },
        },
      )) as CallToolResult;
      expect(structured<CampaignStatus>(waited)).toMatchObject({ state: 'completed', final: true, timed_out: false, total: 2, completed: 2 });
    } finally {
      await client.close();
    }
    expect(progress[0]).toMatchObject({ progress: 0, total: 600, message: expect.stringMatching(/^running, \d of 2 calls done/) });
    expect(progress.at(-1)?.message).toMatch(/^completed, 2 of 2 calls done/);
    expect((await sandboxCalls(sandbox, 'dyvms.StartRobotTask')).filter((c) => c.taskId === taskId)).toHaveLength(2);
  });

  it('a campaign already over answers at once, without a task', async () => {
    const taskId = await startedCampaign(url, ['13600020005']);
    clock.advance(HOUR);
    const answer = await callToolAsTask(url, 'get_task_status', { provider: 'dyvms', task_id: taskId, wait_seconds: 600 });
    expect(answer.resultType).toBe('complete');
    expect(structured<CampaignStatus>(answer)).toMatchObject({ state: 'completed', final: true, timed_out: false });
  });
});

describe('a receipt completes a call task', () => {
  it('before the next poll: the vendor is asked once by tasks/get and once because of the receipt', { timeout: 60_000 }, async () => {
    // An hour between polls: within this test, only the receipt can make anyone ask the vendor again.
    const server = await startServer({ 'task-poll-seconds': '3600' });
    const receiptUrl = new URL('/receipts/alibaba', server.url).href;
    const config = (receiptUrls: Record<string, string> | null) => fetch(`${sandbox.url}/_sandbox/config`, { method: 'POST', body: JSON.stringify({ receiptUrls }) });
    const queries = async () => (await sandboxRates(sandbox))['dyvms.QueryCallDetailByCallId']?.accepted ?? 0;
    const pushes = async () => ((await (await fetch(`${sandbox.url}/_sandbox/pushes`)).json()) as { attempts: Array<{ url: string; ok: boolean }> }).attempts.filter((p) => p.url === receiptUrl && p.ok).length;
    await config({ VoiceReport: receiptUrl });
    try {
      const handle = await callToolAsTask(server.url, 'place_call', { provider: 'dyvms', to: '13600020010', caller_id: '+8657100000000', ivr: { start: 'TTS_100000001' }, wait_seconds: 1800 });
      expect(handle).toMatchObject({ resultType: 'task', status: 'working', pollIntervalMs: 3_600_000 });
      const callId = structured<{ call_id: string }>(handle).call_id;
      const before = await queries();
      expect(await getTask(server.url, handle.taskId)).toMatchObject({ status: 'working' }); // its first poll
      expect(await queries()).toBe(before + 1);
      expect(await getTask(server.url, handle.taskId)).toMatchObject({ status: 'working' }); // not due: no poll
      expect(await queries()).toBe(before + 1);

      clock.advance(TEN_MINUTES); // the call ends; the sandbox pushes its VoiceReport to the server
      await until('the receipt push', async () => (await pushes()) > 0);
      const done = await settled(server.url, handle.taskId);
      expect(done.status).toBe('completed');
      expect(structured<Record<string, unknown>>(done.result as CallToolResult)).toMatchObject({ call_id: callId, final: true, result: { callId, final: true } });
      // The second question came from the receipt; the tasks/get that found the task completed asked nothing.
      expect(await queries()).toBe(before + 2);
      const calls = (await sandboxCalls(sandbox, 'dyvms.IvrCall')).filter((c) => c.number === '13600020010');
      expect(calls).toHaveLength(1);
      expect(calls[0].endAt).toBeDefined();
    } finally {
      await config(null);
    }
  });

  it('a forged receipt for a call still in progress ends nothing: the vendor is asked once and the task keeps working', { timeout: 60_000 }, async () => {
    const server = await startServer({ 'task-poll-seconds': '3600' });
    const queries = async () => (await sandboxRates(sandbox))['dyvms.QueryCallDetailByCallId']?.accepted ?? 0;
    const handle = await callToolAsTask(server.url, 'place_call', { provider: 'dyvms', to: '13600020011', caller_id: '+8657100000000', ivr: { start: 'TTS_100000001' }, wait_seconds: 1800 });
    const callId = structured<{ call_id: string }>(handle).call_id;
    expect(await getTask(server.url, handle.taskId)).toMatchObject({ status: 'working' }); // its first poll
    const before = await queries();

    // Sandbox time stands still, so the call is still in progress when a forger says it ended.
    const forged = [{ call_id: callId, status_code: '200000', status_msg: 'user hung up', duration: '12', start_time: '2026-01-01 10:00:00', end_time: '2026-01-01 10:00:12' }];
    const res = await fetch(new URL('/receipts/alibaba', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forged) });
    expect(res.status).toBe(200);
    await until('the vendor asked about the call', async () => (await queries()) > before);

    expect(await getTask(server.url, handle.taskId)).toMatchObject({ status: 'working' });
    expect(await queries(), 'one question to the vendor, none from tasks/get').toBe(before + 1);
    const [call] = (await sandboxCalls(sandbox, 'dyvms.IvrCall')).filter((c) => c.number === '13600020011');
    expect(call.endAt, 'the call is still in progress at the vendor').toBeUndefined();
    clock.advance(TEN_MINUTES); // let it end, so it does not hold a concurrency slot for later tests
  });
});
