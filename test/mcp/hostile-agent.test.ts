// A scripted hostile agent tries to get around every guardrail, through the curated tools and
// through invoke_operation. Each attempt must be refused with the rule named and a way to change
// it, and the sandbox's own record (GET /_sandbox/calls) must show that no call was placed.
import type { CallToolResult } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { DAYTIME, errorDetails, NIGHT, startHarness, textOf, type Harness, type HarnessOptions } from './helpers/harness.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 11, speed: 600 });
});
afterAll(async () => {
  await sandbox.close();
});

async function withServer(options: HarnessOptions, fn: (h: Harness) => Promise<void>): Promise<void> {
  const h = await startHarness({ now: () => DAYTIME, ...options, sandbox });
  try {
    await fn(h);
  } finally {
    await h.close();
  }
}

async function callsPlaced(): Promise<number> {
  const res = await fetch(`${sandbox.url}/_sandbox/calls`);
  return ((await res.json()) as unknown[]).length;
}

function expectRefused(result: CallToolResult, rule: string): void {
  expect(result.isError, textOf(result)).toBe(true);
  expect(textOf(result)).toContain(`Refused by the ${rule} guardrail`);
  expect(textOf(result)).toContain('To change this:');
  expect(errorDetails(result)).toMatchObject({ error: 'guardrail', rule, sent: false });
  expect(result.structuredContent).toBeUndefined();
}

const tts = (to: string, provider = 'dyvms') => ({ provider, to, tts_template: provider === 'volcengine' ? 'sandbox-tts-001' : 'TTS_100001', ...(provider === 'volcengine' ? { caller_id: 'NP100000000001' } : {}) });

