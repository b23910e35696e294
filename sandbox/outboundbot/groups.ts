// Outbound Bot job groups (campaigns): create, modify, delete, describe, list.
import type { RpcCall } from '../alibaba-rpc.js';
import type { SandboxContext } from '../types.js';
import { uuid } from '../sim-util.js';
import { stepGroup, wake } from './dialing.js';
import { callingNumbersOf, findGroup, findInstance, findScript, type Input, integer, type ObHandler, paged, repeatList, text } from './scope.js';
import { FINAL, type JobGroup, type JobStatus, type OutboundbotState } from './state.js';
import { strategyFrom, strategyOut } from './strategy.js';

export function newGroup(state: OutboundbotState, call: RpcCall, ctx: SandboxContext, fields: { name: string; description?: string; batch: boolean; draft: boolean }): JobGroup {
  const instance = findInstance(state, call.input);
  const scriptId = text(call.input, 'ScriptId');
  if (scriptId) findScript(state, call.input);
  const now = ctx.clock.now();
  const group: JobGroup = {
    JobGroupId: uuid(ctx),
    instanceId: instance.InstanceId,
    JobGroupName: fields.name,
    JobGroupDescription: fields.description ?? '',
    ScriptId: scriptId ?? '',
    ScenarioId: text(call.input, 'ScenarioId') ?? '',
    callingNumbers: callingNumbersOf(call) ?? [],
    strategy: strategyFrom(call.input.StrategyJson, uuid(ctx)),
    CreationTime: now,
    ModifyTime: now,
    JobFilePath: text(call.input, 'JobFilePath') ?? '',
    draft: fields.draft,
    batch: fields.batch,
    jobs: [],
  };
  state.groups.set(group.JobGroupId, group);
  return group;
}

export function createJobGroup(state: OutboundbotState, call: RpcCall, ctx: SandboxContext) {
  const group = newGroup(state, call, ctx, {
    name: text(call.input, 'JobGroupName') ?? '',
    description: text(call.input, 'JobGroupDescription'),
    batch: false,
    draft: false,
  });
  return { JobGroup: groupOut(state, group, ctx) };
}

/** The changes ModifyJobGroup and ModifyBatchJobs share; `nameField` is the input field of the new name. */
export function modifyGroup(state: OutboundbotState, group: JobGroup, call: RpcCall, nameField: string): void {
  if (text(call.input, 'ScriptId')) {
    findScript(state, call.input);
    group.ScriptId = text(call.input, 'ScriptId') as string;
  }
  group.JobGroupName = text(call.input, nameField) ?? group.JobGroupName;
  group.JobGroupDescription = text(call.input, 'Description') ?? group.JobGroupDescription;
  group.ScenarioId = text(call.input, 'ScenarioId') ?? group.ScenarioId;
  group.callingNumbers = callingNumbersOf(call) ?? group.callingNumbers;
  if (call.input.StrategyJson !== undefined) group.strategy = strategyFrom(call.input.StrategyJson, group.strategy.id, group.strategy);
}

export function modifyJobGroup(state: OutboundbotState, call: RpcCall, ctx: SandboxContext) {
  const group = findGroup(state, call.input);
  modifyGroup(state, group, call, 'Name');
  group.ModifyTime = ctx.clock.now();
  wake(state, group);
  return { JobGroup: groupOut(state, group, ctx) };
}

export function deleteJobGroup(state: OutboundbotState, input: Input) {
  const group = findGroup(state, input);
  cancelGroup(group);
  state.groups.delete(group.JobGroupId);
  return {};
}

export function cancelGroup(group: JobGroup): void {
  for (const job of group.jobs) {
    if (job.status === 'Executing') job.pendingChange = 'cancel';
    else if (!FINAL.has(job.status)) job.status = 'Cancelled';
  }
}

export function jobCounts(group: JobGroup): Record<JobStatus, number> {
  const counts: Record<JobStatus, number> = { Scheduling: 0, Executing: 0, Succeeded: 0, Paused: 0, Failed: 0, Cancelled: 0, Drafted: 0 };
  for (const job of group.jobs) counts[job.status] += 1;
  return counts;
}

export function groupStatus(state: OutboundbotState, group: JobGroup): string {
  const c = jobCounts(group);
  if (group.draft) return 'Draft';
  if (c.Executing) return 'Executing';
  if (c.Scheduling) return 'Scheduling';
  if (c.Paused) return 'Paused';
  if (group.jobs.length && c.Cancelled === group.jobs.length) return 'Cancelled';
  if (group.jobs.length) return 'Completed';
  return 'Scheduling';
}

