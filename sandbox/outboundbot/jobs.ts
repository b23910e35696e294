// Outbound Bot jobs (callees) and their call attempts: assign, start, suspend/resume/cancel, list, query.
import type { RpcCall } from '../alibaba-rpc.js';
import type { SandboxContext } from '../types.js';
import { uuid } from '../sim-util.js';
import { dial, stepGroup, wake } from './dialing.js';
import { newGroup } from './groups.js';
import { callingNumbersOf, findGroup, findInstance, findJob, findScript, flag, type Input, integer, invalid, ObError, type ObHandler, paged, parsed, repeatList, text } from './scope.js';
import { type Contact, DEFAULT_CALLING_NUMBER, FINAL, type Job, type JobGroup, type JobStatus, type OutboundbotState, type Task } from './state.js';
import { strategyFrom } from './strategy.js';

export function jobFrom(state: OutboundbotState, spec: unknown, group: JobGroup, ctx: SandboxContext, name: string, status: JobStatus, operation: string): Job {
  const value = parsed(spec, name) as { extras?: unknown; contacts?: unknown };
  if (!value || typeof value !== 'object') throw invalid(name, 'must be a JSON object with contacts');
  const contacts = Array.isArray(value.contacts) ? (value.contacts as Array<Record<string, unknown>>) : [];
  if (!contacts.length) throw invalid(name, 'contacts must list at least one contact');
  const jobId = uuid(ctx);
  const contactList: Contact[] = contacts.map((c, i) => {
    const phone = c?.phonenumber ?? c?.phoneNumber;
    if (typeof phone !== 'string' && typeof phone !== 'number') throw invalid(`${name}.contacts.${i}.phonenumber`, 'is required');
    if (!/^\+?\d{3,20}$/.test(String(phone))) throw invalid(`${name}.contacts.${i}.phonenumber`, 'is not a phone number');
    return {
      ContactId: uuid(ctx),
      ContactName: typeof c.name === 'string' ? c.name : '',
      Honorific: typeof c.honorific === 'string' ? c.honorific : '',
      PhoneNumber: String(phone),
      ReferenceId: typeof c.referenceId === 'string' ? c.referenceId : '',
      Role: 'Contact',
      State: 'Available',
    };
  });
  const extras = Array.isArray(value.extras)
    ? (value.extras as Array<Record<string, unknown>>).map((e) => ({ Key: String(e?.key ?? e?.Key ?? ''), Value: String(e?.value ?? e?.Value ?? '') }))
    : [];
  const now = ctx.clock.now();
  const job: Job = {
    JobId: jobId,
    instanceId: group.instanceId,
    groupId: group.JobGroupId,
    ScenarioId: group.ScenarioId,
    StrategyId: group.strategy.id,
    ReferenceId: contactList[0].ReferenceId,
    contacts: contactList,
    extras,
    status,
    FailureReason: '',
    Priority: 5,
    creationTime: now,
    nextAt: now,
    attempts: 0,
    tasks: [],
    operation,
  };
  group.jobs.push(job);
  state.jobs.set(job.JobId, job);
  return job;
}

export function assignJobs(state: OutboundbotState, call: RpcCall, ctx: SandboxContext) {
  const group = findGroup(state, call.input);
  const specs = repeatList(call.input, call.params, 'JobsJson') ?? [];
  if (!specs.length && !text(call.input, 'JobDataParsingTaskId')) throw invalid('JobsJson', 'give at least one job');
  if (call.input.StrategyJson !== undefined) group.strategy = strategyFrom(call.input.StrategyJson, group.strategy.id, group.strategy);
  group.callingNumbers = callingNumbersOf(call) ?? group.callingNumbers;
  const status: JobStatus = group.draft ? 'Drafted' : 'Scheduling';
  const jobs = specs.map((spec, i) => jobFrom(state, spec, group, ctx, `JobsJson.${i + 1}`, status, 'outboundbot.AssignJobs'));
  wake(state, group);
  return { JobGroupId: group.JobGroupId, JobsId: jobs.map((j) => j.JobId) };
}

export function startJob(state: OutboundbotState, call: RpcCall, ctx: SandboxContext) {
  const instance = findInstance(state, call.input);
  const scriptId = text(call.input, 'ScriptId');
  if (scriptId) findScript(state, call.input);
  let group: JobGroup;
  if (text(call.input, 'JobGroupId')) group = findGroup(state, call.input);
  else {
    const hiddenId = `startjob-${instance.InstanceId}`;
    group =
      state.groups.get(hiddenId) ??
      (() => {
        const g = newGroup(state, call, ctx, { name: 'StartJob', batch: false, draft: false });
        state.groups.delete(g.JobGroupId);
        g.JobGroupId = hiddenId;
        g.hidden = true;
        state.groups.set(hiddenId, g);
        return g;
      })();
  }
  const job = jobFrom(state, call.input.JobJson, group, ctx, 'JobJson', 'Scheduling', 'outboundbot.StartJob');
  const callingNumbers = callingNumbersOf(call);
  // StartJob bypasses the scheduler (strategy windows, concurrency): dial now.
  const task = dial(state, job, group, ctx, ctx.clock.now(), callingNumbers);
  wake(state, group);
  const key = job.ReferenceId || job.contacts[0].PhoneNumber;
  return { TaskIds: [{ Key: key, Value: task.TaskId }], CallIds: [{ Key: key, Value: task.callId }] };
}

