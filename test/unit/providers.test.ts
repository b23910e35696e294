// core/providers against the sandbox: the one call-tracking path (placing answer -> tracked calls ->
// query -> CallResult) that n8n's Wait for Result and MCP's get_call_result both use, and the
// vendor-neutral actions' refusals, which name the front end's setting only when it gives one.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallResult } from '../../core/call-result.js';
import type { CallbridgeClient } from '../../core/client.js';
import {
  CALL_TRACKERS,
  callResult,
  InputError,
  PROVIDERS,
  providerOperations,
  sendingInvoke,
  trackedCalls,
  UnsupportedError,
  type ProviderSettings,
  type TrackedCall,
} from '../../core/providers/index.js';
import { catalog } from '../../core/registry.js';
import { waitForCallResult } from '../../core/wait.js';
import { createClientFromEnv } from '../../mcp/client-factory.js';
import { systemRuntime } from '../../mcp/runtime.js';
import { DEFAULT_INSTANCE_ID, DEFAULT_SCRIPT_ID } from '../../sandbox/outboundbot/state.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';

let sandbox: RunningSandbox;
let client: CallbridgeClient;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 23, speed: 600 });
  client = createClientFromEnv({ env: sandbox.env });
});
afterAll(async () => {
  await sandbox?.close();
});

const settings: ProviderSettings = { now: () => Date.now(), nonce: () => randomUUID() };
const NEUTRAL: Record<string, string> = { completed: 'completed', no_answer: 'no_answer', busy: 'busy', power_off: 'failed', failed: 'failed' };

async function sandboxCall(number: string): Promise<{ status: string }> {
  const [call] = (await (await fetch(`${sandbox.url}/_sandbox/calls?number=${number}`)).json()) as Array<{ status: string }>;
  return call;
}

/** Places a call the way a front end does, then follows it with core's tracking until it is final. */
async function placeAndFollow(operationId: string, input: Record<string, unknown>, using: CallbridgeClient = client, s: ProviderSettings = settings) {
  const placedAt = Date.now();
  const answer = await using.invoke(operationId, input);
  const calls = trackedCalls(operationId, input, answer, placedAt);
  expect(calls, 'the placing answer names the call').toHaveLength(1);
  const tracker = CALL_TRACKERS[operationId];
  const outcome = await waitForCallResult(() => callResult(sendingInvoke(using), s, tracker.provider, calls[0]), { runtime: systemRuntime, timeoutMs: 30_000, intervalMs: 100, maxIntervalMs: 500 });
  return { call: calls[0], outcome };
}

