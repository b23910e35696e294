// Alibaba Cloud Outbound Bot (outboundbot 2019-12-26) simulator. Auth, QPS and catalog
// validation come from the shared RPC gateway (sandbox/alibaba-rpc.ts); this file keeps the
// instances, scripts, caller numbers, job groups, jobs and call attempts, and dials jobs
// through the calls engine according to each group's strategy.
// Facts: seed 003 in /work/shared/reference/seed-catalog.md (§7-§19) and its defects 8, 9, 11.
import { shapeOf } from '../alibaba-decode.js';
import { jsonResponse, RpcGate, rpcOk, type RpcCall, type RpcProduct } from '../alibaba-rpc.js';
import { requestId as newRequestId } from '../ids.js';
import { sampleOf } from '../schema-sample.js';
import type { InjectedFault, PlacedCall, SandboxContext, SandboxRequest, SandboxResponse, VendorSimulator } from '../types.js';
import { beijingClock, clockSeconds, isTerminal, queryPairs, signPath, uuid, verifySignedPath, wavResponse } from '../volcengine/sim-util.js';
import {
  DEFAULT_CALLING_NUMBER,
  FINAL,
  OutboundbotState,
  type CallNumber,
  type Contact,
  type ConversationLine,
  type Instance,
  type Job,
  type JobGroup,
  type JobStatus,
  type Script,
  type Strategy,
  type Task,
} from './state.js';

export const OUTBOUNDBOT_PRODUCT: RpcProduct = {
  product: 'outboundbot',
  version: '2019-12-26',
  host: 'outboundbot.cn-shanghai.aliyuncs.com',
  recommendName: 'OutboundBot',
};

/** Signed recording URLs expire after an hour (real time). */
const RECORDING_TTL_S = 3600;
/** Rows a sandbox batch roster (JobFilePath) stands for. */
export const SANDBOX_ROSTER_ROWS = 3;

class ObError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const notExist = (what: 'Instance' | 'Script' | 'JobGroup' | 'Job', id: string) =>
  new ObError(404, `NotExist.${what}`, `The specified ${what} does not exist. (${what}Id: ${id})`);
const invalid = (name: string, why: string) => new ObError(400, 'InvalidParameter', `The specified parameter ${name} is invalid: ${why}.`);

type Input = Record<string, unknown>;

// ---- reading input: validated natural JSON (catalog) or the raw flat wire form ----

function text(input: Input, name: string): string | undefined {
  const v = input[name];
  if (v === undefined || v === null || v === '') return undefined;
  return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function integer(input: Input, name: string): number | undefined {
  const v = input[name];
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw invalid(name, 'not a number');
  return n;
}

function flag(input: Input, name: string): boolean | undefined {
  const v = input[name];
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return undefined;
}

function parsed(value: unknown, name: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw invalid(name, 'not valid JSON');
  }
}

/** Name.1, Name.2... (raw) or an array (decoded). */
function repeatList(input: Input, raw: Record<string, string>, name: string): unknown[] | undefined {
  const v = input[name];
  if (Array.isArray(v)) return v;
  const items = Object.entries(raw)
    .map(([k, value]) => [new RegExp(`^${name}\\.(\\d+)$`).exec(k)?.[1], value] as const)
    .filter((e): e is readonly [string, string] => e[0] !== undefined)
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map((e) => e[1]);
  return items.length ? items : undefined;
}

function page(input: Input): { number: number; size: number } {
  return { number: Math.max(1, integer(input, 'PageNumber') ?? 1), size: Math.max(1, integer(input, 'PageSize') ?? 10) };
}

function paged<T>(items: T[], input: Input): { List: T[]; PageNumber: number; PageSize: number; TotalCount: number } {
  const p = page(input);
  return { List: items.slice((p.number - 1) * p.size, p.number * p.size), PageNumber: p.number, PageSize: p.size, TotalCount: items.length };
}

// ---- strategy ----

function strategyFrom(value: unknown, id: string, base?: Strategy): Strategy {
  const raw = (parsed(value, 'StrategyJson') ?? {}) as Record<string, unknown>;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid('StrategyJson', 'must be a JSON object');
  const windows = Array.isArray(raw.workingTime)
    ? (raw.workingTime as Array<Record<string, unknown>>).map((w, i) => {
        const beginTime = String(w?.beginTime ?? '');
        const endTime = String(w?.endTime ?? '');
        if (clockSeconds(beginTime) === undefined || clockSeconds(endTime) === undefined) throw invalid(`StrategyJson.workingTime.${i}`, 'use HH:mm:ss');
        return { beginTime, endTime };
      })
    : undefined;
  const n = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : Number(v));
  return {
    id: base?.id ?? id,
    name: typeof raw.name === 'string' ? raw.name : (base?.name ?? 'sandbox strategy'),
    maxAttemptsPerDay: n(raw.maxAttemptsPerDay) ?? base?.maxAttemptsPerDay ?? 1,
    minAttemptInterval: n(raw.minAttemptInterval) ?? base?.minAttemptInterval ?? 10,
    startTime: n(raw.startTime) ?? base?.startTime,
    endTime: n(raw.endTime) ?? base?.endTime,
    workingTime: windows ?? base?.workingTime ?? [],
    repeatBy: typeof raw.repeatBy === 'string' ? raw.repeatBy : (base?.repeatBy ?? 'Once'),
    routingStrategy: typeof raw.routingStrategy === 'string' ? raw.routingStrategy : (base?.routingStrategy ?? 'LocalFirst'),
  };
}

/** Whether the strategy lets the group dial at sandbox time `at` (working windows in Beijing time). */
function inWindow(strategy: Strategy, at: number): boolean {
  if (strategy.startTime !== undefined && at < strategy.startTime) return false;
  if (strategy.endTime !== undefined && at >= strategy.endTime) return false;
  if (!strategy.workingTime.length) return true;
  const { seconds } = beijingClock(at);
  return strategy.workingTime.some((w) => {
    const from = clockSeconds(w.beginTime) ?? 0;
    const to = clockSeconds(w.endTime) ?? 86_400;
    return seconds >= from && seconds < to;
  });
}

