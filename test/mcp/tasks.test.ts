// Robot-task flows through the curated tools against the sandbox, per provider.
import type { CallToolResult, Progress } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAYTIME, expectNoSecrets, startHarness, textOf, type Harness } from './helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    now: () => DAYTIME,
    flags: {
      'allow-calls': true,
      'no-confirm': true,
      'calling-hours': 'off',
      'max-calls-per-hour': 'unlimited',
      'max-calls-per-day': 'unlimited',
      'max-per-number-per-hour': 'unlimited',
      'max-per-number-per-day': 'unlimited',
    },
  });
});
afterAll(async () => {
  await h.close();
});

const sc = <T>(r: CallToolResult): T => {
  if (r.isError) throw new Error(textOf(r));
  return r.structuredContent as T;
};

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('task tools', () => {
  it('dyvms robot task: 2,500 callees in chunks of 1,000 with progress, start, results, transcript, recording', async () => {
    const scripts = sc<{ scripts: Array<{ script_id: string }> }>(await h.call('list_robot_scripts', { provider: 'dyvms' }));
    const task = sc<{ task_id: string }>(await h.call('create_call_task', { provider: 'dyvms', name: 'reminder', script_id: scripts.scripts[0].script_id, caller_id: '057100000000' }));
    const callees = Array.from({ length: 2500 }, (_, i) => ({ number: `1370${String(i).padStart(7, '0')}`, params: { name: `N${i}` } }));
    callees.push({ number: '13700000001', params: { name: 'dup' } }, { number: '120', params: { name: 'x' } });
    const progress: Progress[] = [];
    const added = (await h.mcp.callTool({ name: 'add_task_callees', arguments: { provider: 'dyvms', task_id: task.task_id, callees } }, { onprogress: (p) => progress.push(p) })) as CallToolResult;
    expect(sc(added)).toMatchObject({ accepted: 2500, rejected: 2, requests: 3 });
    expect(progress.map((p) => [p.progress, p.total])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(progress.at(-1)?.message).toBe('2500 of 2500 added');

    const small = sc<{ task_id: string }>(await h.call('create_call_task', { provider: 'dyvms', name: 'small', script_id: scripts.scripts[0].script_id, caller_id: '057100000000' }));
    sc(await h.call('add_task_callees', { provider: 'dyvms', task_id: small.task_id, callees: [{ number: '13600000001' }, { number: '13600000002' }] }));
    expect(sc(await h.call('control_task', { provider: 'dyvms', task_id: small.task_id, action: 'start' }))).toMatchObject({ operation: 'dyvms.StartRobotTask' });
    const status = await until(
      async () => sc<{ state: string; total?: number; completed?: number }>(await h.call('get_task_status', { provider: 'dyvms', task_id: small.task_id })),
      (s) => s.state === 'completed',
    );
    expect(status).toMatchObject({ state: 'completed', total: 2, completed: 2 });
    const page = sc<{ calls: Array<{ callee: string; final: boolean; status: string }>; has_more: boolean }>(await h.call('list_task_calls', { provider: 'dyvms', task_id: small.task_id }));
    expect(page.calls.map((c) => c.callee).sort()).toEqual(['13600000001', '13600000002']);
    expect(page.calls.every((c) => c.final)).toBe(true);
    expect(page.has_more).toBe(false);
    const answered = page.calls.find((c) => c.status === 'completed') ?? page.calls[0];
    const detail = sc<{ result: { callee: string }; transcript: Array<{ speaker: string; text: string }> }>(
      await h.call('get_task_call_detail', { provider: 'dyvms', task_id: small.task_id, callee: answered.callee }),
    );
    expect(detail.result.callee).toBe(answered.callee);
    if (answered.status === 'completed') {
      expect(detail.transcript.length).toBeGreaterThan(0);
      const rec = sc<{ url: string }>(await h.call('get_recording_url', { provider: 'dyvms', task_id: small.task_id, callee: answered.callee }));
      expect(rec.url).toMatch(/^https?:\/\//);
    }
    // the start was counted: dialled numbers appear in the sandbox exactly once
    const calls = (await h.placedCalls()).filter((c) => c.taskId === small.task_id);
    expect(calls.map((c) => c.number).sort()).toEqual(['13600000001', '13600000002']);
  });

  it('outboundbot job group: jobs dial when assigned; results per job; pause and cancel', async () => {
    const scripts = sc<{ scripts: Array<{ script_id: string; status?: string }> }>(await h.call('list_robot_scripts', { provider: 'outboundbot' }));
    const published = scripts.scripts.find((s) => s.status === 'PUBLISHED') ?? scripts.scripts[0];
    const group = sc<{ task_id: string }>(await h.call('create_call_task', { provider: 'outboundbot', name: 'renewals', script_id: published.script_id }));
    expect(group.task_id).toContain(':');
    const added = sc<{ accepted: number; requests: number }>(
      await h.call('add_task_callees', { provider: 'outboundbot', task_id: group.task_id, callees: Array.from({ length: 150 }, (_, i) => ({ number: `1350000${String(i).padStart(4, '0')}`, ref: `crm-${i}` })) }),
    );
    expect(added).toMatchObject({ accepted: 150, requests: 2 });
    const status = sc<{ total?: number }>(await h.call('get_task_status', { provider: 'outboundbot', task_id: group.task_id }));
    expect(status.total).toBe(150);
    const page = sc<{ calls: Array<{ callId: string; outId?: string }>; total?: number; has_more: boolean }>(await h.call('list_task_calls', { provider: 'outboundbot', task_id: group.task_id, page_size: 100 }));
    expect(page.total).toBe(150);
    expect(page.has_more).toBe(true);
    const job = page.calls[0];
    const result = sc<{ provider: string; callId: string }>(await h.call('get_call_result', { provider: 'outboundbot', call_id: job.callId }));
    expect(result).toMatchObject({ provider: 'outboundbot', callId: job.callId });
    expect(sc(await h.call('control_task', { provider: 'outboundbot', task_id: group.task_id, action: 'pause' }))).toMatchObject({ operation: 'outboundbot.SuspendJobs' });
    expect(sc(await h.call('control_task', { provider: 'outboundbot', task_id: group.task_id, action: 'cancel' }))).toMatchObject({ operation: 'outboundbot.CancelJobs' });
  });

  it('volcengine task: created stopped, callees appended with per-number failures, started', async () => {
    const task = sc<{ task_id: string }>(await h.call('create_call_task', { provider: 'volcengine', name: 'notice', script_id: 'tts_template:sandbox-tts-001', caller_id: 'NP100000000001', concurrency: 50 }));
    const added = sc<{ accepted: number; rejected: number }>(
      await h.call('add_task_callees', { provider: 'volcengine', task_id: task.task_id, callees: [{ number: '13400000001', params: { code: '1' } }, { number: '13400000002' }] }),
    );
    expect(added.accepted + added.rejected).toBe(2);
    expect(sc(await h.call('control_task', { provider: 'volcengine', task_id: task.task_id, action: 'start' }))).toMatchObject({ operation: 'volcengine.ResumeTask' });
    const calls = await until(
      async () => (await h.placedCalls()).filter((c) => c.taskId === task.task_id),
      (c) => c.length >= added.accepted,
    );
    expect(calls.length).toBe(added.accepted);
    const unsupported = (await h.call('get_task_status', { provider: 'volcengine', task_id: task.task_id })) as CallToolResult;
    expect(unsupported.isError).toBe(true);
  });

  it('no secrets in any task tool output', async () => {
    expectNoSecrets(await h.call('list_robot_scripts', { provider: 'outboundbot' }));
  });
});