export function groupOut(state: OutboundbotState, group: JobGroup, ctx: SandboxContext): Record<string, unknown> {
  stepGroup(state, group, ctx, ctx.clock.now());
  const script = state.scripts.get(group.ScriptId);
  return {
    JobGroupId: group.JobGroupId,
    JobGroupName: group.JobGroupName,
    JobGroupDescription: group.JobGroupDescription,
    Status: groupStatus(state, group),
    ScriptId: group.ScriptId,
    ScriptName: script?.ScriptName ?? '',
    ScriptVersion: script ? String(script.UpdateTime) : '',
    ScenarioId: group.ScenarioId,
    CallingNumbers: group.callingNumbers,
    CreationTime: group.CreationTime,
    ModifyTime: group.ModifyTime,
    JobFilePath: group.JobFilePath,
    JobDataParsingTaskId: '',
    ExportProgress: { Status: 'NONE', FileHttpUrl: '', Progress: '0' },
    Strategy: strategyOut(group.strategy),
  };
}

export function progress(state: OutboundbotState, group: JobGroup, briefTypes?: unknown[]) {
  const c = jobCounts(group);
  const briefs = new Map<string, number>();
  for (const job of group.jobs) {
    const brief = job.tasks.at(-1)?.ended?.Brief;
    if (brief) briefs.set(brief, (briefs.get(brief) ?? 0) + 1);
  }
  const wanted = briefTypes?.map(String);
  return {
    Status: groupStatus(state, group),
    StartTime: group.firstCallAt ?? 0,
    Duration: group.firstCallAt && group.lastEndAt ? Math.round((group.lastEndAt - group.firstCallAt) / 1000) : 0,
    TotalJobs: group.jobs.length,
    TotalCompleted: c.Succeeded + c.Failed + c.Cancelled,
    TotalNotAnswered: group.jobs.filter((j) => j.status === 'Failed' && j.FailureReason === 'NoAnswer').length,
    Scheduling: c.Scheduling,
    Executing: c.Executing,
    Paused: c.Paused,
    Failed: c.Failed,
    Cancelled: c.Cancelled,
    Briefs: [...briefs].filter(([k]) => !wanted?.length || wanted.includes(k)).map(([Key, Value]) => ({ Key, Value: String(Value) })),
    Categories: [
      { Key: 'Succeeded', Value: String(c.Succeeded) },
      { Key: 'Failed', Value: String(c.Failed) },
    ],
  };
}

export function describeGroup(state: OutboundbotState, group: JobGroup, ctx: SandboxContext, briefTypes?: unknown[]) {
  const ended = group.jobs.flatMap((j) => j.tasks).filter((t) => t.ended);
  const answered = ended.filter((t) => t.ended?.answered);
  return {
    ...groupOut(state, group, ctx),
    Progress: progress(state, group, briefTypes),
    RecallStrategy: { EmptyNumberIgnore: false, InArrearsIgnore: false, OutOfServiceIgnore: false },
    Result: {
      FinishedNum: answered.filter((t) => t.ended?.HangUpDirection === 'robot').length,
      ClientHangupNum: answered.filter((t) => t.ended?.HangUpDirection === 'client').length,
      TimeoutHangupNum: 0,
      NoInteractNum: 0,
      UnrecognizedNum: 0,
    },
    RingingDuration: 30,
  };
}

export function listJobGroups(state: OutboundbotState, input: Input, ctx: SandboxContext) {
  const instance = findInstance(state, input);
  const from = integer(input, 'StartTime');
  const to = integer(input, 'EndTime');
  const groups = [...state.groups.values()]
    .filter((g) => g.instanceId === instance.InstanceId && !g.hidden)
    .filter((g) => (from === undefined || g.CreationTime >= from) && (to === undefined || g.CreationTime <= to))
    .sort((a, b) => b.CreationTime - a.CreationTime);
  const pageOf = paged(groups, input);
  return {
    JobGroups: {
      ...pageOf,
      List: pageOf.List.map((g) => {
        const full = groupOut(state, g, ctx);
        const p = progress(state, g);
        return {
          JobGroupId: g.JobGroupId,
          JobGroupName: g.JobGroupName,
          JobGroupDescription: g.JobGroupDescription,
          CreationTime: g.CreationTime,
          ScriptId: g.ScriptId,
          ScriptName: full.ScriptName,
          Progress: { Status: p.Status, StartTime: p.StartTime, Duration: p.Duration, TotalJobs: p.TotalJobs, TotalCompleted: p.TotalCompleted, TotalNotAnswered: p.TotalNotAnswered },
          Strategy: { StartTime: g.strategy.startTime ?? 0, EndTime: g.strategy.endTime ?? 0 },
        };
      }),
    },
  };
}

/** Job group operations. */
export const groupHandlers: Record<string, ObHandler> = {
  CreateJobGroup: ({ call: c, ctx, state }) => createJobGroup(state, c, ctx),
  ModifyJobGroup: ({ call: c, ctx, state }) => modifyJobGroup(state, c, ctx),
  DeleteJobGroup: ({ call: c, state }) => deleteJobGroup(state, c.input),
  DescribeJobGroup: ({ call: c, ctx, state }) => ({ JobGroup: describeGroup(state, findGroup(state, c.input), ctx, repeatList(c.input, c.params, 'BriefTypes')) }),
  ListJobGroups: ({ call: c, ctx, state }) => listJobGroups(state, c.input, ctx),
};
