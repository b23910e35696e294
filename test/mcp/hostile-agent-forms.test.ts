// The hostile agent of issue 11: the same person in other number forms, emergency numbers in every
// form, indirect dialling (redials, vendor windows, rosters, SMS), a wrong provider freeing a slot.
// Judged by what the sandbox recorded, not by what the tool said.
import type { CallToolResult } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { DAYTIME, errorDetails, startHarness, textOf, type Harness, type HarnessOptions } from './helpers/harness.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 19, speed: 600 });
});
afterAll(async () => {
  await sandbox.close();
});

const OPEN = { 'allow-calls': true, 'no-confirm': true } as const;

async function withServer(options: HarnessOptions, fn: (h: Harness) => Promise<void>): Promise<void> {
  const h = await startHarness({ now: () => DAYTIME, ...options, sandbox });
  try {
    await fn(h);
  } finally {
    await h.close();
  }
}

/** Calls the sandbox placed to this subscriber, in whatever form they were sent. */
async function placedTo(national: string): Promise<number> {
  const res = await fetch(`${sandbox.url}/_sandbox/calls`);
  const calls = (await res.json()) as Array<{ number?: string; callee?: string }>;
  return calls.filter((c) => String(c.number ?? c.callee ?? '').endsWith(national)).length;
}

function expectRefused(result: CallToolResult, rule: string): void {
  expect(result.isError, textOf(result)).toBe(true);
  expect(errorDetails(result)).toMatchObject({ error: 'guardrail', rule, sent: false });
}

const invoke = (id: string, input: Record<string, unknown>) => ['invoke_operation', { id, input }] as const;
const tts = (to: string) => ({ CalledNumber: to, TtsCode: 'TTS_100001' });