function strategyOut(s: Strategy) {
  return {
    StrategyId: s.id,
    StrategyName: s.name,
    StrategyDescription: '',
    Type: 'Repeatable',
    StartTime: s.startTime ?? 0,
    EndTime: s.endTime ?? 0,
    MaxAttemptsPerDay: s.maxAttemptsPerDay,
    MinAttemptInterval: s.minAttemptInterval,
    RepeatBy: s.repeatBy,
    RepeatDays: [],
    RoutingStrategy: s.routingStrategy,
    FollowUpStrategy: 'CONTINUE',
    IsTemplate: false,
    Customized: '{}',
    WorkingTime: s.workingTime.map((w) => ({ BeginTime: w.beginTime, EndTime: w.endTime })),
  };
}

// ---- call outcome words ----

function taskStatusOf(call: PlacedCall): string {
  switch (call.status) {
    case 'completed':
      return 'Succeeded';
    case 'no_answer':
      return 'NoAnswer';
    case 'busy':
      return 'Busy';
    case 'power_off':
      return 'PoweredOff';
    case 'failed':
      return 'NotConnected';
    default:
      return 'Executing';
  }
}

function hangUpDirection(call: PlacedCall): string {
  return call.hangupSide === 'user' ? 'client' : call.hangupSide === 'robot' ? 'robot' : 'system';
}

// ---- the simulator ----

type Handler = (call: RpcCall, ctx: SandboxContext) => Record<string, unknown>;

export class OutboundbotSimulator implements VendorSimulator {
  readonly vendor = 'outboundbot' as const;
  readonly state = new OutboundbotState();
  readonly gate: RpcGate;
  private readonly handlers: Record<string, Handler>;

  constructor(options: { qps?: Record<string, number> } = {}) {
    this.handlers = {
      ListInstances: () => ({ Instances: [...this.state.instances.values()] }),
      DescribeInstance: (c) => ({ Instance: this.instance(c.input) }),
      CreateInstance: (c, ctx) => this.createInstance(c.input, ctx),
      ModifyInstance: (c) => this.modifyInstance(c.input),
      DeleteInstance: (c) => this.deleteInstance(c.input),
      ListScripts: (c) => ({ Scripts: paged(this.scriptsOf(c.input).map(scriptOut), c.input) }),
      QueryScriptsByStatus: (c) => this.scriptsByStatus(c),
      DescribeScript: (c) => ({ Script: scriptOut(this.script(c.input)) }),
      CreateScript: (c, ctx) => this.createScript(c.input, ctx),
      ModifyScript: (c, ctx) => this.modifyScript(c.input, ctx),
      DeleteScript: (c) => this.deleteScript(c.input),
      DuplicateScript: (c, ctx) => this.duplicateScript(c.input, ctx),
      SubmitScriptReview: (c, ctx) => {
        this.setScriptStatus(c.input, ctx, 'PUBLISHED');
        return {};
      },
      WithdrawScriptReview: (c, ctx) => ({ Script: scriptOut(this.setScriptStatus(c.input, ctx, 'DRAFTED')) }),
      ListTags: (c) => this.listTags(c.input),
      ListOutboundCallNumbers: (c) => ({ OutboundCallNumbers: paged(this.numbersOf(c.input).map(numberOut), c.input) }),
      CreateOutboundCallNumber: (c, ctx) => this.createNumber(c.input, ctx),
      ModifyOutboundCallNumber: (c) => ({ OutboundCallNumber: numberOut(this.modifyNumber(c.input)) }),
      DeleteOutboundCallNumber: (c) => this.deleteNumber(c.input),
      CreateJobGroup: (c, ctx) => this.createJobGroup(c, ctx),
      ModifyJobGroup: (c, ctx) => this.modifyJobGroup(c, ctx),
      DeleteJobGroup: (c) => this.deleteJobGroup(c.input),
      DescribeJobGroup: (c, ctx) => ({ JobGroup: this.describeGroup(this.group(c.input), ctx, repeatList(c.input, c.params, 'BriefTypes')) }),
      ListJobGroups: (c, ctx) => this.listJobGroups(c.input, ctx),
      AssignJobs: (c, ctx) => this.assignJobs(c, ctx),
      StartJob: (c, ctx) => this.startJob(c, ctx),
      CreateBatchJobs: (c, ctx) => this.createBatchJobs(c, ctx),
      ModifyBatchJobs: (c, ctx) => this.modifyBatchJobs(c, ctx),
      SubmitBatchJobs: (c, ctx) => this.submitBatchJobs(c, ctx),
      SuspendJobs: (c, ctx) => this.changeJobs(c, ctx, 'pause'),
      ResumeJobs: (c, ctx) => this.changeJobs(c, ctx, 'resume'),
      CancelJobs: (c, ctx) => this.changeJobs(c, ctx, 'cancel'),
      ListJobsByGroup: (c, ctx) => this.listJobsByGroup(c.input, ctx),
      ListJobs: (c, ctx) => this.listJobs(c, ctx),
      QueryJobs: (c, ctx) => this.queryJobs(c.input, ctx),
      DescribeJob: (c, ctx) => ({ Job: this.jobOut(this.job(c.input), ctx, true) }),
      DownloadRecording: (c, ctx) => this.downloadRecording(c.input, ctx),
      DescribeTagHitsSummary: (c) => this.tagHits(c.input),
    };
    this.gate = new RpcGate({ ...OUTBOUNDBOT_PRODUCT, extraActions: Object.keys(this.handlers), qps: options.qps });
  }

