import { rpcBusinessError, rpcOk } from '../alibaba-rpc.js';
import { Dialer } from '../dialer.js';
import { alibabaCallId, parseBeijingTime } from '../ids.js';
import type { PlacedCall, SandboxContext, SandboxResponse } from '../types.js';
import { numberOf, parsedJson, textOf } from '../../core/vendors/read.js';
import type { DyvmsHandler, DyvmsScope } from './handler.js';
import { listOf, paginate, PHONE } from './lists.js';
import { PROD_IDS } from './state.js';

type CallTaskStatus = 'INIT' | 'RELEASE' | 'RUNNING' | 'STOP' | 'SYSTEM_STOP' | 'CANCEL' | 'SYSTEM_CANCEL' | 'DONE';

interface CallTask {
  id: number;
  taskName: string;
  bizType: string;
  templateCode: string;
  templateName: string;
  resource: string;
  dataType: string;
  status: CallTaskStatus;
  callees: { number: string; params?: Record<string, string>; callId?: string }[];
  createdAt: number;
  fireAt?: number;
  completeAt?: number;
  stopAt?: number;
  dialer?: Dialer;
}

/** Rows one CreateCallTask may carry. */
export const CALL_TASK_LIMIT = 1000;

const ok200 = (scope: DyvmsScope, payload: Record<string, unknown>) => rpcOk(scope.call.requestId, { Code: '200', Message: 'successful', ...payload });
const invalid = (scope: DyvmsScope, message: string) => rpcBusinessError(scope.call.requestId, 'isv.INVALID_PARAMETERS', message);

/** Task Center: CreateCallTask, ExecuteCallTask (RUNNING | TIMING | STOP | CANCEL), ListCallTask, ListCallTaskDetail. */
export class TaskCenter {
  private readonly tasks = new Map<number, CallTask>();
  private counter = 0;
  readonly handlers: Record<string, DyvmsHandler>;

  constructor() {
    this.handlers = {
      CreateCallTask: (s) => this.create(s),
      ExecuteCallTask: (s) => this.execute(s),
      ListCallTask: (s) => this.list(s),
      ListCallTaskDetail: (s) => this.detail(s),
    };
  }

  private parseCallees(dataType: string, data: unknown): CallTask['callees'] | string {
    if (dataType === 'JSON') {
      const parsed = parsedJson(data) as { paramNames?: unknown; calleeList?: unknown } | undefined;
      if (!parsed || !Array.isArray(parsed.calleeList)) return 'Data must be JSON {"paramNames": [...], "calleeList": [{"callee": "...", "params": [...]}]} when DataType is JSON.';
      const names = Array.isArray(parsed.paramNames) ? parsed.paramNames.map(String) : [];
      return (parsed.calleeList as { callee?: unknown; params?: unknown }[]).map((c) => ({
        number: String(c?.callee ?? ''),
        params: Array.isArray(c?.params) ? Object.fromEntries(names.map((n, i) => [n, String((c.params as unknown[])[i] ?? '')])) : undefined,
      }));
    }
    return listOf(data).map((n) => ({ number: n }));
  }

  private create(scope: DyvmsScope): SandboxResponse {
    const input = scope.call.input;
    const dataType = (textOf(input.DataType) ?? 'LIST').toUpperCase();
    if (dataType !== 'LIST' && dataType !== 'JSON') return invalid(scope, `DataType must be LIST or JSON, got ${dataType}.`);
    const callees = this.parseCallees(dataType, input.Data);
    if (typeof callees === 'string') return invalid(scope, callees);
    if (!callees.length) return invalid(scope, 'Data names no callee.');
    if (callees.length > CALL_TASK_LIMIT) {
      return rpcBusinessError(scope.call.requestId, 'isv.MOBILE_COUNT_OVER_LIMIT', `At most ${CALL_TASK_LIMIT} callees per task; got ${callees.length}.`);
    }
    const bad = callees.find((c) => !PHONE.test(c.number));
    if (bad) return rpcBusinessError(scope.call.requestId, 'isv.MOBILE_NUMBER_ILLEGAL', `The number ${bad.number} is not a valid phone number.`);
    const id = 150_001_000 + ++this.counter;
    this.tasks.set(id, {
      id,
      taskName: textOf(input.TaskName) ?? '',
      bizType: textOf(input.BizType) ?? 'VMS_VOICE_TTS',
      templateCode: textOf(input.TemplateCode) ?? '',
      templateName: textOf(input.TemplateName) ?? '',
      resource: textOf(input.Resource) ?? '',
      dataType,
      status: 'INIT',
      callees,
      createdAt: scope.context.clock.now(),
    });
    return ok200(scope, { Data: id });
  }

