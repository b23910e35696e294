// PBX event reports (1.0.0, 1.0.2 and 2.0 formats): ring, answer and end of each call, pushed to the
// receiver named at login or heartbeat, or to the sandbox's pbxEventUrl.
import type { PlacedCall, SandboxContext } from '../types.js';
import { beijingDateTime } from '../sim-util.js';
import { endOf, members } from './calls.js';
import { type EventFormat, PBX_EVENT_RETRY_MS, PBX_SN, PBX_TRUNK, type PbxCall, type PbxState } from './state.js';

export function step(state: PbxState, ctx: SandboxContext): void {
  for (const call of [...state.active]) {
    report(state, call, ctx);
    if (call.done) state.active.delete(call);
  }
}

export function eventUrl(state: PbxState, call: PbxCall, ctx: SandboxContext): string | undefined {
  if (ctx.config.pbxEventUrl) return ctx.config.pbxEventUrl;
  const session = call.session;
  if (!session || !state.sessions.has(session.token)) return undefined;
  const { host, port, url, urltag } = session.target;
  if (url && urltag === '1') return /^https?:\/\//.test(url) ? url : `http://${url}`;
  const h = host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}/${(url ?? '').replace(/^\/+/, '')}`;
}

export function send(state: PbxState, call: PbxCall, ctx: SandboxContext, event: Record<string, unknown>): void {
  const url = eventUrl(state, call, ctx);
  if (!url) return;
  const body = call.format === '1.0.0' ? event : { ...event, sn: PBX_SN };
  ctx.push(url, body, PBX_EVENT_RETRY_MS, { kind: `PBX ${String(event.action ?? event.event)}`, timeoutMs: 3000 });
}

/** 1.x participants: 1.0.0 puts them at top level (one per key), 1.0.2 in a "call" array. */
export function parties(call: PbxCall, format: EventFormat): Record<string, unknown> {
  const list: Array<Record<string, unknown>> = [];
  if (call.kind === 'outbound') list.push({ outbound: { from: call.fromExt ?? '', to: call.target, trunk: PBX_TRUNK, outboundid: call.outboundid } });
  else list.push({ ext: { extid: call.target } });
  if (call.fromExt && call.kind === 'outbound') list.push({ ext: { extid: call.fromExt } });
  if (format === '1.0.2') return { call: list };
  return Object.assign({}, ...list.reverse()) as Record<string, unknown>;
}

export function event1x(call: PbxCall, action: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { action, callid: call.callid, ...parties(call, call.format), ...extra };
}

export function report(state: PbxState, call: PbxCall, ctx: SandboxContext): void {
  if (call.done) return;
  const placed = ctx.getCall(call.callid);
  if (!placed) return;
  const end = endOf(call, placed);
  const v2 = call.format === '2.0';
  const status = (s: string) => ({ event: 'CallStatus', callid: call.callid, members: members(call, placed, s) });
  if (placed.ringAt !== undefined && !call.reported.has('ring')) {
    call.reported.add('ring');
    send(state, call, ctx, v2 ? status('RING') : event1x(call, 'RING'));
  }
  const answered = placed.answerAt !== undefined && (end === undefined || placed.answerAt <= end);
  if (answered && !call.reported.has('answer')) {
    call.reported.add('answer');
    send(state, call, ctx, v2 ? status('ANSWER') : event1x(call, 'ANSWER'));
  }
  if (end === undefined) return;
  call.done = true;
  if (answered && call.prompt) {
    const promptEnd = v2 ? { event: 'PlayPromptEnd', callid: call.callid, members: members(call, placed, 'ANSWER'), prompt: call.prompt } : event1x(call, 'PlayPromptEnd', { prompt: call.prompt });
    send(state, call, ctx, promptEnd);
  }
  if (v2) send(state, call, ctx, status('BYE'));
  else if (answered) send(state, call, ctx, event1x(call, 'BYE'));
  else send(state, call, ctx, event1x(call, 'CallFailed', { reason: failureReason(call, placed) }));
  send(state, call, ctx, cdr(call, placed, end, answered));
}

export function failureReason(call: PbxCall, placed: PlacedCall): string {
  if (call.hungUpAt !== undefined) return '487 Request Terminated';
  const old = call.format === '1.0.0';
  switch (placed.status) {
    case 'busy':
      return old ? 'User busy' : '486 Busy Here';
    case 'no_answer':
      return old ? 'Line unreachable' : '480 Temporarily unavailable';
    case 'power_off':
      return old ? 'Line unreachable' : '480 Temporarily unavailable';
    default:
      return old ? 'Line unreachable' : '404 NOT found';
  }
}

export function cdr(call: PbxCall, placed: PlacedCall, end: number, answered: boolean): Record<string, unknown> {
  const from = call.fromExt ?? (call.kind === 'outbound' ? 'API' : '');
  const status = answered ? 'ANSWERED' : placed.status === 'busy' ? 'BUSY' : 'NO ANSWER';
  const talk = answered ? Math.max(0, Math.round((end - (placed.answerAt as number)) / 1000)) : 0;
  const type = call.kind === 'outbound' ? 'Outbound' : 'Internal';
  const stamp = beijingDateTime(placed.createdAt);
  const recording = answered ? `${stamp.replace(/\D/g, '')}-${call.callid}-${from}-${call.target}-${type}.wav` : '';
  const base = {
    callid: call.callid,
    timestart: stamp,
    callfrom: from,
    callto: call.target,
    callduraction: String(Math.max(0, Math.round((end - placed.createdAt) / 1000))),
    talkduraction: String(talk),
    status,
    type,
    recording,
  };
  if (call.format === '2.0') {
    return { event: 'NewCdr', ...base, srctrunkname: '', dsttrcunkname: call.kind === 'outbound' ? PBX_TRUNK : '', pincode: '', didnumber: '', agentringtime: '0' };
  }
  return { action: 'NewCdr', ...base, desttrunkname: call.kind === 'outbound' ? PBX_TRUNK : '', ...(call.format === '1.0.2' ? { cdrid: call.callid, didnumber: '', agentringtime: '0' } : {}) };
}
