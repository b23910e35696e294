// Alibaba Cloud Outbound Bot behind the vendor-neutral actions: job groups as call tasks, jobs as
// calls. Its IDs are per instance, so the actions hand out "<instance>:<id>".
import { fromOutboundbotJob } from '../vendors/alibaba/call-result.js';
import { CallbridgeError } from '../errors.js';
import { checkSchedule, dropUndefined, InputError, output, placeContent, unsupported, withHint } from './shared.js';
import { asArray, number, type Rec, record, records, textOf } from '../vendors/read.js';
import type { CallTracker, Provider, ProviderSettings, Script, TaskState, TrackedCall } from './types.js';

const OPS = {
  instances: 'outboundbot.ListInstances',
  scripts: 'outboundbot.ListScripts',
  createTask: 'outboundbot.CreateJobGroup',
  addCallees: 'outboundbot.AssignJobs',
  start: 'outboundbot.ResumeJobs',
  pause: 'outboundbot.SuspendJobs',
  cancel: 'outboundbot.CancelJobs',
  taskDetail: 'outboundbot.DescribeJobGroup',
  taskCalls: 'outboundbot.ListJobsByGroup',
  job: 'outboundbot.DescribeJob',
  jobs: 'outboundbot.QueryJobs',
  recording: 'outboundbot.DownloadRecording',
} as const;

/** Outbound Bot IDs are "<instance>:<id>"; a bare ID uses the default instance. */
function split(settings: ProviderSettings, id: string, what: string): { instance: string; id: string } {
  const i = id.indexOf(':');
  if (i > 0) return { instance: id.slice(0, i), id: id.slice(i + 1) };
  if (settings.outboundbotInstanceId) return { instance: settings.outboundbotInstanceId, id };
  throw new InputError(
    `${what} "${id}" has no instance: use "<instanceId>:<id>" as returned by the tools, or set a default instance${withHint(settings, 'outboundbotInstanceId')}.`,
  );
}
const join = (instance: string, id: string) => `${instance}:${id}`;