  private refresh(task: CallTask, scope: Pick<DyvmsScope, 'context' | 'state' | 'receipts'>): void {
    const now = scope.context.clock.now();
    if (task.status === 'INIT' && task.fireAt !== undefined && now >= task.fireAt) this.begin(task, scope, task.fireAt);
    if (!task.dialer) return;
    task.dialer.advance(now);
    if (task.status === 'RUNNING' && task.dialer.finished(now)) {
      task.status = 'DONE';
      task.completeAt = task.dialer.lastEndAt ?? now;
    }
  }

  private begin(task: CallTask, scope: Pick<DyvmsScope, 'context' | 'state' | 'receipts'>, at: number): void {
    const { context, state, receipts } = scope;
    task.status = 'RUNNING';
    task.fireAt = at;
    task.dialer = new Dialer(context.config.taskConcurrency, {
      total: () => task.callees.length,
      place: (job, when) => {
        const callee = task.callees[job.index];
        const placed = context.placeCall({ id: alibabaCallId(context.rng), vendor: 'dyvms', operation: 'dyvms.ExecuteCallTask', number: callee.number, callerNumber: task.resource || undefined, taskId: String(task.id), createdAt: when });
        callee.callId = placed.id;
        state.calls.set(placed.id, {
          callId: placed.id,
          operation: 'dyvms.ExecuteCallTask',
          prodIds: [PROD_IDS.notification, PROD_IDS.verification],
          caller: task.resource,
          callee: callee.number,
          realPlacedAt: context.clock.realNow(),
          taskId: String(task.id),
        });
        receipts.track(placed, context, { record: false });
        return { callId: placed.id, endAt: context.callEndsAt(placed.id) ?? when };
      },
    });
    task.dialer.start(at);
  }

  private execute(scope: DyvmsScope): SandboxResponse {
    const input = scope.call.input;
    const task = this.tasks.get(numberOf(input.TaskId) ?? -1);
    if (!task) return invalid(scope, `Task ${textOf(input.TaskId)} does not exist.`);
    this.refresh(task, scope);
    const now = scope.context.clock.now();
    const status = textOf(input.Status);
    const terminal = task.status === 'CANCEL' || task.status === 'SYSTEM_CANCEL' || task.status === 'DONE';
    if (terminal) return invalid(scope, `Task ${task.id} is ${task.status}.`);
    switch (status) {
      case 'RUNNING':
        if (task.status === 'STOP') {
          task.status = 'RUNNING';
          task.stopAt = undefined;
          task.dialer?.resume(now);
        } else if (task.status === 'INIT') this.begin(task, scope, now);
        else return invalid(scope, `Task ${task.id} is already ${task.status}.`);
        break;
      case 'TIMING': {
        if (task.status !== 'INIT') return invalid(scope, `Task ${task.id} is ${task.status}; only a new task can be scheduled.`);
        const at = parseBeijingTime(textOf(input.FireTime) ?? '');
        if (at === undefined) return invalid(scope, 'FireTime is required for TIMING, as "yyyy-MM-dd HH:mm:ss".');
        if (at <= now) this.begin(task, scope, now);
        else task.fireAt = at;
        break;
      }
      case 'STOP':
        if (task.status !== 'RUNNING') return invalid(scope, `Task ${task.id} is ${task.status}; only a running task can be stopped.`);
        task.dialer?.pause(now);
        task.status = 'STOP';
        task.stopAt = now;
        break;
      case 'CANCEL':
        task.dialer?.stop(now);
        task.status = 'CANCEL';
        task.stopAt = now;
        break;
      default:
        return invalid(scope, `Status must be RUNNING, TIMING, STOP or CANCEL, got ${status}.`);
    }
    return ok200(scope, { Data: true });
  }

