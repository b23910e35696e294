// Volcengine dialling: tasks dial their callees within their windows and concurrency, singles dial
// at once; ended calls are retried per RingAgainTimes and pushed as receipts.
import type { PlacedCall, SandboxContext } from '../types.js';
import { forbidden } from './params.js';
import { pushReceipts } from './receipts.js';
import { beijingDateTime, digits, isTerminal } from '../sim-util.js';
import { type Entry, type Single, type Task, type VolcState } from './state.js';

export function step(state: VolcState, ctx: SandboxContext): boolean {
  const now = ctx.clock.now();
  let pending = false;
  for (const task of [...state.live]) {
    if (stepTask(state, task, ctx, now)) pending = true;
    else {
      state.live.delete(task);
      task.lastStep = undefined;
    }
  }
  for (const single of [...state.liveSingles]) {
    if (stepSingle(state, single, ctx, now)) pending = true;
    else state.liveSingles.delete(single);
  }
  return pending;
}

/**
 * Advances one task; returns whether it still has time-dependent work. A line freed by a
 * call that ended at sandbox time T is re-used at T (calls may be placed in the past), so
 * throughput does not depend on how often the sandbox ticks.
 */
export function stepTask(state: VolcState, task: Task, ctx: SandboxContext, now: number): boolean {
  for (let round = 0; round < 1000; round++) {
    const freed: number[] = [];
    let calling = 0;
    for (const entry of task.entries) {
      if (entry.state !== 'calling') continue;
      const endedAt = finishAttempt(state, entry, ctx, task.ringAgainTimes, task.ringAgainIntervalMin, task);
      if (endedAt === undefined) calling += 1;
      else freed.push(endedAt);
    }
    if (task.state !== 'running') return calling > 0;
    if (task.endTime !== undefined && now >= task.endTime) {
      task.state = 'finished';
      for (const entry of task.entries) if (entry.state === 'pending') entry.state = 'cancelled';
      return calling > 0;
    }
    if (task.startTime !== undefined && now < task.startTime) return true;
    const waiting = task.entries.filter((e) => e.state === 'pending');
    if (!waiting.length && !calling) {
      if (task.finishWhenListEnd) task.state = 'finished';
      return false;
    }
    if (forbidden(task.forbidTimeList, now)) {
      task.lastStep = now;
      return true;
    }
    freed.sort((x, y) => x - y);
    const earliest = Math.max(task.startTime ?? 0, task.lastStep ?? now);
    let placedInPast = false;
    for (const entry of waiting) {
      if (calling >= task.concurrency) break;
      if (entry.dueAt > now) continue;
      const at = Math.min(now, Math.max(entry.dueAt, freed.shift() ?? earliest));
      const call = dial(state, entry, ctx, at, task);
      if (call.endAt !== undefined) placedInPast = true;
      calling += 1;
    }
    task.lastStep = now;
    if (!placedInPast) return true;
  }
  return true;
}

export function stepSingle(state: VolcState, single: Single, ctx: SandboxContext, now: number): boolean {
  if (single.state === 'calling' && finishAttempt(state, single, ctx, single.ringAgainTimes, single.ringAgainIntervalMin) === undefined) return true;
  if (single.state !== 'pending') return false;
  if (single.dueAt <= now) dial(state, single, ctx, single.dueAt);
  return true;
}

export function dial(state: VolcState, entry: Entry, ctx: SandboxContext, at: number, task?: Task): PlacedCall {
  const single = task ? undefined : (entry as Single);
  const own = task ? task.numberList : (single as Single).numberList;
  const numbers = own.length ? own : poolNumbers(state, task?.numberPoolNo ?? (single as Single).numberPoolNo);
  const caller = numbers[(task ? task.callerIndex++ : entry.attempts) % numbers.length];
  let callId: string;
  do callId = `V${beijingDateTime(at).replace(/\D/g, '')}${digits(ctx, 12)}`;
  while (state.records.has(callId) || ctx.getCall(callId));
  const call = ctx.placeCall({
    id: callId,
    createdAt: at,
    vendor: 'volcengine',
    operation: entry.operation,
    number: entry.phone,
    callerNumber: caller,
    outId: entry.ext,
    taskId: task?.taskOpenId ?? single?.singleOpenId,
  });
  entry.attempts += 1;
  entry.state = 'calling';
  entry.callIds.push(call.id);
  state.records.set(call.id, {
    callId: call.id,
    taskOpenId: task?.taskOpenId,
    singleOpenId: single?.singleOpenId,
    ext: entry.ext,
    numberPoolNo: task?.numberPoolNo ?? (single as Single).numberPoolNo,
    caller,
    callee: entry.phone,
    baseUrl: task?.baseUrl ?? (single as Single).baseUrl,
    pushed: false,
    call,
  });
  return call;
}

export function poolNumbers(state: VolcState, poolNo: string): string[] {
  const pool = state.pools.find((p) => p.NumberPoolNo === poolNo);
  return pool?.numbers.length ? pool.numbers : state.pools[0].numbers;
}

/** Notices a finished call: records it, pushes receipts, schedules a redial. Returns the sandbox time it ended, if it has. */
export function finishAttempt(state: VolcState, entry: Entry, ctx: SandboxContext, ringAgainTimes: number, intervalMin: number, task?: Task): number | undefined {
  const callId = entry.callIds[entry.callIds.length - 1];
  const call = ctx.getCall(callId);
  if (!call || !isTerminal(call)) return undefined;
  const endedAt = call.endAt ?? ctx.clock.now();
  const record = state.records.get(callId);
  if (record) {
    record.call = call;
    if (!record.pushed) {
      record.pushed = true;
      pushReceipts(record, ctx, task);
    }
  }
  const retry = call.status !== 'completed' && entry.attempts <= ringAgainTimes && (!task || task.state !== 'stopped');
  if (retry) {
    entry.state = 'pending';
    entry.dueAt = endedAt + intervalMin * 60_000;
  } else entry.state = 'done';
  return endedAt;
}