describe('call tracking (shared by n8n and MCP)', () => {
  it('every operation the providers use or follow is in the catalog', () => {
    expect(providerOperations().filter((id) => !catalog.has(id))).toEqual([]);
    for (const [placing, tracker] of Object.entries(CALL_TRACKERS)) expect(placing.startsWith(`${tracker.provider}.`), placing).toBe(true);
  });

  it('dyvms: a TTS call is found under its ProdId and ends with the sandbox outcome', async () => {
    const { call, outcome } = await placeAndFollow('dyvms.SingleCallByTts', { CalledNumber: '13800007001', TtsCode: 'TTS_100001' });
    expect(call).toMatchObject({ placedBy: 'dyvms.SingleCallByTts', callee: '13800007001' });
    expect(outcome).toMatchObject({ final: true, timedOut: false });
    expect(outcome.result).toMatchObject({ provider: 'dyvms', callId: call.callId, status: NEUTRAL[(await sandboxCall('13800007001')).status] });
  });

  it('volcengine: a one-off call ends with its call record as raw', async () => {
    const input = { List: [{ SingleOpenId: 'providers0001', Phone: '13900007002', Type: 1, Resource: 'sandbox-tts-001', NumberPoolNo: 'NP162212345678900001' }] };
    const { call, outcome } = await placeAndFollow('volcengine.SingleBatchAppend', input);
    expect(call).toMatchObject({ callId: 'providers0001', callee: '13900007002' });
    const result = outcome.result as CallResult;
    expect(result).toMatchObject({ provider: 'volcengine', callId: 'providers0001', final: true, status: NEUTRAL[(await sandboxCall('13900007002')).status] });
    expect(result.raw).toMatchObject({ Callee: '13900007002' });
  });

  it('outboundbot: a StartJob attempt is found by number and read from its job', async () => {
    const input = { InstanceId: DEFAULT_INSTANCE_ID, ScriptId: DEFAULT_SCRIPT_ID, JobJson: { contacts: [{ phonenumber: '13700007003', referenceId: 'providers-ref' }] } };
    const { call, outcome } = await placeAndFollow('outboundbot.StartJob', input);
    expect(call.context).toMatchObject({ InstanceId: DEFAULT_INSTANCE_ID, key: 'providers-ref' });
    expect(outcome.result).toMatchObject({ provider: 'outboundbot', callId: call.callId, final: true, callee: '13700007003' });
  });

  it('pbx v2.0.0 (version known): call/query by callid until the PBX no longer knows the call', async () => {
    const v2 = createClientFromEnv({ env: { ...sandbox.env, CALLBRIDGE_PBX_API_VERSION: 'v2.0.0' } });
    const { call, outcome } = await placeAndFollow('pbx.outbound.playprompt', { outto: '013800007004', prompt: 'welcome' }, v2, { ...settings, pbxApiVersion: 'v2.0.0' });
    expect(outcome.result).toMatchObject({ provider: 'pbx', callId: call.callId, final: true });
  });

  it('pbx 1.x with the version unknown (MCP): the refused callid query falls back to the outbound list, matched by the number called', async () => {
    // A slower sandbox, so the call is surely still live at the first query.
    const slow = await startSandbox({ port: 0, seed: 23, speed: 20 });
    try {
      const pbxClient = createClientFromEnv({ env: slow.env });
      const invoke = sendingInvoke(pbxClient);
      const answer = await pbxClient.invoke('pbx.outbound.playprompt', { outto: '013800007005', prompt: 'welcome' });
      const [call] = trackedCalls('pbx.outbound.playprompt', { outto: '013800007005' }, answer, Date.now());
      const live = await callResult(invoke, settings, 'pbx', call);
      // Right after dialling the call is live: its state, not "ended".
      expect(live).toMatchObject({ provider: 'pbx', callId: call.callId, final: false, callee: '013800007005' });
      expect(['Dialing', 'Ringing', 'Talking']).toContain(live.vendorStatus);
      // Without the number, an ID the 1.x list does not carry reads as ended (the outcome comes with NewCdr).
      const unknown: TrackedCall = { callId: call.callId };
      expect(await callResult(invoke, settings, 'pbx', unknown)).toMatchObject({ status: 'unknown', final: true });
      const outcome = await waitForCallResult(() => callResult(invoke, settings, 'pbx', call), { runtime: systemRuntime, timeoutMs: 45_000, intervalMs: 200, maxIntervalMs: 1000 });
      expect(outcome.result).toMatchObject({ final: true, status: 'unknown' });
    } finally {
      await slow.close();
    }
  }, 60_000);
});

describe('vendor-neutral actions', () => {
  it('refusals come before any request; a setting is named in the front end\'s words when it gives them', async () => {
    const sent: string[] = [];
    const invoke = async (id: string) => {
      sent.push(id);
      return { sent: false as const };
    };
    await expect(PROVIDERS.volcengine.placeCall(invoke, settings, { to: '13900000001', tts_template: 'T' })).rejects.toThrow(
      /^volcengine needs a number pool: pass caller_id as the pool ID \(NP\.\.\.\), or set a default pool and pass caller_id/,
    );
    const hinted: ProviderSettings = { ...settings, settingHint: (name) => `the ${name} setting` };
    await expect(PROVIDERS.outboundbot.taskStatus(invoke, hinted, 'job-group-1')).rejects.toThrow('or set a default instance with the outboundbotInstanceId setting.');
    await expect(PROVIDERS.dyvms.placeCall(invoke, settings, { to: '1', tts_template: 'T', voice_file: 'V' })).rejects.toBeInstanceOf(InputError);
    await expect(PROVIDERS.pbx.placeCall(invoke, settings, { to: '1', tts_template: 'T' })).rejects.toThrow(UnsupportedError);
    await expect(PROVIDERS.dyvms.controlTask(invoke, settings, '1', 'pause', '2026-05-18T09:00:00+08:00')).rejects.toThrow('schedule_time applies to action "start" only');
    expect(sent).toEqual([]);
  });

  it('a dry run (sent: false) yields no call or task ID', async () => {
    const invoke = async () => ({ sent: false as const });
    expect(await PROVIDERS.volcengine.placeCall(invoke, { ...settings, volcengineNumberPool: 'NP1' }, { to: '13900000001', tts_template: 'T' })).toEqual({ operation: 'volcengine.SingleBatchAppend' });
    expect(await PROVIDERS.dyvms.createTask(invoke, settings, { name: 'n', script_id: '1', caller_id: '0571' })).toEqual({ operation: 'dyvms.CreateRobotTask' });
  });
});
