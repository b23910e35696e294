import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallbridgeError } from '../../core/errors.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { callbridgeClient, manualClock } from './helpers.js';

type Out = Record<string, unknown>;
const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);

describe('Task Center (CreateCallTask / ExecuteCallTask / ListCallTask / ListCallTaskDetail)', () => {
  const clock = manualClock();
  let sb: RunningSandbox;
  let cb: ReturnType<typeof callbridgeClient>;
  const invoke = (id: string, input: Out) => cb.client.invoke(id, input) as Promise<Out>;
  const task = async (taskId: number) => ((await invoke('dyvms.ListCallTask', { TaskId: String(taskId) })).Data as Out[])[0];
  const create = async (numbers: string[]) =>
    Number(
      (
        await invoke('dyvms.CreateCallTask', {
          TaskName: 'tc',
          BizType: 'VMS_VOICE_TTS',
          TemplateCode: 'TTS_21220000',
          TemplateName: 'reminder',
          ResourceType: 'LIST',
          Resource: '055162140000',
          DataType: 'JSON',
          Data: { paramNames: ['name'], calleeList: numbers.map((callee) => ({ callee, params: ['x'] })) },
        })
      ).Data,
    );
  beforeAll(async () => {
    sb = await startSandbox({ seed: 'tc', clock, config: { taskConcurrency: 4 } });
    cb = callbridgeClient(sb.env);
  });
  afterAll(async () => {
    await cb.close();
    await sb.close();
  });

  it('runs, stops, resumes and completes with per-callee SUCCESS/FAIL rows', async () => {
    const numbers = Array.from({ length: 30 }, (_, i) => String(13_600_000_000 + i));
    const id = await create(numbers);
    expect(await task(id)).toMatchObject({ Status: 'INIT', TotalCount: 30, CompletedCount: 0 });
    await invoke('dyvms.ExecuteCallTask', { TaskId: String(id), Status: 'RUNNING' });
    clock.advance(60_000);
    await invoke('dyvms.ExecuteCallTask', { TaskId: String(id), Status: 'STOP' });
    expect((await task(id)).Status).toBe('STOP');
    const atStop = sb.context.calls().filter((c) => c.taskId === String(id)).length;
    clock.advance(3_600_000);
    expect(sb.context.calls().filter((c) => c.taskId === String(id))).toHaveLength(atStop);
    await invoke('dyvms.ExecuteCallTask', { TaskId: String(id), Status: 'RUNNING' });
    clock.advance(3_600_000);
    expect(await task(id)).toMatchObject({ Status: 'DONE', CompletedCount: 30, CompletedRate: 10000 });
    const rows = (await invoke('dyvms.ListCallTaskDetail', { TaskId: String(id), PageSize: 50 })).Data as Out[];
    expect(rows.map((r) => r.CalledNum).sort()).toEqual(numbers);
    const answered = sb.context.calls().filter((c) => c.taskId === String(id) && c.answerAt !== undefined).length;
    expect(rows.filter((r) => r.Status === 'SUCCESS')).toHaveLength(answered);
    const fails = (await invoke('dyvms.ListCallTaskDetail', { TaskId: String(id), Status: 'FAIL', PageSize: 50 })).Data as Out[];
    expect(fails).toHaveLength(30 - answered);
  });

  it('starts a TIMING task at its FireTime, and CANCEL stops it for good', async () => {
    const id = await create(['13600000100', '13600000101']);
    await invoke('dyvms.ExecuteCallTask', { TaskId: String(id), Status: 'TIMING', FireTime: beijing(clock.now() + 600_000) });
    clock.advance(300_000);
    expect(sb.context.calls().filter((c) => c.taskId === String(id))).toHaveLength(0);
    clock.advance(301_000);
    expect((await task(id)).Status).toBe('RUNNING');
    await invoke('dyvms.ExecuteCallTask', { TaskId: String(id), Status: 'CANCEL' });
    expect((await task(id)).Status).toBe('CANCEL');
    const error = await invoke('dyvms.ExecuteCallTask', { TaskId: String(id), Status: 'RUNNING' }).catch((e: unknown) => e);
    expect((error as CallbridgeError).code).toBe('isv.INVALID_PARAMETERS');
  });

  it('takes a comma list of callees (DataType LIST)', async () => {
    const out = await invoke('dyvms.CreateCallTask', {
      TaskName: 'list',
      BizType: 'VMS_VOICE_CODE',
      TemplateCode: 'abc.wav',
      TemplateName: 'file',
      ResourceType: 'LIST',
      Resource: '055162140000',
      DataType: 'LIST',
      Data: ['13600000200', '13600000201', '13600000202'],
    });
    expect(out.Code).toBe('200');
    expect((await task(Number(out.Data))).TotalCount).toBe(3);
  });
});
