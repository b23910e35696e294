import { rpcBusinessError, rpcOk } from '../alibaba-rpc.js';
import { Dialer } from '../dialer.js';
import { beijingDay, parseBeijingTime } from '../ids.js';
import type { PlacedCall, SandboxContext, SandboxResponse } from '../types.js';
import { statusCode } from './codes.js';
import { numberOf, parsedJson, textOf } from '../../core/vendors/read.js';
import type { DyvmsHandler, DyvmsScope } from './handler.js';
import { listOf, paginate, PHONE } from './lists.js';
import {
  callRow,
  conversation,
  finishCount,
  isTerminal,
  ROBOT_SCRIPTS,
  taskDetail,
  taskSummary,
  type RobotCallee,
  type RobotTask,
} from './robot-model.js';
import { PROD_IDS } from './state.js';

/** Callees one UploadRobotTaskCalledFile may carry, and a task may hold. */
export const UPLOAD_LIMIT = 1000;
export const TASK_LIMIT = 300_000;

const invalid = (scope: DyvmsScope, message: string) => rpcBusinessError(scope.call.requestId, 'isv.INVALID_PARAMETERS', message);
const done = (scope: DyvmsScope) => rpcOk(scope.call.requestId, { Code: 'OK', Message: 'OK', Data: true });

/**
 * Robot tasks: create, upload callees, start now or at ScheduleTime, pause (Stop) and resume
 * (Start), terminate (Cancel), cancel a schedule (CancelOrder), delete; a task dials its callees
 * through a Dialer at config.taskConcurrency lines, with redials per RetryType/RecallStateCodes.
 */
export class RobotTasks {
  private readonly tasks = new Map<string, RobotTask>();
  private counter = 0;
  private sequence = 0;
  readonly handlers: Record<string, DyvmsHandler>;

  constructor() {
    this.handlers = {
      QueryRobotv2AllList: (s) => rpcOk(s.call.requestId, { Code: 'OK', Message: 'OK', Data: JSON.stringify(ROBOT_SCRIPTS) }),
      CreateRobotTask: (s) => this.create(s),
      UploadRobotTaskCalledFile: (s) => this.withTask(s, 'Id', (t) => this.upload(s, t)),
      StartRobotTask: (s) => this.withTask(s, 'TaskId', (t) => this.start(s, t)),
      StopRobotTask: (s) => this.withTask(s, 'TaskId', (t) => this.stop(s, t)),
      CancelRobotTask: (s) => this.withTask(s, 'TaskId', (t) => this.cancel(s, t)),
      CancelOrderRobotTask: (s) => this.withTask(s, 'TaskId', (t) => this.cancelOrder(s, t)),
      DeleteRobotTask: (s) => this.withTask(s, 'TaskId', (t) => this.remove(s, t)),
      QueryRobotTaskList: (s) => this.list(s),
      QueryRobotTaskDetail: (s) => this.withTask(s, 'Id', (t) => rpcOk(s.call.requestId, { Code: 'OK', Message: 'OK', Data: JSON.stringify(taskDetail(t)) })),
      QueryRobotTaskCallList: (s) => this.withTask(s, 'TaskId', (t) => this.callList(s, t)),
      QueryRobotTaskCallDetail: (s) => this.withTask(s, 'TaskId', (t) => this.callDetail(s, t)),
    };
  }

  private withTask(scope: DyvmsScope, field: string, fn: (task: RobotTask) => SandboxResponse): SandboxResponse {
    const id = textOf(scope.call.input[field]) ?? '';
    const task = this.tasks.get(id);
    if (!task) return invalid(scope, `Robot task ${id} does not exist.`);
    this.refresh(task, scope);
    return fn(task);
  }

  /** Brings a task up to the current sandbox time: scheduled start, dialing, completion. */
  private refresh(task: RobotTask, scope: Pick<DyvmsScope, 'context' | 'state' | 'receipts'>): void {
    const now = scope.context.clock.now();
    if (task.status === 'READY' && task.scheduleAt !== undefined && now >= task.scheduleAt) this.begin(task, scope, task.scheduleAt);
    if (!task.dialer) return;
    task.dialer.advance(now);
    if (task.status === 'EXCUTING' && task.dialer.finished(now)) {
      task.status = 'FINISH';
      task.completeTime = task.dialer.lastEndAt ?? now;
    }
  }

