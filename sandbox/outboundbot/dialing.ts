// Outbound Bot dialling: due jobs of each live group are dialled within the strategy's windows and
// the group's concurrency; ended calls fill in the attempt and decide the job's next state.
import type { PlacedCall, SandboxContext } from '../types.js';
import { isTerminal, uuid } from '../sim-util.js';
import { type ConversationLine, DEFAULT_CALLING_NUMBER, type Job, type JobGroup, type OutboundbotState, type Task } from './state.js';
import { inWindow } from './strategy.js';

export function taskStatusOf(call: PlacedCall): string {
  switch (call.status) {
    case 'completed':
      return 'Succeeded';
    case 'no_answer':
      return 'NoAnswer';
    case 'busy':
      return 'Busy';
    case 'power_off':
      return 'PoweredOff';
    case 'failed':
      return 'NotConnected';
    default:
      return 'Executing';
  }
}

export function hangUpDirection(call: PlacedCall): string {
  return call.hangupSide === 'user' ? 'client' : call.hangupSide === 'robot' ? 'robot' : 'system';
}

export function wake(state: OutboundbotState, group: JobGroup): void {
  if (!state.live.has(group)) group.lastStep = undefined;
  state.live.add(group);
}

export function step(state: OutboundbotState, ctx: SandboxContext): void {
  const now = ctx.clock.now();
  for (const group of [...state.live]) {
    if (!stepGroup(state, group, ctx, now)) {
      state.live.delete(group);
      group.lastStep = undefined;
    }
  }
}

export function executingIn(state: OutboundbotState, instanceId: string): number {
  let n = 0;
  for (const group of state.live) if (group.instanceId === instanceId) for (const job of group.jobs) if (job.status === 'Executing') n++;
  return n;
}

/**
 * Notices ended calls, then dials due jobs within the strategy's windows, up to the group's
 * concurrency (the sandbox's taskConcurrency, bounded by the instance's MaxConcurrentConversation).
 * A line freed at sandbox time T is re-used at T. Returns whether work remains.
 */
export function stepGroup(state: OutboundbotState, group: JobGroup, ctx: SandboxContext, now: number): boolean {
  const instance = state.instances.get(group.instanceId);
  for (let round = 0; round < 1000; round++) {
    const freed: number[] = [];
    let executing = 0;
    let waiting = false;
    for (const job of group.jobs) {
      if (job.status === 'Executing') {
        const ended = finish(state, job, group, ctx);
        if (ended === undefined) executing++;
        else freed.push(ended);
      }
      if (job.status === 'Scheduling') waiting = true;
    }
    if (!waiting || group.hidden) return executing > 0 || waiting;
    if (!instance) return executing > 0;
    if (!inWindow(group.strategy, now)) {
      group.lastStep = now;
      return true;
    }
    const limit = Math.min(ctx.config.taskConcurrency, instance.MaxConcurrentConversation);
    let room = Math.min(limit - executing, instance.MaxConcurrentConversation - executingIn(state, group.instanceId) + 0);
    freed.sort((a, b) => a - b);
    const earliest = Math.max(group.strategy.startTime ?? 0, group.lastStep ?? now);
    let placedInPast = false;
    for (const job of group.jobs) {
      if (room <= 0) break;
      if (job.status !== 'Scheduling' || job.nextAt > now) continue;
      const at = Math.min(now, Math.max(job.nextAt, freed.shift() ?? earliest));
      const task = dial(state, job, group, ctx, at);
      if (ctx.getCall(task.callId)?.endAt !== undefined) placedInPast = true;
      room--;
    }
    group.lastStep = now;
    if (!placedInPast) return true;
  }
  return true;
}

