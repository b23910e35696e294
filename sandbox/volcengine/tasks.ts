// Volcengine notification tasks: CreateTask, Pause / Resume / Stop, UpdateTask, BatchAppend.
import type { SandboxContext } from '../types.js';
import { stepTask } from './dialing.js';
import { array, bool, denied, forbidList, integer, invalid, missing, objectParam, type Params, parseTime, PHONE, str, type VolcHandler } from './params.js';
import { digits } from '../sim-util.js';
import { MAX_PHONES_PER_CALL, type Task, type VolcState } from './state.js';

export function findTask(state: VolcState, params: Params): Task {
  const id = str(params, 'TaskOpenId', true) as string;
  const task = state.tasks.get(id);
  if (!task) throw invalid('TaskOpenId', `Task ${id} does not exist.`);
  return task;
}

export function addPhones(state: VolcState, task: Task, list: unknown[], operation: string, now: number): Array<{ Index: number; Phone: string; Type: string; Desc: string }> {
  const failList: Array<{ Index: number; Phone: string; Type: string; Desc: string }> = [];
  list.forEach((raw, index) => {
    const item = objectParam(raw, `PhoneList.${index}`) as Record<string, unknown> | null;
    if (!item || typeof item !== 'object') throw invalid(`PhoneList.${index}`);
    const phone = typeof item.Phone === 'number' ? String(item.Phone) : item.Phone;
    if (typeof phone !== 'string' || !phone) throw missing(`PhoneList.${index}.Phone`);
    if (!PHONE.test(phone)) {
      failList.push({ Index: index, Phone: phone, Type: 'PHONE_FORMAT_ERROR', Desc: '手机号格式错误' });
      return;
    }
    if (task.unique && task.phones.has(phone)) {
      failList.push({ Index: index, Phone: phone, Type: 'REDUPLICATED_ITEM', Desc: '重复项目' });
      return;
    }
    const phoneParam = item.PhoneParam ?? item.PhoneParamJson;
    if (phoneParam !== undefined && JSON.stringify(phoneParam).length > 2048) throw invalid(`PhoneList.${index}.PhoneParam`, 'At most 2048 characters.');
    if (typeof item.Ext === 'string' && item.Ext.length > 250) throw invalid(`PhoneList.${index}.Ext`, 'At most 250 characters.');
    task.phones.add(phone);
    task.entries.push({
      index: task.entries.length,
      phone,
      ext: typeof item.Ext === 'string' ? item.Ext : undefined,
      phoneParam,
      ttsContent: typeof item.TtsContent === 'string' ? item.TtsContent : undefined,
      operation,
      attempts: 0,
      dueAt: now,
      state: 'pending',
      callIds: [],
    });
  });
  return failList;
}

export function createTask(state: VolcState, params: Params, ctx: SandboxContext): unknown {
  const now = ctx.clock.now();
  const type = integer(params, 'Type', 0, 3);
  const phoneList = array(params, 'PhoneList') ?? [];
  if (phoneList.length > MAX_PHONES_PER_CALL) throw invalid('PhoneList', `At most ${MAX_PHONES_PER_CALL} numbers per request.`);
  const selectNumberType = integer(params, 'SelectNumberType', 0, 1);
  const numberList = (array(params, 'NumberList') ?? []).map(String);
  if (selectNumberType === 1 && !numberList.length) throw missing('NumberList');
  const startTime = parseTime(params, 'StartTime');
  const endTime = parseTime(params, 'EndTime');
  if (startTime !== undefined && endTime !== undefined && endTime < startTime) throw invalid('EndTime', 'EndTime is before StartTime.');
  const task: Task = {
    taskOpenId: newTaskId(state, ctx),
    name: str(params, 'Name') ?? '',
    type: type ?? 0,
    resource: str(params, 'Resource') ?? '',
    numberPoolNo: str(params, 'NumberPoolNo') ?? state.pools[0].NumberPoolNo,
    numberList,
    selectNumberType,
    startTime,
    endTime,
    state: bool(params, 'Start') ? 'running' : 'created',
    concurrency: integer(params, 'Concurrency', 1, 100_000) ?? 10,
    maxRingDuration: integer(params, 'MaxRingDuration', 1, 120),
    ringAgainTimes: integer(params, 'RingAgainTimes', 0, 5) ?? 0,
    ringAgainIntervalMin: integer(params, 'RingAgainInterval', 5, 1440) ?? 5,
    forbidTimeList: forbidList(params) ?? [],
    finishWhenListEnd: bool(params, 'FinishWhenListEnd') ?? false,
    unique: bool(params, 'Unique') ?? false,
    callRecordPostUrl: pushUrl(params, 'CallRecordPostUrl'),
    audioPostUrl: pushUrl(params, 'AudioPostUrl'),
    entries: [],
    phones: new Set(),
    createdAt: now,
    baseUrl: `${ctx.baseUrl}/volcengine`,
    callerIndex: 0,
  };
  if (task.type === 3 && phoneList.some((p) => !(objectParam(p, 'PhoneList') as { TtsContent?: unknown })?.TtsContent)) {
    throw missing('PhoneList.TtsContent');
  }
  const failList = addPhones(state, task, phoneList, 'volcengine.CreateTask', now);
  state.tasks.set(task.taskOpenId, task);
  state.live.add(task);
  return { TaskOpenId: task.taskOpenId, FailList: failList };
}