/** SuspendJobs / ResumeJobs / CancelJobs: All=true acts on every job of the instance (seed defect 9). */
export function changeJobs(state: OutboundbotState, call: RpcCall, ctx: SandboxContext, change: 'pause' | 'resume' | 'cancel') {
  const instance = findInstance(state, call.input);
  const all = flag(call.input, 'All');
  if (all === undefined) throw new ObError(400, 'MissingParameter', 'The input parameter "All" that is mandatory for processing this request is not supplied.');
  let jobs = [...state.jobs.values()].filter((j) => j.instanceId === instance.InstanceId);
  if (!all) {
    const groupId = text(call.input, 'JobGroupId');
    if (groupId) findGroup(state, call.input);
    const scenarioId = text(call.input, 'ScenarioId');
    const ids = repeatList(call.input, call.params, 'JobId')?.map(String);
    const refs = repeatList(call.input, call.params, 'JobReferenceId')?.map(String);
    if (!groupId && !scenarioId && !ids && !refs) jobs = [];
    jobs = jobs.filter(
      (j) =>
        (!groupId || j.groupId === groupId) &&
        (!scenarioId || j.ScenarioId === scenarioId) &&
        (!ids || ids.includes(j.JobId)) &&
        (!refs || refs.includes(j.ReferenceId)),
    );
  }
  const now = ctx.clock.now();
  for (const job of jobs) {
    if (change === 'pause') {
      if (job.status === 'Scheduling') job.status = 'Paused';
      else if (job.status === 'Executing') job.pendingChange = 'pause';
    } else if (change === 'resume') {
      if (job.status === 'Paused') {
        job.status = 'Scheduling';
        job.nextAt = Math.max(job.nextAt, now);
        job.operation = 'outboundbot.ResumeJobs';
      }
      if (job.pendingChange === 'pause') job.pendingChange = undefined;
    } else if (job.status === 'Executing') job.pendingChange = 'cancel';
    else if (!FINAL.has(job.status)) job.status = 'Cancelled';
    const group = state.groups.get(job.groupId);
    if (group) wake(state, group);
  }
  return {};
}

export function taskOut(state: OutboundbotState, task: Task, job: Job) {
  const e = task.ended;
  return {
    TaskId: task.TaskId,
    JobId: job.JobId,
    ScenarioId: job.ScenarioId,
    Status: e?.status ?? 'Executing',
    PlanedTime: task.PlanedTime,
    ActualTime: task.ActualTime,
    EndTime: e?.EndTime ?? 0,
    ChatbotId: state.groups.get(job.groupId)?.ScriptId ?? '',
    CalledNumber: task.CalledNumber,
    CallingNumber: task.CallingNumber,
    CallId: task.callId,
    Brief: e?.Brief ?? '',
    Duration: e?.Duration ?? 0,
    EndReason: e?.EndReason ?? '',
    HangUpDirection: e?.HangUpDirection ?? '',
    Conversation: (e?.Conversation ?? []).map((line) => ({ ...line, Summary: [] })),
    Contact: { ...task.contact, JobId: job.JobId },
  };
}

export function jobOut(state: OutboundbotState, job: Job, ctx: SandboxContext, withTasks: boolean): Record<string, unknown> {
  const group = state.groups.get(job.groupId);
  if (group) stepGroup(state, group, ctx, ctx.clock.now());
  const last = job.tasks.at(-1);
  const tag = last?.ended?.tag;
  const out: Record<string, unknown> = {
    JobId: job.JobId,
    JobGroupId: group?.hidden ? '' : job.groupId,
    InstanceId: job.instanceId,
    ScenarioId: job.ScenarioId,
    StrategyId: job.StrategyId,
    ReferenceId: job.ReferenceId,
    Status: job.status,
    FailureReason: job.FailureReason,
    Priority: job.Priority,
    SystemPriority: 1,
    CallingNumbers: group?.callingNumbers.length ? group.callingNumbers : [DEFAULT_CALLING_NUMBER],
    Contacts: job.contacts.map((c) => ({ ...c, JobId: job.JobId })),
    Extras: job.extras,
    Summary: tag
      ? [{ SummaryId: `${last?.TaskId}-s`, SummaryName: tag.group, Category: 'Tag', Content: tag.name, JobGroupId: job.groupId, GroupId: job.groupId, JobId: job.JobId, TaskId: last?.TaskId }]
      : [],
  };
  if (withTasks) {
    out.Tasks = job.tasks.map((t) => taskOut(state, t, job));
    out.ActualTime = job.tasks[0]?.ActualTime ?? 0;
    out.NextExecutionTime = job.status === 'Scheduling' ? job.nextAt : 0;
    out.CalledNumber = last?.CalledNumber ?? job.contacts[0].PhoneNumber;
    out.EndReason = last?.ended ? String(last.ended.answered ? 1 : 0) : '';
    out.DsReport = tag ? JSON.stringify([{ TagGroup: tag.group, TagName: tag.name }]) : '';
  }
  return out;
}

