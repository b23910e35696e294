// PBX extensions and calls as the simulator keeps them: lookups, ids and channels, placing a call.
import type { PlacedCall, SandboxContext } from '../types.js';
import { isTerminal } from '../sim-util.js';
import { PbxFailure } from './scope.js';
import { type Extension, PBX_TRUNK, type PbxCall, type PbxState, type Session } from './state.js';

export function isExtension(state: PbxState, number: string): boolean {
  return state.extensions.some((e) => e.number === number);
}

export function findExtension(state: PbxState, number: string): Extension {
  const ext = state.extensions.find((e) => e.number === number);
  if (!ext) throw new PbxFailure('10006');
  return ext;
}

export function extStatus(state: PbxState, ext: Extension, ctx: SandboxContext): string {
  for (const call of state.active) {
    if (call.fromExt !== ext.number && !(call.kind === 'extension' && call.target === ext.number)) continue;
    const placed = ctx.getCall(call.callid);
    if (placed && !ended(call, placed)) return placed.answerAt !== undefined ? 'Busy' : 'Ringing';
  }
  return ext.status;
}

export function nextId(state: PbxState, ctx: SandboxContext): string {
  state.seq += 1;
  return `${Math.floor(ctx.clock.now() / 1000)}.${state.seq}`;
}

export function channel(state: PbxState, name: string): string {
  state.channelSeq += 1;
  return `PJSIP/${name}-${state.channelSeq.toString(16).padStart(8, '0')}`;
}

export function place(
  state: PbxState,
  ctx: SandboxContext,
  session: Session,
  init: { kind: PbxCall['kind']; target: string; fromExt?: string; prompt?: string; operation: string },
): PbxCall {
  const callid = nextId(state, ctx);
  const call: PbxCall = {
    callid,
    outboundid: init.kind === 'outbound' ? nextId(state, ctx) : undefined,
    ...init,
    session,
    format: session.format,
    extChannel: init.fromExt ? channel(state, init.fromExt) : init.kind === 'extension' ? channel(state, init.target) : undefined,
    trunkChannel: init.kind === 'outbound' ? channel(state, `trunk-${PBX_TRUNK}-endpoint`) : undefined,
    reported: new Set(),
    done: false,
  };
  ctx.placeCall({ id: callid, vendor: 'pbx', operation: init.operation, number: init.target, callerNumber: init.fromExt, outId: undefined });
  state.calls.set(callid, call);
  state.active.add(call);
  return call;
}

/** End of the call: the engine's hang-up, or an earlier API hang-up. */
export function endOf(call: PbxCall, placed: PlacedCall): number | undefined {
  const natural = isTerminal(placed) ? (placed.endAt ?? placed.createdAt) : undefined;
  if (call.hungUpAt !== undefined && (natural === undefined || call.hungUpAt < natural)) return call.hungUpAt;
  return natural;
}

export function ended(call: PbxCall, placed: PlacedCall): boolean {
  return endOf(call, placed) !== undefined;
}

export function liveCalls(state: PbxState, ctx: SandboxContext): Array<{ call: PbxCall; placed: PlacedCall }> {
  const out: Array<{ call: PbxCall; placed: PlacedCall }> = [];
  for (const call of state.active) {
    const placed = ctx.getCall(call.callid);
    if (placed && !ended(call, placed)) out.push({ call, placed });
  }
  return out;
}

export function members(call: PbxCall, placed: PlacedCall, status?: string): Array<Record<string, unknown>> {
  const memberStatus = status ?? (placed.answerAt !== undefined ? 'ANSWER' : placed.ringAt !== undefined ? 'RING' : 'ALERT');
  const members: Array<Record<string, unknown>> = [];
  if (call.fromExt) members.push({ ext: { number: call.fromExt, channelid: call.extChannel, memberstatus: status ?? 'ANSWERED', callpath: '' } });
  if (call.kind === 'outbound') {
    members.push({ outbound: { from: call.fromExt ?? '', to: call.target, trunkname: PBX_TRUNK, channelid: call.trunkChannel, memberstatus: memberStatus, callpath: '' } });
  } else {
    members.push({ ext: { number: call.target, channelid: call.extChannel, memberstatus: memberStatus, callpath: '' } });
  }
  return members;
}
