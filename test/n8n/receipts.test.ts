// Call Receipt Trigger: the vendors' documented pushes -> one item per event with the vendor-neutral
// status and the raw event; the answer each vendor expects; repeated deliveries dropped; URL token and
// Volcengine authCode checks. The last test feeds real sandbox pushes through a loopback webhook.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeProduct } from '../../nodes/shared/execute.js';
import { rememberNew, tokenMatches, volcengineAuthCode, type SeenReceipts } from '../../nodes/shared/receipt-auth.js';
import { parseReceipt, receiptAnswer, receiveReceipt } from '../../nodes/shared/receipts.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { VOLC_CALLBACK_AUTH_TOKEN } from '../../sandbox/volcengine/index.js';
import { waitFor } from '../helpers/wait-for.js';
import { fakeExecute, sandboxCredentials } from './helpers.js';

// docs/research/alibaba-receipts.md §3 (verbatim examples)
const VOICE_REPORT = [
  {
    status_code: '200000',
    smart_status_code: 'ANSWERED',
    hangup_direction: '用户',
    callee: '1390000****',
    ring_time: '2023-03-13 11:18:24',
    duration: '7',
    voice_type: 'voice',
    b_duration: 7,
    originate_time: '2023-03-13 11:18:16',
    b_start_time: '2023-03-13 11:18:36',
    end_time: '2023-03-13 11:18:43',
    call_id: '113853585007^100675005007',
    out_id: 'order-1',
  },
];
const CALL_REPORT = [{ status_code: '300000', smart_status_code: 'ANSWERED', dtmf: '1', status_time: '2023-03-06 16:21:12', out_id: '4002', call_id: '1003^1002' }];
const RECORD_REPORT = [
  { call_id: '100001616500^1000018', start_time: '2017-06-01 10:00:00', end_time: '2017-06-01 10:03:00', duration: '10', status_code: '200000', record_file: 'http://example.com/rec.wav', out_id: '123456' },
];

describe('parseReceipt', () => {
  it('Alibaba: VoiceReport, VoiceCallReport and VoiceRecordReport, one event per array item', () => {
    const events = parseReceipt('alibaba', [...VOICE_REPORT, ...CALL_REPORT, ...RECORD_REPORT]);
    expect(events.map((e) => e.eventType)).toEqual(['VoiceReport', 'VoiceCallReport', 'VoiceRecordReport']);
    expect(events[0].result).toMatchObject({ provider: 'dyvms', callId: '113853585007^100675005007', status: 'completed', final: true, durationSeconds: 7, hangupSide: 'callee', outId: 'order-1' });
    expect(events[1].result).toMatchObject({ status: 'answered', final: false, dtmf: '1' });
    expect(events[2].result).toMatchObject({ recording: 'http://example.com/rec.wav' });
    expect(events[0].raw).toEqual(VOICE_REPORT[0]);
  });

  it('Volcengine: call-record push (camelCase CDR) and recording push', () => {
    const cdr = { accountId: '1', callId: 'V123', callee: '13100001111', caller: '02160001001', callResult: 8, callDuration: 0, beginCallTime: 1607588903000, ext: 'x-1' };
    const [record] = parseReceipt('volcengine', cdr);
    expect(record.eventType).toBe('CallRecord');
    expect(record.result).toMatchObject({ provider: 'volcengine', callId: 'V123', status: 'busy', final: true, outId: 'x-1' });
    const [audio] = parseReceipt('volcengine', JSON.stringify({ callId: 'V123', audioRecordFileUrl: 'https://lf3-audio-file-sign.volcvms.com/a.wav', ext: 'x-1' }));
    expect(audio.eventType).toBe('Audio');
    expect(audio.result).toMatchObject({ callId: 'V123', status: 'completed', final: true, recording: 'https://lf3-audio-file-sign.volcvms.com/a.wav' });
  });

  it('PBX: 1.x NewCdr, CallFailed and 2.0 CallStatus events', () => {
    const cdr = { action: 'NewCdr', callid: '1495779454.374', timestart: '2017-05-25 22:17:34', callfrom: '1002', callto: '41004', callduraction: '4', talkduraction: '4', status: 'ANSWERED', type: 'Outbound' };
    const [event] = parseReceipt('pbx', cdr, { utcOffset: '+08:00' });
    expect(event.eventType).toBe('NewCdr');
    expect(event.result).toMatchObject({ provider: 'pbx', status: 'completed', final: true, durationSeconds: 4, startTime: '2017-05-25T22:17:34+08:00' });
    const [failed] = parseReceipt('pbx', { action: 'CallFailed', reason: '486 Busy Here', callid: '1536976927.37', outbound: { from: '1002', to: '70871520926' } });
    expect(failed.result).toMatchObject({ status: 'busy', callee: '70871520926' });
    const [status] = parseReceipt('pbx', { event: 'CallStatus', callid: '1.5', members: [{ outbound: { from: '1023', to: '2000', memberstatus: 'ANSWER' } }] });
    expect(status).toMatchObject({ eventType: 'CallStatus', result: { status: 'answered', final: false } });
  });

  it('refuses bodies that are not receipts', () => {
    expect(() => parseReceipt('alibaba', 'not json')).toThrow('not JSON');
    expect(() => parseReceipt('alibaba', [])).toThrow('JSON array');
    expect(() => parseReceipt('pbx', '')).toThrow('empty');
  });

  it('the same message always has the same key (for repeated pushes), whatever its key order', () => {
    const [a] = parseReceipt('alibaba', VOICE_REPORT);
    const reordered = Object.fromEntries(Object.entries(VOICE_REPORT[0]).reverse());
    const [b] = parseReceipt('alibaba', [reordered]);
    expect(a.key).toBe(b.key);
    const [c] = parseReceipt('alibaba', [{ ...VOICE_REPORT[0], status_code: '200003' }]);
    expect(c.key).not.toBe(a.key);
  });
});