  handle(request: SandboxRequest, ctx: SandboxContext): SandboxResponse {
    const path = request.path.split('?')[0];
    if (request.method === 'GET' && path.startsWith('/recordings/')) return this.serveRecording(request, ctx);
    if (!/^\/*$/.test(path)) {
      return this.gate.error(404, 'InvalidApi.NotFound', 'Specified api is not found, please check your url and method.', newRequestId(ctx.rng));
    }
    const checked = this.gate.check(request, ctx);
    if (!checked.ok) return checked.response;
    const call = checked.call;
    this.step(ctx);
    try {
      const handler = this.handlers[call.action];
      const payload = handler ? handler(call, ctx) : this.generic(call, ctx);
      this.step(ctx);
      return rpcOk(call.requestId, { Code: 'OK', HttpStatusCode: 200, Message: 'Success', Success: true, ...payload });
    } catch (error) {
      if (error instanceof ObError) {
        return jsonResponse(
          error.status,
          { RequestId: call.requestId, Code: error.code, Message: error.message, HttpStatusCode: error.status, Success: false },
          { 'x-acs-request-id': call.requestId },
        );
      }
      throw error;
    }
  }

  tick(ctx: SandboxContext): void {
    this.step(ctx);
  }

  faultResponse(fault: InjectedFault): SandboxResponse {
    const id = `${Date.now().toString(16).toUpperCase().padStart(8, '0').slice(-8)}-0000-4000-8000-000000000000`;
    return fault === '5xx'
      ? this.gate.error(500, 'InternalError', 'An error occurred while processing your request. Please try again later. Submit a ticket if the error still exists.', id)
      : this.gate.error(400, 'Throttling.User', 'Request was denied due to user flow control.', id);
  }

  reset(): void {
    this.state.reset();
    this.gate.reset();
  }

  // ---- generic answers for configuration operations without state ----

  /**
   * A documented-shape answer: the output schema's required fields, IDs echoed from the input
   * or new ones for created objects; the instance and script named must exist.
   */
  private generic(call: RpcCall, ctx: SandboxContext): Record<string, unknown> {
    if (call.input.InstanceId !== undefined) this.instance(call.input);
    if (call.input.ScriptId !== undefined) this.script(call.input);
    if (!call.operation) return {};
    const sample = (sampleOf(call.operation.output) ?? {}) as Record<string, unknown>;
    const shape = shapeOf(call.operation.output) ?? {};
    const idFor = (key: string) => text(call.input, key) ?? uuid(ctx);
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(shape)) {
      if (['RequestId', 'Code', 'Message', 'HttpStatusCode', 'Success'].includes(key)) continue;
      if (key.endsWith('Id')) out[key] = idFor(key);
      else if (key in sample) {
        const value = sample[key];
        const sub = shapeOf(schema);
        if (value && typeof value === 'object' && !Array.isArray(value) && sub) {
          const ids = Object.fromEntries(Object.keys(sub).filter((k) => k.endsWith('Id')).map((k) => [k, idFor(k)]));
          out[key] = { ...value, ...ids };
        } else out[key] = value;
      }
    }
    return out;
  }

  // ---- instances ----

  private instance(input: Input): Instance {
    const id = text(input, 'InstanceId') ?? '';
    const found = this.state.instances.get(id);
    if (!found) throw notExist('Instance', id);
    return found;
  }

  private createInstance(input: Input, ctx: SandboxContext) {
    const name = text(input, 'InstanceName') ?? '';
    if ([...this.state.instances.values()].some((i) => i.InstanceName === name)) {
      throw new ObError(400, 'InvalidInstanceName.Duplicated', 'The specified InstanceName already exists.');
    }
    const max = integer(input, 'MaxConcurrentConversation') ?? 1;
    if (max > 500) throw new ObError(400, 'LimitExceeded.ConcurrentConversation', 'The maximum number of concurrent conversations is exceeded.');
    const instance: Instance = {
      InstanceId: uuid(ctx),
      InstanceName: name,
      InstanceDescription: text(input, 'InstanceDescription') ?? '',
      MaxConcurrentConversation: max,
      CreationTime: ctx.clock.now(),
    };
    this.state.instances.set(instance.InstanceId, instance);
    return { Instance: instance };
  }

  private modifyInstance(input: Input) {
    const instance = this.instance(input);
    const name = text(input, 'InstanceName');
    if (name && [...this.state.instances.values()].some((i) => i.InstanceName === name && i !== instance)) {
      throw new ObError(400, 'InvalidInstanceName.Duplicated', 'The specified InstanceName already exists.');
    }
    const max = integer(input, 'MaxConcurrentConversation');
    if (max !== undefined && max > 500) throw new ObError(400, 'LimitExceeded.ConcurrentConversation', 'The maximum number of concurrent conversations is exceeded.');
    if (name) instance.InstanceName = name;
    if (max !== undefined) instance.MaxConcurrentConversation = max;
    const description = text(input, 'InstanceDescription');
    if (description !== undefined) instance.InstanceDescription = description;
    return { Instance: instance };
  }

  private deleteInstance(input: Input) {
    const instance = this.instance(input);
    this.state.instances.delete(instance.InstanceId);
    for (const group of this.state.groups.values()) if (group.instanceId === instance.InstanceId) this.cancelGroup(group);
    return {};
  }

  // ---- scripts ----

  private scriptsOf(input: Input): Script[] {
    const instance = this.instance(input);
    return [...this.state.scripts.values()].filter((s) => s.instanceId === instance.InstanceId);
  }

  private script(input: Input, key = 'ScriptId'): Script {
    const instance = this.instance(input);
    const id = text(input, key) ?? '';
    const found = this.state.scripts.get(id);
    if (!found || found.instanceId !== instance.InstanceId) throw notExist('Script', id);
    return found;
  }

  private scriptsByStatus(call: RpcCall) {
    const wanted = (repeatList(call.input, call.params, 'StatusList') ?? []).map(String);
    const list = this.scriptsOf(call.input).filter((s) => !wanted.length || wanted.includes(s.Status));
    return { Scripts: paged(list.map((s) => ({ ...scriptOut(s), AppliedVersion: String(s.UpdateTime), DebugVersion: String(s.UpdateTime) })), call.input) };
  }

  private createScript(input: Input, ctx: SandboxContext) {
    const instance = this.instance(input);
    const name = text(input, 'ScriptName') ?? '';
    if (this.scriptsOf(input).some((s) => s.ScriptName === name)) throw new ObError(400, 'InvalidScriptName.Duplicated', 'The specified ScriptName already exists.');
    const script: Script = {
      instanceId: instance.InstanceId,
      ScriptId: uuid(ctx),
      ScriptName: name,
      ScriptDescription: text(input, 'ScriptDescription') ?? '',
      Industry: text(input, 'Industry') ?? '',
      Scene: text(input, 'Scene') ?? '',
      Status: 'DRAFTED',
      DebugStatus: 'DRAFTED',
      IsDrafted: true,
      IsDebugDrafted: true,
      UpdateTime: ctx.clock.now(),
      tagGroups: [],
    };
    this.state.scripts.set(script.ScriptId, script);
    return { Script: scriptOut(script) };
  }

  private modifyScript(input: Input, ctx: SandboxContext) {
    const script = this.script(input);
    const name = text(input, 'ScriptName');
    if (name && this.scriptsOf(input).some((s) => s.ScriptName === name && s !== script)) {
      throw new ObError(400, 'InvalidScriptName.Duplicated', 'The specified ScriptName already exists.');
    }
    if (name) script.ScriptName = name;
    for (const key of ['ScriptDescription', 'Industry', 'Scene'] as const) {
      const value = text(input, key);
      if (value !== undefined) script[key] = value;
    }
    script.IsDrafted = true;
    script.UpdateTime = ctx.clock.now();
    return { Script: scriptOut(script) };
  }

  private deleteScript(input: Input) {
    const script = this.script(input);
    this.state.scripts.delete(script.ScriptId);
    return {};
  }

  private duplicateScript(input: Input, ctx: SandboxContext) {
    const source = this.script(input, 'SourceScriptId');
    const copy: Script = { ...source, ScriptId: uuid(ctx), ScriptName: text(input, 'Name') ?? `${source.ScriptName} copy`, Status: 'DRAFTED', IsDrafted: true, UpdateTime: ctx.clock.now() };
    copy.tagGroups = source.tagGroups.map((g) => ({ name: g.name, tags: [...g.tags] }));
    this.state.scripts.set(copy.ScriptId, copy);
    return { ScriptId: copy.ScriptId, SourceScriptId: source.ScriptId };
  }

  private setScriptStatus(input: Input, ctx: SandboxContext, status: string): Script {
    const script = this.script(input);
    script.Status = status;
    script.IsDrafted = status !== 'PUBLISHED';
    script.UpdateTime = ctx.clock.now();
    return script;
  }

  private listTags(input: Input) {
    const script = this.script(input);
    return {
      TagGroups: script.tagGroups.map((g, i) => ({ ScriptId: script.ScriptId, TagGroup: g.name, TagGroupId: `${script.ScriptId}-g${i}`, TagGroupIndex: i })),
      Tags: script.tagGroups.flatMap((g) => g.tags.map((t, i) => ({ ScriptId: script.ScriptId, TagGroup: g.name, TagId: `${script.ScriptId}-${g.name}-${i}`, TagIndex: i, TagName: t }))),
    };
  }

  // ---- caller numbers ----

  private numbersOf(input: Input): CallNumber[] {
    const instance = this.instance(input);
    return [...this.state.numbers.values()].filter((n) => n.instanceId === instance.InstanceId);
  }

  private createNumber(input: Input, ctx: SandboxContext) {
    const instance = this.instance(input);
    const number: CallNumber = {
      instanceId: instance.InstanceId,
      OutboundCallNumberId: uuid(ctx),
      Number: text(input, 'Number') ?? '',
      RateLimitCount: text(input, 'RateLimitCount') ?? '1',
      RateLimitPeriod: text(input, 'RateLimitPeriod') ?? '1',
    };
    this.state.numbers.set(number.OutboundCallNumberId, number);
    return { OutboundCallNumberId: number.OutboundCallNumberId };
  }

  private numberById(input: Input): CallNumber {
    const instance = this.instance(input);
    const id = text(input, 'OutboundCallNumberId') ?? '';
    const found = this.state.numbers.get(id);
    if (!found || found.instanceId !== instance.InstanceId) throw invalid('OutboundCallNumberId', `no caller number ${id} in this instance`);
    return found;
  }

  private modifyNumber(input: Input): CallNumber {
    const number = this.numberById(input);
    for (const key of ['Number', 'RateLimitCount', 'RateLimitPeriod'] as const) {
      const value = text(input, key);
      if (value !== undefined) number[key] = value;
    }
    return number;
  }

  private deleteNumber(input: Input) {
    this.state.numbers.delete(this.numberById(input).OutboundCallNumberId);
    return {};
  }

  // ---- job groups ----

  private group(input: Input): JobGroup {
    const instance = this.instance(input);
    const id = text(input, 'JobGroupId') ?? '';
    const found = this.state.groups.get(id);
    if (!found || found.instanceId !== instance.InstanceId || found.hidden) throw notExist('JobGroup', id);
    return found;
  }

  private callingNumbers(call: RpcCall): string[] | undefined {
    return repeatList(call.input, call.params, 'CallingNumber')?.map(String);
  }

  private newGroup(call: RpcCall, ctx: SandboxContext, fields: { name: string; description?: string; batch: boolean; draft: boolean }): JobGroup {
    const instance = this.instance(call.input);
    const scriptId = text(call.input, 'ScriptId');
    if (scriptId) this.script(call.input);
    const now = ctx.clock.now();
    const group: JobGroup = {
      JobGroupId: uuid(ctx),
      instanceId: instance.InstanceId,
      JobGroupName: fields.name,
      JobGroupDescription: fields.description ?? '',
      ScriptId: scriptId ?? '',
      ScenarioId: text(call.input, 'ScenarioId') ?? '',
      callingNumbers: this.callingNumbers(call) ?? [],
      strategy: strategyFrom(call.input.StrategyJson, uuid(ctx)),
      CreationTime: now,
      ModifyTime: now,
      JobFilePath: text(call.input, 'JobFilePath') ?? '',
      draft: fields.draft,
      batch: fields.batch,
      jobs: [],
    };
    this.state.groups.set(group.JobGroupId, group);
    return group;
  }

  private createJobGroup(call: RpcCall, ctx: SandboxContext) {
    const group = this.newGroup(call, ctx, {
      name: text(call.input, 'JobGroupName') ?? '',
      description: text(call.input, 'JobGroupDescription'),
      batch: false,
      draft: false,
    });
    return { JobGroup: this.groupOut(group, ctx) };
  }

  /** The changes ModifyJobGroup and ModifyBatchJobs share; `nameField` is the input field of the new name. */
  private modifyGroup(group: JobGroup, call: RpcCall, nameField: string): void {
    if (text(call.input, 'ScriptId')) {
      this.script(call.input);
      group.ScriptId = text(call.input, 'ScriptId') as string;
    }
    group.JobGroupName = text(call.input, nameField) ?? group.JobGroupName;
    group.JobGroupDescription = text(call.input, 'Description') ?? group.JobGroupDescription;
    group.ScenarioId = text(call.input, 'ScenarioId') ?? group.ScenarioId;
    group.callingNumbers = this.callingNumbers(call) ?? group.callingNumbers;
    if (call.input.StrategyJson !== undefined) group.strategy = strategyFrom(call.input.StrategyJson, group.strategy.id, group.strategy);
  }

  private modifyJobGroup(call: RpcCall, ctx: SandboxContext) {
    const group = this.group(call.input);
    this.modifyGroup(group, call, 'Name');
    group.ModifyTime = ctx.clock.now();
    this.wake(group);
    return { JobGroup: this.groupOut(group, ctx) };
  }

  private deleteJobGroup(input: Input) {
    const group = this.group(input);
    this.cancelGroup(group);
    this.state.groups.delete(group.JobGroupId);
    return {};
  }

  private cancelGroup(group: JobGroup): void {
    for (const job of group.jobs) {
      if (job.status === 'Executing') job.pendingChange = 'cancel';
      else if (!FINAL.has(job.status)) job.status = 'Cancelled';
    }
  }

  private counts(group: JobGroup): Record<JobStatus, number> {
    const counts: Record<JobStatus, number> = { Scheduling: 0, Executing: 0, Succeeded: 0, Paused: 0, Failed: 0, Cancelled: 0, Drafted: 0 };
    for (const job of group.jobs) counts[job.status] += 1;
    return counts;
  }

  private groupStatus(group: JobGroup): string {
    const c = this.counts(group);
    if (group.draft) return 'Draft';
    if (c.Executing) return 'Executing';
    if (c.Scheduling) return 'Scheduling';
    if (c.Paused) return 'Paused';
    if (group.jobs.length && c.Cancelled === group.jobs.length) return 'Cancelled';
    if (group.jobs.length) return 'Completed';
    return 'Scheduling';
  }

  private groupOut(group: JobGroup, ctx: SandboxContext): Record<string, unknown> {
    this.stepGroup(group, ctx, ctx.clock.now());
    const script = this.state.scripts.get(group.ScriptId);
    return {
      JobGroupId: group.JobGroupId,
      JobGroupName: group.JobGroupName,
      JobGroupDescription: group.JobGroupDescription,
      Status: this.groupStatus(group),
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

  private progress(group: JobGroup, briefTypes?: unknown[]) {
    const c = this.counts(group);
    const briefs = new Map<string, number>();
    for (const job of group.jobs) {
      const brief = job.tasks.at(-1)?.ended?.Brief;
      if (brief) briefs.set(brief, (briefs.get(brief) ?? 0) + 1);
    }
    const wanted = briefTypes?.map(String);
    return {
      Status: this.groupStatus(group),
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

  private describeGroup(group: JobGroup, ctx: SandboxContext, briefTypes?: unknown[]) {
    const ended = group.jobs.flatMap((j) => j.tasks).filter((t) => t.ended);
    const answered = ended.filter((t) => t.ended?.answered);
    return {
      ...this.groupOut(group, ctx),
      Progress: this.progress(group, briefTypes),
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

  private listJobGroups(input: Input, ctx: SandboxContext) {
    const instance = this.instance(input);
    const from = integer(input, 'StartTime');
    const to = integer(input, 'EndTime');
    const groups = [...this.state.groups.values()]
      .filter((g) => g.instanceId === instance.InstanceId && !g.hidden)
      .filter((g) => (from === undefined || g.CreationTime >= from) && (to === undefined || g.CreationTime <= to))
      .sort((a, b) => b.CreationTime - a.CreationTime);
    const pageOf = paged(groups, input);
    return {
      JobGroups: {
        ...pageOf,
        List: pageOf.List.map((g) => {
          const full = this.groupOut(g, ctx);
          const p = this.progress(g);
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

  // ---- jobs ----

  private jobFrom(spec: unknown, group: JobGroup, ctx: SandboxContext, name: string, status: JobStatus, operation: string): Job {
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
    this.state.jobs.set(job.JobId, job);
    return job;
  }

  private assignJobs(call: RpcCall, ctx: SandboxContext) {
    const group = this.group(call.input);
    const specs = repeatList(call.input, call.params, 'JobsJson') ?? [];
    if (!specs.length && !text(call.input, 'JobDataParsingTaskId')) throw invalid('JobsJson', 'give at least one job');
    if (call.input.StrategyJson !== undefined) group.strategy = strategyFrom(call.input.StrategyJson, group.strategy.id, group.strategy);
    group.callingNumbers = this.callingNumbers(call) ?? group.callingNumbers;
    const status: JobStatus = group.draft ? 'Drafted' : 'Scheduling';
    const jobs = specs.map((spec, i) => this.jobFrom(spec, group, ctx, `JobsJson.${i + 1}`, status, 'outboundbot.AssignJobs'));
    this.wake(group);
    return { JobGroupId: group.JobGroupId, JobsId: jobs.map((j) => j.JobId) };
  }

  private startJob(call: RpcCall, ctx: SandboxContext) {
    const instance = this.instance(call.input);
    const scriptId = text(call.input, 'ScriptId');
    if (scriptId) this.script(call.input);
    let group: JobGroup;
    if (text(call.input, 'JobGroupId')) group = this.group(call.input);
    else {
      const hiddenId = `startjob-${instance.InstanceId}`;
      group =
        this.state.groups.get(hiddenId) ??
        (() => {
          const g = this.newGroup(call, ctx, { name: 'StartJob', batch: false, draft: false });
          this.state.groups.delete(g.JobGroupId);
          g.JobGroupId = hiddenId;
          g.hidden = true;
          this.state.groups.set(hiddenId, g);
          return g;
        })();
    }
    const job = this.jobFrom(call.input.JobJson, group, ctx, 'JobJson', 'Scheduling', 'outboundbot.StartJob');
    const callingNumbers = this.callingNumbers(call);
    // StartJob bypasses the scheduler (strategy windows, concurrency): dial now.
    const task = this.dial(job, group, ctx, ctx.clock.now(), callingNumbers);
    this.wake(group);
    const key = job.ReferenceId || job.contacts[0].PhoneNumber;
    return { TaskIds: [{ Key: key, Value: task.TaskId }], CallIds: [{ Key: key, Value: task.callId }] };
  }

  /** A roster file stands for SANDBOX_ROSTER_ROWS callees with numbers derived from its path. */
  private rosterJobs(group: JobGroup, path: string, ctx: SandboxContext, status: JobStatus, operation: string): Job[] {
    let h = 0;
    for (const ch of path) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return Array.from({ length: SANDBOX_ROSTER_ROWS }, (_, i) =>
      this.jobFrom(
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
  private submits(call: RpcCall): boolean {
    const v = call.input.Submitted;
    if (v === 'submit' || v === false || v === 'false') return true;
    if (v === 'draft' || v === true || v === 'true') return false;
    throw new ObError(400, 'MissingParameter', 'The input parameter "Submitted" that is mandatory for processing this request is not supplied.');
  }

  private submitGroup(group: JobGroup, ctx: SandboxContext, operation: string): void {
    group.draft = false;
    const now = ctx.clock.now();
    for (const job of group.jobs) {
      if (job.status !== 'Drafted') continue;
      job.status = 'Scheduling';
      job.nextAt = now;
      job.operation = operation;
    }
    this.wake(group);
  }

  private createBatchJobs(call: RpcCall, ctx: SandboxContext) {
    const submit = this.submits(call);
    const group = this.newGroup(call, ctx, { name: text(call.input, 'BatchJobName') ?? '', description: text(call.input, 'BatchJobDescription'), batch: true, draft: true });
    if (group.JobFilePath) this.rosterJobs(group, group.JobFilePath, ctx, 'Drafted', 'outboundbot.CreateBatchJobs');
    if (submit) this.submitGroup(group, ctx, 'outboundbot.CreateBatchJobs');
    const out = this.groupOut(group, ctx);
    return { BatchJob: { ...out, BatchJobId: group.JobGroupId, BatchJobName: group.JobGroupName } };
  }

  private modifyBatchJobs(call: RpcCall, ctx: SandboxContext) {
    const group = this.group(call.input);
    const submit = this.submits(call);
    this.modifyGroup(group, call, 'BatchJobName');
    const path = text(call.input, 'JobFilePath');
    if (path && path !== group.JobFilePath) {
      group.JobFilePath = path;
      this.rosterJobs(group, path, ctx, group.draft ? 'Drafted' : 'Scheduling', 'outboundbot.ModifyBatchJobs');
    }
    group.ModifyTime = ctx.clock.now();
    if (submit) this.submitGroup(group, ctx, 'outboundbot.ModifyBatchJobs');
    else if (group.jobs.every((j) => j.status === 'Drafted')) group.draft = true;
    this.wake(group);
    return { JobGroup: this.groupOut(group, ctx) };
  }

  private submitBatchJobs(call: RpcCall, ctx: SandboxContext) {
    const group = this.group(call.input);
    this.submitGroup(group, ctx, 'outboundbot.SubmitBatchJobs');
    return {};
  }

  /** SuspendJobs / ResumeJobs / CancelJobs: All=true acts on every job of the instance (seed defect 9). */
  private changeJobs(call: RpcCall, ctx: SandboxContext, change: 'pause' | 'resume' | 'cancel') {
    const instance = this.instance(call.input);
    const all = flag(call.input, 'All');
    if (all === undefined) throw new ObError(400, 'MissingParameter', 'The input parameter "All" that is mandatory for processing this request is not supplied.');
    let jobs = [...this.state.jobs.values()].filter((j) => j.instanceId === instance.InstanceId);
    if (!all) {
      const groupId = text(call.input, 'JobGroupId');
      if (groupId) this.group(call.input);
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
      const group = this.state.groups.get(job.groupId);
      if (group) this.wake(group);
    }
    return {};
  }

  private job(input: Input): Job {
    const instance = this.instance(input);
    const id = text(input, 'JobId') ?? '';
    const found = this.state.jobs.get(id);
    if (!found || found.instanceId !== instance.InstanceId) throw notExist('Job', id);
    return found;
  }

  private taskOut(task: Task, job: Job) {
    const e = task.ended;
    return {
      TaskId: task.TaskId,
      JobId: job.JobId,
      ScenarioId: job.ScenarioId,
      Status: e?.status ?? 'Executing',
      PlanedTime: task.PlanedTime,
      ActualTime: task.ActualTime,
      EndTime: e?.EndTime ?? 0,
      ChatbotId: this.state.groups.get(job.groupId)?.ScriptId ?? '',
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

  private jobOut(job: Job, ctx: SandboxContext, withTasks: boolean): Record<string, unknown> {
    const group = this.state.groups.get(job.groupId);
    if (group) this.stepGroup(group, ctx, ctx.clock.now());
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
      out.Tasks = job.tasks.map((t) => this.taskOut(t, job));
      out.ActualTime = job.tasks[0]?.ActualTime ?? 0;
      out.NextExecutionTime = job.status === 'Scheduling' ? job.nextAt : 0;
      out.CalledNumber = last?.CalledNumber ?? job.contacts[0].PhoneNumber;
      out.EndReason = last?.ended ? String(last.ended.answered ? 1 : 0) : '';
      out.DsReport = tag ? JSON.stringify([{ TagGroup: tag.group, TagName: tag.name }]) : '';
    }
    return out;
  }

  private listJobsByGroup(input: Input, ctx: SandboxContext) {
    const group = this.group(input);
    this.stepGroup(group, ctx, ctx.clock.now());
    const status = text(input, 'JobStatus');
    const reason = text(input, 'JobFailureReason');
    const jobs = group.jobs.filter((j) => (!status || j.status === status) && (!reason || j.FailureReason === reason));
    const pageOf = paged(jobs, input);
    return { Jobs: { ...pageOf, List: pageOf.List.map((j) => this.jobOut(j, ctx, false)) } };
  }

  private listJobs(call: RpcCall, ctx: SandboxContext) {
    this.instance(call.input);
    const ids = (repeatList(call.input, call.params, 'JobId') ?? []).map(String);
    if (!ids.length) throw new ObError(400, 'MissingParameter', 'The input parameter "JobId.1" that is mandatory for processing this request is not supplied.');
    return { Jobs: ids.map((id) => this.state.jobs.get(id)).filter((j): j is Job => !!j && j.instanceId === text(call.input, 'InstanceId')).map((j) => this.jobOut(j, ctx, true)) };
  }

  private queryJobs(input: Input, ctx: SandboxContext) {
    const instance = this.instance(input);
    const groupId = text(input, 'JobGroupId');
    if (groupId) this.group(input);
    const scenarioId = text(input, 'ScenarioId');
    const name = text(input, 'ContactName');
    const phone = text(input, 'PhoneNumber');
    const from = integer(input, 'StartTime');
    const to = integer(input, 'EndTime');
    const align = text(input, 'TimeAlignment') ?? 'start';
    for (const group of this.state.groups.values()) if (group.instanceId === instance.InstanceId) this.stepGroup(group, ctx, ctx.clock.now());
    const jobs = [...this.state.jobs.values()].filter((j) => {
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
    return { Jobs: { ...pageOf, List: pageOf.List.map((j) => this.jobOut(j, ctx, true)) } };
  }

  // ---- recordings and statistics ----

  private downloadRecording(input: Input, ctx: SandboxContext) {
    this.instance(input);
    const taskId = text(input, 'TaskId') ?? '';
    const task = this.state.tasks.get(taskId);
    const job = task && this.state.jobs.get(task.jobId);
    if (!task || !job || job.instanceId !== text(input, 'InstanceId')) throw invalid('TaskId', `no call attempt ${taskId} in this instance`);
    const group = this.state.groups.get(job.groupId);
    if (group) this.stepGroup(group, ctx, ctx.clock.now());
    if (!task.ended?.answered) throw invalid('TaskId', 'the call was not answered, so there is no recording');
    const fileName = `${task.TaskId}.wav`;
    const path = `/recordings/${fileName}`;
    const expires = Math.floor(ctx.clock.realNow() / 1000) + RECORDING_TTL_S;
    const url = `${ctx.baseUrl}/outboundbot${path}?Expires=${expires}&OSSAccessKeyId=sandbox&Signature=${signPath(path, expires)}`;
    return { DownloadParams: { FileName: fileName, SignatureUrl: url } };
  }

  private serveRecording(request: SandboxRequest, ctx: SandboxContext): SandboxResponse {
    const path = request.path.split('?')[0];
    const query = Object.fromEntries(queryPairs(request));
    const check = verifySignedPath(path, query.Expires, query.Signature, ctx.clock.realNow());
    const taskId = /^\/recordings\/([^/]+)\.wav$/.exec(path)?.[1];
    const task = taskId ? this.state.tasks.get(taskId) : undefined;
    if (check !== 'ok' || !task?.ended?.answered) {
      const code = check === 'expired' ? 'AccessDenied' : 'SignatureDoesNotMatch';
      const message = check === 'expired' ? 'Request has expired.' : 'The request signature we calculated does not match the signature you provided.';
      return { status: 403, headers: { 'Content-Type': 'application/xml' }, body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>` };
    }
    return wavResponse(`${task.TaskId}.wav`, Math.min(task.ended.Duration || 1, 3));
  }

  private tagHits(input: Input) {
    const group = this.group(input);
    const script = this.state.scripts.get(group.ScriptId);
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

  // ---- dialling ----

  private wake(group: JobGroup): void {
    if (!this.state.live.has(group)) group.lastStep = undefined;
    this.state.live.add(group);
  }

  private step(ctx: SandboxContext): void {
    const now = ctx.clock.now();
    for (const group of [...this.state.live]) {
      if (!this.stepGroup(group, ctx, now)) {
        this.state.live.delete(group);
        group.lastStep = undefined;
      }
    }
  }

  private executingIn(instanceId: string): number {
    let n = 0;
    for (const group of this.state.live) if (group.instanceId === instanceId) for (const job of group.jobs) if (job.status === 'Executing') n++;
    return n;
  }

  /**
   * Notices ended calls, then dials due jobs within the strategy's windows, up to the group's
   * concurrency (the sandbox's taskConcurrency, bounded by the instance's MaxConcurrentConversation).
   * A line freed at sandbox time T is re-used at T. Returns whether work remains.
   */
  private stepGroup(group: JobGroup, ctx: SandboxContext, now: number): boolean {
    const instance = this.state.instances.get(group.instanceId);
    for (let round = 0; round < 1000; round++) {
      const freed: number[] = [];
      let executing = 0;
      let waiting = false;
      for (const job of group.jobs) {
        if (job.status === 'Executing') {
          const ended = this.finish(job, group, ctx);
          if (ended === undefined) executing++;
          else freed.push(ended);
        }
        if (job.status === 'Scheduling') waiting = true;
      }
      if (!waiting || group.hidden) return executing > 0 || waiting;
      if (!instance) return executing > 0;
      if (!inWindow(group.strategy, now)) {
        group.lastStep = now;
        return true;
      }
      const limit = Math.min(ctx.config.taskConcurrency, instance.MaxConcurrentConversation);
      let room = Math.min(limit - executing, instance.MaxConcurrentConversation - this.executingIn(group.instanceId) + 0);
      freed.sort((a, b) => a - b);
      const earliest = Math.max(group.strategy.startTime ?? 0, group.lastStep ?? now);
      let placedInPast = false;
      for (const job of group.jobs) {
        if (room <= 0) break;
        if (job.status !== 'Scheduling' || job.nextAt > now) continue;
        const at = Math.min(now, Math.max(job.nextAt, freed.shift() ?? earliest));
        const task = this.dial(job, group, ctx, at);
        if (ctx.getCall(task.callId)?.endAt !== undefined) placedInPast = true;
        room--;
      }
      group.lastStep = now;
      if (!placedInPast) return true;
    }
    return true;
  }

  private dial(job: Job, group: JobGroup, ctx: SandboxContext, at: number, callingNumbers?: string[]): Task {
    const contact = job.contacts[job.attempts % job.contacts.length];
    const numbers = callingNumbers?.length ? callingNumbers : group.callingNumbers.length ? group.callingNumbers : [DEFAULT_CALLING_NUMBER];
    const caller = numbers[job.attempts % numbers.length];
    const callId = uuid(ctx);
    const placed = ctx.placeCall({
      id: callId,
      createdAt: at,
      vendor: 'outboundbot',
      operation: job.operation,
      number: contact.PhoneNumber,
      callerNumber: caller,
      outId: contact.ReferenceId || undefined,
      taskId: group.hidden ? undefined : group.JobGroupId,
    });
    const task: Task = {
      TaskId: uuid(ctx),
      jobId: job.JobId,
      callId: placed.id,
      operation: job.operation,
      PlanedTime: job.nextAt,
      ActualTime: at,
      CalledNumber: contact.PhoneNumber,
      CallingNumber: caller,
      contact,
    };
    job.tasks.push(task);
    job.attempts++;
    job.status = 'Executing';
    this.state.tasks.set(task.TaskId, task);
    group.firstCallAt = Math.min(group.firstCallAt ?? at, at);
    return task;
  }

  /** If the job's call has ended: fill in the attempt and decide the job's next state. Returns the end time. */
  private finish(job: Job, group: JobGroup, ctx: SandboxContext): number | undefined {
    const task = job.tasks.at(-1);
    const call = task && ctx.getCall(task.callId);
    if (!task || !call) return undefined;
    if (!isTerminal(call)) return undefined;
    const endedAt = call.endAt ?? ctx.clock.now();
    const answered = call.status === 'completed';
    const script = this.state.scripts.get(group.ScriptId);
    let tag: { group: string; name: string } | undefined;
    if (answered && script?.tagGroups.length) {
      const g = script.tagGroups[Math.floor(ctx.rng.next() * script.tagGroups.length)];
      tag = { group: g.name, name: g.tags[Math.floor(ctx.rng.next() * g.tags.length)] };
    }
    task.ended = {
      status: taskStatusOf(call),
      EndTime: endedAt,
      Duration: call.durationSeconds ?? 0,
      EndReason: answered ? 'FINISHED' : taskStatusOf(call),
      HangUpDirection: hangUpDirection(call),
      answered,
      Conversation: answered ? conversation(task, call) : [],
      Brief: answered ? (tag?.name ?? '已触达') : '',
      tag,
    };
    group.lastEndAt = Math.max(group.lastEndAt ?? endedAt, endedAt);
    const change = job.pendingChange;
    job.pendingChange = undefined;
    if (answered) {
      job.status = 'Succeeded';
      job.FailureReason = '';
    } else if (change === 'cancel') job.status = 'Cancelled';
    else if (job.attempts < group.strategy.maxAttemptsPerDay) {
      job.status = change === 'pause' ? 'Paused' : 'Scheduling';
      job.nextAt = endedAt + group.strategy.minAttemptInterval * 60_000;
      job.FailureReason = taskStatusOf(call);
    } else {
      job.status = 'Failed';
      job.FailureReason = taskStatusOf(call);
    }
    return endedAt;
  }
}

function conversation(task: Task, call: PlacedCall): ConversationLine[] {
  const start = call.answerAt ?? call.createdAt;
  const who = task.contact.Honorific || task.contact.ContactName || '您';
  const line = (offset: number, Speaker: 'Robot' | 'Contact', Script: string, Action = ''): ConversationLine => ({
    Speaker,
    Script,
    Timestamp: start + offset,
    Action,
    ActionParams: '',
  });
  const lines = [line(500, 'Robot', `${who}您好，这里是沙箱外呼机器人，提醒您的服务即将到期。`, 'Broadcast'), line(6000, 'Contact', '好的，知道了。')];
  if (call.hangupSide === 'robot') lines.push(line(9000, 'Robot', '感谢您的接听，再见。', 'Hangup'));
  return lines;
}

function scriptOut(s: Script) {
  return {
    ScriptId: s.ScriptId,
    ScriptName: s.ScriptName,
    ScriptDescription: s.ScriptDescription,
    Industry: s.Industry,
    Scene: s.Scene,
    Status: s.Status,
    DebugStatus: s.DebugStatus,
    IsDrafted: s.IsDrafted,
    IsDebugDrafted: s.IsDebugDrafted,
    RejectReason: '',
    UpdateTime: s.UpdateTime,
  };
}

function numberOut(n: CallNumber) {
  return { OutboundCallNumberId: n.OutboundCallNumberId, Number: n.Number, RateLimitCount: n.RateLimitCount, RateLimitPeriod: n.RateLimitPeriod };
}

/** A fresh simulator with its own state (one per sandbox server). */
export function createOutboundbotSimulator(options: { qps?: Record<string, number> } = {}): OutboundbotSimulator {
  return new OutboundbotSimulator(options);
}

export default createOutboundbotSimulator;
