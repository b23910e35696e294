// Alibaba call results: dyvms call records and robot-task calls, VMS receipts, Outbound Bot jobs.
import { finish, toIsoTime, type CallResult, type CodeMeaning, type HangupSide, type MapOptions } from '../../call-result.js';
import { asArray, asRecord, number, pick, text, type Rec } from '../read.js';


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


/** One message of a VMS receipt push: its report type and call result. */
export function alibabaReceipt(message: Rec, options: MapOptions): { eventType: string; result: CallResult } {
  const eventType = message.status_time !== undefined ? 'VoiceCallReport' : message.record_file !== undefined ? 'VoiceRecordReport' : 'VoiceReport';
  return { eventType, result: fromAlibabaReceipt(message, options) };
}
