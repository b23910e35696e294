import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CallbridgeError } from '../../core/errors.js';
import { Faults, FaultSpecError, formatFaultSpec, parseFaultSpec } from '../../sandbox/faults.js';
import { seededRng } from '../../sandbox/rng.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { DEFAULT_INSTANCE_ID, DEFAULT_SCRIPT_ID } from '../../sandbox/outboundbot/state.js';
import type { PlacedCall } from '../../sandbox/types.js';
import { callbridgeClient, getJson, popClient, popError, postJson } from './helpers.js';

describe('fault SPEC parsing', () => {
  it('parses rules, several faults per rule, several rules', () => {
    const rules = parseFaultSpec('dyvms.SingleCallByTts:reset-after-processing=0.5,latency=50; pbx.outbound.playprompt:5xx=1');
    expect(rules).toEqual([
      { operation: 'dyvms.SingleCallByTts', latency: 50, probabilities: { 'reset-after-processing': 0.5 } },
      { operation: 'pbx.outbound.playprompt', probabilities: { '5xx': 1 } },
    ]);
    expect(parseFaultSpec(formatFaultSpec(rules))).toEqual(rules);
    expect(parseFaultSpec('')).toEqual([]);
    expect(parseFaultSpec('*:throttle=0.1,malformed=0.2,reset-before-processing=0')).toHaveLength(1);
  });

  it.each([
    ['dyvms.SingleCallByTts', 'expected <operation id>:<fault>=<value>'],
    ['dyvms.X:', 'no faults'],
    ['dyvms.X:5xx', 'expected <fault>=<value>'],
    ['dyvms.X:5xx=2', 'between 0 and 1'],
    ['dyvms.X:5xx=abc', 'not a number'],
    ['dyvms.X:latency=-1', '>= 0'],
    ['dyvms.X:explode=1', 'unknown fault "explode"'],
  ])('rejects %s', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(FaultSpecError);
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });

  it('matches wildcards, lets later rules override, draws at the given rate', () => {
    const faults = new Faults(seededRng(3));
    faults.set('dyvms.*:5xx=0.25;dyvms.QueryRobotv2AllList:5xx=0,latency=5');
    expect(faults.decide('dyvms.QueryRobotv2AllList')).toEqual({ latencyMs: 5 });
    expect(faults.decide('volcengine.CreateTask')).toEqual({ latencyMs: 0 });
    let hits = 0;
    for (let i = 0; i < 4000; i++) if (faults.decide('dyvms.SingleCallByTts').fault === '5xx') hits++;
    expect(hits / 4000).toBeGreaterThan(0.22);
    expect(hits / 4000).toBeLessThan(0.28);
  });
});

