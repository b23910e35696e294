import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallbridgeError } from '../../core/errors.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import type { PlacedCall } from '../../sandbox/types.js';
import { callbridgeClient, getJson, manualClock } from './helpers.js';

describe("callbridge's own client against the dyvms simulator", () => {
  const clock = manualClock();
  let sb: RunningSandbox;
  let cb: ReturnType<typeof callbridgeClient>;
  beforeAll(async () => {
    sb = await startSandbox({ seed: 7, clock });
    cb = callbridgeClient(sb.env);
  });
  afterAll(async () => {
    await cb.close();
    await sb.close();
  });

  it('places a TTS call whose final state QueryCallDetailByCallId returns once sandbox time has passed', async () => {
    const placed = (await cb.client.invoke('dyvms.SingleCallByTts', {
      CalledNumber: '13900000001',
      TtsCode: 'TTS_100001',
      TtsParam: { code: '654321' },
      OutId: 'order-77',
    })) as { CallId: string; Code: string };
    expect(placed.Code).toBe('OK');
    const query = { CallId: placed.CallId, ProdId: '11010000138001', QueryDate: clock.now() };
    const early = (await cb.client.invoke('dyvms.QueryCallDetailByCallId', query)) as { Data?: { state?: string; duration?: number } };
    expect(early.Data?.state).toBe('200101');
    clock.advance(10 * 60_000);
    const final = (await cb.client.invoke('dyvms.QueryCallDetailByCallId', query)) as { Data?: Record<string, unknown> };
    const call = sb.context.getCall(placed.CallId) as PlacedCall;
    expect(['completed', 'no_answer', 'busy', 'power_off', 'failed']).toContain(call.status);
    expect(final.Data?.callee).toBe('13900000001');
    expect(final.Data?.duration).toBe(call.durationSeconds);
    expect(final.Data?.state).toMatch(/^2000(00|01|02|03|05|10)$/);
    expect(call.outId).toBe('order-77');
    // the real API returns Data as a JSON string
    const raw = await fetch(`${sb.url}/_sandbox/calls/${encodeURIComponent(placed.CallId)}`);
    expect(raw.status).toBe(200);
  });

  it('returns no Data for another day or another product', async () => {
    const placed = (await cb.client.invoke('dyvms.SingleCallByVoice', { CalledNumber: '13900000002', VoiceCode: 'abc.wav', CalledShowNumber: '057100001111' })) as { CallId: string };
    const wrongDay = (await cb.client.invoke('dyvms.QueryCallDetailByCallId', { CallId: placed.CallId, ProdId: '11000000300006', QueryDate: clock.now() - 3 * 86_400_000 })) as { Data?: unknown };
    expect(wrongDay.Data).toBeUndefined();
    const wrongProduct = (await cb.client.invoke('dyvms.QueryCallDetailByCallId', { CallId: placed.CallId, ProdId: '11000000300005', QueryDate: clock.now() })) as { Data?: unknown };
    expect(wrongProduct.Data).toBeUndefined();
  });

  it('applies per-callee flow control: 1/minute, 5/hour, 20/day (isv.BUSINESS_LIMIT_CONTROL)', async () => {
    const call = () => cb.client.invoke('dyvms.SingleCallByTts', { CalledNumber: '13900000099', TtsCode: 'TTS_100001' });
    const rejected = async () => {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CallbridgeError);
      expect((error as CallbridgeError).code).toBe('isv.BUSINESS_LIMIT_CONTROL');
      return error as CallbridgeError;
    };
    await call();
    expect((await rejected()).message).toContain('per minute');
    clock.advance(61_000);
    for (let i = 0; i < 4; i++) {
      await call();
      clock.advance(61_000);
    }
    expect((await rejected()).message).toContain('per hour');
    clock.advance(61 * 60_000);
    let placed = 5;
    while (placed < 20) {
      clock.advance(13 * 60_000);
      await call();
      placed++;
    }
    clock.advance(13 * 60_000);
    expect((await rejected()).message).toContain('per day');
    clock.advance(24 * 3_600_000);
    await call();
    // other callees are not affected
    await cb.client.invoke('dyvms.SingleCallByTts', { CalledNumber: '13900000098', TtsCode: 'TTS_100001' });
  });

  it('records DTMF for IVR calls and lists exactly the calls placed under /_sandbox/calls', async () => {
    await fetch(`${sb.url}/_sandbox/reset`, { method: 'POST' });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const out = (await cb.client.invoke('dyvms.IvrCall', {
        CalledShowNumber: '057100001111',
        CalledNumber: `1370000${String(i).padStart(4, '0')}`,
        StartCode: 'TTS_200001',
        MenuKeyMap: [
          { Key: '1', Code: 'TTS_200002' },
          { Key: '2', Code: 'TTS_200003' },
        ],
        OutId: `ivr-${i}`,
      })) as { CallId: string };
      ids.push(out.CallId);
    }
    clock.advance(5 * 60_000);
    const listed = await getJson<PlacedCall[]>(`${sb.url}/_sandbox/calls`);
    expect(listed.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(listed.every((c) => c.vendor === 'dyvms' && c.operation === 'dyvms.IvrCall')).toBe(true);
    expect(new Set(listed.map((c) => c.outId))).toEqual(new Set(ids.map((_, i) => `ivr-${i}`)));
    const answered = listed.filter((c) => c.status === 'completed');
    expect(answered.length).toBeGreaterThan(10);
    expect(answered.some((c) => c.dtmf === '1' || c.dtmf === '2')).toBe(true);
    expect(listed.filter((c) => c.dtmf).every((c) => c.dtmf === '1' || c.dtmf === '2')).toBe(true);
    expect(await getJson<PlacedCall[]>(`${sb.url}/_sandbox/calls?outId=ivr-3`)).toHaveLength(1);
  });
});