export function listJobsByGroup(state: OutboundbotState, input: Input, ctx: SandboxContext) {
  const group = findGroup(state, input);
  stepGroup(state, group, ctx, ctx.clock.now());
  const status = text(input, 'JobStatus');
  const reason = text(input, 'JobFailureReason');
  const jobs = group.jobs.filter((j) => (!status || j.status === status) && (!reason || j.FailureReason === reason));
  const pageOf = paged(jobs, input);
  return { Jobs: { ...pageOf, List: pageOf.List.map((j) => jobOut(state, j, ctx, false)) } };
}

export function listJobs(state: OutboundbotState, call: RpcCall, ctx: SandboxContext) {
  findInstance(state, call.input);
  const ids = (repeatList(call.input, call.params, 'JobId') ?? []).map(String);
  if (!ids.length) throw new ObError(400, 'MissingParameter', 'The input parameter "JobId.1" that is mandatory for processing this request is not supplied.');
  return { Jobs: ids.map((id) => state.jobs.get(id)).filter((j): j is Job => !!j && j.instanceId === text(call.input, 'InstanceId')).map((j) => jobOut(state, j, ctx, true)) };
}

export function queryJobs(state: OutboundbotState, input: Input, ctx: SandboxContext) {
  const instance = findInstance(state, input);
  const groupId = text(input, 'JobGroupId');
  if (groupId) findGroup(state, input);
  const scenarioId = text(input, 'ScenarioId');
  const name = text(input, 'ContactName');
  const phone = text(input, 'PhoneNumber');
  const from = integer(input, 'StartTime');
  const to = integer(input, 'EndTime');
  const align = text(input, 'TimeAlignment') ?? 'start';
  for (const group of state.groups.values()) if (group.instanceId === instance.InstanceId) stepGroup(state, group, ctx, ctx.clock.now());
  const jobs = [...state.jobs.values()].filter((j) => {
    if (j.instanceId !== instance.InstanceId) return false;
    if (groupId && j.groupId !== groupId) return false;
    if (scenarioId && j.ScenarioId !== scenarioId) return false;
    if (name && !j.contacts.some((c) => c.ContactName.includes(name))) return false;
    if (phone && !j.contacts.some((c) => c.PhoneNumber === phone)) return false;
    if (from !== undefined || to !== undefined) {
      const t = align === 'job_create' ? j.creationTime : align === 'end' ? j.tasks.at(-1)?.ended?.EndTime : j.tasks[0]?.ActualTime;
      if (t === undefined || (from !== undefined && t < from) || (to !== undefined && t > to)) return false;
    }
    return true;
  });
  const pageOf = paged(jobs, input);
  return { Jobs: { ...pageOf, List: pageOf.List.map((j) => jobOut(state, j, ctx, true)) } };
}

/** Job operations. */
export const jobHandlers: Record<string, ObHandler> = {
  AssignJobs: ({ call: c, ctx, state }) => assignJobs(state, c, ctx),
  StartJob: ({ call: c, ctx, state }) => startJob(state, c, ctx),
  SuspendJobs: ({ call: c, ctx, state }) => changeJobs(state, c, ctx, 'pause'),
  ResumeJobs: ({ call: c, ctx, state }) => changeJobs(state, c, ctx, 'resume'),
  CancelJobs: ({ call: c, ctx, state }) => changeJobs(state, c, ctx, 'cancel'),
  ListJobsByGroup: ({ call: c, ctx, state }) => listJobsByGroup(state, c.input, ctx),
  ListJobs: ({ call: c, ctx, state }) => listJobs(state, c, ctx),
  QueryJobs: ({ call: c, ctx, state }) => queryJobs(state, c.input, ctx),
  DescribeJob: ({ call: c, ctx, state }) => ({ Job: jobOut(state, findJob(state, c.input), ctx, true) }),
};
