// Volcengine call records and recordings (signed URLs served by the sandbox).
import type { SandboxContext, SandboxRequest, SandboxResponse } from '../types.js';
import { step } from './dialing.js';
import { recordFields, recordingLinks } from './receipts.js';
import { array, invalid, missing, type Params, str, type VolcHandler } from './params.js';
import { isTerminal, queryPairs, verifySignedPath, wavResponse } from '../sim-util.js';
import { type CallRecord, type VolcState } from './state.js';

export function queryCallRecords(state: VolcState, params: Params, ctx: SandboxContext): unknown {
  const ids = (array(params, 'CallIdList') ?? []).map(String);
  if (!ids.length) throw missing('CallIdList');
  if (ids.length > 100) throw invalid('CallIdList', 'At most 100 call IDs.');
  step(state, ctx);
  return ids
    .map((id) => state.records.get(id))
    .filter((r): r is CallRecord => !!r && !!r.call && isTerminal(r.call))
    .map((r) => recordFields(r, 'Pascal'));
}

export function recordingUrls(state: VolcState, params: Params, ctx: SandboxContext): unknown {
  const callId = str(params, 'CallId', true) as string;
  step(state, ctx);
  const record = state.records.get(callId);
  if (!record || !record.call || !isTerminal(record.call)) throw invalid('CallId', `No finished call ${callId}.`);
  if (record.call.status !== 'completed') return { AudioRecordFileUrl: '', AudioRecordLeftFileUrl: '', AudioRecordRightFileUrl: '' };
  return recordingLinks(record, ctx.clock.realNow());
}

export function serveRecording(state: VolcState, request: SandboxRequest, ctx: SandboxContext): SandboxResponse {
  const path = request.path.split('?')[0];
  const query = Object.fromEntries(queryPairs(request));
  const check = verifySignedPath(path, query['x-expires'], query['x-signature'], ctx.clock.realNow());
  const callId = /^\/recordings\/([^/]+?)(-left|-right)?\.wav$/.exec(path)?.[1];
  if (check !== 'ok' || !callId || !state.records.has(callId)) {
    return { status: 403, headers: { 'Content-Type': 'text/plain' }, body: check === 'expired' ? 'Request has expired' : 'Access denied' };
  }
  return wavResponse(path.slice('/recordings/'.length));
}

/** Call record and recording operations. */
export const recordHandlers: Record<string, VolcHandler> = {
  QueryCallRecordMsg: ({ params: p, ctx: c, state }) => queryCallRecords(state, p, c),
  QueryCallRecordMsgV2: ({ params: p, ctx: c, state }) => ({ Records: queryCallRecords(state, p, c) }),
  QueryAudioRecordFileUrl: ({ params: p, ctx: c, state }) => recordingUrls(state, p, c),
};
