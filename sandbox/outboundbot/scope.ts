// What every Outbound Bot operation handler works with: the scope (request, sandbox, state), the
// vendor's error, readers of input values, and lookups of the objects an input names.
import type { RpcCall } from '../alibaba-rpc.js';
import type { SandboxContext } from '../types.js';
import type { Instance, Job, JobGroup, OutboundbotState, Script } from './state.js';

/** Everything an outboundbot operation handler may touch. */
export interface ObScope {
  call: RpcCall;
  ctx: SandboxContext;
  state: OutboundbotState;
}

/** An operation's answer payload (the simulator adds Code, Message, Success...), or an ObError thrown. */
export type ObHandler = (scope: ObScope) => Record<string, unknown>;

export class ObError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notExist = (what: 'Instance' | 'Script' | 'JobGroup' | 'Job', id: string) =>
  new ObError(404, `NotExist.${what}`, `The specified ${what} does not exist. (${what}Id: ${id})`);
export const invalid = (name: string, why: string) => new ObError(400, 'InvalidParameter', `The specified parameter ${name} is invalid: ${why}.`);

export type Input = Record<string, unknown>;

// ---- reading input: validated natural JSON (catalog) or the raw flat wire form ----

export function text(input: Input, name: string): string | undefined {
  const v = input[name];
  if (v === undefined || v === null || v === '') return undefined;
  return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function integer(input: Input, name: string): number | undefined {
  const v = input[name];
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw invalid(name, 'not a number');
  return n;
}

export function flag(input: Input, name: string): boolean | undefined {
  const v = input[name];
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return undefined;
}

export function parsed(value: unknown, name: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw invalid(name, 'not valid JSON');
  }
}

/** Name.1, Name.2... (raw) or an array (decoded). */
export function repeatList(input: Input, raw: Record<string, string>, name: string): unknown[] | undefined {
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

export function paged<T>(items: T[], input: Input): { List: T[]; PageNumber: number; PageSize: number; TotalCount: number } {
  const p = page(input);
  return { List: items.slice((p.number - 1) * p.size, p.number * p.size), PageNumber: p.number, PageSize: p.size, TotalCount: items.length };
}

// ---- objects an input names ----

export function findInstance(state: OutboundbotState, input: Input): Instance {
  const id = text(input, 'InstanceId') ?? '';
  const found = state.instances.get(id);
  if (!found) throw notExist('Instance', id);
  return found;
}

export function findScript(state: OutboundbotState, input: Input, key = 'ScriptId'): Script {
  const instance = findInstance(state, input);
  const id = text(input, key) ?? '';
  const found = state.scripts.get(id);
  if (!found || found.instanceId !== instance.InstanceId) throw notExist('Script', id);
  return found;
}

export function findGroup(state: OutboundbotState, input: Input): JobGroup {
  const instance = findInstance(state, input);
  const id = text(input, 'JobGroupId') ?? '';
  const found = state.groups.get(id);
  if (!found || found.instanceId !== instance.InstanceId || found.hidden) throw notExist('JobGroup', id);
  return found;
}

export function findJob(state: OutboundbotState, input: Input): Job {
  const instance = findInstance(state, input);
  const id = text(input, 'JobId') ?? '';
  const found = state.jobs.get(id);
  if (!found || found.instanceId !== instance.InstanceId) throw notExist('Job', id);
  return found;
}

export function callingNumbersOf(call: RpcCall): string[] | undefined {
  return repeatList(call.input, call.params, 'CallingNumber')?.map(String);
}