export function dial(state: OutboundbotState, job: Job, group: JobGroup, ctx: SandboxContext, at: number, callingNumbers?: string[]): Task {
  const contact = job.contacts[job.attempts % job.contacts.length];
  const numbers = callingNumbers?.length ? callingNumbers : group.callingNumbers.length ? group.callingNumbers : [DEFAULT_CALLING_NUMBER];
  const caller = numbers[job.attempts % numbers.length];
  const callId = uuid(ctx);
  const placed = ctx.placeCall({
    id: callId,
    createdAt: at,
    vendor: 'outboundbot',
    operation: job.operation,
    number: contact.PhoneNumber,
    callerNumber: caller,
    outId: contact.ReferenceId || undefined,
    taskId: group.hidden ? undefined : group.JobGroupId,
  });
  const task: Task = {
    TaskId: uuid(ctx),
    jobId: job.JobId,
    callId: placed.id,
    operation: job.operation,
    PlanedTime: job.nextAt,
    ActualTime: at,
    CalledNumber: contact.PhoneNumber,
    CallingNumber: caller,
    contact,
  };
  job.tasks.push(task);
  job.attempts++;
  job.status = 'Executing';
  state.tasks.set(task.TaskId, task);
  group.firstCallAt = Math.min(group.firstCallAt ?? at, at);
  return task;
}

/** If the job's call has ended: fill in the attempt and decide the job's next state. Returns the end time. */
export function finish(state: OutboundbotState, job: Job, group: JobGroup, ctx: SandboxContext): number | undefined {
  const task = job.tasks.at(-1);
  const call = task && ctx.getCall(task.callId);
  if (!task || !call) return undefined;
  if (!isTerminal(call)) return undefined;
  const endedAt = call.endAt ?? ctx.clock.now();
  const answered = call.status === 'completed';
  const script = state.scripts.get(group.ScriptId);
  let tag: { group: string; name: string } | undefined;
  if (answered && script?.tagGroups.length) {
    const g = script.tagGroups[Math.floor(ctx.rng.next() * script.tagGroups.length)];
    tag = { group: g.name, name: g.tags[Math.floor(ctx.rng.next() * g.tags.length)] };
  }
  task.ended = {
    status: taskStatusOf(call),
    EndTime: endedAt,
    Duration: call.durationSeconds ?? 0,
    EndReason: answered ? 'FINISHED' : taskStatusOf(call),
    HangUpDirection: hangUpDirection(call),
    answered,
    Conversation: answered ? conversation(task, call) : [],
    Brief: answered ? (tag?.name ?? '已触达') : '',
    tag,
  };
  group.lastEndAt = Math.max(group.lastEndAt ?? endedAt, endedAt);
  const change = job.pendingChange;
  job.pendingChange = undefined;
  if (answered) {
    job.status = 'Succeeded';
    job.FailureReason = '';
  } else if (change === 'cancel') job.status = 'Cancelled';
  else if (job.attempts < group.strategy.maxAttemptsPerDay) {
    job.status = change === 'pause' ? 'Paused' : 'Scheduling';
    job.nextAt = endedAt + group.strategy.minAttemptInterval * 60_000;
    job.FailureReason = taskStatusOf(call);
  } else {
    job.status = 'Failed';
    job.FailureReason = taskStatusOf(call);
  }
  return endedAt;
}

export function conversation(task: Task, call: PlacedCall): ConversationLine[] {
  const start = call.answerAt ?? call.createdAt;
  const who = task.contact.Honorific || task.contact.ContactName || '您';
  const line = (offset: number, Speaker: 'Robot' | 'Contact', Script: string, Action = ''): ConversationLine => ({
    Speaker,
    Script,
    Timestamp: start + offset,
    Action,
    ActionParams: '',
  });
  const lines = [line(500, 'Robot', `${who}您好，这里是沙箱外呼机器人，提醒您的服务即将到期。`, 'Broadcast'), line(6000, 'Contact', '好的，知道了。')];
  if (call.hangupSide === 'robot') lines.push(line(9000, 'Robot', '感谢您的接听，再见。', 'Hangup'));
  return lines;
}
