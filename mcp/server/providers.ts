// The curated tools' per-provider mapping: which catalog operation each vendor-neutral action uses,
// and how the neutral arguments become that operation's input. Wire details stay in core; this file
// only names operations and input fields. Every operation goes through execute() (the guardrails).
import { randomUUID } from 'node:crypto';
import {
  fromDyvmsCallDetail,
  fromDyvmsRobotCall,
  fromOutboundbotJob,
  fromPbxCall,
  fromVolcengineCallRecord,
  fromVolcengineSingleInfo,
  pbxCallGone,
  type CallResult,
} from '../../core/call-result.js';
import { CallbridgeError } from '../../core/errors.js';
import type { Product } from '../../core/operation.js';
import { normalizeNumber } from '../guardrails/numbers.js';
import { execute, noteCallIds, ToolInputError, UnsupportedError, type PreviewCollector, type ToolContext } from './context.js';

export const PROVIDERS = ['dyvms', 'outboundbot', 'volcengine', 'pbx'] as const satisfies readonly Product[];
export type Provider = (typeof PROVIDERS)[number];

/** The catalog operations each provider's curated actions use (checked against the catalog at startup). */
export const OPERATIONS = {
  dyvms: {
    ttsCall: 'dyvms.SingleCallByTts',
    voiceCall: 'dyvms.SingleCallByVoice',
    ivrCall: 'dyvms.IvrCall',
    callDetail: 'dyvms.QueryCallDetailByCallId',
    scripts: 'dyvms.QueryRobotv2AllList',
    createTask: 'dyvms.CreateRobotTask',
    addCallees: 'dyvms.UploadRobotTaskCalledFile',
    start: 'dyvms.StartRobotTask',
    pause: 'dyvms.StopRobotTask',
    cancel: 'dyvms.CancelRobotTask',
    cancelScheduled: 'dyvms.CancelOrderRobotTask',
    taskDetail: 'dyvms.QueryRobotTaskDetail',
    taskCalls: 'dyvms.QueryRobotTaskCallList',
    taskCallDetail: 'dyvms.QueryRobotTaskCallDetail',
  },
  outboundbot: {
    instances: 'outboundbot.ListInstances',
    scripts: 'outboundbot.ListScripts',
    createTask: 'outboundbot.CreateJobGroup',
    addCallees: 'outboundbot.AssignJobs',
    start: 'outboundbot.ResumeJobs',
    pause: 'outboundbot.SuspendJobs',
    cancel: 'outboundbot.CancelJobs',
    taskDetail: 'outboundbot.DescribeJobGroup',
    taskCalls: 'outboundbot.ListJobsByGroup',
    job: 'outboundbot.DescribeJob',
    recording: 'outboundbot.DownloadRecording',
  },
  volcengine: {
    call: 'volcengine.SingleBatchAppend',
    single: 'volcengine.QuerySingleInfo',
    records: 'volcengine.QueryCallRecordMsg',
    resources: 'volcengine.QueryUsableResourceV2',
    createTask: 'volcengine.CreateTask',
    addCallees: 'volcengine.BatchAppend',
    start: 'volcengine.ResumeTask',
    pause: 'volcengine.PauseTask',
    cancel: 'volcengine.StopTask',
    recording: 'volcengine.QueryAudioRecordFileUrl',
  },
  pbx: {
    prompt: 'pbx.outbound.playprompt',
    query: 'pbx.outbound.query',
  },
} as const satisfies Record<Provider, Record<string, string>>;

/** Callees per request the vendor accepts when adding to a task. */
export const CHUNK_SIZE: Partial<Record<Provider, number>> = { dyvms: 1000, outboundbot: 100, volcengine: 10_000 };

/** Alibaba ProdId of QueryCallDetailByCallId, per operation that placed the call (first = most likely). */
const DYVMS_PROD_IDS: Record<string, string[]> = {
  'dyvms.SingleCallByTts': ['11000000300006', '11010000138001'],
  'dyvms.SingleCallByVoice': ['11000000300006'],
  'dyvms.IvrCall': ['11000000300005'],
  'dyvms.SmartCall': ['11030000180001'],
};
const DYVMS_ALL_PROD_IDS = ['11000000300006', '11010000138001', '11000000300005', '11030000180001'];

// ---------------------------------------------------------------------------------------------
// helpers

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined);

function unsupported(provider: Provider, what: string, instead: string): never {
  throw new UnsupportedError(`${what} is not available for ${provider}: ${instead}`);
}

/** "yyyy-MM-dd HH:mm:ss" in Beijing time (the vendors' wall clock). */
export function beijingTime(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const g = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${g('year')}-${g('month')}-${g('day')} ${g('hour')}:${g('minute')}:${g('second')}`;
}

/** An ISO date/time or "yyyy-MM-dd" (Beijing) -> epoch ms. */
function parseDate(value: string | undefined, fallback: number): number {
  if (!value) return fallback;
  const t = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T12:00:00+08:00`) : Date.parse(value);
  if (Number.isNaN(t)) throw new ToolInputError(`call_date: "${value}" is not a date (use yyyy-MM-dd or an ISO 8601 time)`);
  return t;
}

