// Three `callbridge mcp --http` replicas (the packed callbridge) on one Redis policy store and one
// sandbox, as docs/deploy.md runs them. A hostile client spreads its requests over the replicas; every
// verdict is taken from the sandbox's own record (the calls it placed, the requests it throttled).
//  - caps: 300 parallel place_call per round: the per-number cap, the concurrency limit and the daily
//    cap each hold exactly, counted across all replicas;
//  - waits: wait_for_call_result on one replica wakes when another sees the call end;
//  - bulk: 300,000 callees added through three replicas reach the sandbox with none throttled;
//  - a replica killed mid-run: no call placed twice, every call id handed out still answered by the others;
//  - Redis restarted mid-run: billed calls refused cleanly (nothing sent), reads work, then work resumes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/server.js';
import type { McpHttpProcess } from '../reliability/support/mcp-process.js';
import { startRedis, type TestRedis } from '../store/support/redis-server.js';
import { callTool, HandClock, health, mobile, sandboxCalls, sandboxRates, startClusterSandbox, startReplicas, until, type ToolAnswer } from './support.js';

const IVR = 'dyvms.IvrCall';
const TEN_MINUTES = 600_000;
/** The waits below poll every 60 s: only a wake-up lets them finish within this test timeout. */
const WOKEN_WITHIN_MS = 40_000;
const placeCall = (url: string, to: string, outId: string) =>
  callTool(url, 'place_call', { provider: 'dyvms', to, caller_id: '+8657100000000', ivr: { start: 'TTS_100000001' }, out_id: outId });

let redis: TestRedis;
let sandbox: RunningSandbox;
const clock = new HandClock();

beforeAll(async () => {
  redis = await startRedis();
  sandbox = await startClusterSandbox(clock);
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
  await redis?.stop();
});

/** Sends requests i = 0..n-1 at once, request i to replica i mod N. */
function spread<T>(replicas: McpHttpProcess[], n: number, send: (url: string, i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => send(replicas[i % replicas.length].url, i)));
}

