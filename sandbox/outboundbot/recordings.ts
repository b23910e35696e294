// Outbound Bot recordings (signed download URLs, served by the sandbox) and tag statistics.
import type { SandboxContext, SandboxRequest, SandboxResponse } from '../types.js';
import { queryPairs, signPath, verifySignedPath, wavResponse } from '../sim-util.js';
import { stepGroup } from './dialing.js';
import { findGroup, findInstance, type Input, invalid, type ObHandler, text } from './scope.js';
import { type OutboundbotState } from './state.js';

/** Signed recording URLs expire after an hour (real time). */
const RECORDING_TTL_S = 3600;

export function downloadRecording(state: OutboundbotState, input: Input, ctx: SandboxContext) {
  findInstance(state, input);
  const taskId = text(input, 'TaskId') ?? '';
  const task = state.tasks.get(taskId);
  const job = task && state.jobs.get(task.jobId);
  if (!task || !job || job.instanceId !== text(input, 'InstanceId')) throw invalid('TaskId', `no call attempt ${taskId} in this instance`);
  const group = state.groups.get(job.groupId);
  if (group) stepGroup(state, group, ctx, ctx.clock.now());
  if (!task.ended?.answered) throw invalid('TaskId', 'the call was not answered, so there is no recording');
  const fileName = `${task.TaskId}.wav`;
  const path = `/recordings/${fileName}`;
  const expires = Math.floor(ctx.clock.realNow() / 1000) + RECORDING_TTL_S;
  const url = `${ctx.baseUrl}/outboundbot${path}?Expires=${expires}&OSSAccessKeyId=sandbox&Signature=${signPath(path, expires)}`;
  return { DownloadParams: { FileName: fileName, SignatureUrl: url } };
}

export function serveRecording(state: OutboundbotState, request: SandboxRequest, ctx: SandboxContext): SandboxResponse {
  const path = request.path.split('?')[0];
  const query = Object.fromEntries(queryPairs(request));
  const check = verifySignedPath(path, query.Expires, query.Signature, ctx.clock.realNow());
  const taskId = /^\/recordings\/([^/]+)\.wav$/.exec(path)?.[1];
  const task = taskId ? state.tasks.get(taskId) : undefined;
  if (check !== 'ok' || !task?.ended?.answered) {
    const code = check === 'expired' ? 'AccessDenied' : 'SignatureDoesNotMatch';
    const message = check === 'expired' ? 'Request has expired.' : 'The request signature we calculated does not match the signature you provided.';
    return { status: 403, headers: { 'Content-Type': 'application/xml' }, body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>` };
  }
  return wavResponse(`${task.TaskId}.wav`, Math.min(task.ended.Duration || 1, 3));
}

export function tagHits(state: OutboundbotState, input: Input) {
  const group = findGroup(state, input);
  const script = state.scripts.get(group.ScriptId);
  const groups = script?.tagGroups ?? [];
  const hits = new Map<string, number>();
  for (const job of group.jobs) {
    const tag = job.tasks.at(-1)?.ended?.tag;
    if (tag) hits.set(`${tag.group}\u0000${tag.name}`, (hits.get(`${tag.group}\u0000${tag.name}`) ?? 0) + 1);
  }
  const list = groups.flatMap((g) => g.tags.map((t) => ({ TagGroup: g.name, TagName: t, HitCount: hits.get(`${g.name}\u0000${t}`) ?? 0 })));
  return {
    TagGroups: groups.map((g, i) => ({ Id: `${group.ScriptId}-g${i}`, ScriptId: group.ScriptId, TagGroup: g.name, TagGroupIndex: i })),
    TagHitsList: list,
  };
}

/** Recording and statistics operations. */
export const recordingHandlers: Record<string, ObHandler> = {
  DownloadRecording: ({ call: c, ctx, state }) => downloadRecording(state, c.input, ctx),
  DescribeTagHitsSummary: ({ call: c, state }) => tagHits(state, c.input),
};
