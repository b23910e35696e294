import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { callbridgeClient, getJson, postJson } from './helpers.js';

interface Received {
  at: number;
  body: Record<string, unknown>[];
}

/** A receipt receiver whose answer the test decides. */
async function receiver(answer: (count: number, body: Record<string, unknown>[]) => { status: number; body: string }) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(text) as Record<string, unknown>[];
      received.push({ at: Date.now(), body });
      const out = answer(received.length, body);
      res.writeHead(out.status, { 'content-type': 'application/json' }).end(out.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/receive`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const until = async (check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/**
 * Waits until the sandbox's pushes to `url` have settled: every push the receiver got is in the sandbox's
 * log (answered) and no retry is waiting. Nothing more can arrive unless the sandbox pushes something new.
 */
async function settled(sb: RunningSandbox, rx: { url: string; received: Received[] }): Promise<void> {
  const end = Date.now() + 10_000;
  for (;;) {
    const log = await getJson<{ attempts: { url: string }[]; pendingRetries: number }>(`${sb.url}/_sandbox/pushes`);
    if (log.pendingRetries === 0 && log.attempts.filter((a) => a.url === rx.url).length === rx.received.length) return;
    if (Date.now() > end) throw new Error(`pushes to ${rx.url} did not settle`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const kind = (m: Record<string, unknown>) => ('record_file' in m ? 'VoiceRecordReport' : 'status_time' in m ? 'VoiceCallReport' : 'VoiceReport');

describe('Alibaba HTTP batch push of receipts', () => {
  let sb: RunningSandbox;
  let cb: ReturnType<typeof callbridgeClient>;
  beforeAll(async () => {
    sb = await startSandbox({ seed: 'receipts', speed: 1000 });
    cb = callbridgeClient(sb.env);
  });
  afterAll(async () => {
    await cb.close();
    await sb.close();
  });

  it('pushes VoiceCallReport stages and one VoiceReport per call as JSON arrays', async () => {
    const rx = await receiver(() => ({ status: 200, body: '{"code":0,"msg":"ok"}' }));
    expect((await postJson(`${sb.url}/_sandbox/config`, { receiptUrl: rx.url })).status).toBe(200);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const out = (await cb.client.invoke('dyvms.SingleCallByTts', { CalledNumber: `1350000000${i}`, TtsCode: 'TTS_1', OutId: `r-${i}` })) as { CallId: string };
      ids.push(out.CallId);
    }
    const reports = () => rx.received.flatMap((r) => r.body).filter((m) => kind(m) === 'VoiceReport');
    await until(() => reports().length === 3);
    await settled(sb, rx);
    expect(reports().map((m) => m.call_id).sort()).toEqual([...ids].sort());
    for (const report of reports()) {
      const call = sb.context.getCall(String(report.call_id));
      expect(report).toMatchObject({ callee: call?.number, out_id: call?.outId, duration: String(call?.durationSeconds), voice_type: 'voice' });
      expect(String(report.status_code)).toMatch(/^2000\d\d$/);
      expect(String(report.originate_time)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
    const stages = rx.received.flatMap((r) => r.body).filter((m) => kind(m) === 'VoiceCallReport');
    for (const id of ids) {
      const codes = stages.filter((m) => m.call_id === id).map((m) => m.status_code);
      expect(codes[0]).toBe('200101');
      expect(codes).toContain('200100');
    }
    expect(rx.received.every((r) => Array.isArray(r.body))).toBe(true);
    await postJson(`${sb.url}/_sandbox/config`, { receiptUrl: null });
    await rx.close();
  });

  it('retries a failed push after 1, 5 and 10 minutes of sandbox time, then gives up', async () => {
    const rx = await receiver(() => ({ status: 500, body: 'busy' }));
    await postJson(`${sb.url}/_sandbox/config`, { receiptUrls: { VoiceReport: rx.url } });
    const out = (await cb.client.invoke('dyvms.SingleCallByTts', { CalledNumber: '13500000099', TtsCode: 'TTS_1' })) as { CallId: string };
    const mine = () => rx.received.filter((r) => r.body.some((m) => m.call_id === out.CallId));
    // at speed 1000: +60 ms, +300 ms, +600 ms of real time
    await until(() => mine().length === 4);
    await settled(sb, rx);
    const attempts = mine();
    expect(attempts).toHaveLength(4);
    expect(attempts.every((a) => JSON.stringify(a.body) === JSON.stringify(attempts[0].body))).toBe(true);
    const gaps = attempts.slice(1).map((a, i) => a.at - attempts[i].at);
    expect(gaps[0]).toBeGreaterThanOrEqual(55);
    expect(gaps[1]).toBeGreaterThanOrEqual(290);
    expect(gaps[2]).toBeGreaterThanOrEqual(590);
    const log = await getJson<{ attempts: { ok: boolean; status?: number; kind?: string }[] }>(`${sb.url}/_sandbox/pushes`);
    expect(log.attempts.filter((a) => a.kind === 'VoiceReport' && !a.ok && a.status === 500).length).toBeGreaterThanOrEqual(4);
    await postJson(`${sb.url}/_sandbox/config`, { receiptUrls: null });
    await rx.close();
  });

  it('treats HTTP 200 without a numeric "code" as a failure; stops retrying once received', async () => {
    const rx = await receiver((n) => (n < 2 ? { status: 200, body: '{"code":"zero"}' } : { status: 200, body: '{"code":0}' }));
    await postJson(`${sb.url}/_sandbox/config`, { receiptUrls: { VoiceReport: rx.url } });
    const out = (await cb.client.invoke('dyvms.SingleCallByTts', { CalledNumber: '13500000098', TtsCode: 'TTS_1' })) as { CallId: string };
    const mine = () => rx.received.filter((r) => r.body.some((m) => m.call_id === out.CallId));
    await until(() => mine().length === 2);
    await settled(sb, rx);
    expect(mine()).toHaveLength(2);
    await postJson(`${sb.url}/_sandbox/config`, { receiptUrls: null });
    await rx.close();
  });

  it('pushes VoiceRecordReport with a downloadable recording for robot calls', async () => {
    const rx = await receiver(() => ({ status: 200, body: '{"code":0}' }));
    await postJson(`${sb.url}/_sandbox/config`, { receiptUrl: rx.url });
    const task = (await cb.client.invoke('dyvms.CreateRobotTask', { TaskName: 'rec', DialogId: '1000000000001', Caller: ['057100000001'], NumberStatusIdent: false, RetryType: 0 })) as { Data: string };
    await cb.client.invoke('dyvms.UploadRobotTaskCalledFile', { Id: String(task.Data), CalledNumber: Array.from({ length: 20 }, (_, i) => String(13_400_000_000 + i)) });
    await cb.client.invoke('dyvms.StartRobotTask', { TaskId: String(task.Data) });
    const records = () => rx.received.flatMap((r) => r.body).filter((m) => kind(m) === 'VoiceRecordReport');
    await until(() => records().length > 0);
    const record = records()[0];
    expect(String(record.call_id)).toMatch(new RegExp(`^${task.Data}\\^`));
    const wav = await fetch(String(record.record_file));
    expect(wav.status).toBe(200);
    expect(Buffer.from(await wav.arrayBuffer()).subarray(8, 12).toString()).toBe('WAVE');
    await postJson(`${sb.url}/_sandbox/config`, { receiptUrl: null });
    await rx.close();
  });

  it('refuses bad settings', async () => {
    expect((await postJson(`${sb.url}/_sandbox/config`, { receiptUrl: 'ftp://x' })).status).toBe(400);
    expect((await postJson(`${sb.url}/_sandbox/config`, { nope: 1 })).status).toBe(400);
    expect((await postJson(`${sb.url}/_sandbox/config`, { taskConcurrency: 0 })).status).toBe(400);
  });
});