/** Accepts "yyyy-MM-dd HH:mm:ss" (Beijing) or ISO 8601 and returns the vendor form. */
function vendorTime(value: string): string {
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return value;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new ToolInputError(`schedule_time: "${value}" is not a time (use ISO 8601, e.g. 2026-05-18T09:00:00+08:00)`);
  return beijingTime(t);
}

/** Outbound Bot IDs are "<instance>:<id>"; a bare ID uses the configured default instance. */
function splitOutboundbot(ctx: ToolContext, id: string, what: string): { instance: string; id: string } {
  const i = id.indexOf(':');
  if (i > 0) return { instance: id.slice(0, i), id: id.slice(i + 1) };
  if (ctx.config.outboundbotInstanceId) return { instance: ctx.config.outboundbotInstanceId, id };
  throw new ToolInputError(
    `${what} "${id}" has no instance: use "<instanceId>:<id>" as returned by the tools, or set a default instance with --outboundbot-instance (CALLBRIDGE_OUTBOUNDBOT_INSTANCE_ID).`,
  );
}
const joinOutboundbot = (instance: string, id: string) => `${instance}:${id}`;

/** Volcengine "scripts" are playable resources: "<type>:<ResourceKey>". */
const VOLC_TYPES = { voice_file: 0, tts_template: 1, ivr: 2 } as const;
function splitVolcScript(id: string): { type: number; resource: string } {
  const m = /^(voice_file|tts_template|ivr):(.+)$/.exec(id);
  if (!m) throw new ToolInputError(`script_id for volcengine must be "<voice_file|tts_template|ivr>:<ResourceKey>", as list_robot_scripts returns; got "${id}"`);
  return { type: VOLC_TYPES[m[1] as keyof typeof VOLC_TYPES], resource: m[2] };
}

function volcPool(ctx: ToolContext, callerId: string | undefined): { NumberPoolNo: string; NumberList?: string[]; NumberType?: number } {
  if (callerId && /^NP/i.test(callerId)) return { NumberPoolNo: callerId };
  const pool = ctx.config.volcengineNumberPool;
  if (!pool) {
    throw new ToolInputError(
      'volcengine needs a number pool: pass caller_id as the pool ID (NP...), or set a default pool with --volcengine-pool (CALLBRIDGE_VOLCENGINE_NUMBER_POOL) and pass caller_id as one of its numbers.',
    );
  }
  return callerId ? { NumberPoolNo: pool, NumberList: [callerId], NumberType: 1 } : { NumberPoolNo: pool };
}

/** Daily do-not-call windows (Volcengine "HH:mm-HH:mm") outside the calling hours, when they are in Beijing time. */
function forbidWindows(ctx: ToolContext): Array<{ Times: string[] }> | undefined {
  const hours = ctx.config.callingHours;
  if (!hours || ctx.config.timezone !== 'Asia/Shanghai' || hours.start > hours.end) return undefined;
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const times: string[] = [];
  if (hours.start > 0) times.push(`00:00-${hhmm(hours.start)}`);
  if (hours.end < 1440) times.push(`${hhmm(hours.end)}-24:00`);
  return times.length ? [{ Times: times }] : undefined;
}

