// Reading Volcengine request parameters: the handler scope, the vendor's business errors, typed readers
// of parameter values, and validation against the catalog.
import { z } from 'zod';
import { valueAt, type AnyOperation } from '../../core/operation.js';
import type { SandboxContext, SandboxRequest } from '../types.js';
import { beijingClock, clockSeconds, header, parseBeijingDateTime } from '../sim-util.js';
import { type Task, type VolcState } from './state.js';

export interface BusinessError {
  status: number;
  code: string;
  message: string;
}

export class VolcError extends Error {
  constructor(readonly error: BusinessError) {
    super(error.message);
  }
}

export const missing = (name: string) => new VolcError({ status: 400, code: 'MissingParameter', message: `The required parameter ${name} is missing.` });

export const invalid = (name: string, detail?: string) =>
  new VolcError({ status: 400, code: 'InvalidParameter', message: `The specified parameter ${name} is invalid.${detail ? ` ${detail}` : ''}` });

export const denied = (detail: string) =>
  new VolcError({ status: 400, code: 'OperationDenied', message: `Operation is denied because the specified resource is in use. ${detail}` });

export type Params = Record<string, unknown>;

/** Everything a volcengine operation handler may touch: the validated parameters, the request, the sandbox and the state. */
export interface VolcScope {
  params: Params;
  ctx: SandboxContext;
  request: SandboxRequest;
  state: VolcState;
}

/** An operation's Result (undefined: no Result), or a VolcError thrown. */
export type VolcHandler = (scope: VolcScope) => unknown;

export function str(params: Params, name: string, required = false): string | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') {
    if (required) throw missing(name);
    return undefined;
  }
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw invalid(name, 'It must be a string.');
  return value;
}

export function integer(params: Params, name: string, min?: number, max?: number): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw invalid(name, 'It must be an integer.');
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) throw invalid(name, `It must be between ${min ?? '-∞'} and ${max ?? '∞'}.`);
  return n;
}

export function bool(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw invalid(name, 'It must be true or false.');
}

/** Arrays arrive as JSON arrays, as JSON text (form/query bodies) or as comma lists. */
export function array(params: Params, name: string): unknown[] | undefined {
  let value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.startsWith('[')) {
      try {
        value = JSON.parse(text) as unknown;
      } catch {
        throw invalid(name, 'It is not valid JSON.');
      }
    } else value = text.split(',').map((s) => s.trim()).filter(Boolean);
  }
  if (!Array.isArray(value)) throw invalid(name, 'It must be a list.');
  return value;
}

export function objectParam(value: unknown, name: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw invalid(name, 'It is not valid JSON.');
  }
}

export const PHONE = /^\+?\d{3,20}$/;

export function parseTime(params: Params, name: string): number | undefined {
  const text = str(params, name);
  if (text === undefined) return undefined;
  const ms = parseBeijingDateTime(text);
  if (ms === undefined) throw invalid(name, 'Use yyyy-MM-dd HH:mm:ss.');
  return ms;
}

export function forbidList(params: Params): Task['forbidTimeList'] | undefined {
  const list = array(params, 'ForbidTimeList');
  if (!list) return undefined;
  return list.map((item, i) => {
    const obj = objectParam(item, `ForbidTimeList.${i}`) as { Times?: unknown; Weekdays?: unknown };
    if (!obj || typeof obj !== 'object') throw invalid(`ForbidTimeList.${i}`);
    const times = Array.isArray(obj.Times) ? obj.Times.map(String) : undefined;
    if (!times || times.some((t) => !/^\d{1,2}:\d{2}-\d{1,2}:\d{2}$/.test(t))) throw invalid(`ForbidTimeList.${i}.Times`, 'Use ["HH:mm-HH:mm"].');
    const weekdays = Array.isArray(obj.Weekdays) ? obj.Weekdays.map(Number) : undefined;
    if (weekdays?.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) throw invalid(`ForbidTimeList.${i}.Weekdays`, 'Use 1 (Sunday) to 7 (Saturday).');
    return { Times: times, Weekdays: weekdays };
  });
}

/** Whether the Beijing wall clock falls in a do-not-call window (Weekdays: 1 = Sunday ... 7 = Saturday). */
export function forbidden(list: Task['forbidTimeList'], now: number): boolean {
  if (!list.length) return false;
  const { seconds, weekday } = beijingClock(now);
  return list.some((item) => {
    if (item.Weekdays?.length && !item.Weekdays.includes(weekday + 1)) return false;
    return (item.Times ?? []).some((range) => {
      const [from, to] = range.split('-').map(clockSeconds);
      return from !== undefined && to !== undefined && seconds >= from && seconds < to;
    });
  });
}

export function shapeKeys(schema: z.ZodType): string[] | undefined {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : undefined;
}

/**
 * Checks the parameters with the operation's catalog schema, as the vendor checks its input.
 * Form and query bodies carry every value as text, so values are also tried as JSON.
 */
export function validateWithCatalog(op: AnyOperation, params: Params): Params {
  const keys = shapeKeys(op.input);
  const known = keys ? Object.fromEntries(Object.entries(params).filter(([k]) => keys.includes(k))) : params;
  let result = op.input.safeParse(known);
  if (!result.success) {
    const coerced: Params = { ...known };
    for (const issue of result.error.issues) {
      const key = issue.path[0];
      if (typeof key !== 'string' || typeof coerced[key] !== 'string') continue;
      try {
        coerced[key] = JSON.parse(coerced[key] as string) as unknown;
      } catch {
        // keep the text
      }
    }
    result = op.input.safeParse(coerced);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : 'request');
      if (valueAt(coerced, issue.path) === undefined && issue.code === 'invalid_type') throw missing(field);
      throw invalid(field, issue.message);
    }
  }
  return { ...params, ...(result.data as Params) };
}

/** Query parameters, then the body (JSON or form); body values win. */
export function requestParams(request: SandboxRequest, query: Record<string, string>): Params {
  const params: Params = { ...query };
  delete params.Action;
  delete params.Version;
  const body = request.body.trim();
  if (!body) return params;
  const type = (header(request, 'content-type') ?? '').toLowerCase();
  if (type.includes('json') || body.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new VolcError({ status: 400, code: 'InvalidParameter', message: 'The specified parameter body is invalid. The request body is not valid JSON.' });
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new VolcError({ status: 400, code: 'InvalidParameter', message: 'The specified parameter body is invalid. The JSON body must be an object.' });
    }
    return { ...params, ...(parsed as Params) };
  }
  for (const [k, v] of new URLSearchParams(body)) params[k] = v;
  return params;
}
