// Volcengine Voice (vms, 2022-01-01) simulator: gateway signature, validation from the catalog,
// notification tasks (CreateTask / Pause / Resume / Stop / Update / BatchAppend), single sends,
// resources and number pools, call records, recordings, and CDR / recording pushes.
// Facts: docs/research/volcengine-vms.md and the seed catalog (004 CreateTask).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { catalog } from '../../core/registry.js';
import type { AnyOperation } from '../../core/operation.js';
import type { InjectedFault, PlacedCall, SandboxContext, SandboxRequest, SandboxResponse, VendorSimulator } from '../types.js';
import { gatewayError, verifyVolcengine, type VolcGatewayError } from './auth.js';
import {
  beijingClock,
  beijingDateTime,
  clockSeconds,
  digits,
  header,
  isTerminal,
  json,
  parseBeijingDateTime,
  queryPairs,
  signPath,
  verifySignedPath,
  wavResponse,
} from './sim-util.js';

export const VOLC_VERSION = '2022-01-01';
/** The callback AuthToken of the sandbox account (console: 语音设置 → 回调设置). */
export const VOLC_CALLBACK_AUTH_TOKEN = 'SandboxTok01';
/** Push retry schedule after a failed delivery: 10 s, 30 s, 1 min, 2 min, 3 min (sandbox time). */
export const VOLC_PUSH_RETRY_MS = [10_000, 30_000, 60_000, 120_000, 180_000];
export const VOLC_ACCOUNT_ID = '2100012345';
/** Keys of SandboxConfig.receiptUrls standing in for the console's call-record and recording callback URLs. */
export const VOLC_RECEIPT_KEYS = { callRecord: 'VolcengineCallRecord', audio: 'VolcengineAudio' } as const;
/** Signed recording URLs are valid for three hours. */
const RECORDING_TTL_S = 3 * 3600;
const MAX_PHONES_PER_CALL = 10_000;

interface BusinessError {
  status: number;
  code: string;
  message: string;
}

class VolcError extends Error {
  constructor(readonly error: BusinessError) {
    super(error.message);
  }
}

const missing = (name: string) => new VolcError({ status: 400, code: 'MissingParameter', message: `The required parameter ${name} is missing.` });
const invalid = (name: string, detail?: string) =>
  new VolcError({ status: 400, code: 'InvalidParameter', message: `The specified parameter ${name} is invalid.${detail ? ` ${detail}` : ''}` });
const denied = (detail: string) =>
  new VolcError({ status: 400, code: 'OperationDenied', message: `Operation is denied because the specified resource is in use. ${detail}` });

// ---- state ----

type TaskState = 'created' | 'running' | 'paused' | 'stopped' | 'finished';

interface Entry {
  index: number;
  phone: string;
  ext?: string;
  phoneParam?: unknown;
  ttsContent?: string;
  /** Operation that added the callee (CreateTask, BatchAppend, SingleBatchAppend). */
  operation: string;
  attempts: number;
  dueAt: number;
  state: 'pending' | 'calling' | 'done' | 'cancelled';
  callIds: string[];
}

interface Task {
  taskOpenId: string;
  name: string;
  type: number;
  resource: string;
  numberPoolNo: string;
  numberList: string[];
  selectNumberType?: number;
  startTime?: number;
  endTime?: number;
  state: TaskState;
  concurrency: number;
  maxRingDuration?: number;
  ringAgainTimes: number;
  ringAgainIntervalMin: number;
  forbidTimeList: Array<{ Times?: string[]; Weekdays?: number[] }>;
  finishWhenListEnd: boolean;
  unique: boolean;
  callRecordPostUrl?: string;
  audioPostUrl?: string;
  entries: Entry[];
  phones: Set<string>;
  createdAt: number;
  /** Base URL of the sandbox as the creator reached it (for recording URLs in pushes). */
  baseUrl: string;
  callerIndex: number;
  /** Sandbox time of the previous step (lines free since then are re-used from then on). */
  lastStep?: number;
}

interface Single extends Entry {
  singleOpenId: string;
  resource: string;
  numberPoolNo: string;
  numberList: string[];
  ringAgainTimes: number;
  ringAgainIntervalMin: number;
  createdAt: number;
  baseUrl: string;
}

interface CallRecord {
  callId: string;
  taskOpenId?: string;
  singleOpenId?: string;
  ext?: string;
  numberPoolNo: string;
  caller: string;
  callee: string;
  baseUrl: string;
  pushed: boolean;
  call?: PlacedCall;
}

interface NumberPool {
  NumberPoolNo: string;
  NumberPoolName: string;
  ServiceType: number;
  ServiceTypeName: string;
  SubServiceType: number;
  SubServiceTypeName: string;
  numbers: string[];
}

interface Resource {
  ResourceKey: string;
  Name: string;
  Suffix: string;
  Duration: number;
  State: number;
  CreateTime: string;
  Type: number;
  Remark: string;
  TtsTemplateContent?: string;
}

const SUB_SERVICE_NAMES: Record<number, string> = { 101: '语音SIP', 102: '语音通知', 103: '双呼', 104: '智能外呼' };