  private completed(context: SandboxContext, task: CallTask): PlacedCall[] {
    const out: PlacedCall[] = [];
    for (const c of task.callees) {
      const call = c.callId ? context.getCall(c.callId) : undefined;
      if (call?.endAt !== undefined) out.push(call);
    }
    return out;
  }

  private list(scope: DyvmsScope): SandboxResponse {
    const input = scope.call.input;
    const filters = { TemplateName: textOf(input.TemplateName), Status: textOf(input.Status), TaskName: textOf(input.TaskName), TaskId: textOf(input.TaskId), BizType: textOf(input.BizType) };
    const rows = [...this.tasks.values()]
      .map((t) => (this.refresh(t, scope), t))
      .filter(
        (t) =>
          (!filters.TemplateName || t.templateName.includes(filters.TemplateName)) &&
          (!filters.Status || t.status === filters.Status) &&
          (!filters.TaskName || t.taskName.includes(filters.TaskName)) &&
          (!filters.TaskId || String(t.id) === filters.TaskId) &&
          (!filters.BizType || t.bizType === filters.BizType),
      )
      .sort((a, b) => b.createdAt - a.createdAt);
    const page = paginate(rows, numberOf(input.PageNumber), numberOf(input.PageSize));
    const data = page.items.map((t) => {
      const completed = this.completed(scope.context, t).length;
      return {
        Id: t.id,
        TaskName: t.taskName,
        Status: t.status,
        BizType: t.bizType,
        TemplateCode: t.templateCode,
        TemplateName: t.templateName,
        Resource: t.resource,
        DataType: t.dataType,
        Data: `callees-${t.id}.txt`,
        TotalCount: t.callees.length,
        CompletedCount: completed,
        CompletedRate: t.callees.length ? Math.round((completed / t.callees.length) * 10000) : 0,
        FireTime: t.fireAt !== undefined ? Math.round(t.fireAt) : undefined,
        CompleteTime: t.completeAt !== undefined ? Math.round(t.completeAt) : undefined,
        StopTime: t.stopAt !== undefined ? Math.round(t.stopAt) : undefined,
      };
    });
    return ok200(scope, { Data: data, PageNumber: page.page, PageSize: page.size, Total: rows.length });
  }

  private detail(scope: DyvmsScope): SandboxResponse {
    const input = scope.call.input;
    const task = this.tasks.get(numberOf(input.TaskId) ?? -1);
    if (!task) return invalid(scope, `Task ${textOf(input.TaskId)} does not exist.`);
    this.refresh(task, scope);
    const wanted = textOf(input.Status);
    const calledNum = textOf(input.CalledNum);
    const rows = task.callees
      .map((c) => {
        const call = c.callId ? scope.context.getCall(c.callId) : undefined;
        const status = call?.endAt === undefined ? 'INIT' : call.answerAt !== undefined ? 'SUCCESS' : 'FAIL';
        return { Status: status, Duration: call?.durationSeconds ?? 0, CalledNum: c.number, Caller: task.resource, Id: c.callId ?? '' };
      })
      .filter((r) => (!wanted || r.Status === wanted) && (!calledNum || r.CalledNum === calledNum));
    const page = paginate(rows, numberOf(input.PageNumber), numberOf(input.PageSize));
    return rpcOk(scope.call.requestId, {
      Code: 'OK',
      Message: 'OK',
      Data: page.items,
      PageNumber: page.page,
      PageSize: page.size,
      Total: rows.length,
      TotalPage: Math.ceil(rows.length / page.size),
    });
  }

  tick(scope: Pick<DyvmsScope, 'context' | 'state' | 'receipts'>): void {
    for (const task of this.tasks.values()) {
      if (task.status === 'RUNNING' || (task.status === 'INIT' && task.fireAt !== undefined) || task.dialer?.active) this.refresh(task, scope);
    }
  }

  reset(): void {
    this.tasks.clear();
    this.counter = 0;
  }
}