describe('hostile agent: number forms, indirect dialling', () => {
  it('caps count the subscriber, not the written form', async () => {
    await withServer({ flags: { ...OPEN, 'max-per-number-per-hour': '2' } }, async (h) => {
      const forms = ['13800000701', '8613800000701', '+8613800000701', '008613800000701', '013800000701'];
      const results = [];
      for (const form of forms) results.push(await h.call(...invoke('dyvms.SingleCallByTts', tts(form))));
      expect(results.filter((r) => !r.isError)).toHaveLength(2);
      for (const r of results.slice(2)) expectRefused(r, 'max-per-number-per-hour');
      const formatted = await h.call(...invoke('dyvms.SingleCallByTts', tts('+86 138-0000-0701')));
      expect(errorDetails(formatted)).toMatchObject({ error: 'validation', field: 'CalledNumber' });
    });
    expect(await placedTo('13800000701')).toBe(2);
  });

  it('deny patterns stop every form of the number, whichever form the operator wrote', async () => {
    for (const denied of ['+8613800000702', '13800000702', '0086138000007*']) {
      await withServer({ flags: { ...OPEN, 'deny-numbers': denied } }, async (h) => {
        for (const form of ['13800000702', '+8613800000702', '013800000702', '8613800000702', '008613800000702']) {
          expectRefused(await h.call(...invoke('dyvms.SingleCallByTts', tts(form))), 'deny-numbers');
        }
        expectRefused(await h.call('place_call', { provider: 'dyvms', to: '0086 138 0000 0702', tts_template: 'TTS_100001' }), 'deny-numbers');
      });
    }
    expect(await placedTo('13800000702')).toBe(0);
  });

  it('emergency and short service numbers are refused in every form, with everything else allowed', async () => {
    await withServer({ flags: { ...OPEN, 'calling-hours': 'off', 'max-calls-per-day': 'unlimited' } }, async (h) => {
      for (const form of ['110', '86110', '0086110', '+86110', '0110', '+1911', '911', '112', '120', '119', '10086']) {
        expectRefused(await h.call(...invoke('dyvms.SingleCallByTts', tts(form))), 'emergency-numbers');
        expectRefused(await h.call('place_call', { provider: 'dyvms', to: form, tts_template: 'TTS_100001' }), 'emergency-numbers');
      }
    });
    const res = await fetch(`${sandbox.url}/_sandbox/calls`);
    const calls = (await res.json()) as Array<{ number?: string }>;
    expect(calls.filter((c) => /^(\+?86|0086|0)?(110|911|112|120|119|10086)$/.test(String(c.number)))).toHaveLength(0);
  });

  it('a bare international form that reads two ways is refused, not guessed', async () => {
    await withServer({ flags: { ...OPEN, 'calling-hours': 'off' } }, async (h) => {
      expectRefused(await h.call(...invoke('dyvms.SingleCallByTts', tts('447700900123'))), 'invalid-number');
    });
  });

  it('an empty allow list allows nobody', async () => {
    await withServer({ flags: { ...OPEN, 'allow-numbers': '' } }, async (h) => {
      expectRefused(await h.call(...invoke('dyvms.SingleCallByTts', tts('13800000703'))), 'allow-numbers');
    });
    expect(await placedTo('13800000703')).toBe(0);
  });

  it('redials count against the caps: RingAgainTimes multiplies a Volcengine one-off call', async () => {
    await withServer({ flags: { ...OPEN, 'max-per-number-per-hour': '10', 'max-per-number-per-day': '2' } }, async (h) => {
      const item = { SingleOpenId: 'hostile-1', Phone: '13800000704', Type: 1, Resource: 'sandbox-tts-001', NumberPoolNo: 'NP100000000001', RingAgainTimes: 2 };
      expectRefused(await h.call(...invoke('volcengine.SingleBatchAppend', { List: [item] })), 'max-per-number-per-day');
    });
    expect(await placedTo('13800000704')).toBe(0);
  });

  it("a vendor dialling window outside the calling hours is refused (the guard judges the window, not only now)", async () => {
    await withServer({ flags: OPEN }, async (h) => {
      // 03:00 Beijing time the next day, although it is 10:00 now.
      const night = DAYTIME + 17 * 3_600_000;
      const item = { SingleOpenId: 'hostile-2', Phone: '13800000705', Type: 1, Resource: 'sandbox-tts-001', NumberPoolNo: 'NP100000000001', TriggerTime: night };
      expectRefused(await h.call(...invoke('volcengine.SingleBatchAppend', { List: [item] })), 'calling-hours');
      const wide = { Name: 'wide', Type: 1, Resource: 'sandbox-tts-001', NumberPoolNo: 'NP100000000001', Start: true, Concurrency: 1, StartTime: '2026-03-03 10:00:00', EndTime: '2026-03-04 18:00:00', PhoneList: [{ Phone: '13800000705' }] };
      expectRefused(await h.call(...invoke('volcengine.CreateTask', wide)), 'calling-hours');
    });
    expect(await placedTo('13800000705')).toBe(0);
  });

  it('a roster by file dials people nobody named: refused unless unknown callees are allowed', async () => {
    await withServer({ flags: OPEN }, async (h) => {
      const roster = { InstanceId: 'c3a1e0f2-5b7d-4e39-9a61-0d2f4b8e7c15', JobGroupId: 'g-1', BatchJobName: 'everyone', ScriptId: 's-1', JobFilePath: 'oss://bucket/people.xlsx', Submitted: 'submit' };
      expectRefused(await h.call(...invoke('outboundbot.ModifyBatchJobs', roster)), 'unknown-callees');
    });
  });

  it('SMS verification is a billed contact: off with billed calls off, and deny lists apply', async () => {
    await withServer({}, async (h) => {
      expectRefused(await h.call(...invoke('dyvms.SendVerification', { Target: '15000000001' })), 'allow-calls');
    });
    await withServer({ flags: { ...OPEN, 'deny-numbers': '+8615000000002' } }, async (h) => {
      expectRefused(await h.call(...invoke('dyvms.SendVerification', { Target: '15000000002' })), 'deny-numbers');
    });
  });

  it('a result read with the wrong provider does not end a live call or free its slot', async () => {
    await withServer({ flags: { ...OPEN, 'max-concurrent-calls': '1' } }, async (h) => {
      const first = await h.call('place_call', { provider: 'dyvms', to: '13800000706', tts_template: 'TTS_100001' });
      expect(first.isError, textOf(first)).toBeFalsy();
      const callId = (first.structuredContent as { call_id: string }).call_id;
      await h.call('get_call_result', { provider: 'volcengine', call_id: callId });
      expectRefused(await h.call('place_call', { provider: 'dyvms', to: '13800000707', tts_template: 'TTS_100001' }), 'max-concurrent-calls');
    });
    expect(await placedTo('13800000707')).toBe(0);
  });
});

describe('hostile agent: a dry run cannot be replayed', () => {
  it('the preview shows a placeholder instead of the signature, and the sandbox refuses it when sent', async () => {
    await withServer({ flags: { ...OPEN, 'dry-run': true } }, async (h) => {
      for (const [provider, extra] of [
        ['dyvms', { tts_template: 'TTS_100001' }],
        ['volcengine', { tts_template: 'sandbox-tts-001', caller_id: 'NP100000000001' }],
      ] as const) {
        const r = await h.call('place_call', { provider, to: '13800000708', ...extra });
        expect(r.isError, textOf(r)).toBeFalsy();
        const { dry_run } = r.structuredContent as { dry_run: { requests: Array<{ request: { method: string; url: string; headers: Record<string, string>; body?: string } }> } };
        const { request } = dry_run.requests[0];
        expect(JSON.stringify(request)).toContain('PREVIEW-NOT-SIGNED');
        const replay = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
        expect(replay.status, `${provider} replay`).toBeGreaterThanOrEqual(400);
      }
    });
    expect(await placedTo('13800000708')).toBe(0);
  });
});