  private begin(task: RobotTask, scope: Pick<DyvmsScope, 'context' | 'state' | 'receipts'>, at: number): void {
    const { context, state, receipts } = scope;
    task.status = 'EXCUTING';
    task.fireTime = at;
    task.dialer = new Dialer(context.config.taskConcurrency, {
      total: () => task.callees.length,
      place: (job, when) => {
        const callee = task.callees[job.index];
        const seq = ++this.sequence;
        const id = `${task.id}^${10_000_000_000 + seq}`;
        const caller = task.callers[seq % task.callers.length] ?? '';
        const placed = context.placeCall({ id, vendor: 'dyvms', operation: 'dyvms.StartRobotTask', number: callee.number, callerNumber: caller, taskId: task.id, createdAt: when });
        callee.attempts.push(id);
        state.calls.set(id, { callId: id, operation: 'dyvms.StartRobotTask', prodIds: [PROD_IDS.robot], caller, callee: callee.number, realPlacedAt: context.clock.realNow(), taskId: task.id });
        receipts.track(placed, context, { record: true });
        return { callId: id, endAt: context.callEndsAt(id) ?? when };
      },
      onEnd: (job, callId) => {
        const callee = task.callees[job.index];
        const call = context.getCall(callId);
        const redial =
          !isTerminal(task) &&
          task.retryType === 1 &&
          job.attempt < task.recallTimes &&
          call !== undefined &&
          task.recallStateCodes.includes(statusCode(call));
        if (redial) return Math.max(1, task.recallInterval) * 60_000;
        callee.done = true;
        return undefined;
      },
    });
    task.dialer.start(at);
  }

  private create(scope: DyvmsScope): SandboxResponse {
    const input = scope.call.input;
    const dialogId = numberOf(input.DialogId);
    const script = ROBOT_SCRIPTS.find((s) => s.id === dialogId);
    if (!script) return invalid(scope, `Robot script DialogId ${textOf(input.DialogId)} does not exist; list them with QueryRobotv2AllList.`);
    const callers = listOf(input.Caller);
    if (!callers.length) return invalid(scope, 'Caller must name at least one caller number.');
    const id = String(4001110000 + ++this.counter);
    this.tasks.set(id, {
      id,
      taskName: textOf(input.TaskName) ?? '',
      robotId: script.id,
      robotName: script.robotName,
      corpName: textOf(input.CorpName) ?? '',
      callers,
      numberStatusIdent: input.NumberStatusIdent === true || input.NumberStatusIdent === 'true',
      retryType: numberOf(input.RetryType) ?? 0,
      recallStateCodes: listOf(input.RecallStateCodes),
      recallTimes: numberOf(input.RecallTimes) ?? 0,
      recallInterval: numberOf(input.RecallInterval) ?? 5,
      status: 'INIT',
      scheduleType: 'SINGLE',
      createTime: scope.context.clock.now(),
      callees: [],
      byNumber: new Map(),
      files: [],
    });
    return rpcOk(scope.call.requestId, { Code: 'OK', Message: 'OK', Data: id });
  }

  private upload(scope: DyvmsScope, task: RobotTask): SandboxResponse {
    if (isTerminal(task)) return invalid(scope, `Robot task ${task.id} is ${task.status}; callees can no longer be added.`);
    const numbers = listOf(scope.call.input.CalledNumber);
    if (!numbers.length) return invalid(scope, 'CalledNumber names no number.');
    if (numbers.length > UPLOAD_LIMIT || task.callees.length + numbers.length > TASK_LIMIT) {
      return rpcBusinessError(
        scope.call.requestId,
        'isv.VOICE_ROBOT_CALLEE_LIMIT',
        `At most ${UPLOAD_LIMIT} callees per upload and ${TASK_LIMIT} per task; got ${numbers.length} (task has ${task.callees.length}).`,
      );
    }
    const bad = numbers.find((n) => !PHONE.test(n));
    if (bad) return rpcBusinessError(scope.call.requestId, 'isv.MOBILE_NUMBER_ILLEGAL', `The number ${bad} is not a valid phone number.`);
    const head = listOf(parsedJson(scope.call.input.TtsParamHead));
    const params = parsedJson(scope.call.input.TtsParam);
    const byNumber = new Map<string, Record<string, string>>();
    if (Array.isArray(params)) {
      for (const entry of params as { number?: unknown; params?: unknown }[]) {
        if (!entry || !Array.isArray(entry.params)) continue;
        byNumber.set(String(entry.number), Object.fromEntries(head.map((name, i) => [name, String((entry.params as unknown[])[i] ?? '')])));
      }
    }
    for (const n of numbers) {
      if (task.byNumber.has(n)) continue;
      const own = byNumber.get(n) ?? byNumber.get('all');
      const callee: RobotCallee = { number: n, params: own, attempts: [], done: false };
      task.byNumber.set(n, task.callees.length);
      task.callees.push(callee);
    }
    task.files.push({ fileName: `called-${task.files.length + 1}.txt`, ossFilePath: `sandbox/robot-tasks/${task.id}/called-${task.files.length + 1}.txt` });
    task.dialer?.wake(scope.context.clock.now());
    return rpcOk(scope.call.requestId, { Code: 'OK', Message: 'OK', Data: task.id });
  }