describe('answers, repeated deliveries, tokens', () => {
  it('answers each vendor as it expects', () => {
    expect(receiptAnswer('alibaba')).toEqual({ status: 200, body: { code: 0, msg: '接收成功' } });
    expect(receiptAnswer('pbx')).toEqual({ status: 200, body: { status: 'Success' } });
    expect(receiptAnswer('volcengine').status).toBe(200);
  });

  it('rememberNew remembers each key for the whole time, however many others arrive, and forgets it after', () => {
    const store: SeenReceipts = {};
    const day = 24 * 3600_000;
    const t0 = Date.UTC(2026, 0, 1);
    expect(rememberNew(store, ['a', 'b', 'a'], t0, day)).toEqual([true, true, false]);
    const others = Array.from({ length: 20_000 }, (_, i) => `other-${i}`);
    expect(rememberNew(store, others, t0 + 1000, day).every(Boolean)).toBe(true);
    expect(rememberNew(store, ['a', 'b'], t0 + day - 60_000, day)).toEqual([false, false]);
    expect(rememberNew(store, ['a'], t0 + day + 1000, day)).toEqual([true]);
    expect(Object.keys(store.seen ?? {})).toEqual(['a']);
  });

  it('Volcengine authCode: the documented worked example', () => {
    expect(volcengineAuthCode('1622539884', '{"callId":"abcdefg","accountId":"123456789"}', '8D202AC288')).toBe(
      '8090de7b7bab3d9e626280f635a60a8453d2ba75403f13aac3f4d5dccf6c2264',
    );
    expect(tokenMatches('s3cret', 's3cret')).toBe(true);
    expect(tokenMatches('s3cret', 's3cre')).toBe(false);
    expect(tokenMatches('s3cret', undefined)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// receiveReceipt() behind a loopback HTTP server, as n8n's webhook server would call it.

interface Delivery {
  status: number;
  body: unknown;
  items: IDataObject[];
}

function triggerServer(parameters: Record<string, unknown>) {
  const staticData: IDataObject = {};
  const deliveries: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let body: unknown;
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        body = rawBody.toString('utf8');
      }
      const delivery: Delivery = { status: 0, body: undefined, items: [] };
      const response = {
        status(code: number) {
          delivery.status = code;
          return response;
        },
        json(value: unknown) {
          delivery.body = value;
          res.writeHead(delivery.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(value));
        },
      };
      const ctx = {
        getNodeParameter: (name: string, fallback?: unknown) => parameters[name] ?? fallback,
        getRequestObject: () => ({ body, rawBody }),
        getResponseObject: () => response,
        getQueryData: () => Object.fromEntries(url.searchParams),
        getHeaderData: () => req.headers,
        getBodyData: () => body,
        getWorkflowStaticData: () => staticData,
      } as unknown as IWebhookFunctions;
      void receiveReceipt.call(ctx).then((result) => {
        delivery.items = (result.workflowData?.[0] ?? []).map((i) => i.json);
        deliveries.push(delivery);
      });
    });
  });
  return {
    deliveries,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('receiveReceipt (the trigger webhook)', () => {
  it('Alibaba batch push: answers {"code":0}, one item per message (Final Results Only off), drops a repeated push', async () => {
    const trigger = triggerServer({ vendor: 'alibaba', authentication: 'none', options: { finalOnly: false } });
    const url = await trigger.start();
    try {
      expect(await post(`${url}/receipt`, [...VOICE_REPORT, ...CALL_REPORT])).toEqual({ status: 200, body: { code: 0, msg: '接收成功' } });
      expect(await post(`${url}/receipt`, [...VOICE_REPORT, ...RECORD_REPORT])).toEqual({ status: 200, body: { code: 0, msg: '接收成功' } });
      await new Promise((r) => setImmediate(r));
      const [first, second] = trigger.deliveries;
      expect(first.items.map((i) => i.eventType)).toEqual(['VoiceReport', 'VoiceCallReport']);
      expect(first.items[0]).toMatchObject({ vendor: 'alibaba', status: 'completed', final: true, callId: '113853585007^100675005007', raw: VOICE_REPORT[0] });
      // The VoiceReport was delivered before: only the new VoiceRecordReport starts the workflow.
      expect(second.items.map((i) => i.eventType)).toEqual(['VoiceRecordReport']);
    } finally {
      await trigger.close();
    }
  });

  it('a secret token in the query is required when set; Final Results Only (the default: option not added) skips progress events', async () => {
    const trigger = triggerServer({ vendor: 'alibaba', secretToken: 'tok-123', tokenLocation: 'query', options: {} });
    const url = await trigger.start();
    try {
      expect((await post(`${url}/receipt`, VOICE_REPORT)).status).toBe(401);
      expect((await post(`${url}/receipt?token=nope`, VOICE_REPORT)).status).toBe(401);
      const ended = { status_code: '200100', status_time: '2023-03-13 11:18:43', call_id: '113853585007^100675005007' };
      expect((await post(`${url}/receipt?token=tok-123`, [...VOICE_REPORT, ...CALL_REPORT, ended])).status).toBe(200);
      await new Promise((r) => setImmediate(r));
      expect(trigger.deliveries.map((d) => d.items.length)).toEqual([0, 0, 1]);
      expect(trigger.deliveries[2].items[0].eventType).toBe('VoiceReport');
    } finally {
      await trigger.close();
    }
  });

  it('authentication is on by default: a trigger with no token set refuses every push with 403', async () => {
    const trigger = triggerServer({ vendor: 'alibaba', options: {} });
    const url = await trigger.start();
    try {
      const answer = await post(`${url}/receipt`, VOICE_REPORT);
      expect(answer.status).toBe(403);
      expect(JSON.stringify(answer.body)).toContain('Secret Token');
      await new Promise((r) => setImmediate(r));
      expect(trigger.deliveries.flatMap((d) => d.items)).toEqual([]);
    } finally {
      await trigger.close();
    }
  });

  it('a forged receipt (no token, wrong token, token in the wrong place) is refused; the header form works', async () => {
    const trigger = triggerServer({ vendor: 'alibaba', secretToken: 'hdr-token-1', tokenLocation: 'header', options: {} });
    const url = await trigger.start();
    try {
      expect((await post(`${url}/receipt`, VOICE_REPORT)).status).toBe(401);
      expect((await post(`${url}/receipt?token=hdr-token-1`, VOICE_REPORT)).status).toBe(401);
      expect((await post(`${url}/receipt`, VOICE_REPORT, { 'X-Callbridge-Token': 'forged' })).status).toBe(401);
      expect((await post(`${url}/receipt`, VOICE_REPORT, { 'X-Callbridge-Token': 'hdr-token-1' })).status).toBe(200);
      await new Promise((r) => setImmediate(r));
      expect(trigger.deliveries.map((d) => d.items.length)).toEqual([0, 0, 0, 1]);
    } finally {
      await trigger.close();
    }
  });

  it('Volcengine: a push signed in 2001, or 6 minutes ago, is refused even with a correct authCode; a fresh one is accepted', async () => {
    const authToken = 'VolcAuthToken01';
    const trigger = triggerServer({ vendor: 'volcengine', options: { volcengineAuthToken: authToken } });
    const url = await trigger.start();
    const body = JSON.stringify({ callId: 'volc-ts-1', callee: '13500000009', callResult: 1, ext: 'ts-1' });
    const push = (seconds: number) => {
      const timestamp = String(seconds);
      return fetch(`${url}/receipt?timestamp=${timestamp}&authCode=${volcengineAuthCode(timestamp, body, authToken)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    };
    try {
      const now = Math.floor(Date.now() / 1000);
      expect((await push(Math.floor(Date.UTC(2001, 8, 9) / 1000))).status).toBe(401);
      expect((await push(now - 6 * 60)).status).toBe(401);
      expect((await push(now + 6 * 60)).status).toBe(401);
      expect((await push(now - 60)).status).toBe(200);
      await new Promise((r) => setImmediate(r));
      expect(trigger.deliveries.map((d) => d.items.length)).toEqual([0, 0, 0, 1]);
    } finally {
      await trigger.close();
    }
  });

  it('a receipt replayed after thousands of others is still dropped', async () => {
    const trigger = triggerServer({ vendor: 'alibaba', secretToken: 'replay-tok', options: {} });
    const url = await trigger.start();
    try {
      await post(`${url}/receipt?token=replay-tok`, VOICE_REPORT);
      const others = Array.from({ length: 3000 }, (_, i) => ({ ...VOICE_REPORT[0], call_id: `9${String(i).padStart(8, '0')}^100675005007` }));
      await post(`${url}/receipt?token=replay-tok`, others);
      expect((await post(`${url}/receipt?token=replay-tok`, VOICE_REPORT)).status).toBe(200);
      await new Promise((r) => setImmediate(r));
      expect(trigger.deliveries.map((d) => d.items.length)).toEqual([1, 3000, 0]);
    } finally {
      await trigger.close();
    }
  });

  it('a body that is not a receipt gets HTTP 400 and starts nothing', async () => {
    const trigger = triggerServer({ vendor: 'pbx', authentication: 'none', options: {} });
    const url = await trigger.start();
    try {
      const answer = await post(`${url}/receipt`, 'hello');
      expect(answer.status).toBe(400);
      await new Promise((r) => setImmediate(r));
      expect(trigger.deliveries[0].items).toEqual([]);
    } finally {
      await trigger.close();
    }
  });
});

describe('sandbox pushes through the trigger', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ speed: 60, seed: 3 });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('the Alibaba VMS receipts of a TTS call placed by the node arrive as vendor-neutral items', async () => {
    const trigger = triggerServer({ vendor: 'alibaba', secretToken: 'sbx', tokenLocation: 'query', options: {} });
    const url = await trigger.start();
    try {
      await fetch(`${sandbox.url}/_sandbox/config`, { method: 'POST', body: JSON.stringify({ receiptUrl: `${url}/receipt?token=sbx` }) });
      const { ctx } = fakeExecute({
        credentials: sandboxCredentials(sandbox),
        parameters: [{ resource: 'call', operation: 'SingleCallByTts', CalledNumber: '13800000077', TtsCode: 'TTS_7', additionalFields: { OutId: 'rcpt-1' } }],
      });
      const [items] = await executeProduct.call(ctx, 'dyvms');
      const callId = items[0].json.CallId;
      const final = await waitFor('the VoiceReport of the call', () => trigger.deliveries.flatMap((d) => d.items).find((item) => item.callId === callId && item.eventType === 'VoiceReport'));
      expect(final).toMatchObject({ vendor: 'alibaba', callId, outId: 'rcpt-1', final: true });
      expect(['completed', 'no_answer', 'busy', 'failed']).toContain(final.status);
      expect(trigger.deliveries.every((d) => d.status === 200)).toBe(true);
    } finally {
      await trigger.close();
    }
  });

  it('Volcengine call-record and recording pushes of a one-off call, authCode verified against the raw body', async () => {
    const good = triggerServer({ vendor: 'volcengine', secretToken: '', options: { volcengineAuthToken: VOLC_CALLBACK_AUTH_TOKEN } });
    const wrong = triggerServer({ vendor: 'volcengine', secretToken: '', options: { volcengineAuthToken: 'NotTheToken1' } });
    const [goodUrl, wrongUrl] = [await good.start(), await wrong.start()];
    try {
      await fetch(`${sandbox.url}/_sandbox/config`, {
        method: 'POST',
        body: JSON.stringify({ receiptUrls: { VolcengineCallRecord: `${goodUrl}/receipt`, VolcengineAudio: `${wrongUrl}/receipt` } }),
      });
      const { ctx } = fakeExecute({
        credentials: sandboxCredentials(sandbox),
        parameters: [
          {
            resource: 'singleCall',
            operation: 'SingleBatchAppend',
            List: { values: [{ SingleOpenId: 'rcptvolc0001', Phone: '13900000077', Type: 1, Resource: 'res-1', NumberPoolNo: 'NP162212345678900001', Ext: 'rv-1' }] },
          },
        ],
      });
      await executeProduct.call(ctx, 'volcengine');
      const record = await waitFor('the call record', () => good.deliveries.flatMap((d) => d.items).find((item) => item.outId === 'rv-1'), 15_000);
      expect(record).toMatchObject({ vendor: 'volcengine', eventType: 'CallRecord', final: true });
      expect(good.deliveries.every((d) => d.status === 200)).toBe(true);
      // The recording push (answered calls only) went to the trigger holding the wrong AuthToken: refused.
      if (record.status === 'completed') {
        await waitFor('the recording push', () => (wrong.deliveries.length > 0 ? true : undefined));
      }
      expect(wrong.deliveries.every((d) => d.status === 401 && d.items.length === 0)).toBe(true);
    } finally {
      await good.close();
      await wrong.close();
    }
  });
});
