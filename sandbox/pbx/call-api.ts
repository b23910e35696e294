// PBX call endpoints: extension queries, dial and prompt calls, call queries and hang-ups.
import type { SandboxContext } from '../types.js';
import { findExtension, liveCalls, members, place } from './calls.js';
import { report } from './events.js';
import { type Body, checkPrompt, DIALLABLE, field, PbxFailure } from './scope.js';
import { type Family, PBX_TRUNK, type PbxCall, type PbxState, type Session } from './state.js';

export function extensionQuery(state: PbxState, body: Body, family: Family): Record<string, unknown> {
  // APIs 1.x: extid, left out for all; v2.0.0: number (required, checked before), "all" for all.
  const wanted = field(body, family === '2.0' ? 'number' : 'extid');
  const numbers = wanted === undefined || (family === '2.0' && wanted === 'all') ? state.extensions.map((e) => e.number) : wanted.split(',').map((s) => s.trim());
  const list = numbers.map((n) => findExtension(state, n));
  return {
    extinfos: list.map((e) => ({
      [family === '2.0' ? 'number' : 'extid']: e.number,
      username: e.username,
      type: e.type,
      status: e.status,
      callerid: e.number,
      hasvoicemail: 'off',
      outboundpermission: e.outbound ? 'yes' : 'no',
    })),
  };
}

export function dialOutbound(state: PbxState, extid: string, outto: string, session: Session, ctx: SandboxContext, operation: string): Record<string, unknown> {
  const ext = findExtension(state, extid);
  if (!DIALLABLE.test(outto)) throw new PbxFailure('10031');
  if (!ext.outbound) throw new PbxFailure('10024');
  return { callid: place(state, ctx, session, { kind: 'outbound', target: outto, fromExt: extid, operation }).callid };
}

export function dialExtension(state: PbxState, caller: string, callee: string, session: Session, ctx: SandboxContext): Record<string, unknown> {
  findExtension(state, caller);
  findExtension(state, callee);
  return { callid: place(state, ctx, session, { kind: 'extension', target: callee, fromExt: caller, operation: 'pbx.extension.dial_extension' }).callid };
}

export function playOutbound(state: PbxState, outto: string, prompt: string, fromext: string | undefined, session: Session, ctx: SandboxContext): Record<string, unknown> {
  if (!DIALLABLE.test(outto)) throw new PbxFailure('10031');
  checkPrompt(prompt);
  if (fromext !== undefined && !findExtension(state, fromext).outbound) throw new PbxFailure('10024');
  return { callid: place(state, ctx, session, { kind: 'outbound', target: outto, prompt, operation: 'pbx.outbound.playprompt' }).callid };
}

export function playExtension(state: PbxState, extid: string, prompt: string, session: Session, ctx: SandboxContext): Record<string, unknown> {
  findExtension(state, extid);
  checkPrompt(prompt);
  return { callid: place(state, ctx, session, { kind: 'extension', target: extid, prompt, operation: 'pbx.extension.playprompt' }).callid };
}

export function outboundQuery(state: PbxState, ids: string | undefined, ctx: SandboxContext): Record<string, unknown> {
  const wanted = ids?.split(',').map((s) => s.trim());
  const live = liveCalls(state, ctx).filter(({ call }) => call.kind === 'outbound' && (!wanted || wanted.includes(call.outboundid as string)));
  if (wanted && !live.length) throw new PbxFailure('10007');
  return {
    outbound: live.map(({ call, placed }) => ({
      outboundid: call.outboundid,
      from: call.fromExt ?? '',
      to: call.target,
      trunk: PBX_TRUNK,
      status: placed.answerAt !== undefined ? 'Talking' : placed.ringAt !== undefined ? 'Ringing' : 'Dialing',
    })),
  };
}

export function callQuery(state: PbxState, callid: string | undefined, type: string | undefined, ctx: SandboxContext): Record<string, unknown> {
  const live = liveCalls(state, ctx).filter(
    ({ call }) => (!callid || call.callid === callid) && (!type || (type === 'outbound' ? call.kind === 'outbound' : type === 'inbound' ? false : true)),
  );
  if (callid && !live.length) throw new PbxFailure('10007');
  return { calls: live.map(({ call, placed }) => ({ callid: call.callid, members: members(call, placed) })) };
}

export function hangup(state: PbxState, ctx: SandboxContext, match: (call: PbxCall) => boolean): Record<string, unknown> {
  const found = liveCalls(state, ctx).find(({ call }) => match(call));
  if (!found) throw new PbxFailure('10007');
  found.call.hungUpAt = ctx.clock.now();
  ctx.endCall(found.call.callid, 'platform');
  report(state, found.call, ctx);
  return { callid: found.call.callid };
}
