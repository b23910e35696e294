// The vendor-neutral call result: one shape for "what happened to this call" on every back end,
// mapped from query responses (dyvms, outboundbot, Volcengine, PBX) and from receipt events
// (Alibaba VoiceReport/VoiceCallReport/VoiceRecordReport, Volcengine CDR push, PBX events).
// Pure functions: no I/O, no clock. Status codes: docs/research/*.md.
import { z } from 'zod';
import type { Product } from './operation.js';

export const CALL_STATUSES = ['queued', 'ringing', 'answered', 'completed', 'no_answer', 'busy', 'failed', 'unknown'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** Statuses after which nothing more will happen to the call. */
export const FINAL_STATUSES: ReadonlySet<CallStatus> = new Set(['completed', 'no_answer', 'busy', 'failed']);

export type HangupSide = 'callee' | 'caller';

export interface CallResult {
  provider: Product;
  /** The vendor's call ID (or the ID callbridge returned when the call was placed). */
  callId?: string;
  status: CallStatus;
  /** True when the result will not change any more (a final status, or a vendor that no longer knows the call). */
  final: boolean;
  /** The vendor's own status code or text, e.g. "200003", "NoAnswer", "ANSWERED". */
  vendorStatus?: string;
  /** Plain-English detail of the status, e.g. "powered off". */
  reason?: string;
  callee?: string;
  caller?: string;
  /** Your correlation ID (OutId / Ext / referenceId) when the vendor echoes it. */
  outId?: string;
  /** When the call was started (dialled), ISO 8601. */
  startTime?: string;
  /** When the callee answered, ISO 8601. */
  answerTime?: string;
  /** When the call ended, ISO 8601. */
  endTime?: string;
  /** Talk time in seconds (0 when not answered). */
  durationSeconds?: number;
  /** Who hung up: the callee, or the calling side (robot, platform, extension). */
  hangupSide?: HangupSide;
  /** Keys the callee pressed. */
  dtmf?: string;
  /** Recording URL or file name when the record carries one. */
  recording?: string;
  /** The vendor record this result was mapped from. */
  raw: unknown;
}

export const callResultSchema = z.object({
  provider: z.enum(['dyvms', 'outboundbot', 'volcengine', 'pbx']),
  callId: z.string().optional(),
  status: z.enum(CALL_STATUSES),
  final: z.boolean().describe('true when the result will not change any more'),
  vendorStatus: z.string().optional(),
  reason: z.string().optional(),
  callee: z.string().optional(),
  caller: z.string().optional(),
  outId: z.string().optional(),
  startTime: z.string().optional(),
  answerTime: z.string().optional(),
  endTime: z.string().optional(),
  durationSeconds: z.number().optional(),
  hangupSide: z.enum(['callee', 'caller']).optional(),
  dtmf: z.string().optional(),
  recording: z.string().optional(),
  raw: z.unknown(),
});

export interface MapOptions {
  /**
   * UTC offset of vendor wall-clock times ("yyyy-MM-dd HH:mm:ss"). Alibaba and Volcengine use Beijing
   * time (+08:00, the default). For a PBX pass its own offset; with `null` local times are returned
   * without an offset.
   */
  utcOffset?: string | null;
}

// ---------------------------------------------------------------------------------------------
// small lenient readers

type Rec = Record<string, unknown>;

function asRecord(value: unknown): Rec | undefined {
  if (typeof value === 'string') {
    const t = value.trim();
    if (t.startsWith('{')) {
      try {
        return asRecord(JSON.parse(t));
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Rec) : undefined;
}

function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string' && value.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      return Array.isArray(parsed) ? parsed : [];
    } catch {
      return [];
    }
  }
  return value === undefined || value === null || value === '' ? [] : [value];
}