function defaultPools(): NumberPool[] {
  return [
    {
      NumberPoolNo: 'NP162212345678900001',
      NumberPoolName: 'sandbox notification pool',
      ServiceType: 100,
      ServiceTypeName: '普通号码',
      SubServiceType: 102,
      SubServiceTypeName: '语音通知',
      numbers: ['02160001001', '02160001002', '01060002001'],
    },
  ];
}

function defaultResources(): Resource[] {
  const created = '2026-01-01 10:00:00';
  return [
    { ResourceKey: 'sandbox-voice-001', Name: 'sandbox notification recording', Suffix: '.wav', Duration: 12, State: 1, CreateTime: created, Type: 0, Remark: '' },
    {
      ResourceKey: 'sandbox-tts-001',
      Name: 'sandbox TTS template',
      Suffix: '',
      Duration: 0,
      State: 1,
      CreateTime: created,
      Type: 1,
      Remark: '',
      TtsTemplateContent: '您好，您的验证码是${code}，5分钟内有效。',
    },
    { ResourceKey: 'sandbox-ivr-001', Name: 'sandbox IVR flow', Suffix: '', Duration: 0, State: 1, CreateTime: created, Type: 2, Remark: '' },
  ];
}

// ---- parameter helpers ----

type Params = Record<string, unknown>;

function str(params: Params, name: string, required = false): string | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') {
    if (required) throw missing(name);
    return undefined;
  }
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw invalid(name, 'It must be a string.');
  return value;
}

function integer(params: Params, name: string, min?: number, max?: number): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw invalid(name, 'It must be an integer.');
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) throw invalid(name, `It must be between ${min ?? '-∞'} and ${max ?? '∞'}.`);
  return n;
}

function bool(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw invalid(name, 'It must be true or false.');
}

/** Arrays arrive as JSON arrays, as JSON text (form/query bodies) or as comma lists. */
function array(params: Params, name: string): unknown[] | undefined {
  let value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.startsWith('[')) {
      try {
        value = JSON.parse(text) as unknown;
      } catch {
        throw invalid(name, 'It is not valid JSON.');
      }
    } else value = text.split(',').map((s) => s.trim()).filter(Boolean);
  }
  if (!Array.isArray(value)) throw invalid(name, 'It must be a list.');
  return value;
}

function objectParam(value: unknown, name: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw invalid(name, 'It is not valid JSON.');
  }
}

const PHONE = /^\+?\d{3,20}$/;

function parseTime(params: Params, name: string): number | undefined {
  const text = str(params, name);
  if (text === undefined) return undefined;
  const ms = parseBeijingDateTime(text);
  if (ms === undefined) throw invalid(name, 'Use yyyy-MM-dd HH:mm:ss.');
  return ms;
}

function forbidList(params: Params): Task['forbidTimeList'] | undefined {
  const list = array(params, 'ForbidTimeList');
  if (!list) return undefined;
  return list.map((item, i) => {
    const obj = objectParam(item, `ForbidTimeList.${i}`) as { Times?: unknown; Weekdays?: unknown };
    if (!obj || typeof obj !== 'object') throw invalid(`ForbidTimeList.${i}`);
    const times = Array.isArray(obj.Times) ? obj.Times.map(String) : undefined;
    if (!times || times.some((t) => !/^\d{1,2}:\d{2}-\d{1,2}:\d{2}$/.test(t))) throw invalid(`ForbidTimeList.${i}.Times`, 'Use ["HH:mm-HH:mm"].');
    const weekdays = Array.isArray(obj.Weekdays) ? obj.Weekdays.map(Number) : undefined;
    if (weekdays?.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) throw invalid(`ForbidTimeList.${i}.Weekdays`, 'Use 1 (Sunday) to 7 (Saturday).');
    return { Times: times, Weekdays: weekdays };
  });
}

/** Whether the Beijing wall clock falls in a do-not-call window (Weekdays: 1 = Sunday ... 7 = Saturday). */
function forbidden(list: Task['forbidTimeList'], now: number): boolean {
  if (!list.length) return false;
  const { seconds, weekday } = beijingClock(now);
  return list.some((item) => {
    if (item.Weekdays?.length && !item.Weekdays.includes(weekday + 1)) return false;
    return (item.Times ?? []).some((range) => {
      const [from, to] = range.split('-').map(clockSeconds);
      return from !== undefined && to !== undefined && seconds >= from && seconds < to;
    });
  });
}

/** Volcengine callResult for a call outcome. */
function callResult(call: PlacedCall): number {
  switch (call.status) {
    case 'completed':
      return 1;
    case 'power_off':
      return 2;
    case 'no_answer':
      return 7;
    case 'busy':
      return 8;
    default:
      return 6;
  }
}

// ---- catalog validation ----

function shapeKeys(schema: z.ZodType): string[] | undefined {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : undefined;
}

/**
 * Checks the parameters with the operation's catalog schema, as the vendor checks its input.
 * Form and query bodies carry every value as text, so values are also tried as JSON.
 */
function validateWithCatalog(op: AnyOperation, params: Params): Params {
  const keys = shapeKeys(op.input);
  const known = keys ? Object.fromEntries(Object.entries(params).filter(([k]) => keys.includes(k))) : params;
  let result = op.input.safeParse(known);
  if (!result.success) {
    const coerced: Params = { ...known };
    for (const issue of result.error.issues) {
      const key = issue.path[0];
      if (typeof key !== 'string' || typeof coerced[key] !== 'string') continue;
      try {
        coerced[key] = JSON.parse(coerced[key] as string) as unknown;
      } catch {
        // keep the text
      }
    }
    result = op.input.safeParse(coerced);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : 'request');
      let value: unknown = coerced;
      for (const p of issue.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[p] : undefined;
      if (value === undefined && issue.code === 'invalid_type') throw missing(field);
      throw invalid(field, issue.message);
    }
  }
  return { ...params, ...(result.data as Params) };
}