/** POST /coordination/pace on a replica. */
async function pace(mcpUrl: string, body: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL('/coordination/pace', mcpUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

const placedIds = (answers: ToolAnswer[]) => answers.flatMap((a) => (typeof a.result?.call_id === 'string' ? [a.result.call_id] : []));
const rules = (answers: ToolAnswer[]) => new Set(answers.flatMap((a) => (a.error ? [a.error.rule ?? a.error.error] : [])));

describe('three replicas share one set of caps', () => {
  let replicas: McpHttpProcess[];
  beforeAll(async () => {
    const flags = ['--store', `${redis.url}/?prefix=caps`, '--allow-calls', '--no-confirm', '--calling-hours', 'off', '--max-per-number-per-hour', '2', '--max-concurrent-calls', '10', '--max-calls-per-day', '24'];
    replicas = await startReplicas(3, flags, sandbox);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(replicas?.map((r) => r.stop()) ?? []);
  });

  /** Moves sandbox time on so every call is over, then reads each result on another replica than the one that placed it. */
  async function endCalls(ids: string[]): Promise<void> {
    clock.advance(TEN_MINUTES);
    const answers = await spread(replicas, ids.length, (url, i) => callTool(url, 'get_call_result', { provider: 'dyvms', call_id: ids[i] }));
    for (const answer of answers) expect(answer.result?.final, JSON.stringify(answer)).toBe(true);
  }

  it('holds the per-number cap, the concurrency limit and the daily cap exactly under 300 parallel calls per round', async () => {
    const hot = [0, 1, 2, 3].map((i) => mobile(9_000_000 + i));
    // Round 1: 300 calls to 4 numbers: 2 each (the per-number cap), under the concurrency limit.
    const round1 = await spread(replicas, 300, (url, i) => placeCall(url, hot[i % 4], `r1-${i}`));
    const placed1 = placedIds(round1);
    expect(placed1).toHaveLength(8);
    expect(rules(round1)).toEqual(new Set(['max-per-number-per-hour']));
    const numbers = (await sandboxCalls(sandbox, IVR)).map((c) => c.number);
    expect(hot.map((n) => numbers.filter((m) => m === n).length)).toEqual([2, 2, 2, 2]);
    await endCalls(placed1);

    // Round 2: 300 calls to 300 fresh numbers: 10 at once (the concurrency limit counts every replica's calls).
    const round2 = await spread(replicas, 300, (url, i) => placeCall(url, mobile(i), `r2-${i}`));
    const placed2 = placedIds(round2);
    expect(placed2).toHaveLength(10);
    expect(rules(round2)).toEqual(new Set(['max-concurrent-calls']));
    await endCalls(placed2);

    // Round 3: the daily cap (24) leaves 6; round 4: none.
    const round3 = await spread(replicas, 300, (url, i) => placeCall(url, mobile(1000 + i), `r3-${i}`));
    expect(placedIds(round3)).toHaveLength(6);
    await endCalls(placedIds(round3));
    const round4 = await spread(replicas, 300, (url, i) => placeCall(url, mobile(2000 + i), `r4-${i}`));
    expect(placedIds(round4)).toHaveLength(0);
    expect(rules(round4)).toEqual(new Set(['max-calls-per-day']));

    const all = await sandboxCalls(sandbox, IVR);
    expect(all).toHaveLength(24);
    expect(new Set(all.map((c) => c.outId)).size).toBe(24);
  }, 180_000);
});

describe('three replicas with room to work', () => {
  let replicas: McpHttpProcess[];
  beforeAll(async () => {
    const flags = ['--store', `${redis.url}/?prefix=work`, '--allow-calls', '--no-confirm', '--calling-hours', 'off', '--max-body-bytes', '20000000'];
    for (const limit of ['max-concurrent-calls', 'max-calls-per-hour', 'max-calls-per-day']) flags.push(`--${limit}`, 'unlimited');
    replicas = await startReplicas(3, flags, sandbox);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(replicas?.map((r) => r.stop()) ?? []);
  });

  it('wakes a wait on one replica when another replica sees the call end', async () => {
    const [a, b] = replicas;
    const placed = await placeCall(a.url, mobile(3000), 'wake-1');
    const callId = String(placed.result?.call_id);
    const polls = async () => (await sandboxRates(sandbox))['dyvms.QueryCallDetailByCallId']?.accepted ?? 0;
    const pollsBefore = await polls();
    // The first poll finds the call in progress (sandbox time stands still); the next one is due in 60 s.
    const waiting = callTool(a.url, 'wait_for_call_result', { provider: 'dyvms', call_id: callId, timeout_seconds: 600, interval_seconds: 60 });
    await until('the waiter to poll once', async () => (await polls()) > pollsBefore);
    clock.advance(TEN_MINUTES);
    const seen = await callTool(b.url, 'get_call_result', { provider: 'dyvms', call_id: callId });
    expect(seen.result?.final).toBe(true);
    const waited = await waiting;
    expect(waited.result, JSON.stringify(waited)).toBeDefined();
    expect(waited.result).toMatchObject({ final: true, timed_out: false, polls: 2 });
  }, WOKEN_WITHIN_MS);

  it('completes a wait on one replica when the vendor pushes the call\'s receipt to another', async () => {
    const [a, b] = replicas;
    const receiptUrl = new URL('/receipts/alibaba', b.url).href;
    const config = (receiptUrls: Record<string, string> | null) => fetch(`${sandbox.url}/_sandbox/config`, { method: 'POST', body: JSON.stringify({ receiptUrls }) });
    await config({ VoiceReport: receiptUrl });
    try {
      const placed = await placeCall(a.url, mobile(3001), 'receipt-1');
      const callId = String(placed.result?.call_id);
      const polls = async () => (await sandboxRates(sandbox))['dyvms.QueryCallDetailByCallId']?.accepted ?? 0;
      const pollsBefore = await polls();
      const waiting = callTool(a.url, 'wait_for_call_result', { provider: 'dyvms', call_id: callId, timeout_seconds: 600, interval_seconds: 60 });
      await until('the waiter to poll once', async () => (await polls()) > pollsBefore);
      clock.advance(TEN_MINUTES); // the call ends; the sandbox pushes its VoiceReport to replica b
      const waited = await waiting;
      expect(waited.result, JSON.stringify(waited)).toMatchObject({ final: true, timed_out: false, polls: 2 });
      const pushes = (await (await fetch(`${sandbox.url}/_sandbox/pushes`)).json()) as { attempts: Array<{ url: string; ok: boolean }> };
      expect(pushes.attempts.filter((p) => p.url === receiptUrl && p.ok).length).toBeGreaterThan(0);
    } finally {
      await config(null);
    }
  }, WOKEN_WITHIN_MS);

  it('keeps three replicas together within an operation\'s documented QPS (each pacing alone would not)', async () => {
    // dyvms.GetToken: 20 QPS. 40 requests per replica at once: alone, each replica would send 20 per second.
    const getTokens = (group: McpHttpProcess[]) =>
      spread(group, 120, (url) => callTool(url, 'invoke_operation', { id: 'dyvms.GetToken', input: { TokenType: 'dyvms' } }));
    const shared = await getTokens(replicas);
    for (const answer of shared) expect(answer.result, JSON.stringify(answer)).toBeDefined();
    expect((await sandboxRates(sandbox))['dyvms.GetToken']).toMatchObject({ accepted: 120, throttled: 0 });
    const slot = await pace(replicas[0].url, { scope: 'alibaba:sandbox-ak', operation: 'dyvms.GetToken', qps: 20 });
    expect(slot.status).toBe(200);
    expect(slot.body).toMatchObject({ waitMs: expect.any(Number) });
    expect((await pace(replicas[0].url, { scope: 'alibaba:sandbox-ak', operation: 'dyvms.GetToken', qps: 0 })).status).toBe(400);

    // The control: the same load from three replicas that each pace themselves (no shared store).
    const alone = await startReplicas(3, ['--store', 'memory', '--calling-hours', 'off'], sandbox);
    try {
      await getTokens(alone);
      // Nor can they hand out shared slots (POST /coordination/pace, what n8n workers ask).
      expect((await pace(alone[0].url, { scope: 'alibaba:sandbox-ak', operation: 'dyvms.GetToken', qps: 20 })).status).toBe(409);
    } finally {
      await Promise.all(alone.map((r) => r.stop()));
    }
    expect((await sandboxRates(sandbox))['dyvms.GetToken'].throttled).toBeGreaterThan(0);
  }, 120_000);

  it('adds 300,000 callees through three replicas with no request throttled by the vendor', async () => {
    const created = await callTool(replicas[0].url, 'create_call_task', { provider: 'dyvms', name: 'cluster bulk', script_id: '1000000000001', caller_id: '+8657100000000' });
    const taskId = String(created.result?.task_id);
    const before = (await sandboxRates(sandbox))['dyvms.UploadRobotTaskCalledFile'];
    expect(before).toBeUndefined();
    const added = await spread(replicas, 3, (url, r) =>
      callTool(url, 'add_task_callees', { provider: 'dyvms', task_id: taskId, callees: Array.from({ length: 100_000 }, (_, i) => ({ number: mobile(100_000 + r * 100_000 + i) })) }),
    );
    for (const answer of added) expect(answer.result, JSON.stringify(answer)).toMatchObject({ accepted: 100_000, rejected: 0, requests: 100 });
    const upload = (await sandboxRates(sandbox))['dyvms.UploadRobotTaskCalledFile'];
    // The gateway's rule is the documented 100 QPS as a token bucket (burst 100): not one request broke it.
    expect(upload).toMatchObject({ accepted: 300, throttled: 0 });
  }, 120_000);

  it('loses no call id and places no call twice when a replica is killed mid-run', async () => {
    const [a, b, c] = replicas;
    // Requests wait 300 ms in the sandbox, so the kill finds some in flight.
    await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'POST', body: `${IVR}:latency=300` });
    const outId = (i: number) => `kill-${i}`;
    const answers = new Map<number, ToolAnswer>();
    let resent = 0;
    const send = async (i: number, url: string) => {
      let answer = await placeCall(url, mobile(5000 + i), outId(i));
      // Never connected: nothing was sent, so the client may try another replica. Anything else is not retried.
      if (answer.transport === 'ECONNREFUSED') {
        resent++;
        answer = await placeCall(i % 2 ? b.url : a.url, mobile(5000 + i), outId(i));
      }
      answers.set(i, answer);
    };
    const urls = [a.url, b.url, c.url];
    const first = Array.from({ length: 60 }, (_, i) => send(i, urls[i % 3]));
    await until('calls to reach the sandbox', async () => (await sandboxCalls(sandbox, IVR)).some((call) => call.outId?.startsWith('kill-')));
    c.child.kill('SIGKILL');
    replicas = [a, b];
    await Promise.all(first);
    await Promise.all(Array.from({ length: 30 }, (_, k) => send(60 + k, urls[k % 3])));
    await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'POST', body: '' });

    const placed = (await sandboxCalls(sandbox, IVR)).filter((call) => call.outId?.startsWith('kill-'));
    const outIds = placed.map((call) => call.outId);
    expect(new Set(outIds).size).toBe(outIds.length);
    const succeeded = [...answers].filter(([, answer]) => answer.result?.call_id);
    const unknown = [...answers].filter(([, answer]) => answer.transport);
    expect(succeeded.length + unknown.length).toBe(90);
    expect(unknown.length).toBeLessThanOrEqual(20); // only the killed replica's requests in flight
    expect(resent).toBeGreaterThanOrEqual(10); // at least the 10 sent to the dead replica after the kill
    for (const [i] of succeeded) expect(outIds).toContain(outId(i));
    // Every call id handed out (the killed replica's too) is known to the survivors: they answer it.
    clock.advance(TEN_MINUTES);
    const ids = succeeded.map(([, answer]) => String(answer.result?.call_id));
    const read = await spread([a, b], ids.length, (url, i) => callTool(url, 'get_call_result', { provider: 'dyvms', call_id: ids[i] }));
    for (const answer of read) expect(answer.result?.final, JSON.stringify(answer)).toBe(true);
  }, 120_000);

  it('refuses billed calls cleanly while Redis is down, keeps answering reads, and recovers', async () => {
    const before = (await sandboxCalls(sandbox, IVR)).length;
    await redis.kill();
    const refused = await spread(replicas, 10, (url, i) => placeCall(url, mobile(7000 + i), `down-${i}`));
    for (const answer of refused) expect(answer.error, JSON.stringify(answer)).toMatchObject({ rule: 'policy-store' });
    expect(refused[0].error?.message).toMatch(/policy store cannot be reached/);
    expect((await sandboxCalls(sandbox, IVR)).length).toBe(before);
    const read = await callTool(replicas[0].url, 'list_robot_scripts', { provider: 'dyvms' });
    expect(read.result).toBeDefined();
    for (const replica of replicas) expect(await health(replica.url)).toBe(503);

    await redis.start();
    await until('every replica to reach Redis again', async () => (await Promise.all(replicas.map((r) => health(r.url)))).every((status) => status === 200));
    const placed = await spread(replicas, 10, (url, i) => placeCall(url, mobile(8000 + i), `up-${i}`));
    expect(placedIds(placed)).toHaveLength(10);
    expect((await sandboxCalls(sandbox, IVR)).length).toBe(before + 10);
  }, 120_000);
});