/** First present, non-empty value among keys (case-sensitive, in order). */
function pick(rec: Rec, ...keys: string[]): unknown {
  for (const key of keys) {
    const v = rec[key];
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

function text(rec: Rec, ...keys: string[]): string | undefined {
  const v = pick(rec, ...keys);
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function number(rec: Rec, ...keys: string[]): number | undefined {
  const v = pick(rec, ...keys);
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

const WALL_CLOCK = /^(\d{4})[-.](\d{2})[-.](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/;

/** Converts vendor times (wall-clock strings, epoch ms or s) to ISO 8601. Unparseable values are returned as is. */
export function toIsoTime(value: unknown, utcOffset: string | null = '+08:00'): string | undefined {
  if (value === undefined || value === null || value === '' || value === 0 || value === '0') return undefined;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{10,13}$/.test(value.trim()))) {
    const n = Number(value);
    const ms = n < 1e11 ? n * 1000 : n;
    const date = new Date(ms);
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
  }
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  const m = WALL_CLOCK.exec(trimmed);
  if (!m) return trimmed;
  const local = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}`;
  return utcOffset === null ? local : `${local}${utcOffset}`;
}

function finish(result: Omit<CallResult, 'final'> & { final?: boolean }): CallResult {
  const out: CallResult = { ...result, final: result.final ?? FINAL_STATUSES.has(result.status) };
  // Drop undefined keys so results serialise compactly and compare cleanly.
  for (const key of Object.keys(out) as Array<keyof CallResult>) if (out[key] === undefined && key !== 'raw') delete out[key];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Alibaba carrier status codes (docs/research/alibaba-receipts.md §4)

interface CodeMeaning {
  status: CallStatus;
  reason: string;
}

const ALIBABA_FINAL_CODES: Record<string, CodeMeaning> = {
  '200000': { status: 'completed', reason: 'answered; the callee heard the whole message' },
  '200001': { status: 'completed', reason: 'answered; the callee hung up before the end' },
  '200002': { status: 'busy', reason: 'line busy' },
  '200003': { status: 'no_answer', reason: 'rang, not answered' },
  '200004': { status: 'failed', reason: 'invalid number' },
  '200005': { status: 'failed', reason: 'unreachable (carrier, rejected or flagged)' },
  '200006': { status: 'failed', reason: 'voice file could not be played' },
  '200007': { status: 'failed', reason: 'out of service area' },
  '200008': { status: 'completed', reason: 'answered; key-press timed out' },
  '200010': { status: 'failed', reason: 'powered off' },
  '200011': { status: 'failed', reason: 'number suspended' },
  '200012': { status: 'failed', reason: 'call loss (restricted)' },
  '200104': { status: 'failed', reason: 'caller number restricted' },
  '200105': { status: 'failed', reason: 'callee number restricted' },
  '200111': { status: 'busy', reason: 'callee rejected the call' },
  '200112': { status: 'busy', reason: 'callee busy' },
  '200113': { status: 'no_answer', reason: 'callee did not answer' },
  '200116': { status: 'failed', reason: 'invalid callee number' },
  '200117': { status: 'failed', reason: 'caller ID not allowed' },
  '200118': { status: 'failed', reason: 'carrier time-window restriction' },
  '200119': { status: 'failed', reason: 'carrier frequency restriction' },
  '200120': { status: 'failed', reason: 'callee out of service area' },
  '200121': { status: 'failed', reason: 'over concurrency' },
  '999999': { status: 'failed', reason: 'vendor system error' },
  '500': { status: 'failed', reason: 'carrier error' },
  '400': { status: 'failed', reason: 'network element busy' },
  '482': { status: 'failed', reason: 'callee unavailable' },
  '476': { status: 'failed', reason: 'number reclaimed' },
};

/** Intermediate codes of a single call (VoiceCallReport). */
const ALIBABA_PROGRESS_CODES: Record<string, CodeMeaning> = {
  '200101': { status: 'queued', reason: 'call started' },
  '200201': { status: 'ringing', reason: 'callee ringing' },
  '200102': { status: 'answered', reason: 'callee answered' },
  '200103': { status: 'answered', reason: 'in conversation' },
  '300000': { status: 'answered', reason: 'key pressed' },
};

const SMART_STATUS: Record<string, CodeMeaning> = {
  ANSWERED: { status: 'completed', reason: 'answered' },
  CANCEL: { status: 'failed', reason: 'cancelled by the caller' },
  CALL_REJECTED: { status: 'busy', reason: 'callee rejected the call' },
  CALL_FORWARDING: { status: 'failed', reason: 'call forwarded' },
  INCOMING_CALL_BARRED: { status: 'failed', reason: 'incoming calls barred' },
  INVALID_NUMBER: { status: 'failed', reason: 'invalid number' },
  NO_ANSWER: { status: 'no_answer', reason: 'not answered' },
  NO_USER_RESPONDING: { status: 'failed', reason: 'out of service area' },
  NETWORK_BUSY: { status: 'failed', reason: 'network busy' },
  OPERATOR_BLOCK: { status: 'failed', reason: 'blocked by the carrier' },
  POWERED_OFF: { status: 'failed', reason: 'powered off' },
  SUSPEND: { status: 'failed', reason: 'number suspended' },
  USER_BUSY: { status: 'busy', reason: 'line busy' },
  UNAVAILABLE: { status: 'failed', reason: 'temporarily unavailable' },
  OTHER: { status: 'failed', reason: 'other' },
  OTHERS: { status: 'failed', reason: 'other' },
};

/** Meaning of an Alibaba carrier status code; unknown codes fall back on the talk time. */
export function alibabaStatus(code: string | undefined, durationSeconds?: number): CodeMeaning {
  if (code && ALIBABA_FINAL_CODES[code]) return ALIBABA_FINAL_CODES[code];
  if (code && ALIBABA_PROGRESS_CODES[code]) return ALIBABA_PROGRESS_CODES[code];
  if (durationSeconds !== undefined && durationSeconds > 0) return { status: 'completed', reason: 'answered' };
  if (code) return { status: 'failed', reason: `carrier code ${code}` };
  return { status: 'unknown', reason: 'no status yet' };
}

function alibabaHangup(value: string | undefined): HangupSide | undefined {
  if (!value) return undefined;
  if (value === '用户' || /^(user|callee|bleg)$/i.test(value)) return 'callee';
  if (value === '机器' || /^(machine|robot|platform|aleg)$/i.test(value)) return 'caller';
  return undefined;
}

/**
 * dyvms QueryCallDetailByCallId: the `Data` value (a JSON string or the parsed object).
 * `state` carries the carrier status code. An empty Data means the record is not there yet.
 */
export function fromDyvmsCallDetail(data: unknown, callId?: string, options: MapOptions = {}): CallResult {
  const rec = asRecord(data);
  const offset = options.utcOffset === undefined ? '+08:00' : options.utcOffset;
  if (!rec || Object.keys(rec).length === 0) {
    return finish({ provider: 'dyvms', callId, status: 'unknown', reason: 'no call record yet (records appear after the call)', raw: data ?? null });
  }
  const duration = number(rec, 'duration');
  const code = text(rec, 'state', 'stateDesc');
  const meaning = alibabaStatus(code, duration);
  return finish({
    provider: 'dyvms',
    callId: text(rec, 'callId', 'CallId') ?? callId,
    status: meaning.status,
    vendorStatus: code,
    reason: meaning.reason,
    callee: text(rec, 'callee'),
    caller: text(rec, 'callerShowNumber', 'caller'),
    startTime: toIsoTime(pick(rec, 'gmtCreate', 'aRingTime'), offset),
    answerTime: toIsoTime(pick(rec, 'startDate'), offset),
    endTime: toIsoTime(pick(rec, 'endDate', 'bEndTime', 'aEndTime'), offset),
    durationSeconds: duration,
    hangupSide: alibabaHangup(text(rec, 'hangupDirection', 'hangup_direction')),
    dtmf: text(rec, 'dtmf'),
    outId: text(rec, 'outId', 'out_id'),
    raw: data,
  });
}

/**
 * One record of dyvms QueryRobotTaskCallList / QueryRobotTaskCallDetail.
 * In the responses hangupDirection 1 = user (callee), 0 = robot (the request filter is inverted; see seed defects).
 */
export function fromDyvmsRobotCall(record: unknown, options: MapOptions = {}): CallResult {
  const rec = asRecord(record) ?? {};
  const offset = options.utcOffset === undefined ? '+08:00' : options.utcOffset;
  const duration = number(rec, 'duration');
  const code = text(rec, 'callResult');
  const meaning = alibabaStatus(code, duration);
  const hangup = text(rec, 'hangupDirection');
  return finish({
    provider: 'dyvms',
    callId: text(rec, 'callId', 'CallId'),
    status: meaning.status,
    vendorStatus: code,
    reason: meaning.reason,
    callee: text(rec, 'called', 'callee'),
    caller: text(rec, 'caller'),
    startTime: toIsoTime(pick(rec, 'callStartTime'), offset),
    endTime: toIsoTime(pick(rec, 'callEndTime'), offset),
    durationSeconds: duration,
    hangupSide: hangup === '1' ? 'callee' : hangup === '0' ? 'caller' : undefined,
    recording: text(rec, 'recordFile'),
    raw: record,
  });
}

// ---------------------------------------------------------------------------------------------
// Alibaba receipts (HTTP batch push: a JSON array of these)

/** VoiceReport (final CDR), VoiceCallReport (intermediate status) or VoiceRecordReport (recording). */
export function fromAlibabaReceipt(message: unknown, options: MapOptions = {}): CallResult {
  const rec = asRecord(message) ?? {};
  const offset = options.utcOffset === undefined ? '+08:00' : options.utcOffset;
  const code = text(rec, 'status_code');
  const smart = text(rec, 'smart_status_code');
  const duration = number(rec, 'duration', 'b_duration');
  const common = {
    provider: 'dyvms' as const,
    callId: text(rec, 'call_id'),
    outId: text(rec, 'out_id'),
    dtmf: text(rec, 'dtmf'),
    raw: message,
  };
  if (rec.status_time !== undefined) {
    // VoiceCallReport: progress of a call in flight.
    let meaning = code ? ALIBABA_PROGRESS_CODES[code] : undefined;
    if (code === '200100') {
      // "call ended": the final result is in VoiceReport; judge by smart_status_code when present.
      meaning = smart && SMART_STATUS[smart] ? SMART_STATUS[smart] : { status: 'unknown', reason: 'call ended; result follows in VoiceReport' };
      return finish({ ...common, status: meaning.status, final: true, vendorStatus: code, reason: meaning.reason, endTime: toIsoTime(rec.status_time, offset) });
    }
    meaning ??= alibabaStatus(code);
    return finish({ ...common, status: meaning.status, vendorStatus: code, reason: meaning.reason });
  }
  if (rec.record_file !== undefined) {
    const meaning = alibabaStatus(code, duration);
    return finish({
      ...common,
      status: meaning.status,
      vendorStatus: code,
      reason: meaning.reason,
      answerTime: toIsoTime(rec.start_time, offset),
      endTime: toIsoTime(rec.end_time, offset),
      durationSeconds: duration,
      recording: text(rec, 'record_file'),
    });
  }
  let meaning = alibabaStatus(code, duration);
  if (!code && smart && SMART_STATUS[smart]) meaning = SMART_STATUS[smart];
  return finish({
    ...common,
    status: meaning.status,
    vendorStatus: code ?? smart,
    reason: meaning.reason,
    callee: text(rec, 'callee'),
    caller: text(rec, 'caller', 'caller_show_num'),
    startTime: toIsoTime(pick(rec, 'originate_time', 'b_originate_time'), offset),
    answerTime: toIsoTime(pick(rec, 'start_time', 'b_start_time'), offset),
    endTime: toIsoTime(pick(rec, 'end_time', 'b_end_time'), offset),
    durationSeconds: duration,
    hangupSide: alibabaHangup(text(rec, 'hangup_direction')),
  });
}

// ---------------------------------------------------------------------------------------------
// Outbound Bot jobs (DescribeJob / ListJobsByGroup / QueryJobs items)

const FAILURE_REASONS: Record<string, CodeMeaning> = {
  noanswer: { status: 'no_answer', reason: 'not answered' },
  notanswered: { status: 'no_answer', reason: 'not answered' },
  userbusy: { status: 'busy', reason: 'line busy' },
  busy: { status: 'busy', reason: 'line busy' },
  callerrejected: { status: 'busy', reason: 'callee rejected the call' },
  rejected: { status: 'busy', reason: 'callee rejected the call' },
  poweredoff: { status: 'failed', reason: 'powered off' },
  notexists: { status: 'failed', reason: 'invalid number' },
  emptynumber: { status: 'failed', reason: 'invalid number' },
  outofservice: { status: 'failed', reason: 'out of service' },
  inarrears: { status: 'failed', reason: 'callee number in arrears' },
};

function failureMeaning(reason: string | undefined): CodeMeaning {
  const key = (reason ?? '').replace(/[^a-z]/gi, '').toLowerCase();
  return FAILURE_REASONS[key] ?? { status: 'failed', reason: reason ? `failed: ${reason}` : 'failed' };
}

function outboundbotHangup(value: string | undefined): HangupSide | undefined {
  if (!value) return undefined;
  if (/^(client|contact|customer|user|callee)$/i.test(value)) return 'callee';
  if (/^(robot|agent|system|platform|bot)$/i.test(value)) return 'caller';
  return undefined;
}

function latestTask(job: Rec): Rec | undefined {
  const tasks = asArray(job.Tasks ?? (asRecord(job.Tasks)?.List as unknown)).map(asRecord).filter((t): t is Rec => !!t);
  if (!tasks.length) return undefined;
  return tasks.reduce((a, b) => ((number(b, 'ActualTime', 'PlanedTime', 'PlannedTime') ?? 0) >= (number(a, 'ActualTime', 'PlanedTime', 'PlannedTime') ?? 0) ? b : a));
}

/** One Outbound Bot job; the call facts come from its latest task (call attempt). */
export function fromOutboundbotJob(job: unknown): CallResult {
  const rec = asRecord(job) ?? {};
  const task = latestTask(rec);
  const jobStatus = text(rec, 'Status');
  const contact = asRecord(asArray(rec.Contacts)[0]) ?? asRecord(task?.Contact);
  const duration = task ? number(task, 'Duration') : undefined;
  let meaning: CodeMeaning;
  switch ((jobStatus ?? '').toLowerCase()) {
    case 'succeeded':
      meaning = { status: 'completed', reason: 'call completed' };
      break;
    case 'failed':
      meaning = failureMeaning(text(rec, 'FailureReason') ?? (task ? text(task, 'EndReason', 'Status') : undefined));
      break;
    case 'cancelled':
      meaning = { status: 'failed', reason: 'job cancelled' };
      break;
    case 'executing':
      meaning = duration && duration > 0 ? { status: 'answered', reason: 'in conversation' } : { status: 'ringing', reason: 'calling' };
      break;
    case 'scheduling':
    case 'paused':
    case 'drafted':
      meaning = { status: 'queued', reason: `job ${jobStatus?.toLowerCase()}` };
      break;
    default:
      meaning = { status: 'unknown', reason: jobStatus ? `job status ${jobStatus}` : 'no status' };
  }
  return finish({
    provider: 'outboundbot',
    callId: (task && text(task, 'CallId')) ?? text(rec, 'JobId'),
    status: meaning.status,
    vendorStatus: jobStatus,
    reason: meaning.reason,
    callee: (task && text(task, 'CalledNumber')) ?? (contact && text(contact, 'PhoneNumber', 'phonenumber')) ?? text(rec, 'CalledNumber'),
    caller: task && text(task, 'CallingNumber'),
    outId: text(rec, 'ReferenceId') ?? (contact && text(contact, 'ReferenceId', 'referenceId')),
    startTime: task ? toIsoTime(pick(task, 'ActualTime')) : toIsoTime(pick(rec, 'ActualTime')),
    endTime: task ? toIsoTime(pick(task, 'EndTime')) : undefined,
    durationSeconds: duration,
    hangupSide: task ? outboundbotHangup(text(task, 'HangUpDirection', 'HangupDirection')) : undefined,
    raw: job,
  });
}

// ---------------------------------------------------------------------------------------------
// Volcengine call records (QueryCallRecordMsg, PascalCase; CDR push, camelCase)

const VOLC_RESULTS: Record<number, CodeMeaning> = {
  1: { status: 'completed', reason: 'answered' },
  2: { status: 'failed', reason: 'powered off' },
  3: { status: 'failed', reason: 'number suspended' },
  4: { status: 'failed', reason: 'invalid number' },
  5: { status: 'failed', reason: 'caller hung up before answer' },
  6: { status: 'failed', reason: 'temporarily unreachable' },
  7: { status: 'no_answer', reason: 'not answered' },
  8: { status: 'busy', reason: 'callee busy' },
  9: { status: 'busy', reason: 'callee rejected the call' },
  10: { status: 'failed', reason: 'callee unreachable' },
  11: { status: 'failed', reason: 'line busy' },
  12: { status: 'failed', reason: 'no permission to call' },
  14: { status: 'failed', reason: 'network busy' },
  15: { status: 'failed', reason: 'routing failed' },
  17: { status: 'failed', reason: 'outgoing calls restricted' },
  18: { status: 'failed', reason: 'incoming calls restricted' },
  19: { status: 'no_answer', reason: 'timed out' },
  20: { status: 'failed', reason: 'platform error' },
  21: { status: 'failed', reason: 'hung up before ringing' },
  22: { status: 'no_answer', reason: 'rang, not answered' },
  28: { status: 'no_answer', reason: 'not picked up in time' },
  29: { status: 'failed', reason: 'callee on a blacklist' },
  30: { status: 'failed', reason: 'call frequency exceeded' },
  31: { status: 'failed', reason: 'account concurrency exceeded' },
  32: { status: 'failed', reason: 'trunk concurrency exceeded' },
  33: { status: 'failed', reason: 'account, service or number check failed' },
  34: { status: 'failed', reason: 'no caller number available' },
};

/** A Volcengine call record, from QueryCallRecordMsg (PascalCase) or the CDR push (camelCase). */
export function fromVolcengineCallRecord(record: unknown): CallResult {
  const rec = asRecord(record) ?? {};
  const code = number(rec, 'CallResult', 'callResult');
  const duration = number(rec, 'CallDuration', 'callDuration');
  const meaning: CodeMeaning =
    code !== undefined
      ? (VOLC_RESULTS[code] ?? (duration && duration > 0 ? { status: 'completed', reason: 'answered' } : { status: 'failed', reason: `call result ${code}` }))
      : { status: 'unknown', reason: 'no call result yet' };
  const digits = pick(rec, 'Digits', 'digits');
  return finish({
    provider: 'volcengine',
    callId: text(rec, 'CallId', 'callId'),
    status: meaning.status,
    vendorStatus: code === undefined ? undefined : String(code),
    reason: meaning.reason,
    callee: text(rec, 'Callee', 'callee'),
    caller: text(rec, 'CallerShowNumber', 'callerShowNumber', 'Caller', 'caller'),
    outId: text(rec, 'Ext', 'ext', 'UserData', 'userData'),
    startTime: toIsoTime(pick(rec, 'BeginCallTime', 'beginCallTime')),
    answerTime: toIsoTime(pick(rec, 'StartTime', 'startTime', 'CalleeAnswerTime', 'calleeAnswerTime')),
    endTime: toIsoTime(pick(rec, 'EndTime', 'endTime')),
    durationSeconds: duration,
    dtmf: Array.isArray(digits) ? digits.map(String).join('') : typeof digits === 'string' ? digits : undefined,
    raw: record,
  });
}

/** Volcengine QuerySingleInfo Result (a SingleBatchAppend call before its CDR is available). */
export function fromVolcengineSingleInfo(info: unknown, callId?: string): CallResult {
  const rec = asRecord(info) ?? {};
  const state = text(rec, 'State');
  const meanings: Record<string, CodeMeaning> = {
    '1': { status: 'queued', reason: 'waiting to be dialled' },
    '2': { status: 'ringing', reason: 'call in progress' },
    '3': { status: 'completed', reason: 'finished' },
    '4': { status: 'queued', reason: 'waiting for a redial' },
    '5': { status: 'failed', reason: 'deleted' },
  };
  const duration = number(rec, 'Duration');
  let meaning: CodeMeaning = (state ? meanings[state] : undefined) ?? { status: 'unknown', reason: state ? `state ${state}` : 'no state' };
  if (state === '3' && !duration) meaning = { status: 'unknown', reason: 'finished; the call record tells the outcome' };
  return finish({
    provider: 'volcengine',
    callId: text(rec, 'SingleOpenId') ?? callId,
    status: meaning.status,
    final: state === '3' || state === '5',
    vendorStatus: state,
    reason: meaning.reason,
    callee: text(rec, 'Phone'),
    outId: text(rec, 'Ext'),
    startTime: toIsoTime(pick(rec, 'CreateTime')),
    endTime: toIsoTime(pick(rec, 'ReleaseTime')),
    durationSeconds: duration,
    raw: info,
  });
}

// ---------------------------------------------------------------------------------------------
// PBX (Yeastar S-Series family)

const PBX_CDR_STATUS: Record<string, CodeMeaning> = {
  ANSWERED: { status: 'completed', reason: 'answered' },
  ANSWERD: { status: 'completed', reason: 'answered' },
  'NO ANSWER': { status: 'no_answer', reason: 'not answered' },
  'NO ANSWERED': { status: 'no_answer', reason: 'not answered' },
  BUSY: { status: 'busy', reason: 'line busy' },
  VOICEMAIL: { status: 'completed', reason: 'went to voicemail' },
  FAILED: { status: 'failed', reason: 'failed' },
};

/** A PBX NewCdr record (event or CDR query). */
export function fromPbxCdr(cdr: unknown, options: MapOptions = {}): CallResult {
  const rec = asRecord(cdr) ?? {};
  const offset = options.utcOffset === undefined ? null : options.utcOffset;
  const status = (text(rec, 'status', 'disposition') ?? '').toUpperCase();
  const meaning = PBX_CDR_STATUS[status] ?? { status: 'unknown' as CallStatus, reason: status ? `status ${status}` : 'no status' };
  const start = toIsoTime(pick(rec, 'timestart'), offset);
  const talk = number(rec, 'talkduraction', 'talkduration');
  const total = number(rec, 'callduraction', 'callduration');
  return finish({
    provider: 'pbx',
    callId: text(rec, 'callid', 'cdrid'),
    status: meaning.status,
    final: true,
    vendorStatus: status || undefined,
    reason: meaning.reason,
    callee: text(rec, 'callto'),
    caller: text(rec, 'callfrom'),
    startTime: start,
    durationSeconds: talk ?? (meaning.status === 'completed' ? total : 0),
    recording: text(rec, 'recording'),
    raw: cdr,
  });
}

const PBX_MEMBER_STATUS: Record<string, CodeMeaning> = {
  ALERT: { status: 'ringing', reason: 'ringing (caller hears ring-back)' },
  RING: { status: 'ringing', reason: 'callee ringing' },
  RINGING: { status: 'ringing', reason: 'callee ringing' },
  ANSWERED: { status: 'answered', reason: 'answered' },
  ANSWER: { status: 'answered', reason: 'answered' },
  TALKING: { status: 'answered', reason: 'talking' },
  HOLD: { status: 'answered', reason: 'on hold' },
  BYE: { status: 'completed', reason: 'hung up' },
};

function pbxFailure(reason: string | undefined): CodeMeaning {
  const r = reason ?? '';
  if (/486|busy/i.test(r)) return { status: 'busy', reason: r };
  if (/480|487|no answer|timeout/i.test(r)) return { status: 'no_answer', reason: r };
  if (/603|declin/i.test(r)) return { status: 'busy', reason: r };
  return { status: 'failed', reason: r || 'call failed' };
}

/** PBX call query: 1.x `outbound/query` items ({outboundid, from, to, status}) or 2.0 `call/query` calls ({callid, members}). */
export function fromPbxCall(call: unknown): CallResult {
  const rec = asRecord(call) ?? {};
  const members = asArray(rec.members).map(asRecord).filter((m): m is Rec => !!m);
  let status: string | undefined;
  let callee: string | undefined;
  let caller: string | undefined;
  if (members.length) {
    // The external leg (outbound/inbound) tells the call's state; fall back on any member.
    const legs = members.map((m) => asRecord(m.outbound) ?? asRecord(m.inbound) ?? asRecord(m.ext)).filter((l): l is Rec => !!l);
    const external = members.map((m) => asRecord(m.outbound) ?? asRecord(m.inbound)).find((l): l is Rec => !!l);
    const leg = external ?? legs[0];
    status = leg && text(leg, 'memberstatus');
    callee = external && text(external, 'to');
    caller = external && text(external, 'from');
  } else {
    status = text(rec, 'status');
    callee = text(rec, 'to');
    caller = text(rec, 'from');
  }
  const key = (status ?? '').toUpperCase();
  const meaning = PBX_MEMBER_STATUS[key] ?? { status: 'unknown' as CallStatus, reason: status ? `status ${status}` : 'no status' };
  return finish({
    provider: 'pbx',
    callId: text(rec, 'callid', 'outboundid', 'inboundid'),
    status: meaning.status,
    vendorStatus: status,
    reason: meaning.reason,
    callee,
    caller,
    raw: call,
  });
}

/** The PBX no longer knows the call (errno 10007): it has ended; its outcome is only in the NewCdr event. */
export function pbxCallGone(callId: string, raw: unknown): CallResult {
  return finish({
    provider: 'pbx',
    callId,
    status: 'unknown',
    final: true,
    reason: 'the call has ended; the PBX reports its outcome only in the NewCdr event (use the receipt trigger)',
    raw,
  });
}

/** A PBX event report: 1.x (`action`) or 2.0 (`event`) format. */
export function fromPbxEvent(event: unknown, options: MapOptions = {}): CallResult {
  const rec = asRecord(event) ?? {};
  const kind = text(rec, 'event', 'action') ?? '';
  if (/^newcdr$/i.test(kind)) return fromPbxCdr(event, options);
  const callId = text(rec, 'callid');
  const outbound = asRecord(rec.outbound) ?? asRecord(asArray(rec.call).map(asRecord).find((c) => c?.outbound)?.outbound);
  const base = {
    provider: 'pbx' as const,
    callId,
    callee: outbound && text(outbound, 'to'),
    caller: outbound && text(outbound, 'from'),
    raw: event,
  };
  if (/^callstatus$/i.test(kind)) return { ...fromPbxCall(event), raw: event };
  if (/^callfailed$/i.test(kind)) {
    const meaning = pbxFailure(text(rec, 'reason'));
    return finish({ ...base, status: meaning.status, vendorStatus: kind, reason: meaning.reason });
  }
  if (/^dtmf$/i.test(kind)) return finish({ ...base, status: 'answered', vendorStatus: kind, reason: 'key pressed', dtmf: text(rec, 'info', 'dtmf') });
  if (/^playpromptend$/i.test(kind)) return finish({ ...base, status: 'answered', vendorStatus: kind, reason: 'prompt finished playing' });
  const meaning = PBX_MEMBER_STATUS[kind.toUpperCase()] ?? { status: 'unknown' as CallStatus, reason: kind ? `event ${kind}` : 'unrecognised event' };
  return finish({ ...base, status: meaning.status, vendorStatus: kind || undefined, reason: meaning.reason });
}

// ---------------------------------------------------------------------------------------------

/**
 * Maps a receipt POST body to call results. Alibaba pushes a JSON array; Volcengine one flat CDR
 * object (camelCase); a PBX one event object. Items that are not objects are skipped.
 */
export function callResultsFromReceipt(vendor: 'alibaba' | 'volcengine' | 'pbx', body: unknown, options: MapOptions = {}): CallResult[] {
  const parsed = typeof body === 'string' ? (asRecord(body) ?? asArray(body)) : body;
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items
    .filter((item) => asRecord(item))
    .map((item) =>
      vendor === 'alibaba' ? fromAlibabaReceipt(item, options) : vendor === 'volcengine' ? fromVolcengineCallRecord(item) : fromPbxEvent(item, options),
    );
}