// ---- the simulator ----

type Handler = (params: Params, ctx: SandboxContext, request: SandboxRequest) => unknown;

export class VolcengineSimulator implements VendorSimulator {
  readonly vendor = 'volcengine' as const;
  private tasks = new Map<string, Task>();
  private singles = new Map<string, Single>();
  private records = new Map<string, CallRecord>();
  /** Tasks and singles that have time-dependent work. */
  private live = new Set<Task>();
  private liveSingles = new Set<Single>();
  private pools = defaultPools();
  private resources = defaultResources();
  private qps = new Map<string, { second: number; count: number }>();

  private readonly handlers: Record<string, Handler> = {
    CreateTask: (p, c) => this.createTask(p, c),
    PauseTask: (p, c) => this.setState(p, c, 'pause'),
    ResumeTask: (p, c) => this.setState(p, c, 'resume'),
    StopTask: (p, c) => this.setState(p, c, 'stop'),
    UpdateTask: (p, c) => this.updateTask(p, c),
    BatchAppend: (p, c) => this.batchAppend(p, c),
    SingleBatchAppend: (p, c) => this.singleBatchAppend(p, c),
    QuerySingleInfo: (p, c) => this.singleInfo(p, c),
    SingleInfo: (p, c) => this.singleInfo(p, c),
    SingleCancel: (p) => this.singleCancel(p),
    SingleCancelV2: (p) => this.singleCancel(p),
    QueryUsableResource: (p) => this.usableResources(p).map((r) => ({ ...r, TtsTemplateContent: undefined })),
    QueryUsableResourceV2: (p) => ({ Records: this.usableResources(p) }),
    QueryOpenGetResource: (p) => this.openGetResource(p),
    OpenCreateTts: (p, c) => this.createTts(p, c),
    NumberPoolList: (p) => this.numberPoolList(p),
    CreateNumberPool: (p, c) => this.createNumberPool(p, c),
    UpdateNumberPool: (p) => this.updateNumberPool(p),
    UpdateNumberPoolV2: (p) => this.updateNumberPool(p),
    NumberList: (p) => this.numberList(p),
    QueryCallRecordMsg: (p, c) => this.queryCallRecords(p, c),
    QueryCallRecordMsgV2: (p, c) => ({ Records: this.queryCallRecords(p, c) }),
    QueryAudioRecordFileUrl: (p, c) => this.recordingUrls(p, c),
  };

  /** Injected faults in the gateway's own shape: 500 InternalError, 429 FlowLimitExceeded. */
  faultResponse(fault: InjectedFault, request: SandboxRequest): SandboxResponse {
    const error = fault === '5xx' ? gatewayError('InternalError') : gatewayError('FlowLimitExceeded', 'the account');
    return json(error.status, {
      ResponseMetadata: {
        RequestId: `${Date.now()}`,
        Action: request.query.Action ?? '',
        Version: request.query.Version ?? '',
        Service: 'vms',
        Region: 'cn-north-1',
        Error: { Code: error.code, CodeN: error.codeN, Message: error.message },
      },
    });
  }

  tick(ctx: SandboxContext): void {
    this.step(ctx);
  }

  reset(): void {
    this.tasks.clear();
    this.singles.clear();
    this.records.clear();
    this.live.clear();
    this.liveSingles.clear();
    this.pools = defaultPools();
    this.resources = defaultResources();
    this.qps.clear();
  }

  /** Actions the simulator answers: its own handlers plus every volcengine operation in the catalog. */
  actions(): string[] {
    const fromCatalog = [...catalog.values()].filter((op) => op.product === 'volcengine').map((op) => op.action);
    return [...new Set([...Object.keys(this.handlers), ...fromCatalog])];
  }

  handle(request: SandboxRequest, ctx: SandboxContext): SandboxResponse {
    const path = request.path.split('?')[0];
    if (request.method === 'GET' && path.startsWith('/recordings/')) return this.serveRecording(request, ctx);
    this.step(ctx);

    const query = Object.fromEntries(queryPairs(request));
    const action = query.Action ?? '';
    const version = query.Version ?? '';
    const meta = { RequestId: this.requestId(ctx), Action: action, Version: version, Service: 'vms', Region: 'cn-north-1' };
    const fail = (e: VolcGatewayError | BusinessError & { codeN?: number }) =>
      json(e.status, {
        ResponseMetadata: { ...meta, Error: { Code: e.code, ...('codeN' in e && e.codeN ? { CodeN: e.codeN } : {}), Message: e.message } },
      });

    const auth = verifyVolcengine(request, ctx.accounts.volcengine, ctx.clock.realNow());
    if (!auth.ok) {
      if (auth.region) meta.Region = auth.region;
      return fail(auth.error);
    }
    meta.Region = auth.scope.region;
    if (!action) return fail(gatewayError('MissingParameter', 'Action'));
    if (!version) return fail(gatewayError('MissingParameter', 'Version'));
    const op = catalog.get(`volcengine.${action}`);
    const handler = this.handlers[action];
    if (version !== VOLC_VERSION || (!handler && !op)) return fail(gatewayError('InvalidActionOrVersion', action, version));
    if (op?.qps && this.throttled(auth.scope.accessKey, action, op.qps, ctx.clock.realNow())) {
      return fail(gatewayError('FlowLimitExceeded', `${op.qps}/s`));
    }

    try {
      let params = this.params(request, query);
      if (op) params = validateWithCatalog(op, params);
      const result = handler ? handler(params, ctx, request) : this.generic(action);
      this.step(ctx);
      return json(200, result === undefined ? { ResponseMetadata: meta } : { ResponseMetadata: meta, Result: result });
    } catch (error) {
      if (error instanceof VolcError) return fail(error.error);
      console.error('volcengine simulator:', error);
      return fail(gatewayError('InternalError'));
    }
  }

