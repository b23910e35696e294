// Outbound Bot configuration: instances, scripts and their tags, caller numbers.
import type { RpcCall } from '../alibaba-rpc.js';
import type { SandboxContext } from '../types.js';
import { uuid } from '../sim-util.js';
import { cancelGroup } from './groups.js';
import { findInstance, findScript, type Input, integer, invalid, ObError, type ObHandler, paged, repeatList, text } from './scope.js';
import { type CallNumber, type Instance, type OutboundbotState, type Script } from './state.js';

export function createInstance(state: OutboundbotState, input: Input, ctx: SandboxContext) {
  const name = text(input, 'InstanceName') ?? '';
  if ([...state.instances.values()].some((i) => i.InstanceName === name)) {
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
  state.instances.set(instance.InstanceId, instance);
  return { Instance: instance };
}

export function modifyInstance(state: OutboundbotState, input: Input) {
  const instance = findInstance(state, input);
  const name = text(input, 'InstanceName');
  if (name && [...state.instances.values()].some((i) => i.InstanceName === name && i !== instance)) {
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

export function deleteInstance(state: OutboundbotState, input: Input) {
  const instance = findInstance(state, input);
  state.instances.delete(instance.InstanceId);
  for (const group of state.groups.values()) if (group.instanceId === instance.InstanceId) cancelGroup(group);
  return {};
}

export function scriptsOf(state: OutboundbotState, input: Input): Script[] {
  const instance = findInstance(state, input);
  return [...state.scripts.values()].filter((s) => s.instanceId === instance.InstanceId);
}

export function scriptsByStatus(state: OutboundbotState, call: RpcCall) {
  const wanted = (repeatList(call.input, call.params, 'StatusList') ?? []).map(String);
  const list = scriptsOf(state, call.input).filter((s) => !wanted.length || wanted.includes(s.Status));
  return { Scripts: paged(list.map((s) => ({ ...scriptOut(s), AppliedVersion: String(s.UpdateTime), DebugVersion: String(s.UpdateTime) })), call.input) };
}

export function createScript(state: OutboundbotState, input: Input, ctx: SandboxContext) {
  const instance = findInstance(state, input);
  const name = text(input, 'ScriptName') ?? '';
  if (scriptsOf(state, input).some((s) => s.ScriptName === name)) throw new ObError(400, 'InvalidScriptName.Duplicated', 'The specified ScriptName already exists.');
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
  state.scripts.set(script.ScriptId, script);
  return { Script: scriptOut(script) };
}

export function modifyScript(state: OutboundbotState, input: Input, ctx: SandboxContext) {
  const script = findScript(state, input);
  const name = text(input, 'ScriptName');
  if (name && scriptsOf(state, input).some((s) => s.ScriptName === name && s !== script)) {
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

export function deleteScript(state: OutboundbotState, input: Input) {
  const script = findScript(state, input);
  state.scripts.delete(script.ScriptId);
  return {};
}

export function duplicateScript(state: OutboundbotState, input: Input, ctx: SandboxContext) {
  const source = findScript(state, input, 'SourceScriptId');
  const copy: Script = { ...source, ScriptId: uuid(ctx), ScriptName: text(input, 'Name') ?? `${source.ScriptName} copy`, Status: 'DRAFTED', IsDrafted: true, UpdateTime: ctx.clock.now() };
  copy.tagGroups = source.tagGroups.map((g) => ({ name: g.name, tags: [...g.tags] }));
  state.scripts.set(copy.ScriptId, copy);
  return { ScriptId: copy.ScriptId, SourceScriptId: source.ScriptId };
}

export function setScriptStatus(state: OutboundbotState, input: Input, ctx: SandboxContext, status: string): Script {
  const script = findScript(state, input);
  script.Status = status;
  script.IsDrafted = status !== 'PUBLISHED';
  script.UpdateTime = ctx.clock.now();
  return script;
}

export function listTags(state: OutboundbotState, input: Input) {
  const script = findScript(state, input);
  return {
    TagGroups: script.tagGroups.map((g, i) => ({ ScriptId: script.ScriptId, TagGroup: g.name, TagGroupId: `${script.ScriptId}-g${i}`, TagGroupIndex: i })),
    Tags: script.tagGroups.flatMap((g) => g.tags.map((t, i) => ({ ScriptId: script.ScriptId, TagGroup: g.name, TagId: `${script.ScriptId}-${g.name}-${i}`, TagIndex: i, TagName: t }))),
  };
}

export function numbersOf(state: OutboundbotState, input: Input): CallNumber[] {
  const instance = findInstance(state, input);
  return [...state.numbers.values()].filter((n) => n.instanceId === instance.InstanceId);
}

export function createNumber(state: OutboundbotState, input: Input, ctx: SandboxContext) {
  const instance = findInstance(state, input);
  const number: CallNumber = {
    instanceId: instance.InstanceId,
    OutboundCallNumberId: uuid(ctx),
    Number: text(input, 'Number') ?? '',
    RateLimitCount: text(input, 'RateLimitCount') ?? '1',
    RateLimitPeriod: text(input, 'RateLimitPeriod') ?? '1',
  };
  state.numbers.set(number.OutboundCallNumberId, number);
  return { OutboundCallNumberId: number.OutboundCallNumberId };
}

export function numberById(state: OutboundbotState, input: Input): CallNumber {
  const instance = findInstance(state, input);
  const id = text(input, 'OutboundCallNumberId') ?? '';
  const found = state.numbers.get(id);
  if (!found || found.instanceId !== instance.InstanceId) throw invalid('OutboundCallNumberId', `no caller number ${id} in this instance`);
  return found;
}

export function modifyNumber(state: OutboundbotState, input: Input): CallNumber {
  const number = numberById(state, input);
  for (const key of ['Number', 'RateLimitCount', 'RateLimitPeriod'] as const) {
    const value = text(input, key);
    if (value !== undefined) number[key] = value;
  }
  return number;
}

export function deleteNumber(state: OutboundbotState, input: Input) {
  state.numbers.delete(numberById(state, input).OutboundCallNumberId);
  return {};
}

export function scriptOut(s: Script) {
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

export function numberOut(n: CallNumber) {
  return { OutboundCallNumberId: n.OutboundCallNumberId, Number: n.Number, RateLimitCount: n.RateLimitCount, RateLimitPeriod: n.RateLimitPeriod };
}

/** Instance, script and caller-number operations. */
export const instanceHandlers: Record<string, ObHandler> = {
  ListInstances: ({ state }) => ({ Instances: [...state.instances.values()] }),
  DescribeInstance: ({ call: c, state }) => ({ Instance: findInstance(state, c.input) }),
  CreateInstance: ({ call: c, ctx, state }) => createInstance(state, c.input, ctx),
  ModifyInstance: ({ call: c, state }) => modifyInstance(state, c.input),
  DeleteInstance: ({ call: c, state }) => deleteInstance(state, c.input),
  ListScripts: ({ call: c, state }) => ({ Scripts: paged(scriptsOf(state, c.input).map(scriptOut), c.input) }),
  QueryScriptsByStatus: ({ call: c, state }) => scriptsByStatus(state, c),
  DescribeScript: ({ call: c, state }) => ({ Script: scriptOut(findScript(state, c.input)) }),
  CreateScript: ({ call: c, ctx, state }) => createScript(state, c.input, ctx),
  ModifyScript: ({ call: c, ctx, state }) => modifyScript(state, c.input, ctx),
  DeleteScript: ({ call: c, state }) => deleteScript(state, c.input),
  DuplicateScript: ({ call: c, ctx, state }) => duplicateScript(state, c.input, ctx),
  SubmitScriptReview: ({ call: c, ctx, state }) => {
    setScriptStatus(state, c.input, ctx, 'PUBLISHED');
    return {};
  },
  WithdrawScriptReview: ({ call: c, ctx, state }) => ({ Script: scriptOut(setScriptStatus(state, c.input, ctx, 'DRAFTED')) }),
  ListTags: ({ call: c, state }) => listTags(state, c.input),
  ListOutboundCallNumbers: ({ call: c, state }) => ({ OutboundCallNumbers: paged(numbersOf(state, c.input).map(numberOut), c.input) }),
  CreateOutboundCallNumber: ({ call: c, ctx, state }) => createNumber(state, c.input, ctx),
  ModifyOutboundCallNumber: ({ call: c, state }) => ({ OutboundCallNumber: numberOut(modifyNumber(state, c.input)) }),
  DeleteOutboundCallNumber: ({ call: c, state }) => deleteNumber(state, c.input),
};