  private start(scope: DyvmsScope, task: RobotTask): SandboxResponse {
    const now = scope.context.clock.now();
    if (task.status === 'MANUAL_STOP') {
      task.status = 'EXCUTING';
      task.dialer?.resume(now);
      return done(scope);
    }
    if (task.status !== 'INIT' && task.status !== 'READY') return invalid(scope, `Robot task ${task.id} is ${task.status} and cannot be started.`);
    if (!task.callees.length) return invalid(scope, `Robot task ${task.id} has no callees; upload them with UploadRobotTaskCalledFile first.`);
    const schedule = textOf(scope.call.input.ScheduleTime);
    if (schedule) {
      const at = parseBeijingTime(schedule);
      if (at === undefined) return invalid(scope, `ScheduleTime "${schedule}" is not "yyyy-MM-dd HH:mm:ss".`);
      if (at > now) {
        task.status = 'READY';
        task.scheduleType = 'ORDER';
        task.scheduleAt = at;
        task.fireTime = at;
        return done(scope);
      }
    }
    this.begin(task, scope, now);
    return done(scope);
  }

  private stop(scope: DyvmsScope, task: RobotTask): SandboxResponse {
    if (task.status !== 'EXCUTING') return invalid(scope, `Robot task ${task.id} is ${task.status}; only a running task can be paused.`);
    task.dialer?.pause(scope.context.clock.now());
    task.status = 'MANUAL_STOP';
    return done(scope);
  }

  private cancel(scope: DyvmsScope, task: RobotTask): SandboxResponse {
    if (isTerminal(task)) return invalid(scope, `Robot task ${task.id} is already ${task.status}.`);
    const now = scope.context.clock.now();
    task.dialer?.stop(now);
    task.status = 'CANCEL';
    task.completeTime = now;
    return done(scope);
  }

  private cancelOrder(scope: DyvmsScope, task: RobotTask): SandboxResponse {
    if (task.status !== 'READY') return invalid(scope, `Robot task ${task.id} is ${task.status}; only a scheduled task that has not started can have its schedule cancelled.`);
    task.status = 'INIT';
    task.scheduleType = 'SINGLE';
    task.scheduleAt = undefined;
    task.fireTime = undefined;
    return done(scope);
  }

  private remove(scope: DyvmsScope, task: RobotTask): SandboxResponse {
    if (!['INIT', 'FINISH', 'CANCEL', 'SYSTEM_CANCEL'].includes(task.status)) {
      return invalid(scope, `Robot task ${task.id} is ${task.status}; cancel it (CancelRobotTask) before deleting it.`);
    }
    this.tasks.delete(task.id);
    return done(scope);
  }

  private list(scope: DyvmsScope): SandboxResponse {
    const input = scope.call.input;
    const name = textOf(input.TaskName);
    const status = textOf(input.Status);
    const day = textOf(input.Time);
    const matching = [...this.tasks.values()]
      .map((t) => (this.refresh(t, scope), t))
      .filter((t) => (!name || t.taskName.includes(name)) && (!status || t.status === status) && (!day || beijingDay(t.createTime) === day))
      .sort((a, b) => b.createTime - a.createTime);
    const page = paginate(matching, numberOf(input.PageNo), numberOf(input.PageSize));
    return rpcOk(scope.call.requestId, {
      Code: 'OK',
      Message: 'OK',
      Data: JSON.stringify(page.items.map(taskSummary)),
      PageNo: String(page.page),
      PageSize: String(page.size),
      TotalCount: String(matching.length),
    });
  }