/** Outbound Bot working-time windows ("HH:mm:ss") equal to the calling hours, when they are in Beijing time. */
function workingTime(ctx: ToolContext): Array<{ beginTime: string; endTime: string }> | undefined {
  const hours = ctx.config.callingHours;
  if (!hours || ctx.config.timezone !== 'Asia/Shanghai' || hours.start > hours.end) return undefined;
  const hhmmss = (m: number) => (m >= 1440 ? '23:59:59' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`);
  return [{ beginTime: hhmmss(hours.start), endTime: hhmmss(hours.end) }];
}

// ---------------------------------------------------------------------------------------------
// place_call

export interface PlaceCallArgs {
  provider: Provider;
  to: string;
  caller_id?: string;
  tts_template?: string;
  tts_params?: Record<string, string | number>;
  voice_file?: string;
  ivr?: { start: string; start_params?: Record<string, string | number>; keys?: Record<string, string>; bye?: string; timeout_ms?: number };
  prompt?: string;
  out_id?: string;
}

export interface PlaceCallOutcome {
  call_id?: string;
  operation: string;
}

export async function placeCall(ctx: ToolContext, args: PlaceCallArgs, previews: PreviewCollector): Promise<PlaceCallOutcome> {
  const a = { ...args, to: normalizeNumber(args.to) };
  const contents = (['tts_template', 'voice_file', 'ivr', 'prompt'] as const).filter((k) => a[k] !== undefined);
  if (contents.length !== 1) throw new ToolInputError(`give exactly one content: tts_template, voice_file, ivr or prompt (got ${contents.length ? contents.join(', ') : 'none'})`);
  const content = contents[0];
  if (a.tts_params && content !== 'tts_template') throw new ToolInputError('tts_params goes with tts_template only');
  switch (a.provider) {
    case 'dyvms': {
      if (content === 'prompt') unsupported('dyvms', 'prompt', 'use tts_template, voice_file or ivr (prompt is for the PBX).');
      let opId: string;
      let input: Rec;
      const common = { CalledNumber: a.to, CalledShowNumber: a.caller_id, OutId: a.out_id };
      if (content === 'tts_template') {
        opId = OPERATIONS.dyvms.ttsCall;
        input = { ...common, TtsCode: a.tts_template, TtsParam: a.tts_params };
      } else if (content === 'voice_file') {
        opId = OPERATIONS.dyvms.voiceCall;
        input = { ...common, VoiceCode: a.voice_file };
      } else {
        const ivr = a.ivr as NonNullable<PlaceCallArgs['ivr']>;
        opId = OPERATIONS.dyvms.ivrCall;
        input = {
          ...common,
          StartCode: ivr.start,
          StartTtsParams: ivr.start_params,
          MenuKeyMap: ivr.keys ? Object.entries(ivr.keys).map(([Key, Code]) => ({ Key, Code })) : undefined,
          ByeCode: ivr.bye,
          Timeout: ivr.timeout_ms,
        };
      }
      const r = await execute(ctx, opId, dropUndefined(input), previews);
      const callId = r.sent ? str(rec(r.output).CallId) : undefined;
      noteCallIds(ctx, r, [callId]);
      return { call_id: callId, operation: opId };
    }
    case 'volcengine': {
      if (content === 'prompt') unsupported('volcengine', 'prompt', 'use tts_template, voice_file or ivr (an IVR flow ID as ivr.start).');
      if (content === 'ivr' && (a.ivr?.keys || a.ivr?.bye || a.ivr?.start_params)) {
        throw new ToolInputError('volcengine IVR flows are defined in the console: pass only ivr.start (the flow ID)');
      }
      const id = randomUUID().replace(/-/g, '');
      const item = dropUndefined({
        SingleOpenId: id,
        Phone: a.to,
        Type: content === 'voice_file' ? 0 : content === 'tts_template' ? 1 : 2,
        Resource: a.tts_template ?? a.voice_file ?? a.ivr?.start,
        ...volcPool(ctx, a.caller_id),
        PhoneParam: a.tts_params,
        Ext: a.out_id,
      });
      const r = await execute(ctx, OPERATIONS.volcengine.call, { List: [item] }, previews);
      if (r.sent) {
        const fail = arr(rec(rec(r.output).Result).FailList).map(rec)[0];
        if (fail) {
          throw new CallbridgeError({ kind: 'vendor', vendor: 'volcengine', operationId: OPERATIONS.volcengine.call, code: str(fail.Type), message: `the call was not accepted: ${str(fail.Desc) ?? str(fail.Type) ?? 'refused'}` });
        }
      }
      noteCallIds(ctx, r, [id]);
      return { call_id: r.sent ? id : undefined, operation: OPERATIONS.volcengine.call };
    }
    case 'pbx': {
      if (content !== 'prompt') unsupported('pbx', content, 'the PBX plays an uploaded prompt file: pass prompt (file names joined by "+").');
      const r = await execute(ctx, OPERATIONS.pbx.prompt, dropUndefined({ outto: a.to, prompt: a.prompt, fromext: a.caller_id }), previews);
      const callId = r.sent ? str(rec(r.output).callid) : undefined;
      noteCallIds(ctx, r, [callId]);
      return { call_id: callId, operation: OPERATIONS.pbx.prompt };
    }
    case 'outboundbot':
      unsupported('outboundbot', 'place_call', 'Outbound Bot calls run in job groups: use create_call_task, then add_task_callees.');
  }
}

function dropUndefined<T extends Rec>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

// ---------------------------------------------------------------------------------------------
// get_call_result

export interface CallQuery {
  provider: Provider;
  call_id: string;
  call_date?: string;
}

export async function getCallResult(ctx: ToolContext, q: CallQuery): Promise<CallResult> {
  const result = await queryCall(ctx, q);
  if (result.final) ctx.guard.ledger.markEnded(q.call_id);
  return result;
}

async function queryCall(ctx: ToolContext, q: CallQuery): Promise<CallResult> {
  switch (q.provider) {
    case 'dyvms': {
      // QueryCallDetailByCallId searches one day and one product: try the likely ones.
      const placed = ctx.guard.ledger.callEntry(q.call_id);
      const today = ctx.runtime.now();
      const dates = q.call_date ? [parseDate(q.call_date, today)] : [today];
      if (!q.call_date && placed && beijingTime(placed.at).slice(0, 10) !== beijingTime(today).slice(0, 10)) dates.push(placed.at);
      const prodIds = (placed && DYVMS_PROD_IDS[placed.operation]) ?? DYVMS_ALL_PROD_IDS;
      let last: CallResult | undefined;
      for (const QueryDate of dates) {
        for (const ProdId of prodIds) {
          const r = await execute(ctx, OPERATIONS.dyvms.callDetail, { CallId: q.call_id, ProdId, QueryDate });
          last = fromDyvmsCallDetail(rec(r.sent ? r.output : undefined).Data, q.call_id);
          if (last.status !== 'unknown' || last.final) return last;
        }
      }
      return last as CallResult;
    }
    case 'outboundbot': {
      const { instance, id } = splitOutboundbot(ctx, q.call_id, 'call_id');
      const r = await execute(ctx, OPERATIONS.outboundbot.job, { InstanceId: instance, JobId: id });
      const result = fromOutboundbotJob(rec(r.sent ? r.output : undefined).Job);
      return { ...result, callId: q.call_id };
    }
    case 'volcengine': {
      let info: Rec | undefined;
      try {
        const r = await execute(ctx, OPERATIONS.volcengine.single, { SingleOpenId: q.call_id });
        info = rec(rec(r.sent ? r.output : undefined).Result);
      } catch (error) {
        // Not a one-off call ID: it may be a call-record ID (from a task).
        if (!(error instanceof CallbridgeError && error.kind === 'vendor')) throw error;
      }
      const recordId = info ? str(info.CallUuid) : q.call_id;
      if (info && !recordId) return fromVolcengineSingleInfo(info, q.call_id);
      const records = await execute(ctx, OPERATIONS.volcengine.records, { CallIdList: [recordId] });
      const record = arr(rec(records.sent ? records.output : undefined).Result).map(rec)[0];
      if (!record) return info ? fromVolcengineSingleInfo(info, q.call_id) : { provider: 'volcengine', callId: q.call_id, status: 'unknown', final: false, reason: 'no call record yet', raw: null };
      return { ...fromVolcengineCallRecord(record), callId: q.call_id };
    }
    case 'pbx': {
      try {
        // API v2.0.0 queries by callid, the 1.x APIs by outboundid (the core refuses the other one).
        const r = await execute(ctx, OPERATIONS.pbx.query, { callid: q.call_id }).catch((error: unknown) => {
          if (error instanceof CallbridgeError && error.kind === 'validation' && error.field === 'callid') {
            return execute(ctx, OPERATIONS.pbx.query, { outboundid: q.call_id });
          }
          throw error;
        });
        const out = rec(r.sent ? r.output : undefined);
        const call = [...arr(out.calls), ...arr(out.outbound)].map(rec).find((c) => [c.callid, c.outboundid].includes(q.call_id)) ?? arr(out.calls).concat(arr(out.outbound)).map(rec)[0];
        return call ? { ...fromPbxCall(call), callId: q.call_id } : pbxCallGone(q.call_id, out);
      } catch (error) {
        if (error instanceof CallbridgeError && error.code === '10007') return pbxCallGone(q.call_id, error.toJSON());
        throw error;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// list_robot_scripts

export interface Script {
  script_id: string;
  name?: string;
  type?: string;
  status?: string;
}

export async function listScripts(ctx: ToolContext, provider: Provider): Promise<Script[]> {
  switch (provider) {
    case 'dyvms': {
      const r = await execute(ctx, OPERATIONS.dyvms.scripts, {});
      return arr(rec(r.sent ? r.output : undefined).Data)
        .map(rec)
        .filter((s) => str(s.id))
        .map((s) => ({ script_id: str(s.id) as string, name: str(s.robotName), type: str(s.robotType) }));
    }
    case 'outboundbot': {
      const instances = ctx.config.outboundbotInstanceId
        ? [ctx.config.outboundbotInstanceId]
        : await execute(ctx, OPERATIONS.outboundbot.instances, {}).then((r) =>
            arr(rec(r.sent ? r.output : undefined).Instances)
              .map((i) => str(rec(i).InstanceId))
              .filter((i): i is string => !!i),
          );
      const scripts: Script[] = [];
      for (const instance of instances) {
        const r = await execute(ctx, OPERATIONS.outboundbot.scripts, { InstanceId: instance, PageNumber: 1, PageSize: 100 });
        for (const s of arr(rec(rec(r.sent ? r.output : undefined).Scripts).List).map(rec)) {
          if (str(s.ScriptId)) scripts.push({ script_id: joinOutboundbot(instance, str(s.ScriptId) as string), name: str(s.ScriptName), status: str(s.Status) });
        }
      }
      return scripts;
    }
    case 'volcengine': {
      const scripts: Script[] = [];
      for (const [type, code] of Object.entries(VOLC_TYPES)) {
        const r = await execute(ctx, OPERATIONS.volcengine.resources, { Type: code });
        for (const s of arr(rec(rec(r.sent ? r.output : undefined).Result).Records).map(rec)) {
          if (str(s.ResourceKey)) scripts.push({ script_id: `${type}:${str(s.ResourceKey)}`, name: str(s.Name), type, status: str(s.State) });
        }
      }
      return scripts;
    }
    case 'pbx':
      return unsupported('pbx', 'list_robot_scripts', 'the PBX has no robot scripts; place_call plays prompt files.');
  }
}

// ---------------------------------------------------------------------------------------------
// create_call_task

export interface CreateTaskArgs {
  provider: Provider;
  name: string;
  script_id: string;
  caller_id?: string;
  retry?: { times: number; interval_minutes?: number };
  concurrency?: number;
}

export async function createTask(ctx: ToolContext, a: CreateTaskArgs, previews: PreviewCollector): Promise<{ task_id?: string; operation: string }> {
  switch (a.provider) {
    case 'dyvms': {
      if (!a.caller_id) throw new ToolInputError('caller_id is required for dyvms robot tasks (one of your purchased numbers)');
      const input = dropUndefined({
        TaskName: a.name,
        DialogId: a.script_id,
        Caller: [a.caller_id],
        NumberStatusIdent: false,
        RetryType: a.retry && a.retry.times > 0 ? 1 : 0,
        RecallTimes: a.retry && a.retry.times > 0 ? a.retry.times : undefined,
        RecallInterval: a.retry && a.retry.times > 0 ? (a.retry.interval_minutes ?? 5) : undefined,
        RecallStateCodes: a.retry && a.retry.times > 0 ? ['200002', '200003'] : undefined,
      });
      const r = await execute(ctx, OPERATIONS.dyvms.createTask, input, previews);
      return { task_id: r.sent ? str(rec(r.output).Data) : undefined, operation: OPERATIONS.dyvms.createTask };
    }
    case 'outboundbot': {
      const { instance, id: scriptId } = splitOutboundbot(ctx, a.script_id, 'script_id');
      const windows = workingTime(ctx);
      const strategy = dropUndefined({
        name: a.name,
        maxAttemptsPerDay: a.retry ? a.retry.times + 1 : 1,
        minAttemptInterval: a.retry?.interval_minutes,
        workingTime: windows,
      });
      const r = await execute(
        ctx,
        OPERATIONS.outboundbot.createTask,
        dropUndefined({ InstanceId: instance, JobGroupName: a.name, ScriptId: scriptId, CallingNumber: a.caller_id ? [a.caller_id] : undefined, StrategyJson: strategy }),
        previews,
      );
      const id = r.sent ? str(rec(rec(r.output).JobGroup).JobGroupId) : undefined;
      return { task_id: id && joinOutboundbot(instance, id), operation: OPERATIONS.outboundbot.createTask };
    }
    case 'volcengine': {
      const { type, resource } = splitVolcScript(a.script_id);
      const now = ctx.runtime.now();
      const input = dropUndefined({
        Name: a.name,
        Type: type,
        Resource: resource,
        ...volcPool(ctx, a.caller_id),
        Start: false,
        StartTime: beijingTime(now),
        EndTime: beijingTime(now + 30 * 24 * 3_600_000),
        Concurrency: Math.min(a.concurrency ?? 1, Number.isFinite(ctx.config.maxConcurrentCalls) ? ctx.config.maxConcurrentCalls : 1000),
        RingAgainTimes: a.retry?.times,
        RingAgainInterval: a.retry?.times ? Math.max(5, a.retry.interval_minutes ?? 5) : undefined,
        ForbidTimeList: forbidWindows(ctx),
        SelectNumberRule: a.caller_id && !/^NP/i.test(a.caller_id) ? undefined : 5,
        SelectNumberType: a.caller_id && !/^NP/i.test(a.caller_id) ? 1 : undefined,
      });
      delete (input as Rec).NumberType;
      const r = await execute(ctx, OPERATIONS.volcengine.createTask, input, previews);
      return { task_id: r.sent ? str(rec(rec(r.output).Result).TaskOpenId) : undefined, operation: OPERATIONS.volcengine.createTask };
    }
    case 'pbx':
      return unsupported('pbx', 'create_call_task', 'the PBX has no call tasks; use place_call for each number.');
  }
}

// ---------------------------------------------------------------------------------------------
// add_task_callees

export interface Callee {
  number: string;
  params?: Record<string, string | number>;
  ref?: string;
  name?: string;
}

export interface ChunkOutcome {
  accepted: string[];
  rejected: Array<{ number: string; reason: string }>;
}

/** Sends one chunk (at most CHUNK_SIZE[provider] callees). */
export async function addCalleesChunk(ctx: ToolContext, provider: Provider, taskId: string, chunk: Callee[], previews: PreviewCollector): Promise<ChunkOutcome> {
  const numbers = chunk.map((c) => c.number);
  switch (provider) {
    case 'dyvms': {
      const head = [...new Set(chunk.flatMap((c) => Object.keys(c.params ?? {})))];
      const input = {
        Id: taskId,
        CalledNumber: numbers,
        TtsParamHead: head,
        TtsParam: head.length ? chunk.map((c) => ({ number: c.number, params: head.map((h) => c.params?.[h] ?? '') })) : [],
      };
      await execute(ctx, OPERATIONS.dyvms.addCallees, input, previews);
      return { accepted: numbers, rejected: [] };
    }
    case 'outboundbot': {
      const { instance, id } = splitOutboundbot(ctx, taskId, 'task_id');
      const jobs = chunk.map((c) => ({
        contacts: [dropUndefined({ phonenumber: c.number, referenceId: c.ref, name: c.name })],
        extras: Object.entries(c.params ?? {}).map(([key, value]) => ({ key, value: String(value) })),
      }));
      await execute(ctx, OPERATIONS.outboundbot.addCallees, { InstanceId: instance, JobGroupId: id, JobsJson: jobs }, previews);
      return { accepted: numbers, rejected: [] };
    }
    case 'volcengine': {
      const input = { TaskOpenId: taskId, PhoneList: chunk.map((c) => dropUndefined({ Phone: c.number, PhoneParam: c.params, Ext: c.ref })) };
      const r = await execute(ctx, OPERATIONS.volcengine.addCallees, input, previews);
      const fails = r.sent ? arr(rec(rec(r.output).Result).FailList).map(rec) : [];
      const failed = new Map<string, string>();
      for (const f of fails) {
        const index = typeof f.Index === 'number' ? f.Index : Number(f.Index);
        const number = str(f.Phone) ?? (Number.isInteger(index) ? numbers[index] : undefined);
        if (number) failed.set(number, `${str(f.Type) ?? 'refused'}${str(f.Desc) ? `: ${str(f.Desc)}` : ''}`);
      }
      return { accepted: numbers.filter((n) => !failed.has(n)), rejected: [...failed].map(([number, reason]) => ({ number, reason })) };
    }
    case 'pbx':
      return unsupported('pbx', 'add_task_callees', 'the PBX has no call tasks; use place_call for each number.');
  }
}

// ---------------------------------------------------------------------------------------------
// control_task

export type TaskAction = 'start' | 'pause' | 'resume' | 'cancel';

export async function controlTask(
  ctx: ToolContext,
  provider: Provider,
  taskId: string,
  action: TaskAction,
  scheduleTime: string | undefined,
  previews: PreviewCollector,
): Promise<{ operation: string }> {
  if (scheduleTime && action !== 'start') throw new ToolInputError('schedule_time applies to action "start" only');
  switch (provider) {
    case 'dyvms': {
      let opId: string;
      const input: Rec = { TaskId: taskId };
      if (action === 'start' || action === 'resume') {
        opId = OPERATIONS.dyvms.start;
        if (scheduleTime) input.ScheduleTime = vendorTime(scheduleTime);
      } else if (action === 'pause') {
        opId = OPERATIONS.dyvms.pause;
      } else {
        // A scheduled task that has not started is withdrawn with CancelOrderRobotTask; a started one is terminated.
        const detail = await execute(ctx, OPERATIONS.dyvms.taskDetail, { Id: taskId });
        const data = rec(rec(detail.sent ? detail.output : undefined).Data);
        const scheduled = str(data.scheduleType) === 'ORDER' && ['INIT', 'READY'].includes(str(data.status) ?? '');
        opId = scheduled ? OPERATIONS.dyvms.cancelScheduled : OPERATIONS.dyvms.cancel;
      }
      await execute(ctx, opId, input, previews);
      return { operation: opId };
    }
    case 'outboundbot': {
      if (scheduleTime) unsupported('outboundbot', 'schedule_time', 'a job group dials within the start time and working hours of its strategy (set when it was created).');
      const { instance, id } = splitOutboundbot(ctx, taskId, 'task_id');
      const opId = action === 'pause' ? OPERATIONS.outboundbot.pause : action === 'cancel' ? OPERATIONS.outboundbot.cancel : OPERATIONS.outboundbot.start;
      // All=false always: All=true would act on every job of the instance.
      await execute(ctx, opId, { InstanceId: instance, JobGroupId: id, All: false }, previews);
      return { operation: opId };
    }
    case 'volcengine': {
      if (scheduleTime) unsupported('volcengine', 'schedule_time', 'a task dials within its StartTime-EndTime window; change it with invoke_operation volcengine.UpdateTask.');
      const opId = action === 'pause' ? OPERATIONS.volcengine.pause : action === 'cancel' ? OPERATIONS.volcengine.cancel : OPERATIONS.volcengine.start;
      await execute(ctx, opId, { TaskOpenId: taskId }, previews);
      return { operation: opId };
    }
    case 'pbx':
      return unsupported('pbx', 'control_task', 'the PBX has no call tasks.');
  }
}

// ---------------------------------------------------------------------------------------------
// get_task_status

export const TASK_STATES = ['created', 'scheduled', 'running', 'paused', 'completed', 'cancelled', 'unknown'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export interface TaskStatus {
  state: TaskState;
  vendor_status?: string;
  total?: number;
  completed?: number;
  raw: unknown;
}

const DYVMS_TASK_STATES: Record<string, TaskState> = {
  INIT: 'created',
  READY: 'scheduled',
  DISPATCH: 'running',
  EXCUTING: 'running',
  EXECUTING: 'running',
  MANUAL_STOP: 'paused',
  SYSTEM_STOP: 'paused',
  ARREARS_STOP: 'paused',
  CANCEL: 'cancelled',
  SYSTEM_CANCEL: 'cancelled',
  FINISH: 'completed',
};
const OUTBOUNDBOT_GROUP_STATES: Record<string, TaskState> = {
  draft: 'created',
  drafted: 'created',
  scheduling: 'scheduled',
  executing: 'running',
  paused: 'paused',
  completed: 'completed',
  finished: 'completed',
  cancelled: 'cancelled',
};

export async function taskStatus(ctx: ToolContext, provider: Provider, taskId: string): Promise<TaskStatus> {
  switch (provider) {
    case 'dyvms': {
      const r = await execute(ctx, OPERATIONS.dyvms.taskDetail, { Id: taskId });
      const data = rec(rec(r.sent ? r.output : undefined).Data);
      const status = str(data.status);
      const total = Number(data.totalCount ?? data.total);
      const done = Number(data.finishCount ?? data.completeCount);
      return {
        state: (status ? DYVMS_TASK_STATES[status.toUpperCase()] : undefined) ?? 'unknown',
        vendor_status: status,
        total: Number.isFinite(total) ? total : undefined,
        completed: Number.isFinite(done) ? done : undefined,
        raw: data,
      };
    }
    case 'outboundbot': {
      const { instance, id } = splitOutboundbot(ctx, taskId, 'task_id');
      const r = await execute(ctx, OPERATIONS.outboundbot.taskDetail, { InstanceId: instance, JobGroupId: id });
      const group = rec(rec(r.sent ? r.output : undefined).JobGroup);
      const progress = rec(group.Progress);
      const status = str(progress.Status) ?? str(group.Status);
      const total = Number(progress.TotalJobs);
      const done = Number(progress.TotalCompleted);
      return {
        state: (status ? OUTBOUNDBOT_GROUP_STATES[status.toLowerCase()] : undefined) ?? 'unknown',
        vendor_status: status,
        total: Number.isFinite(total) ? total : undefined,
        completed: Number.isFinite(done) ? done : undefined,
        raw: group,
      };
    }
    case 'volcengine':
      return unsupported('volcengine', 'get_task_status', 'Volcengine offers no task query; follow its calls with the call-record push or get_task_call_detail.');
    case 'pbx':
      return unsupported('pbx', 'get_task_status', 'the PBX has no call tasks.');
  }
}

// ---------------------------------------------------------------------------------------------
// list_task_calls

export async function listTaskCalls(
  ctx: ToolContext,
  provider: Provider,
  taskId: string,
  page: number,
  pageSize: number,
): Promise<{ calls: CallResult[]; total?: number; page_size: number }> {
  switch (provider) {
    case 'dyvms': {
      const size = Math.min(pageSize, 50);
      const r = await execute(ctx, OPERATIONS.dyvms.taskCalls, { TaskId: taskId, PageNo: page, PageSize: size });
      return { calls: arr(rec(r.sent ? r.output : undefined).Data).map((c) => fromDyvmsRobotCall(c)), page_size: size };
    }
    case 'outboundbot': {
      const { instance, id } = splitOutboundbot(ctx, taskId, 'task_id');
      const size = Math.min(pageSize, 100);
      const r = await execute(ctx, OPERATIONS.outboundbot.taskCalls, { InstanceId: instance, JobGroupId: id, PageNumber: page, PageSize: size });
      const jobs = rec(rec(r.sent ? r.output : undefined).Jobs);
      const total = Number(jobs.TotalCount);
      const calls = arr(jobs.List).map((j) => {
        const result = fromOutboundbotJob(j);
        const jobId = str(rec(j).JobId);
        return jobId ? { ...result, callId: joinOutboundbot(instance, jobId) } : result;
      });
      return { calls, total: Number.isFinite(total) ? total : undefined, page_size: size };
    }
    case 'volcengine':
      return unsupported('volcengine', 'list_task_calls', 'Volcengine offers no per-task call list; its call records arrive by push (CallRecordPostUrl), or query one with get_task_call_detail.');
    case 'pbx':
      return unsupported('pbx', 'list_task_calls', 'the PBX has no call tasks.');
  }
}

// ---------------------------------------------------------------------------------------------
// get_task_call_detail and get_recording_url

export interface TaskCallQuery {
  provider: Provider;
  task_id?: string;
  call_id?: string;
  callee?: string;
  call_date?: string;
}

export interface TranscriptLine {
  speaker: string;
  text: string;
  time?: string;
}

export async function taskCallDetail(ctx: ToolContext, q: TaskCallQuery): Promise<{ result: CallResult; transcript: TranscriptLine[]; recording?: string }> {
  switch (q.provider) {
    case 'dyvms': {
      if (!q.task_id || !q.callee) throw new ToolInputError('dyvms needs task_id and callee (the number called)');
      const r = await execute(ctx, OPERATIONS.dyvms.taskCallDetail, { TaskId: q.task_id, Callee: q.callee, QueryDate: parseDate(q.call_date, ctx.runtime.now()) });
      const data = rec(rec(r.sent ? r.output : undefined).Data);
      const transcript = arr(data.dialogDetail)
        .map(rec)
        .map((d) => ({ speaker: str(d.role) ?? '?', text: str(d.content) ?? '', time: str(d.speakTime) }));
      const result = fromDyvmsRobotCall(data);
      return { result, transcript, recording: result.recording };
    }
    case 'outboundbot': {
      const id = q.call_id ?? q.task_id;
      if (!q.call_id) throw new ToolInputError('outboundbot needs call_id (a job ID from list_task_calls)');
      const { instance, id: jobId } = splitOutboundbot(ctx, id as string, 'call_id');
      const r = await execute(ctx, OPERATIONS.outboundbot.job, { InstanceId: instance, JobId: jobId });
      const job = rec(rec(r.sent ? r.output : undefined).Job);
      const tasks = arr(job.Tasks).map(rec);
      const latest = tasks[tasks.length - 1] ?? {};
      const transcript = arr(latest.Conversation)
        .map(rec)
        .map((c) => ({ speaker: str(c.Speaker) ?? '?', text: str(c.Script) ?? '', time: typeof c.Timestamp === 'number' ? new Date(c.Timestamp).toISOString() : str(c.Timestamp) }));
      return { result: { ...fromOutboundbotJob(job), callId: q.call_id }, transcript };
    }
    case 'volcengine': {
      if (!q.call_id) throw new ToolInputError('volcengine needs call_id (a call-record ID or the call_id place_call returned)');
      return { result: await getCallResult(ctx, { provider: 'volcengine', call_id: q.call_id }), transcript: [] };
    }
    case 'pbx':
      return unsupported('pbx', 'get_task_call_detail', 'the PBX has no call tasks; use get_call_result.');
  }
}

export async function recordingUrl(ctx: ToolContext, q: TaskCallQuery): Promise<{ url: string; note?: string }> {
  switch (q.provider) {
    case 'dyvms': {
      if (!q.task_id || !q.callee) unsupported('dyvms', 'a recording without task_id and callee', 'dyvms keeps recordings of robot-task calls: pass task_id and callee.');
      const detail = await taskCallDetail(ctx, q);
      if (!detail.recording) throw new CallbridgeError({ kind: 'vendor', vendor: 'dyvms', code: 'NoRecording', message: 'this call has no recording (recordStatus says none, or the call was not answered)' });
      return { url: detail.recording, note: 'signed URL; it expires' };
    }
    case 'outboundbot': {
      if (!q.call_id) throw new ToolInputError('outboundbot needs call_id (a job ID from list_task_calls)');
      const { instance, id } = splitOutboundbot(ctx, q.call_id, 'call_id');
      const job = await execute(ctx, OPERATIONS.outboundbot.job, { InstanceId: instance, JobId: id });
      const tasks = arr(rec(rec(job.sent ? job.output : undefined).Job).Tasks).map(rec);
      const attempt = [...tasks].reverse().find((t) => Number(t.Duration) > 0) ?? tasks[tasks.length - 1];
      const attemptId = attempt && str(attempt.TaskId);
      if (!attemptId) throw new CallbridgeError({ kind: 'vendor', vendor: 'outboundbot', code: 'NoRecording', message: 'this job has no call attempt yet, so no recording' });
      const r = await execute(ctx, OPERATIONS.outboundbot.recording, { InstanceId: instance, TaskId: attemptId });
      const url = str(rec(rec(r.sent ? r.output : undefined).DownloadParams).SignatureUrl);
      if (!url) throw new CallbridgeError({ kind: 'vendor', vendor: 'outboundbot', code: 'NoRecording', message: 'the vendor returned no recording URL' });
      return { url, note: 'signed URL; it expires and grants access to the recording: treat it as a secret' };
    }
    case 'volcengine': {
      if (!q.call_id) throw new ToolInputError('volcengine needs call_id');
      let recordId = q.call_id;
      try {
        const single = await execute(ctx, OPERATIONS.volcengine.single, { SingleOpenId: q.call_id });
        recordId = str(rec(rec(single.sent ? single.output : undefined).Result).CallUuid) ?? recordId;
      } catch (error) {
        if (!(error instanceof CallbridgeError && error.kind === 'vendor')) throw error;
      }
      const r = await execute(ctx, OPERATIONS.volcengine.recording, { CallId: recordId });
      const url = str(rec(rec(r.sent ? r.output : undefined).Result).AudioRecordFileUrl);
      if (!url) throw new CallbridgeError({ kind: 'vendor', vendor: 'volcengine', code: 'NoRecording', message: 'the vendor returned no recording URL' });
      return { url, note: 'signed URL, valid about three hours' };
    }
    case 'pbx':
      return unsupported('pbx', 'get_recording_url', 'PBX recordings are downloaded with the session token, which this server never hands out; the recording file name is in the NewCdr event.');
  }
}