export function pushUrl(params: Params, name: string): string | undefined {
  const url = str(params, name);
  if (url === undefined) return undefined;
  if (!/^https?:\/\/[^/\s]+/.test(url)) throw invalid(name, 'It must be an http(s) URL.');
  return url;
}

export function newTaskId(state: VolcState, ctx: SandboxContext): string {
  let id: string;
  do id = `1${digits(ctx, 9)}`;
  while (state.tasks.has(id));
  return id;
}

export function setState(state: VolcState, params: Params, ctx: SandboxContext, change: 'pause' | 'resume' | 'stop'): undefined {
  const task = findTask(state, params);
  stepTask(state, task, ctx, ctx.clock.now());
  if (task.state === 'stopped' || task.state === 'finished') throw denied(`Task ${task.taskOpenId} has ended (${task.state}).`);
  if (change === 'pause') {
    if (task.state === 'paused') throw denied(`Task ${task.taskOpenId} is already paused.`);
    task.state = 'paused';
  } else if (change === 'resume') {
    if (task.state === 'running') throw denied(`Task ${task.taskOpenId} is already running.`);
    task.state = 'running';
    task.lastStep = undefined;
    state.live.add(task);
  } else {
    task.state = 'stopped';
    for (const entry of task.entries) if (entry.state === 'pending') entry.state = 'cancelled';
  }
  return undefined;
}

export function updateTask(state: VolcState, params: Params, ctx: SandboxContext): undefined {
  const task = findTask(state, params);
  if (task.state === 'stopped' || task.state === 'finished') throw denied(`Task ${task.taskOpenId} has ended (${task.state}).`);
  const startTime = parseTime(params, 'StartTime');
  const endTime = parseTime(params, 'EndTime');
  if (startTime !== undefined) task.startTime = startTime;
  if (endTime !== undefined) task.endTime = endTime;
  if (task.startTime !== undefined && task.endTime !== undefined && task.endTime < task.startTime) throw invalid('EndTime', 'EndTime is before StartTime.');
  task.concurrency = integer(params, 'Concurrency', 1, 100_000) ?? task.concurrency;
  if (bool(params, 'Recall') !== false) {
    task.ringAgainTimes = integer(params, 'RingAgainTimes', 0, 5) ?? task.ringAgainTimes;
    task.ringAgainIntervalMin = integer(params, 'RingAgainInterval', 5, 1440) ?? task.ringAgainIntervalMin;
  }
  task.forbidTimeList = forbidList(params) ?? task.forbidTimeList;
  state.live.add(task);
  stepTask(state, task, ctx, ctx.clock.now());
  return undefined;
}

export function batchAppend(state: VolcState, params: Params, ctx: SandboxContext): unknown {
  const task = findTask(state, params);
  const list = array(params, 'PhoneList');
  if (!list) throw missing('PhoneList');
  if (list.length > MAX_PHONES_PER_CALL) throw invalid('PhoneList', `At most ${MAX_PHONES_PER_CALL} numbers per request.`);
  if (task.state === 'stopped' || task.state === 'finished') throw denied(`Task ${task.taskOpenId} has ended (${task.state}).`);
  const failList = addPhones(state, task, list, 'volcengine.BatchAppend', ctx.clock.now());
  state.live.add(task);
  return { TaskOpenId: task.taskOpenId, FailList: failList };
}

/** Task operations. */
export const taskHandlers: Record<string, VolcHandler> = {
  CreateTask: ({ params: p, ctx: c, state }) => createTask(state, p, c),
  PauseTask: ({ params: p, ctx: c, state }) => setState(state, p, c, 'pause'),
  ResumeTask: ({ params: p, ctx: c, state }) => setState(state, p, c, 'resume'),
  StopTask: ({ params: p, ctx: c, state }) => setState(state, p, c, 'stop'),
  UpdateTask: ({ params: p, ctx: c, state }) => updateTask(state, p, c),
  BatchAppend: ({ params: p, ctx: c, state }) => batchAppend(state, p, c),
};
