// Outbound Bot batch jobs: a job group filled from a roster file, saved as a draft or submitted.
import type { RpcCall } from '../alibaba-rpc.js';
import type { SandboxContext } from '../types.js';
import { wake } from './dialing.js';
import { groupOut, modifyGroup, newGroup } from './groups.js';
import { jobFrom } from './jobs.js';
import { findGroup, ObError, type ObHandler, text } from './scope.js';
import { type Job, type JobGroup, type JobStatus, type OutboundbotState } from './state.js';

/** Rows a sandbox batch roster (JobFilePath) stands for. */
export const SANDBOX_ROSTER_ROWS = 3;

/** A roster file stands for SANDBOX_ROSTER_ROWS callees with numbers derived from its path. */
export function rosterJobs(state: OutboundbotState, group: JobGroup, path: string, ctx: SandboxContext, status: JobStatus, operation: string): Job[] {
  let h = 0;
  for (const ch of path) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return Array.from({ length: SANDBOX_ROSTER_ROWS }, (_, i) =>
    jobFrom(state, 
      { extras: [{ key: 'roster', value: path }], contacts: [{ phonenumber: `139${String((h + i) % 100_000_000).padStart(8, '0')}`, name: `roster ${i + 1}`, referenceId: `row-${i + 1}` }] },
      group,
      ctx,
      'JobFilePath',
      status,
      operation,
    ),
  );
}

/** Submitted on the wire is inverted (seed defect 8): "false" submits (dials), "true" saves a draft. */
export function submits(call: RpcCall): boolean {
  const v = call.input.Submitted;
  if (v === 'submit' || v === false || v === 'false') return true;
  if (v === 'draft' || v === true || v === 'true') return false;
  throw new ObError(400, 'MissingParameter', 'The input parameter "Submitted" that is mandatory for processing this request is not supplied.');
}

export function submitGroup(state: OutboundbotState, group: JobGroup, ctx: SandboxContext, operation: string): void {
  group.draft = false;
  const now = ctx.clock.now();
  for (const job of group.jobs) {
    if (job.status !== 'Drafted') continue;
    job.status = 'Scheduling';
    job.nextAt = now;
    job.operation = operation;
  }
  wake(state, group);
}

export function createBatchJobs(state: OutboundbotState, call: RpcCall, ctx: SandboxContext) {
  const submit = submits(call);
  const group = newGroup(state, call, ctx, { name: text(call.input, 'BatchJobName') ?? '', description: text(call.input, 'BatchJobDescription'), batch: true, draft: true });
  if (group.JobFilePath) rosterJobs(state, group, group.JobFilePath, ctx, 'Drafted', 'outboundbot.CreateBatchJobs');
  if (submit) submitGroup(state, group, ctx, 'outboundbot.CreateBatchJobs');
  const out = groupOut(state, group, ctx);
  return { BatchJob: { ...out, BatchJobId: group.JobGroupId, BatchJobName: group.JobGroupName } };
}

export function modifyBatchJobs(state: OutboundbotState, call: RpcCall, ctx: SandboxContext) {
  const group = findGroup(state, call.input);
  const submit = submits(call);
  modifyGroup(state, group, call, 'BatchJobName');
  const path = text(call.input, 'JobFilePath');
  if (path && path !== group.JobFilePath) {
    group.JobFilePath = path;
    rosterJobs(state, group, path, ctx, group.draft ? 'Drafted' : 'Scheduling', 'outboundbot.ModifyBatchJobs');
  }
  group.ModifyTime = ctx.clock.now();
  if (submit) submitGroup(state, group, ctx, 'outboundbot.ModifyBatchJobs');
  else if (group.jobs.every((j) => j.status === 'Drafted')) group.draft = true;
  wake(state, group);
  return { JobGroup: groupOut(state, group, ctx) };
}

export function submitBatchJobs(state: OutboundbotState, call: RpcCall, ctx: SandboxContext) {
  const group = findGroup(state, call.input);
  submitGroup(state, group, ctx, 'outboundbot.SubmitBatchJobs');
  return {};
}

/** Batch job operations. */
export const batchHandlers: Record<string, ObHandler> = {
  CreateBatchJobs: ({ call: c, ctx, state }) => createBatchJobs(state, c, ctx),
  ModifyBatchJobs: ({ call: c, ctx, state }) => modifyBatchJobs(state, c, ctx),
  SubmitBatchJobs: ({ call: c, ctx, state }) => submitBatchJobs(state, c, ctx),
};
