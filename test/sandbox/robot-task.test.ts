import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallbridgeError } from '../../core/errors.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import type { PlacedCall } from '../../sandbox/types.js';
import { callbridgeClient, getJson, manualClock } from './helpers.js';

type Out = Record<string, unknown>;
const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);

describe('a robot task with 10,000 callees (speed 1000)', () => {
  let sb: RunningSandbox;
  let cb: ReturnType<typeof callbridgeClient>;
  beforeAll(async () => {
    sb = await startSandbox({ seed: 'big', speed: 1000 });
    cb = callbridgeClient(sb.env);
  });
  afterAll(async () => {
    await cb.close();
    await sb.close();
  });

  it('runs to completion and every result is queryable within a minute of wall time', async () => {
    const started = Date.now();
    const scripts = (await cb.client.invoke('dyvms.QueryRobotv2AllList', {})) as { Data: { id: number | string }[] };
    const dialogId = String(scripts.Data[0].id);
    const created = (await cb.client.invoke('dyvms.CreateRobotTask', {
      TaskName: 'ten-thousand',
      DialogId: dialogId,
      Caller: ['057100000001', '057100000002'],
      NumberStatusIdent: false,
      RetryType: 0,
    })) as Out;
    const taskId = String(created.Data);
    const numbers = Array.from({ length: 10_000 }, (_, i) => String(13_100_000_000 + i));
    for (let i = 0; i < numbers.length; i += 1000) {
      await cb.client.invoke('dyvms.UploadRobotTaskCalledFile', { Id: taskId, CalledNumber: numbers.slice(i, i + 1000) });
    }
    await cb.client.invoke('dyvms.StartRobotTask', { TaskId: taskId });
    let detail: Out = {};
    while (Date.now() - started < 50_000) {
      detail = ((await cb.client.invoke('dyvms.QueryRobotTaskDetail', { Id: taskId })) as { Data: Out }).Data;
      if (detail.status === 'FINISH') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(detail.status).toBe('FINISH');
    expect(Number(detail.totalCount)).toBe(10_000);
    expect(Number(detail.finishCount)).toBe(10_000);

    const rows: Out[] = [];
    for (let page = 1; ; page++) {
      const out = (await cb.client.invoke('dyvms.QueryRobotTaskCallList', { TaskId: taskId, PageNo: page, PageSize: 50 })) as { Data: Out[] };
      rows.push(...out.Data);
      if (out.Data.length < 50) break;
    }
    expect(rows).toHaveLength(10_000);
    expect(new Set(rows.map((r) => r.called))).toEqual(new Set(numbers));

    const calls = (await getJson<PlacedCall[]>(`${sb.url}/_sandbox/calls?taskId=${taskId}`)).filter((c) => c.operation === 'dyvms.StartRobotTask');
    expect(calls).toHaveLength(10_000);
    expect(calls.every((c) => c.endAt !== undefined)).toBe(true);
    expect(new Set(rows.map((r) => r.callId))).toEqual(new Set(calls.map((c) => c.id)));
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 70_000);
});

describe('robot task lifecycle (hand-moved clock)', () => {
  const clock = manualClock();
  let sb: RunningSandbox;
  let cb: ReturnType<typeof callbridgeClient>;
  const invoke = (id: string, input: Out) => cb.client.invoke(id, input) as Promise<Out>;
  const status = async (taskId: string) => ((await invoke('dyvms.QueryRobotTaskDetail', { Id: taskId })).Data as Out).status;
  const newTask = async (count: number, extra: Out = {}) => {
    const created = await invoke('dyvms.CreateRobotTask', { TaskName: 'life', DialogId: '1000000000002', Caller: ['057100000001'], NumberStatusIdent: false, RetryType: 0, ...extra });
    const taskId = String(created.Data);
    await invoke('dyvms.UploadRobotTaskCalledFile', {
      Id: taskId,
      CalledNumber: Array.from({ length: count }, (_, i) => String(13_200_000_000 + i)),
      TtsParamHead: ['name'],
      TtsParam: [{ number: 'all', params: ['customer'] }],
    });
    return taskId;
  };
  beforeAll(async () => {
    sb = await startSandbox({ seed: 'life', clock, config: { taskConcurrency: 5 } });
    cb = callbridgeClient(sb.env);
  });
  afterAll(async () => {
    await cb.close();
    await sb.close();
  });

  it('pauses (Stop), resumes (Start), and finishes with per-callee results', async () => {
    const taskId = await newTask(40);
    expect(await status(taskId)).toBe('INIT');
    await invoke('dyvms.StartRobotTask', { TaskId: taskId });
    expect(await status(taskId)).toBe('EXCUTING');
    clock.advance(90_000);
    await invoke('dyvms.StopRobotTask', { TaskId: taskId });
    expect(await status(taskId)).toBe('MANUAL_STOP');
    const dialedAtPause = sb.context.calls().filter((c) => c.taskId === taskId).length;
    expect(dialedAtPause).toBeGreaterThan(0);
    expect(dialedAtPause).toBeLessThan(40);
    clock.advance(3_600_000);
    expect(sb.context.calls().filter((c) => c.taskId === taskId).length).toBe(dialedAtPause);
    await invoke('dyvms.StartRobotTask', { TaskId: taskId });
    clock.advance(3_600_000);
    const list = ((await invoke('dyvms.QueryRobotTaskList', { Status: 'FINISH' })).Data as Out[]).find((t) => String(t.id) === taskId);
    expect(list).toMatchObject({ status: 'FINISH', totalCount: 40, finishCount: 40 });
    const placed = sb.context.calls().filter((c) => c.taskId === taskId);
    expect(placed).toHaveLength(40);
    // never more than 5 lines at once
    const events = placed.flatMap((c) => [
      [c.createdAt, 1],
      [c.endAt as number, -1],
    ]);
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let lines = 0;
    let peak = 0;
    for (const [, d] of events) peak = Math.max(peak, (lines += d));
    expect(peak).toBeLessThanOrEqual(5);
  });

  it('filters the call list with the inverted HangupDirection request codes', async () => {
    const taskId = await newTask(60);
    await invoke('dyvms.StartRobotTask', { TaskId: taskId });
    clock.advance(4 * 3_600_000);
    const all = (await invoke('dyvms.QueryRobotTaskCallList', { TaskId: taskId, PageSize: 50 })).Data as Out[];
    const rest = (await invoke('dyvms.QueryRobotTaskCallList', { TaskId: taskId, PageNo: 2, PageSize: 50 })).Data as Out[];
    expect(all.length + rest.length).toBe(60);
    const byUser = (await invoke('dyvms.QueryRobotTaskCallList', { TaskId: taskId, PageSize: 50, HangupDirection: 'user' })).Data as Out[];
    const byRobot = (await invoke('dyvms.QueryRobotTaskCallList', { TaskId: taskId, PageSize: 50, HangupDirection: 'robot' })).Data as Out[];
    expect(byUser.length).toBeGreaterThan(0);
    expect(byRobot.length).toBeGreaterThan(0);
    expect(byUser.length + byRobot.length).toBe(60);
    expect(byUser.every((r) => r.hangupSide === 'user')).toBe(true);
    expect(byRobot.every((r) => r.hangupSide === 'robot')).toBe(true);
    // the raw wire: request HangupDirection=0 means the user; response hangupDirection 1 means the user
    const raw = await sbRaw(sb, { Action: 'QueryRobotTaskCallList', TaskId: taskId, PageSize: '50', HangupDirection: '0' });
    const rawRows = JSON.parse(raw.Data as string) as { hangupDirection: number }[];
    expect(rawRows.length).toBe(byUser.length);
    expect(rawRows.every((r) => r.hangupDirection === 1)).toBe(true);
    const busy = (await invoke('dyvms.QueryRobotTaskCallList', { TaskId: taskId, PageSize: 50, CallResult: '200002' })).Data as Out[];
    expect(busy.every((r) => r.callResult === '200002')).toBe(true);
    const one = all[0] as Out;
    const detail = (await invoke('dyvms.QueryRobotTaskCallDetail', { TaskId: taskId, Callee: one.called, QueryDate: clock.now() })).Data as Out;
    expect(detail.callId).toBe(one.callId);
    if (Number(detail.duration) > 0) {
      expect(String(detail.recordFile)).toContain('/_sandbox/recordings/');
      const wav = await fetch(String(detail.recordFile));
      expect(wav.headers.get('content-type')).toBe('audio/wav');
      expect(Buffer.from(await wav.arrayBuffer()).subarray(0, 4).toString()).toBe('RIFF');
      expect((detail.dialogDetail as unknown[]).length).toBeGreaterThan(0);
    }
  });

  it('starts at ScheduleTime, cancels a schedule, terminates, deletes', async () => {
    const scheduled = await newTask(3);
    await invoke('dyvms.StartRobotTask', { TaskId: scheduled, ScheduleTime: beijing(clock.now() + 3_600_000) });
    expect(await status(scheduled)).toBe('READY');
    clock.advance(30 * 60_000);
    expect(sb.context.calls().filter((c) => c.taskId === scheduled)).toHaveLength(0);
    clock.advance(31 * 60_000);
    expect(await status(scheduled)).toBe('EXCUTING');
    expect(sb.context.calls().filter((c) => c.taskId === scheduled).length).toBeGreaterThan(0);

    const unscheduled = await newTask(3);
    await invoke('dyvms.StartRobotTask', { TaskId: unscheduled, ScheduleTime: beijing(clock.now() + 3_600_000) });
    await invoke('dyvms.CancelOrderRobotTask', { TaskId: unscheduled });
    expect(await status(unscheduled)).toBe('INIT');
    clock.advance(2 * 3_600_000);
    expect(sb.context.calls().filter((c) => c.taskId === unscheduled)).toHaveLength(0);

    const running = await newTask(30);
    await invoke('dyvms.StartRobotTask', { TaskId: running });
    clock.advance(30_000);
    const refused = await invoke('dyvms.DeleteRobotTask', { TaskId: running }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CallbridgeError);
    await invoke('dyvms.CancelRobotTask', { TaskId: running });
    expect(await status(running)).toBe('CANCEL');
    const count = sb.context.calls().filter((c) => c.taskId === running).length;
    clock.advance(3_600_000);
    expect(sb.context.calls().filter((c) => c.taskId === running)).toHaveLength(count);
    const restart = await invoke('dyvms.StartRobotTask', { TaskId: running }).catch((e: unknown) => e);
    expect((restart as CallbridgeError).code).toBe('isv.INVALID_PARAMETERS');
    await invoke('dyvms.DeleteRobotTask', { TaskId: running });
    const gone = await invoke('dyvms.QueryRobotTaskDetail', { Id: running }).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(CallbridgeError);
  });

  it('redials the states named in RecallStateCodes', async () => {
    const taskId = await newTask(60, { RetryType: 1, RecallStateCodes: ['200002', '200003', '200010', '200005'], RecallTimes: 2, RecallInterval: 5 });
    await invoke('dyvms.StartRobotTask', { TaskId: taskId });
    clock.advance(6 * 3_600_000);
    expect(await status(taskId)).toBe('FINISH');
    const placed = sb.context.calls().filter((c) => c.taskId === taskId);
    expect(placed.length).toBeGreaterThan(60);
    const perNumber = new Map<string, PlacedCall[]>();
    for (const c of placed) perNumber.set(c.number, [...(perNumber.get(c.number) ?? []), c]);
    for (const attempts of perNumber.values()) {
      expect(attempts.length).toBeLessThanOrEqual(3);
      attempts.sort((a, b) => a.createdAt - b.createdAt);
      for (let i = 1; i < attempts.length; i++) {
        expect(attempts[i - 1].status).not.toBe('completed');
        expect(attempts[i].createdAt - (attempts[i - 1].endAt as number)).toBeGreaterThanOrEqual(5 * 60_000);
      }
    }
  });

  it('refuses more than 1000 callees in one upload (isv.VOICE_ROBOT_CALLEE_LIMIT)', async () => {
    const created = await invoke('dyvms.CreateRobotTask', { TaskName: 'limit', DialogId: '1000000000001', Caller: ['057100000001'], NumberStatusIdent: false, RetryType: 0 });
    const error = await sbRaw(sb, {
      Action: 'UploadRobotTaskCalledFile',
      Id: String(created.Data),
      CalledNumber: Array.from({ length: 1001 }, (_, i) => String(13_300_000_000 + i)).join(','),
    });
    expect(error.Code).toBe('isv.VOICE_ROBOT_CALLEE_LIMIT');
  });
});

/** A request signed with core's signer but sent raw, to see the exact wire answer. */
async function sbRaw(sb: RunningSandbox, params: Record<string, string>): Promise<Out> {
  const { signRpcParams, percentEncode } = await import('../../core/vendors/alibaba/index.js');
  const signed = signRpcParams('POST', { Version: '2017-05-25', ...params }, { accessKeyId: sb.env.ALIBABA_CLOUD_ACCESS_KEY_ID, accessKeySecret: sb.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET }, Date.now(), `${Math.random()}`);
  const body = Object.entries(signed)
    .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
    .join('&');
  const res = await fetch(`${sb.url}/dyvms/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  return (await res.json()) as Out;
}
