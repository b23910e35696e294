// PBX call results: CDRs, call queries (1.x and 2.0) and event reports.
import { finish, toIsoTime, type CallResult, type CallStatus, type CodeMeaning, type MapOptions } from '../../call-result.js';
import { asArray, asRecord, number, pick, text, type Rec } from '../read.js';


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


/** One event report: its event name and call result. */
export function pbxReceipt(message: Rec, options: MapOptions): { eventType: string; result: CallResult } {
  return { eventType: String(message.event ?? message.action ?? 'unknown'), result: fromPbxEvent(message, options) };
}
