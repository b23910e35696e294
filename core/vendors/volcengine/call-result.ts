// Volcengine call results: call records (QueryCallRecordMsg, PascalCase; CDR push, camelCase) and one-off calls.
import { finish, toIsoTime, type CallResult, type CodeMeaning } from '../../call-result.js';
import { asRecord, number, pick, text, type Rec } from '../read.js';


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


const AUDIO_LINKS = ['audioRecordFileUrl', 'audioRecordLeftFileUrl', 'audioRecordRightFileUrl'];

/** A recording push: the call's recording links. */
function volcengineAudio(message: Rec): CallResult {
  const link = AUDIO_LINKS.map((k) => message[k]).find((v) => typeof v === 'string' && v);
  const result: CallResult = { provider: 'volcengine', status: 'completed', final: true, reason: 'recording available', raw: message };
  if (typeof message.callId === 'string') result.callId = message.callId;
  if (typeof message.ext === 'string' && message.ext) result.outId = message.ext;
  if (typeof link === 'string') result.recording = link;
  return result;
}

/** One push: a call record (CallRecord) or a recording (Audio). */
export function volcengineReceipt(message: Rec): { eventType: string; result: CallResult } {
  const audio = AUDIO_LINKS.some((k) => k in message);
  return audio ? { eventType: 'Audio', result: volcengineAudio(message) } : { eventType: 'CallRecord', result: fromVolcengineCallRecord(message) };
}