  /** The latest attempt of a callee that has ended. */
  private lastEnded(context: SandboxContext, callee: RobotCallee): PlacedCall | undefined {
    // An ended call never changes again: cache it until a redial is placed.
    if (callee.lastEnded && callee.lastEnded.id === callee.attempts[callee.attempts.length - 1]) return callee.lastEnded;
    for (let i = callee.attempts.length - 1; i >= 0; i--) {
      const call = context.getCall(callee.attempts[i]);
      if (call?.endAt !== undefined) {
        callee.lastEnded = call;
        return call;
      }
    }
    return undefined;
  }

  private callList(scope: DyvmsScope, task: RobotTask): SandboxResponse {
    const input = scope.call.input;
    const range = (from: unknown, to: unknown) => [numberOf(from) ?? -Infinity, numberOf(to) ?? Infinity] as const;
    const [dMin, dMax] = range(input.DurationFrom, input.DurationTo);
    const [cMin, cMax] = range(input.DialogCountFrom, input.DialogCountTo);
    // The request's HangupDirection is the reverse of the response's: 0 = user, 1 = robot
    // (the catalog's wireValues turn them into 'user' / 'robot' before validation).
    const hangupText = textOf(input.HangupDirection);
    const hangup = hangupText === 'user' ? '0' : hangupText === 'robot' ? '1' : hangupText;
    const result = textOf(input.CallResult);
    const called = textOf(input.Called);
    const rows: { callee: RobotCallee; call: PlacedCall }[] = [];
    for (const callee of task.callees) {
      if (called && callee.number !== called) continue;
      const call = this.lastEnded(scope.context, callee);
      if (!call) continue;
      const duration = call.durationSeconds ?? 0;
      if (duration < dMin || duration > dMax) continue;
      if (hangup === '0' && call.hangupSide !== 'user') continue;
      if (hangup === '1' && call.hangupSide === 'user') continue;
      if (result && statusCode(call) !== result) continue;
      if (cMin > -Infinity || cMax < Infinity) {
        const count = conversation(call).dialogCount;
        if (count < cMin || count > cMax) continue;
      }
      rows.push({ callee, call });
    }
    const page = paginate(rows, numberOf(input.PageNo), numberOf(input.PageSize));
    return rpcOk(scope.call.requestId, { Code: 'OK', Message: 'OK', Data: JSON.stringify(page.items.map((r) => callRow(task, r.callee, r.call))) });
  }

  private callDetail(scope: DyvmsScope, task: RobotTask): SandboxResponse {
    const input = scope.call.input;
    const index = task.byNumber.get(textOf(input.Callee) ?? '');
    const callee = index === undefined ? undefined : task.callees[index];
    const call = callee && this.lastEnded(scope.context, callee);
    const queryDate = numberOf(input.QueryDate);
    const info = call && scope.state.calls.get(call.id);
    const sameDay =
      call !== undefined &&
      queryDate !== undefined &&
      (beijingDay(queryDate) === beijingDay(call.createdAt) || (info !== undefined && beijingDay(queryDate) === beijingDay(info.realPlacedAt)));
    if (!callee || !call || !sameDay) return rpcOk(scope.call.requestId, { Code: 'OK', Message: 'OK' });
    const answered = call.answerAt !== undefined;
    const detail = {
      ...callRow(task, callee, call),
      recordStatus: answered ? 1 : 2,
      recordFile: answered ? scope.context.recordingUrl(call.id) : '',
      dialogDetail: conversation(call).dialog,
    };
    return rpcOk(scope.call.requestId, { Code: 'OK', Message: 'OK', Data: JSON.stringify(detail) });
  }

  tick(scope: Pick<DyvmsScope, 'context' | 'state' | 'receipts'>): void {
    for (const task of this.tasks.values()) {
      if (task.status === 'EXCUTING' || task.status === 'READY' || task.status === 'MANUAL_STOP' || task.dialer?.active) this.refresh(task, scope);
    }
  }

  /** Counters for tests and the control API. */
  stats(id: string) {
    const task = this.tasks.get(id);
    return task && { status: task.status, total: task.callees.length, finished: finishCount(task) };
  }

  reset(): void {
    this.tasks.clear();
    this.counter = 0;
    this.sequence = 0;
  }
}