/** Daily working-time windows ("HH:mm:ss") equal to the calling hours, when they are in Beijing time. */
function workingTime(settings: ProviderSettings): Array<{ beginTime: string; endTime: string }> | undefined {
  const hours = settings.callingHours;
  if (!hours || settings.timezone !== 'Asia/Shanghai' || hours.start > hours.end) return undefined;
  const hhmmss = (m: number) => (m >= 1440 ? '23:59:59' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`);
  return [{ beginTime: hhmmss(hours.start), endTime: hhmmss(hours.end) }];
}

const GROUP_STATES: Record<string, TaskState> = {
  draft: 'created',
  drafted: 'created',
  scheduling: 'scheduled',
  executing: 'running',
  paused: 'paused',
  completed: 'completed',
  finished: 'completed',
  cancelled: 'cancelled',
};

/** StartJob answers only {Key: referenceId, Value: TaskId} pairs: each becomes a call to find by number. */
const startJob: CallTracker = {
  provider: 'outboundbot',
  queryOperation: OPS.jobs,
  calls: (input, answer, placedAt) => {
    const contacts = records(record(input.JobJson).contacts);
    const pairs = records(record(answer).TaskIds);
    return pairs
      .map((pair): TrackedCall | undefined => {
        const taskId = textOf(pair.Value ?? pair.value);
        const key = textOf(pair.Key ?? pair.key);
        const contact = contacts.find((c) => textOf(c.referenceId) === key || textOf(c.phonenumber) === key) ?? contacts[0];
        const context: Record<string, string> = { InstanceId: textOf(input.InstanceId) ?? '' };
        const group = textOf(input.JobGroupId);
        if (group) context.JobGroupId = group;
        if (key) context.key = key;
        return taskId ? { callId: taskId, placedBy: 'outboundbot.StartJob', placedAt, callee: contact ? textOf(contact.phonenumber) : undefined, context } : undefined;
      })
      .filter((c): c is TrackedCall => c !== undefined);
  },
};

export const outboundbot: Provider = {
  name: 'outboundbot',
  operations: OPS,
  chunkSize: 99, // AssignJobs takes at most 99 jobs per request
  trackers: { 'outboundbot.StartJob': startJob },

  async placeCall(_invoke, _settings, a) {
    placeContent(a);
    return unsupported('outboundbot', 'place_call', 'Outbound Bot calls run in job groups: use create_call_task, then add_task_callees.');
  },

  async callResult(invoke, settings, call) {
    const context = call.context;
    if (context?.InstanceId !== undefined) {
      // A StartJob call attempt (TaskId): find its job by number (and group), then read the job.
      const query: Rec = { InstanceId: context.InstanceId, PageNumber: 1, PageSize: 100 };
      if (call.callee) query.PhoneNumber = call.callee;
      if (context.JobGroupId) query.JobGroupId = context.JobGroupId;
      const list = record(record(output(await invoke(OPS.jobs, query))).Jobs).List;
      const jobs = records(list);
      const hasTask = (job: Rec) => Array.isArray(job.Tasks) && job.Tasks.some((t) => textOf(record(t).TaskId) === call.callId);
      let job = jobs.find(hasTask) ?? jobs.find((j) => context.key !== undefined && textOf(j.ReferenceId) === context.key);
      if (job && !hasTask(job) && textOf(job.JobId)) {
        const described = record(record(output(await invoke(OPS.job, { InstanceId: context.InstanceId, JobId: textOf(job.JobId) }))).Job);
        if (Object.keys(described).length) job = described;
      }
      if (!job) return { provider: 'outboundbot', callId: call.callId, status: 'queued', final: false, reason: 'the job is not listed yet', raw: null };
      return { ...fromOutboundbotJob(job), callId: call.callId };
    }
    // A job ID as the actions hand them out ("<instance>:<JobId>").
    const { instance, id } = split(settings, call.callId, 'call_id');
    const r = await invoke(OPS.job, { InstanceId: instance, JobId: id });
    return { ...fromOutboundbotJob(record(output(r)).Job), callId: call.callId };
  },

  async listScripts(invoke, settings) {
    const instances = settings.outboundbotInstanceId
      ? [settings.outboundbotInstanceId]
      : asArray(record(output(await invoke(OPS.instances, {}))).Instances)
          .map((i) => textOf(record(i).InstanceId))
          .filter((i): i is string => !!i);
    const scripts: Script[] = [];
    for (const instance of instances) {
      const r = await invoke(OPS.scripts, { InstanceId: instance, PageNumber: 1, PageSize: 100 });
      for (const s of records(record(record(output(r)).Scripts).List)) {
        const scriptId = textOf(s.ScriptId);
        if (scriptId) scripts.push({ script_id: join(instance, scriptId), name: textOf(s.ScriptName), status: textOf(s.Status) });
      }
    }
    return scripts;
  },

  async createTask(invoke, settings, a) {
    const { instance, id: scriptId } = split(settings, a.script_id, 'script_id');
    const strategy = dropUndefined({
      name: a.name,
      maxAttemptsPerDay: a.retry ? a.retry.times + 1 : 1,
      minAttemptInterval: a.retry?.interval_minutes,
      workingTime: workingTime(settings),
    });
    const r = await invoke(
      OPS.createTask,
      dropUndefined({ InstanceId: instance, JobGroupName: a.name, ScriptId: scriptId, CallingNumber: a.caller_id ? [a.caller_id] : undefined, StrategyJson: strategy }),
    );
    const id = r.sent ? textOf(record(record(r.output).JobGroup).JobGroupId) : undefined;
    return { task_id: id && join(instance, id), operation: OPS.createTask };
  },

  async addCallees(invoke, settings, taskId, chunk) {
    const numbers = chunk.map((c) => c.number);
    const { instance, id } = split(settings, taskId, 'task_id');
    const jobs = chunk.map((c) => ({
      contacts: [dropUndefined({ phonenumber: c.number, referenceId: c.ref, name: c.name })],
      extras: Object.entries(c.params ?? {}).map(([key, value]) => ({ key, value: String(value) })),
    }));
    await invoke(OPS.addCallees, { InstanceId: instance, JobGroupId: id, JobsJson: jobs });
    return { accepted: numbers, rejected: [] };
  },

  async controlTask(invoke, settings, taskId, action, scheduleTime) {
    checkSchedule(action, scheduleTime);
    if (scheduleTime) unsupported('outboundbot', 'schedule_time', 'a job group dials within the start time and working hours of its strategy (set when it was created).');
    const { instance, id } = split(settings, taskId, 'task_id');
    const opId = action === 'pause' ? OPS.pause : action === 'cancel' ? OPS.cancel : OPS.start;
    // All=false always: All=true would act on every job of the instance.
    await invoke(opId, { InstanceId: instance, JobGroupId: id, All: false });
    return { operation: opId };
  },

  async taskStatus(invoke, settings, taskId) {
    const { instance, id } = split(settings, taskId, 'task_id');
    const group = record(record(output(await invoke(OPS.taskDetail, { InstanceId: instance, JobGroupId: id }))).JobGroup);
    const progress = record(group.Progress);
    const status = textOf(progress.Status) ?? textOf(group.Status);
    return {
      state: (status ? GROUP_STATES[status.toLowerCase()] : undefined) ?? 'unknown',
      vendor_status: status,
      total: number(progress, 'TotalJobs'),
      completed: number(progress, 'TotalCompleted'),
      raw: group,
    };
  },

  async listTaskCalls(invoke, settings, taskId, page, pageSize) {
    const { instance, id } = split(settings, taskId, 'task_id');
    const size = Math.min(pageSize, 100);
    const r = await invoke(OPS.taskCalls, { InstanceId: instance, JobGroupId: id, PageNumber: page, PageSize: size });
    const jobs = record(record(output(r)).Jobs);
    const calls = asArray(jobs.List).map((j) => {
      const result = fromOutboundbotJob(j);
      const jobId = textOf(record(j).JobId);
      return jobId ? { ...result, callId: join(instance, jobId) } : result;
    });
    return { calls, total: number(jobs, 'TotalCount'), page_size: size };
  },

  async taskCallDetail(invoke, settings, q) {
    if (!q.call_id) throw new InputError('outboundbot needs call_id (a job ID from list_task_calls)');
    const { instance, id: jobId } = split(settings, q.call_id, 'call_id');
    const job = record(record(output(await invoke(OPS.job, { InstanceId: instance, JobId: jobId }))).Job);
    const tasks = records(job.Tasks);
    const latest = tasks[tasks.length - 1] ?? {};
    const transcript = records(latest.Conversation).map((c) => ({ speaker: textOf(c.Speaker) ?? '?', text: textOf(c.Script) ?? '', time: typeof c.Timestamp === 'number' ? new Date(c.Timestamp).toISOString() : textOf(c.Timestamp) }));
    return { result: { ...fromOutboundbotJob(job), callId: q.call_id }, transcript };
  },

  async recordingUrl(invoke, settings, q) {
    if (!q.call_id) throw new InputError('outboundbot needs call_id (a job ID from list_task_calls)');
    const { instance, id } = split(settings, q.call_id, 'call_id');
    const tasks = records(record(record(output(await invoke(OPS.job, { InstanceId: instance, JobId: id }))).Job).Tasks);
    const attempt = [...tasks].reverse().find((t) => Number(t.Duration) > 0) ?? tasks[tasks.length - 1];
    const attemptId = attempt && textOf(attempt.TaskId);
    if (!attemptId) throw new CallbridgeError({ kind: 'vendor', vendor: 'outboundbot', code: 'NoRecording', message: 'this job has no call attempt yet, so no recording' });
    const r = await invoke(OPS.recording, { InstanceId: instance, TaskId: attemptId });
    const url = textOf(record(record(output(r)).DownloadParams).SignatureUrl);
    if (!url) throw new CallbridgeError({ kind: 'vendor', vendor: 'outboundbot', code: 'NoRecording', message: 'the vendor returned no recording URL' });
    return { url, note: 'signed URL; it expires and grants access to the recording: treat it as a secret' };
  },
};