describe('fault effects', () => {
  let sb: RunningSandbox;
  let cb: ReturnType<typeof callbridgeClient>;
  const tts = (n: number) => ({ CalledNumber: `1380000${String(n).padStart(4, '0')}`, TtsCode: 'TTS_100001', OutId: `f-${n}` });
  const calls = () => getJson<PlacedCall[]>(`${sb.url}/_sandbox/calls`);
  const setFaults = (spec: string) => postJson(`${sb.url}/_sandbox/faults`, { spec });

  beforeAll(async () => {
    sb = await startSandbox({ seed: 'faults', faults: 'dyvms.SingleCallByTts:latency=1' });
    cb = callbridgeClient(sb.env);
  });
  afterEach(async () => {
    await setFaults('');
    await fetch(`${sb.url}/_sandbox/reset`, { method: 'POST' });
  });
  afterAll(async () => {
    await cb.close();
    await sb.close();
  });

  it('starts with the --faults spec and replaces it through POST /_sandbox/faults (text or JSON)', async () => {
    expect((await getJson<{ spec: string }>(`${sb.url}/_sandbox/faults`)).spec).toBe('dyvms.SingleCallByTts:latency=1');
    const text = await fetch(`${sb.url}/_sandbox/faults`, { method: 'POST', body: 'dyvms.IvrCall:5xx=0.5' });
    expect(((await text.json()) as { spec: string }).spec).toBe('dyvms.IvrCall:5xx=0.5');
    const bad = await setFaults('dyvms.IvrCall:boom=1');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('unknown fault');
  });

  it('reset-after-processing: the call is placed but the client gets a network error (outcome unknown, not retried)', async () => {
    await setFaults('dyvms.SingleCallByTts:reset-after-processing=1');
    const error = await cb.client.invoke('dyvms.SingleCallByTts', tts(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallbridgeError);
    expect((error as CallbridgeError).kind).toBe('outcome_unknown');
    expect((error as CallbridgeError).checkWith).toMatchObject({ OutId: 'f-1' });
    const placed = await calls();
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ number: '13800000001', outId: 'f-1', operation: 'dyvms.SingleCallByTts' });
  });

  it('reset-before-processing: the connection drops and no call is placed', async () => {
    await setFaults('dyvms.SingleCallByTts:reset-before-processing=1');
    const error = await popError(popClient(sb.url).request('SingleCallByTts', tts(2), { method: 'POST' }));
    expect(String((error as { code?: string }).code)).toMatch(/ECONNRESET|socket hang up|EPIPE/i);
    const viaClient = await cb.client.invoke('dyvms.SingleCallByTts', tts(3)).catch((e: unknown) => e);
    expect((viaClient as CallbridgeError).kind).toBe('outcome_unknown');
    expect(await calls()).toHaveLength(0);
  });

  it('5xx: ServiceUnavailable (503) in the vendor shape, nothing placed; reads are retried by the client', async () => {
    await setFaults('dyvms.SingleCallByTts:5xx=1;dyvms.QueryRobotv2AllList:5xx=0.5');
    const error = await popError(popClient(sb.url).request('SingleCallByTts', tts(4), { method: 'POST' }));
    expect(error.code).toBe('ServiceUnavailable');
    expect(error.entry?.response?.statusCode).toBe(503);
    expect(await calls()).toHaveLength(0);
    const { client, close } = callbridgeClient(sb.env, { maxAttempts: 8 });
    for (let i = 0; i < 5; i++) await client.invoke('dyvms.QueryRobotv2AllList', {});
    await close();
  });

  it('throttle: Throttling.User, nothing placed, and a call is retried because it provably was not processed', async () => {
    await setFaults('dyvms.SingleCallByTts:throttle=1');
    const error = await popError(popClient(sb.url).request('SingleCallByTts', tts(5), { method: 'POST' }));
    expect(error.code).toBe('Throttling.User');
    await setFaults('dyvms.SingleCallByTts:throttle=0.5');
    const { client, close } = callbridgeClient(sb.env, { maxAttempts: 10 });
    for (let i = 0; i < 5; i++) await client.invoke('dyvms.SingleCallByTts', tts(10 + i));
    await close();
    expect(await calls()).toHaveLength(5);
  });

  it('malformed: HTTP 200 with a broken body after processing', async () => {
    await setFaults('dyvms.SingleCallByTts:malformed=1');
    const error = await cb.client.invoke('dyvms.SingleCallByTts', tts(20)).catch((e: unknown) => e);
    expect((error as CallbridgeError).kind).toBe('outcome_unknown');
    expect((error as CallbridgeError).message).toContain('not JSON');
    expect(await calls()).toHaveLength(1);
  });

  // One call-placing operation per vendor; the callee number identifies what the sandbox placed.
  const callOf = (vendor: string, n: number): { op: string; number: string; input: Record<string, unknown> } => {
    const number = `1390000${String(n).padStart(4, '0')}`;
    if (vendor === 'dyvms') return { op: 'dyvms.SingleCallByTts', number, input: { CalledNumber: number, TtsCode: 'TTS_100001', OutId: `a-${n}` } };
    if (vendor === 'outboundbot') {
      const JobJson = { contacts: [{ phonenumber: number, referenceId: `a-${n}` }] };
      return { op: 'outboundbot.StartJob', number, input: { InstanceId: DEFAULT_INSTANCE_ID, ScriptId: DEFAULT_SCRIPT_ID, JobJson } };
    }
    if (vendor === 'volcengine') {
      const item = { SingleOpenId: `a-${n}`, Phone: number, Type: 1, Resource: 'sandbox-tts-001', NumberPoolNo: 'NP162212345678900001', PhoneParam: { code: '1' } };
      return { op: 'volcengine.SingleBatchAppend', number, input: { List: [item] } };
    }
    return { op: 'pbx.extension.dial_outbound', number, input: { extid: '1000', outto: number } };
  };
  const AFTER = ['reset-after-processing', '5xx-after-processing', 'timeout-after-processing'] as const;
  const cases = AFTER.flatMap((fault, f) => ['dyvms', 'outboundbot', 'volcengine', 'pbx'].map((vendor, v) => [fault, vendor, f * 10 + v] as const));
  it.each(cases)('%s on %s: carried out once, reported as outcome unknown, never sent again', async (fault, vendor, n) => {
    const { op, number, input } = callOf(vendor, n);
    await setFaults(`${op}:${fault}=1`);
    const { client, close } = callbridgeClient(sb.env, { maxAttempts: 5, timeoutMs: 1_000 });
    const error = await client.invoke(op, input).catch((e: unknown) => e);
    await close();
    expect(error).toBeInstanceOf(CallbridgeError);
    expect((error as CallbridgeError).kind).toBe('outcome_unknown');
    expect((error as CallbridgeError).mayHaveBeenProcessed).toBe(true);
    // The sandbox's own records: the fault fired once (so the request arrived once), and one call was placed.
    const injected = await getJson<{ injected: Record<string, Record<string, number>> }>(`${sb.url}/_sandbox/faults`);
    expect(injected.injected[op]).toEqual({ [fault]: 1 });
    expect((await calls()).filter((c) => c.number === number)).toHaveLength(1);
  });

  it('latency delays the answer', async () => {
    await setFaults('dyvms.QueryRobotv2AllList:latency=300');
    const started = Date.now();
    await cb.client.invoke('dyvms.QueryRobotv2AllList', {});
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