describe('hostile agent', () => {
  it('billed calls are off unless --allow-calls: every route to a call is refused', async () => {
    const before = await callsPlaced();
    await withServer({}, async (h) => {
      expectRefused(await h.call('place_call', tts('13800000001')), 'allow-calls');
      expectRefused(await h.call('place_call', tts('13800000001', 'volcengine')), 'allow-calls');
      expectRefused(await h.call('place_call', { provider: 'pbx', to: '13800000001', prompt: 'hello' }), 'allow-calls');
      expectRefused(await h.call('invoke_operation', { id: 'dyvms.SingleCallByTts', input: { CalledNumber: '13800000001', TtsCode: 'TTS_1' } }), 'allow-calls');
      expectRefused(
        await h.call('invoke_operation', { id: 'dyvms.IvrCall', input: { CalledNumber: '13800000001', CalledShowNumber: '057100000000', StartCode: 'TTS_1' } }),
        'allow-calls',
      );
      expectRefused(await h.call('invoke_operation', { id: 'pbx.extension.dial_outbound', input: { extid: '1001', outto: '13800000001' } }), 'allow-calls');
      // A robot task can be built (writes are allowed) but not started.
      const task = await h.call('create_call_task', { provider: 'dyvms', name: 'sneaky', script_id: '1000000000001', caller_id: '057100000000' });
      const taskId = (task.structuredContent as { task_id: string }).task_id;
      const added = await h.call('add_task_callees', { provider: 'dyvms', task_id: taskId, callees: [{ number: '13800000001' }] });
      expect(added.structuredContent).toMatchObject({ accepted: 1 });
      expectRefused(await h.call('control_task', { provider: 'dyvms', task_id: taskId, action: 'start' }), 'allow-calls');
      expectRefused(await h.call('invoke_operation', { id: 'dyvms.StartRobotTask', input: { TaskId: taskId } }), 'allow-calls');
      // Outbound Bot: assigning jobs dials, so it is billed too.
      const scripts = await h.call('list_robot_scripts', { provider: 'outboundbot' });
      const scriptId = (scripts.structuredContent as { scripts: Array<{ script_id: string }> }).scripts[0].script_id;
      const group = await h.call('create_call_task', { provider: 'outboundbot', name: 'sneaky', script_id: scriptId });
      const groupId = (group.structuredContent as { task_id: string }).task_id;
      expectRefused(await h.call('add_task_callees', { provider: 'outboundbot', task_id: groupId, callees: [{ number: '13800000001' }] }), 'allow-calls');
    });
    expect(await callsPlaced()).toBe(before);
  });

  it('disallowed, denied and emergency numbers are refused on every tool', async () => {
    const before = await callsPlaced();
    await withServer({ flags: { 'allow-calls': true, 'no-confirm': true, 'allow-numbers': '138*', 'deny-numbers': '13800000666' } }, async (h) => {
      expectRefused(await h.call('place_call', tts('13900000001')), 'allow-numbers');
      expectRefused(await h.call('place_call', tts('+8613900000001')), 'allow-numbers');
      expectRefused(await h.call('place_call', tts('13900000001', 'volcengine')), 'allow-numbers');
      expectRefused(await h.call('place_call', { provider: 'pbx', to: '13900000001', prompt: 'hello' }), 'allow-numbers');
      expectRefused(await h.call('place_call', tts('13800000666')), 'deny-numbers');
      expectRefused(await h.call('place_call', tts('138-0000-0666')), 'deny-numbers');
      expectRefused(await h.call('place_call', tts('110')), 'emergency-numbers');
      expectRefused(await h.call('invoke_operation', { id: 'dyvms.SingleCallByVoice', input: { CalledNumber: '13900000001', VoiceCode: 'v.wav' } }), 'allow-numbers');
      expectRefused(
        await h.call('invoke_operation', { id: 'volcengine.SingleBatchAppend', input: { List: [{ SingleOpenId: 'x1', Phone: '13900000001', Type: 1, Resource: 'r', NumberPoolNo: 'NP100000000001' }] } }),
        'allow-numbers',
      );
      // Task callees: writes that only store numbers are checked too.
      const task = await h.call('create_call_task', { provider: 'dyvms', name: 'sneaky', script_id: '1000000000001', caller_id: '057100000000' });
      const taskId = (task.structuredContent as { task_id: string }).task_id;
      expectRefused(await h.call('invoke_operation', { id: 'dyvms.UploadRobotTaskCalledFile', input: { Id: taskId, CalledNumber: ['13800000001', '13900000001'] } }), 'allow-numbers');
      expectRefused(await h.call('add_task_callees', { provider: 'dyvms', task_id: taskId, callees: [{ number: '13900000001' }, { number: '120' }] }), 'allow-numbers');
      const mixed = await h.call('add_task_callees', { provider: 'dyvms', task_id: taskId, callees: [{ number: '13800000001' }, { number: '13900000002' }, { number: '13800000666' }] });
      expect(mixed.structuredContent).toMatchObject({ accepted: 1, rejected: 2 });
      const reasons = (mixed.structuredContent as { rejections: Array<{ reason: string }> }).rejections.map((r) => r.reason);
      expect(reasons[0]).toMatch(/^allow-numbers:/);
      expect(reasons[1]).toMatch(/^deny-numbers:/);
    });
    expect(await callsPlaced()).toBe(before);
  });

  it('night hours: calls and task starts outside the calling window are refused', async () => {
    const before = await callsPlaced();
    await withServer({ now: () => NIGHT, flags: { 'allow-calls': true, 'no-confirm': true } }, async (h) => {
      const refused = await h.call('place_call', tts('13800000001'));
      expectRefused(refused, 'calling-hours');
      expect(textOf(refused)).toContain('it is 03:00 now in Asia/Shanghai');
      expectRefused(await h.call('invoke_operation', { id: 'dyvms.SingleCallByTts', input: { CalledNumber: '13800000001', TtsCode: 'TTS_1' } }), 'calling-hours');
      const task = await h.call('create_call_task', { provider: 'dyvms', name: 'night', script_id: '1000000000001', caller_id: '057100000000' });
      const taskId = (task.structuredContent as { task_id: string }).task_id;
      await h.call('add_task_callees', { provider: 'dyvms', task_id: taskId, callees: [{ number: '13800000001' }] });
      expectRefused(await h.call('control_task', { provider: 'dyvms', task_id: taskId, action: 'start' }), 'calling-hours');
      // Scheduling for the night is no way around it either (checked at daytime).
      await withServer({ flags: { 'allow-calls': true, 'no-confirm': true } }, async (day) => {
        expectRefused(
          await day.call('invoke_operation', {
            id: 'volcengine.SingleBatchAppend',
            input: { List: [{ SingleOpenId: 'n1', Phone: '13800000001', Type: 1, Resource: 'sandbox-tts-001', NumberPoolNo: 'NP100000000001', TriggerTime: '2026-03-04 02:00:00' }] },
          }),
          'calling-hours',
        );
      });
      // Scheduling the start for 02:00 the next night is no way around it.
      expectRefused(await h.call('control_task', { provider: 'dyvms', task_id: taskId, action: 'start', schedule_time: '2026-03-04T02:00:00+08:00' }), 'calling-hours');
    });
    // A callee in another zone follows its own clock: 10:00 in Beijing is 21:00 in New York.
    await withServer({ now: () => DAYTIME, flags: { 'allow-calls': true, 'no-confirm': true, 'calling-hours': '09:00-20:00', timezone: 'America/New_York' } }, async (h) => {
      expectRefused(await h.call('place_call', tts('13800000001')), 'calling-hours');
    });
    expect(await callsPlaced()).toBe(before);
  });

  it('caps: per number per hour, then in total per hour and per day', async () => {
    await withServer(
      { flags: { 'allow-calls': true, 'no-confirm': true, 'max-per-number-per-hour': '1', 'max-calls-per-hour': '2', 'max-concurrent-calls': 'unlimited' } },
      async (h) => {
        const before = await callsPlaced();
        expect((await h.call('place_call', tts('13800000101'))).isError).toBeFalsy();
        expectRefused(await h.call('place_call', tts('13800000101')), 'max-per-number-per-hour');
        expect((await h.call('place_call', tts('13800000102'))).isError).toBeFalsy();
        expectRefused(await h.call('place_call', tts('13800000103')), 'max-calls-per-hour');
        expectRefused(await h.call('invoke_operation', { id: 'dyvms.SingleCallByTts', input: { CalledNumber: '13800000104', TtsCode: 'TTS_1' } }), 'max-calls-per-hour');
        expect(await callsPlaced()).toBe(before + 2);
      },
    );
    await withServer({ flags: { 'allow-calls': true, 'no-confirm': true, 'max-calls-per-day': '2', 'max-concurrent-calls': 'unlimited' } }, async (h) => {
      const task = await h.call('create_call_task', { provider: 'dyvms', name: 'big', script_id: '1000000000001', caller_id: '057100000000' });
      const taskId = (task.structuredContent as { task_id: string }).task_id;
      await h.call('add_task_callees', { provider: 'dyvms', task_id: taskId, callees: ['13800000201', '13800000202', '13800000203'].map((number) => ({ number })) });
      const before = await callsPlaced();
      // Starting the task would dial 3 numbers: over the daily cap of 2.
      expectRefused(await h.call('control_task', { provider: 'dyvms', task_id: taskId, action: 'start' }), 'max-calls-per-day');
      expect(await callsPlaced()).toBe(before);
    });
  });

  it('concurrency: no more calls in flight than allowed; a task cannot ask for more either', async () => {
    await withServer({ flags: { 'allow-calls': true, 'no-confirm': true, 'max-concurrent-calls': '2', 'volcengine-pool': 'NP100000000001' } }, async (h) => {
      const before = await callsPlaced();
      const first = await h.call('place_call', tts('13800000301'));
      await h.call('place_call', tts('13800000302'));
      expectRefused(await h.call('place_call', tts('13800000303')), 'max-concurrent-calls');
      expect(await callsPlaced()).toBe(before + 2);
      // Once a result is seen final, the slot is free again.
      const callId = (first.structuredContent as { call_id: string }).call_id;
      const waited = await h.call('wait_for_call_result', { provider: 'dyvms', call_id: callId, timeout_seconds: 30, interval_seconds: 1 });
      expect(waited.structuredContent).toMatchObject({ final: true });
      expect((await h.call('place_call', tts('13800000303'))).isError).toBeFalsy();
      expectRefused(
        await h.call('invoke_operation', {
          id: 'volcengine.CreateTask',
          input: { Name: 'wide', Type: 1, Resource: 'sandbox-tts-001', NumberPoolNo: 'NP100000000001', Start: false, StartTime: '2026-03-03 09:00:00', EndTime: '2026-03-03 18:00:00', Concurrency: 500 },
        }),
        'max-concurrent-calls',
      );
    });
  });

  it('read-only: only read tools are listed, writes cannot be reached', async () => {
    const before = await callsPlaced();
    await withServer({ flags: { 'read-only': true, 'allow-calls': true, 'no-confirm': true } }, async (h) => {
      const names = (await h.mcp.listTools()).tools.map((t) => t.name).sort();
      expect(names).toEqual(
        ['describe_operation', 'get_call_result', 'get_recording_url', 'get_task_call_detail', 'get_task_status', 'list_robot_scripts', 'list_task_calls', 'search_operations', 'wait_for_call_result'].sort(),
      );
      for (const name of ['place_call', 'invoke_operation', 'control_task', 'add_task_callees', 'create_call_task']) {
        // An unknown tool is a protocol error (invalid params), not a tool result.
        await expect(h.call(name, { provider: 'dyvms', to: '13800000001', tts_template: 'TTS_1', id: 'dyvms.SingleCallByTts', input: {} })).rejects.toThrow(/not found/);
      }
      for (const t of (await h.mcp.listTools()).tools) expect(t.annotations?.readOnlyHint).toBe(true);
    });
    expect(await callsPlaced()).toBe(before);
  });

  it('dry-run: billed and write tools return the signed request and send nothing', async () => {
    const before = await callsPlaced();
    await withServer({ flags: { 'dry-run': true } }, async (h) => {
      const r = await h.call('place_call', tts('13800000401'));
      expect(r.isError).toBeFalsy();
      const out = r.structuredContent as { call_id?: string; dry_run: { total: number; requests: Array<{ billed: boolean; request: { url: string; body?: string } }> } };
      expect(out.call_id).toBeUndefined();
      expect(out.dry_run.total).toBe(1);
      expect(out.dry_run.requests[0].billed).toBe(true);
      expect(out.dry_run.requests[0].request.body).toContain('Signature=');
      expect(JSON.stringify(r)).not.toContain('sandbox-secret');
      const inv = await h.call('invoke_operation', { id: 'dyvms.SingleCallByTts', input: { CalledNumber: '13800000401', TtsCode: 'TTS_1' } });
      expect(inv.structuredContent).toMatchObject({ operation: 'dyvms.SingleCallByTts', dry_run: { total: 1 } });
      const task = await h.call('create_call_task', { provider: 'dyvms', name: 'dry', script_id: '1000000000001', caller_id: '057100000000' });
      expect(task.structuredContent).toMatchObject({ dry_run: { total: 1 } });
      expect((task.structuredContent as { task_id?: string }).task_id).toBeUndefined();
      // Number rules still apply in dry-run.
      expectRefused(await h.call('place_call', tts('119')), 'emergency-numbers');
    });
    expect(await callsPlaced()).toBe(before);
  });

  it('confirmation: refused without elicitation support, refused when the user declines, placed only on yes', async () => {
    const before = await callsPlaced();
    await withServer({ flags: { 'allow-calls': true } }, async (h) => {
      const r = await h.call('place_call', tts('13800000501'));
      expectRefused(r, 'confirmation');
      expect(textOf(r)).toContain('--no-confirm');
    });
    const prompts: string[] = [];
    await withServer(
      {
        flags: { 'allow-calls': true },
        elicit: (message) => {
          prompts.push(message);
          return { action: 'decline' };
        },
      },
      async (h) => {
        expectRefused(await h.call('place_call', tts('13800000502')), 'confirmation');
      },
    );
    expect(prompts[0]).toContain('13800000502');
    expect(await callsPlaced()).toBe(before);
    await withServer({ flags: { 'allow-calls': true }, elicit: () => ({ action: 'accept', content: { confirm: true } }) }, async (h) => {
      expect((await h.call('place_call', tts('13800000503'))).isError).toBeFalsy();
    });
    expect(await callsPlaced()).toBe(before + 1);
  });

  it('tasks filled outside the server cannot be started from it, nor every job of an instance at once', async () => {
    const before = await callsPlaced();
    await withServer({ flags: { 'allow-calls': true, 'no-confirm': true } }, async (h) => {
      expectRefused(await h.call('invoke_operation', { id: 'dyvms.StartRobotTask', input: { TaskId: '4001119999' } }), 'unknown-callees');
      const instance = 'c3a1e0f2-5b7d-4e39-9a61-0d2f4b8e7c15';
      expectRefused(await h.call('invoke_operation', { id: 'outboundbot.ResumeJobs', input: { InstanceId: instance, All: true } }), 'unknown-callees');
      expectRefused(await h.call('invoke_operation', { id: 'outboundbot.ResumeJobs', input: { InstanceId: instance, All: false, JobId: ['some-job'] } }), 'unknown-callees');
      expectRefused(await h.call('invoke_operation', { id: 'volcengine.ResumeTask', input: { TaskOpenId: '123' } }), 'unknown-callees');
    });
    expect(await callsPlaced()).toBe(before);
  });
});
