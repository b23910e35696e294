// Two `callbridge mcp --http` replicas (the packed callbridge) on one Redis store: a call followed as
// an MCP task on replica A completes when the vendor pushes the call's receipt to replica B (Redis
// carries the "call ended" event), with an hour between polls, so only the receipt can complete it.
// The sandbox's record is the judge: the receipt it pushed to B, the result queries it answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/server.js';
import { callToolAsTask, getTask } from '../mcp/helpers/tasks-client.js';
import type { McpHttpProcess } from '../reliability/support/mcp-process.js';
import { startRedis, type TestRedis } from '../store/support/redis-server.js';
import { HandClock, mobile, sandboxCalls, sandboxRates, startClusterSandbox, startReplicas, until } from './support.js';

const TEN_MINUTES = 600_000;

let redis: TestRedis;
let sandbox: RunningSandbox;
let replicas: McpHttpProcess[] = [];
const clock = new HandClock();

beforeAll(async () => {
  redis = await startRedis();
  sandbox = await startClusterSandbox(clock);
  const flags = ['--store', `${redis.url}/?prefix=task-receipts`, '--allow-calls', '--no-confirm', '--calling-hours', 'off', '--task-poll-seconds', '3600'];
  replicas = await startReplicas(2, flags, sandbox);
}, 120_000);

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  await sandbox?.close();
  await redis?.stop();
});

describe('a call task on one replica, its receipt on another', () => {
  it('completes the task polled on replica A when the receipt reaches replica B', { timeout: 60_000 }, async () => {
    const [a, b] = replicas;
    const receiptUrl = new URL('/receipts/alibaba', b.url).href;
    await fetch(`${sandbox.url}/_sandbox/config`, { method: 'POST', body: JSON.stringify({ receiptUrls: { VoiceReport: receiptUrl } }) });
    const queries = async () => (await sandboxRates(sandbox))['dyvms.QueryCallDetailByCallId']?.accepted ?? 0;
    const pushedToB = async () => ((await (await fetch(`${sandbox.url}/_sandbox/pushes`)).json()) as { attempts: Array<{ url: string; ok: boolean }> }).attempts.filter((p) => p.url === receiptUrl && p.ok).length;

    const to = mobile(4001);
    const handle = await callToolAsTask(a.url, 'place_call', { provider: 'dyvms', to, caller_id: '+8657100000000', ivr: { start: 'TTS_100000001' }, wait_seconds: 1800 });
    expect(handle).toMatchObject({ resultType: 'task', status: 'working', pollIntervalMs: 3_600_000 });
    const callId = (handle.structuredContent as { call_id: string }).call_id;
    const before = await queries();
    expect(await getTask(a.url, handle.taskId)).toMatchObject({ status: 'working' }); // the first poll
    expect(await queries()).toBe(before + 1);

    clock.advance(TEN_MINUTES); // the call ends; the sandbox pushes its VoiceReport to replica B
    await until('the receipt pushed to replica B', async () => (await pushedToB()) > 0);
    let done: Record<string, unknown> = {};
    await until('the task on replica A to complete', async () => {
      done = await getTask(a.url, handle.taskId);
      return done.status !== 'working';
    });
    expect(done).toMatchObject({ status: 'completed', result: { structuredContent: { call_id: callId, final: true, result: { callId, final: true } } } });
    // One query for A's first tasks/get, one because of the receipt; none for the tasks/get calls in between.
    expect(await queries()).toBe(before + 2);
    // Replica B answers the same task from the shared store.
    expect(await getTask(b.url, handle.taskId)).toMatchObject({ status: 'completed', result: { structuredContent: { call_id: callId, final: true } } });
    const calls = (await sandboxCalls(sandbox, 'dyvms.IvrCall')).filter((c) => c.number === to);
    expect(calls).toHaveLength(1);
    expect(calls[0].endAt).toBeDefined();
  });
});
