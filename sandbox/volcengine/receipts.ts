// What Volcengine reports about a call: record fields, recording links, and the CDR / recording pushes
// (with the callback authCode).
import { createHash } from 'node:crypto';
import type { PlacedCall, SandboxContext } from '../types.js';
import { signPath } from '../sim-util.js';
import { type CallRecord, RECORDING_TTL_S, type Task, VOLC_ACCOUNT_ID, VOLC_CALLBACK_AUTH_TOKEN, VOLC_PUSH_RETRY_MS, VOLC_RECEIPT_KEYS } from './state.js';

/** Volcengine callResult for a call outcome. */
export function callResult(call: PlacedCall): number {
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

export function recordingLinks(record: CallRecord, realNow: number) {
  const expires = Math.floor(realNow / 1000) + RECORDING_TTL_S;
  const link = (suffix: string) => {
    const path = `/recordings/${record.callId}${suffix}.wav`;
    return `${record.baseUrl}${path}?x-expires=${expires}&x-signature=${signPath(path, expires)}`;
  };
  return { AudioRecordFileUrl: link(''), AudioRecordLeftFileUrl: link('-left'), AudioRecordRightFileUrl: link('-right') };
}

export function recordFields(record: CallRecord, style: 'Pascal' | 'camel'): Record<string, unknown> {
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

export function pushReceipts(record: CallRecord, ctx: SandboxContext, task?: Task): void {
  // The task's own URLs, else the account's console callback settings (sandbox: POST /_sandbox/config
  // {"receiptUrls": {"VolcengineCallRecord": "...", "VolcengineAudio": "..."}}).
  const cdrUrl = task?.callRecordPostUrl ?? ctx.config.receiptUrls?.[VOLC_RECEIPT_KEYS.callRecord];
  const audioUrl = task?.audioPostUrl ?? ctx.config.receiptUrls?.[VOLC_RECEIPT_KEYS.audio];
  if (cdrUrl) {
    const body = recordFields(record, 'camel');
    ctx.push(withCallbackAuth(cdrUrl, body, ctx.clock.realNow()), body, VOLC_PUSH_RETRY_MS, { kind: 'VolcengineCallRecord', timeoutMs: 5000 });
  }
  if (audioUrl && record.call?.status === 'completed') {
    const links = recordingLinks(record, ctx.clock.realNow());
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

export function callbackAuthCode(timestamp: number, body: string, authToken: string): string {
  const bodyHash = createHash('sha256').update(body, 'utf8').digest('hex');
  return createHash('sha256').update(`${timestamp}${bodyHash}${authToken}`, 'utf8').digest('hex');
}

export function withCallbackAuth(url: string, body: unknown, realNowMs: number): string {
  const timestamp = Math.floor(realNowMs / 1000);
  const code = callbackAuthCode(timestamp, JSON.stringify(body), VOLC_CALLBACK_AUTH_TOKEN);
  return `${url}${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&authCode=${code}`;
}