  // ---- request plumbing ----

  private requestId(ctx: SandboxContext): string {
    return `${beijingDateTime(ctx.clock.now()).replace(/\D/g, '')}${hex6(ctx)}${digits(ctx, 12)}`;
  }

  private throttled(ak: string, action: string, qps: number, realNow: number): boolean {
    const key = `${ak}|${action}`;
    const second = Math.floor(realNow / 1000);
    const slot = this.qps.get(key);
    if (!slot || slot.second !== second) {
      this.qps.set(key, { second, count: 1 });
      return false;
    }
    slot.count += 1;
    return slot.count > qps;
  }

  /** Query parameters, then the body (JSON or form); body values win. */
  private params(request: SandboxRequest, query: Record<string, string>): Params {
    const params: Params = { ...query };
    delete params.Action;
    delete params.Version;
    const body = request.body.trim();
    if (!body) return params;
    const type = (header(request, 'content-type') ?? '').toLowerCase();
    if (type.includes('json') || body.startsWith('{')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        throw new VolcError({ status: 400, code: 'InvalidParameter', message: 'The specified parameter body is invalid. The request body is not valid JSON.' });
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new VolcError({ status: 400, code: 'InvalidParameter', message: 'The specified parameter body is invalid. The JSON body must be an object.' });
      }
      return { ...params, ...(parsed as Params) };
    }
    for (const [k, v] of new URLSearchParams(body)) params[k] = v;
    return params;
  }

  /** Operations that exist in the catalog but have no simulated state: a success envelope. */
  private generic(action: string): unknown {
    if (/^(Query|List|Get|Describe)/.test(action)) return { Records: [], Total: 0 };
    return undefined;
  }

  // ---- tasks ----

  private task(params: Params): Task {
    const id = str(params, 'TaskOpenId', true) as string;
    const task = this.tasks.get(id);
    if (!task) throw invalid('TaskOpenId', `Task ${id} does not exist.`);
    return task;
  }

  private addPhones(task: Task, list: unknown[], operation: string, now: number): Array<{ Index: number; Phone: string; Type: string; Desc: string }> {
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

  private createTask(params: Params, ctx: SandboxContext): unknown {
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
      taskOpenId: this.newTaskId(ctx),
      name: str(params, 'Name') ?? '',
      type: type ?? 0,
      resource: str(params, 'Resource') ?? '',
      numberPoolNo: str(params, 'NumberPoolNo') ?? this.pools[0].NumberPoolNo,
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
      callRecordPostUrl: this.pushUrl(params, 'CallRecordPostUrl'),
      audioPostUrl: this.pushUrl(params, 'AudioPostUrl'),
      entries: [],
      phones: new Set(),
      createdAt: now,
      baseUrl: `${ctx.baseUrl}/volcengine`,
      callerIndex: 0,
    };
    if (task.type === 3 && phoneList.some((p) => !(objectParam(p, 'PhoneList') as { TtsContent?: unknown })?.TtsContent)) {
      throw missing('PhoneList.TtsContent');
    }
    const failList = this.addPhones(task, phoneList, 'volcengine.CreateTask', now);
    this.tasks.set(task.taskOpenId, task);
    this.live.add(task);
    return { TaskOpenId: task.taskOpenId, FailList: failList };
  }

  private pushUrl(params: Params, name: string): string | undefined {
    const url = str(params, name);
    if (url === undefined) return undefined;
    if (!/^https?:\/\/[^/\s]+/.test(url)) throw invalid(name, 'It must be an http(s) URL.');
    return url;
  }

  private newTaskId(ctx: SandboxContext): string {
    let id: string;
    do id = `1${digits(ctx, 9)}`;
    while (this.tasks.has(id));
    return id;
  }

  private setState(params: Params, ctx: SandboxContext, change: 'pause' | 'resume' | 'stop'): undefined {
    const task = this.task(params);
    this.stepTask(task, ctx, ctx.clock.now());
    if (task.state === 'stopped' || task.state === 'finished') throw denied(`Task ${task.taskOpenId} has ended (${task.state}).`);
    if (change === 'pause') {
      if (task.state === 'paused') throw denied(`Task ${task.taskOpenId} is already paused.`);
      task.state = 'paused';
    } else if (change === 'resume') {
      if (task.state === 'running') throw denied(`Task ${task.taskOpenId} is already running.`);
      task.state = 'running';
      task.lastStep = undefined;
      this.live.add(task);
    } else {
      task.state = 'stopped';
      for (const entry of task.entries) if (entry.state === 'pending') entry.state = 'cancelled';
    }
    return undefined;
  }

  private updateTask(params: Params, ctx: SandboxContext): undefined {
    const task = this.task(params);
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
    this.live.add(task);
    this.stepTask(task, ctx, ctx.clock.now());
    return undefined;
  }

  private batchAppend(params: Params, ctx: SandboxContext): unknown {
    const task = this.task(params);
    const list = array(params, 'PhoneList');
    if (!list) throw missing('PhoneList');
    if (list.length > MAX_PHONES_PER_CALL) throw invalid('PhoneList', `At most ${MAX_PHONES_PER_CALL} numbers per request.`);
    if (task.state === 'stopped' || task.state === 'finished') throw denied(`Task ${task.taskOpenId} has ended (${task.state}).`);
    const failList = this.addPhones(task, list, 'volcengine.BatchAppend', ctx.clock.now());
    this.live.add(task);
    return { TaskOpenId: task.taskOpenId, FailList: failList };
  }

  // ---- single sends ----

  private singleBatchAppend(params: Params, ctx: SandboxContext): unknown {
    const list = array(params, 'List');
    if (!list) throw missing('List');
    const now = ctx.clock.now();
    const successList: Array<{ Phone: string; SingleOpenId: string; Ext?: string }> = [];
    const failList: Array<{ Phone: string; SingleOpenId?: string; Type: string }> = [];
    list.forEach((raw, i) => {
      const item = objectParam(raw, `List.${i}`) as Params;
      if (!item || typeof item !== 'object') throw invalid(`List.${i}`);
      const singleOpenId = str(item, 'SingleOpenId') ?? str(item, 'OpenId');
      if (!singleOpenId) throw missing(`List.${i}.SingleOpenId`);
      const phone = str(item, 'Phone');
      if (!phone) throw missing(`List.${i}.Phone`);
      const type = integer(item, 'Type', 0, 3);
      if (type === undefined) throw missing(`List.${i}.Type`);
      const resource = str(item, 'Resource');
      if (!resource) throw missing(`List.${i}.Resource`);
      const pool = str(item, 'NumberPoolNo');
      if (!pool) throw missing(`List.${i}.NumberPoolNo`);
      if (this.singles.has(singleOpenId)) {
        failList.push({ Phone: phone, SingleOpenId: singleOpenId, Type: '重复的SingleOpenId' });
        return;
      }
      if (!PHONE.test(phone)) {
        failList.push({ Phone: phone, SingleOpenId: singleOpenId, Type: '手机号格式错误' });
        return;
      }
      // Unix ms, as the generated SDK types it (int64); the older doc pages' "yyyy-MM-dd HH:mm:ss" is still understood.
      const trigger = item.TriggerTime;
      const triggerAt = trigger === undefined ? now : typeof trigger === 'number' ? trigger : parseBeijingDateTime(trigger);
      if (triggerAt === undefined) throw invalid(`List.${i}.TriggerTime`, 'Use Unix milliseconds.');
      const single: Single = {
        index: i,
        phone,
        ext: str(item, 'Ext'),
        phoneParam: item.PhoneParam,
        ttsContent: str(item, 'TtsContent'),
        operation: 'volcengine.SingleBatchAppend',
        attempts: 0,
        dueAt: Math.max(now, triggerAt),
        state: 'pending',
        callIds: [],
        singleOpenId,
        resource,
        numberPoolNo: pool,
        numberList: (array(item, 'NumberList') ?? []).map(String),
        ringAgainTimes: integer(item, 'RingAgainTimes', 0, 5) ?? 0,
        ringAgainIntervalMin: integer(item, 'RingAgainInterval', 5, 1440) ?? 5,
        createdAt: now,
        baseUrl: `${ctx.baseUrl}/volcengine`,
      };
      this.singles.set(singleOpenId, single);
      this.liveSingles.add(single);
      successList.push({ Phone: phone, SingleOpenId: singleOpenId, ...(single.ext ? { Ext: single.ext } : {}) });
    });
    return { SuccessList: successList, FailList: failList };
  }

  private single(params: Params): Single {
    const id = str(params, 'SingleOpenId', true) as string;
    const single = this.singles.get(id);
    if (!single) throw invalid('SingleOpenId', `No single send ${id}.`);
    return single;
  }

  private singleInfo(params: Params, ctx: SandboxContext): unknown {
    const single = this.single(params);
    this.step(ctx);
    const lastId = single.callIds[single.callIds.length - 1];
    const call = lastId ? ctx.getCall(lastId) : undefined;
    const state =
      single.state === 'cancelled' ? 5 : single.state === 'calling' ? 2 : single.state === 'done' ? 3 : single.attempts > 0 ? 4 : 1;
    return {
      SingleOpenId: single.singleOpenId,
      ResourceKey: single.resource,
      Phone: single.phone,
      Ext: single.ext ?? '',
      CreateTime: beijingDateTime(single.createdAt),
      State: state,
      CallUuid: lastId ?? '',
      Duration: call?.durationSeconds ?? 0,
      ReleaseTime: call?.endAt ? beijingDateTime(call.endAt) : '',
    };
  }

  private singleCancel(params: Params): undefined {
    const single = this.single(params);
    if (single.state !== 'pending' || single.attempts > 0) throw denied(`Single send ${single.singleOpenId} has already been dialled.`);
    single.state = 'cancelled';
    this.liveSingles.delete(single);
    return undefined;
  }

  // ---- resources and numbers ----

  private usableResources(params: Params): Resource[] {
    const type = integer(params, 'Type', 0, 3);
    return this.resources.filter((r) => r.State === 1 && (type === undefined || r.Type === type));
  }

  private openGetResource(params: Params): unknown {
    const type = integer(params, 'Type', 0, 3);
    const state = integer(params, 'State', 0, 2);
    const keyword = str(params, 'Keyword');
    const limit = integer(params, 'Limit', 1, 100) ?? 10;
    const offset = integer(params, 'Offset', 0) ?? 0;
    const all = this.resources.filter(
      (r) =>
        (type === undefined || r.Type === type) &&
        (state === undefined || r.State === state) &&
        (!keyword || r.Name.includes(keyword) || r.ResourceKey.includes(keyword)),
    );
    return { Records: all.slice(offset, offset + limit), Total: all.length, Limit: limit, Offset: offset };
  }

  private createTts(params: Params, ctx: SandboxContext): unknown {
    const name = str(params, 'Name', true) as string;
    const content = str(params, 'TtsTemplateContent', true) as string;
    const resource: Resource = {
      ResourceKey: `tts-${digits(ctx, 10)}`,
      Name: name,
      Suffix: '',
      Duration: 0,
      State: 1,
      CreateTime: beijingDateTime(ctx.clock.now()),
      Type: 1,
      Remark: str(params, 'Remark') ?? '',
      TtsTemplateContent: content,
    };
    this.resources.push(resource);
    return { ResourceKey: resource.ResourceKey, Suffix: '', Name: name, UploadUrl: '' };
  }

  private numberPoolList(params: Params): unknown {
    const service = integer(params, 'ServiceType');
    const sub = integer(params, 'SubServiceType');
    const limit = integer(params, 'Limit', 1, 500) ?? 20;
    const offset = integer(params, 'Offset', 0) ?? 0;
    const no = str(params, 'NumberPoolNo');
    const name = str(params, 'NumberPoolName');
    const all = this.pools.filter(
      (p) =>
        (service === undefined || p.ServiceType === service) &&
        (sub === undefined || p.SubServiceType === sub) &&
        (!no || p.NumberPoolNo === no) &&
        (!name || p.NumberPoolName.includes(name)),
    );
    return {
      Records: all.slice(offset, offset + limit).map(({ numbers, ...p }) => ({ ...p, NumberCount: numbers.length })),
      Limit: limit,
      Offset: offset,
      Total: all.length,
    };
  }

  private createNumberPool(params: Params, ctx: SandboxContext): unknown {
    const name = str(params, 'Name', true) as string;
    const service = integer(params, 'ServiceType') ?? 100;
    const sub = integer(params, 'SubServiceType') ?? 102;
    const pool: NumberPool = {
      NumberPoolNo: `NP${digits(ctx, 18)}`,
      NumberPoolName: name,
      ServiceType: service,
      ServiceTypeName: service === 200 ? '隐私号' : '普通号码',
      SubServiceType: sub,
      SubServiceTypeName: SUB_SERVICE_NAMES[sub] ?? String(sub),
      numbers: [],
    };
    this.pools.push(pool);
    return { Name: name, NumberPoolNo: pool.NumberPoolNo, ServiceType: service, SubServiceType: sub };
  }

  private updateNumberPool(params: Params): unknown {
    const no = str(params, 'NumberPoolNo', true) as string;
    const pool = this.pools.find((p) => p.NumberPoolNo === no);
    if (!pool) throw invalid('NumberPoolNo', `Number pool ${no} does not exist.`);
    pool.NumberPoolName = str(params, 'Name') ?? pool.NumberPoolName;
    return { Success: true };
  }

  private numberList(params: Params): unknown {
    const no = str(params, 'NumberPoolNo');
    const number = str(params, 'Number');
    const wanted = array(params, 'NumberList')?.map(String);
    const limit = integer(params, 'Limit', 1, 500) ?? 20;
    const offset = integer(params, 'Offset', 0) ?? 0;
    const all = this.pools
      .filter((p) => !no || p.NumberPoolNo === no)
      .flatMap((p) =>
        p.numbers.map((n) => ({
          Number: n,
          NumberStatusCode: 1,
          NumberStatusDesc: '使用中',
          NumberTypeCode: 1,
          NumberTypeDesc: '固话',
          NumberLocation: n.startsWith('010') ? '北京' : '上海',
          NumberPurchaseTime: '2026-01-01 10:00:00',
          NumberPoolNo: p.NumberPoolNo,
          NumberPoolName: p.NumberPoolName,
          NumberPoolTypeCode: p.SubServiceType,
          NumberPoolTypeDesc: p.SubServiceTypeName,
          ServiceTypeCode: p.ServiceType,
          ServiceTypeDesc: p.ServiceTypeName,
          QualificationNo: 'QN000000001',
          QualificationEntity: 'callbridge sandbox',
          CurrentBindCount: 0,
        })),
      )
      .filter((r) => (!number || r.Number === number) && (!wanted || wanted.includes(r.Number)));
    return { Records: all.slice(offset, offset + limit), Limit: limit, Offset: offset, Total: all.length };
  }

  // ---- call records and recordings ----

  private queryCallRecords(params: Params, ctx: SandboxContext): unknown {
    const ids = (array(params, 'CallIdList') ?? []).map(String);
    if (!ids.length) throw missing('CallIdList');
    if (ids.length > 100) throw invalid('CallIdList', 'At most 100 call IDs.');
    this.step(ctx);
    return ids
      .map((id) => this.records.get(id))
      .filter((r): r is CallRecord => !!r && !!r.call && isTerminal(r.call))
      .map((r) => this.recordFields(r, 'Pascal'));
  }

  private recordingUrls(params: Params, ctx: SandboxContext): unknown {
    const callId = str(params, 'CallId', true) as string;
    this.step(ctx);
    const record = this.records.get(callId);
    if (!record || !record.call || !isTerminal(record.call)) throw invalid('CallId', `No finished call ${callId}.`);
    if (record.call.status !== 'completed') return { AudioRecordFileUrl: '', AudioRecordLeftFileUrl: '', AudioRecordRightFileUrl: '' };
    return this.recordingLinks(record, ctx.clock.realNow());
  }

  private recordingLinks(record: CallRecord, realNow: number) {
    const expires = Math.floor(realNow / 1000) + RECORDING_TTL_S;
    const link = (suffix: string) => {
      const path = `/recordings/${record.callId}${suffix}.wav`;
      return `${record.baseUrl}${path}?x-expires=${expires}&x-signature=${signPath(path, expires)}`;
    };
    return { AudioRecordFileUrl: link(''), AudioRecordLeftFileUrl: link('-left'), AudioRecordRightFileUrl: link('-right') };
  }

  private serveRecording(request: SandboxRequest, ctx: SandboxContext): SandboxResponse {
    const path = request.path.split('?')[0];
    const query = Object.fromEntries(queryPairs(request));
    const check = verifySignedPath(path, query['x-expires'], query['x-signature'], ctx.clock.realNow());
    const callId = /^\/recordings\/([^/]+?)(-left|-right)?\.wav$/.exec(path)?.[1];
    if (check !== 'ok' || !callId || !this.records.has(callId)) {
      return { status: 403, headers: { 'Content-Type': 'text/plain' }, body: check === 'expired' ? 'Request has expired' : 'Access denied' };
    }
    return wavResponse(path.slice('/recordings/'.length));
  }

  private recordFields(record: CallRecord, style: 'Pascal' | 'camel'): Record<string, unknown> {
    const call = record.call as PlacedCall;
    const fields: Record<string, unknown> = {
      AccountId: VOLC_ACCOUNT_ID,
      CallId: record.callId,
      ServiceType: 100,
      SubServiceType: 102,
      NumberPoolNo: record.numberPoolNo,
      Caller: record.caller,
      CallerCountryIsoCode: 'CN',
      CallerProvinceCode: record.caller.startsWith('010') ? '110000' : '310000',
      CallerCityCode: record.caller.startsWith('010') ? '010' : '021',
      Callee: record.callee,
      CalleeCountryIsoCode: 'CN',
      CalleeProvinceCode: '',
      CalleeCityCode: '',
      BeginCallTime: call.createdAt,
      RingTime: call.ringAt ?? 0,
      StartTime: call.answerAt ?? 0,
      EndTime: call.endAt ?? 0,
      ReleaseType: call.hangupSide === 'user' ? 1 : 2,
      CallDuration: call.durationSeconds ?? 0,
      CallResult: callResult(call),
      AudioRecordFlag: call.status === 'completed' ? 1 : 0,
      CdrCreateTime: call.endAt ?? call.createdAt,
      UserData: '',
      CallType: 1,
      CallerShowNumber: record.caller,
      TaskOpenId: record.taskOpenId ?? '',
      Ext: record.ext ?? '',
      Digits: call.dtmf ? call.dtmf.split('') : [],
      SingleOpenId: record.singleOpenId ?? '',
    };
    if (style === 'Pascal') return fields;
    return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k[0].toLowerCase() + k.slice(1), v]));
  }

  // ---- progression ----

  private step(ctx: SandboxContext): boolean {
    const now = ctx.clock.now();
    let pending = false;
    for (const task of [...this.live]) {
      if (this.stepTask(task, ctx, now)) pending = true;
      else {
        this.live.delete(task);
        task.lastStep = undefined;
      }
    }
    for (const single of [...this.liveSingles]) {
      if (this.stepSingle(single, ctx, now)) pending = true;
      else this.liveSingles.delete(single);
    }
    return pending;
  }

  /**
   * Advances one task; returns whether it still has time-dependent work. A line freed by a
   * call that ended at sandbox time T is re-used at T (calls may be placed in the past), so
   * throughput does not depend on how often the sandbox ticks.
   */
  private stepTask(task: Task, ctx: SandboxContext, now: number): boolean {
    for (let round = 0; round < 1000; round++) {
      const freed: number[] = [];
      let calling = 0;
      for (const entry of task.entries) {
        if (entry.state !== 'calling') continue;
        const endedAt = this.finishAttempt(entry, ctx, task.ringAgainTimes, task.ringAgainIntervalMin, task);
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
        const call = this.dial(entry, ctx, at, task);
        if (call.endAt !== undefined) placedInPast = true;
        calling += 1;
      }
      task.lastStep = now;
      if (!placedInPast) return true;
    }
    return true;
  }

  private stepSingle(single: Single, ctx: SandboxContext, now: number): boolean {
    if (single.state === 'calling' && this.finishAttempt(single, ctx, single.ringAgainTimes, single.ringAgainIntervalMin) === undefined) return true;
    if (single.state !== 'pending') return false;
    if (single.dueAt <= now) this.dial(single, ctx, single.dueAt);
    return true;
  }

  private dial(entry: Entry, ctx: SandboxContext, at: number, task?: Task): PlacedCall {
    const single = task ? undefined : (entry as Single);
    const own = task ? task.numberList : (single as Single).numberList;
    const numbers = own.length ? own : this.poolNumbers(task?.numberPoolNo ?? (single as Single).numberPoolNo);
    const caller = numbers[(task ? task.callerIndex++ : entry.attempts) % numbers.length];
    let callId: string;
    do callId = `V${beijingDateTime(at).replace(/\D/g, '')}${digits(ctx, 12)}`;
    while (this.records.has(callId) || ctx.getCall(callId));
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
    this.records.set(call.id, {
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

  private poolNumbers(poolNo: string): string[] {
    const pool = this.pools.find((p) => p.NumberPoolNo === poolNo);
    return pool?.numbers.length ? pool.numbers : this.pools[0].numbers;
  }

  /** Notices a finished call: records it, pushes receipts, schedules a redial. Returns the sandbox time it ended, if it has. */
  private finishAttempt(entry: Entry, ctx: SandboxContext, ringAgainTimes: number, intervalMin: number, task?: Task): number | undefined {
    const callId = entry.callIds[entry.callIds.length - 1];
    const call = ctx.getCall(callId);
    if (!call || !isTerminal(call)) return undefined;
    const endedAt = call.endAt ?? ctx.clock.now();
    const record = this.records.get(callId);
    if (record) {
      record.call = call;
      if (!record.pushed) {
        record.pushed = true;
        this.pushReceipts(record, ctx, task);
      }
    }
    const retry = call.status !== 'completed' && entry.attempts <= ringAgainTimes && (!task || task.state !== 'stopped');
    if (retry) {
      entry.state = 'pending';
      entry.dueAt = endedAt + intervalMin * 60_000;
    } else entry.state = 'done';
    return endedAt;
  }

  private pushReceipts(record: CallRecord, ctx: SandboxContext, task?: Task): void {
    // The task's own URLs, else the account's console callback settings (sandbox: POST /_sandbox/config
    // {"receiptUrls": {"VolcengineCallRecord": "...", "VolcengineAudio": "..."}}).
    const cdrUrl = task?.callRecordPostUrl ?? ctx.config.receiptUrls?.[VOLC_RECEIPT_KEYS.callRecord];
    const audioUrl = task?.audioPostUrl ?? ctx.config.receiptUrls?.[VOLC_RECEIPT_KEYS.audio];
    if (cdrUrl) {
      const body = this.recordFields(record, 'camel');
      ctx.push(withCallbackAuth(cdrUrl, body, ctx.clock.realNow()), body, VOLC_PUSH_RETRY_MS, { kind: 'VolcengineCallRecord', timeoutMs: 5000 });
    }
    if (audioUrl && record.call?.status === 'completed') {
      const links = this.recordingLinks(record, ctx.clock.realNow());
      const body = {
        accountId: VOLC_ACCOUNT_ID,
        callId: record.callId,
        taskOpenId: record.taskOpenId ?? '',
        singleOpenId: record.singleOpenId ?? '',
        ext: record.ext ?? '',
        audioRecordFileUrl: links.AudioRecordFileUrl,
        audioRecordLeftFileUrl: links.AudioRecordLeftFileUrl,
        audioRecordRightFileUrl: links.AudioRecordRightFileUrl,
      };
      ctx.push(withCallbackAuth(audioUrl, body, ctx.clock.realNow()), body, VOLC_PUSH_RETRY_MS, { kind: 'VolcengineAudio', timeoutMs: 5000 });
    }
  }
}

function hex6(ctx: SandboxContext): string {
  return Math.floor(ctx.rng.next() * 0xffffff)
    .toString(16)
    .toUpperCase()
    .padStart(6, '0');
}

/** authCode = hex(SHA256(timestamp + hex(SHA256(body)) + authToken)), appended with the timestamp as query parameters. */
export function callbackAuthCode(timestamp: number, body: string, authToken: string): string {
  const bodyHash = createHash('sha256').update(body, 'utf8').digest('hex');
  return createHash('sha256').update(`${timestamp}${bodyHash}${authToken}`, 'utf8').digest('hex');
}

function withCallbackAuth(url: string, body: unknown, realNowMs: number): string {
  const timestamp = Math.floor(realNowMs / 1000);
  const code = callbackAuthCode(timestamp, JSON.stringify(body), VOLC_CALLBACK_AUTH_TOKEN);
  return `${url}${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&authCode=${code}`;
}

/** A fresh simulator with its own state (one per sandbox server). */
export function createVolcengineSimulator(): VolcengineSimulator {
  return new VolcengineSimulator();
}

export default createVolcengineSimulator;
