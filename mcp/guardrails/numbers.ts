// Phone-number rules: normalisation, glob patterns, emergency numbers, and finding the callees in
// any catalog operation's input (so invoke_operation is guarded like the curated tools).
import type { AnyOperation } from '../../core/operation.js';
import { normalizeNumber } from '../../core/phone-number.js';

/** Emergency and public-service numbers (CN, EU, US, UK, AU): never dialled by the server, whatever the configuration. */
export const EMERGENCY_NUMBERS: ReadonlySet<string> = new Set(['110', '112', '119', '120', '122', '999', '911', '000', '12110', '12395', '12315']);

/**
 * Forms a number is matched in: as written, without a leading "+" or "00", and the national form
 * of a +86 / 0086 / 86 number. A pattern matches when it matches any form.
 */
export function numberVariants(raw: string): string[] {
  const n = normalizeNumber(raw);
  const out = new Set([n]);
  let international: string | undefined;
  if (n.startsWith('+')) international = n.slice(1);
  else if (n.startsWith('00')) international = n.slice(2);
  if (international) {
    out.add(international);
    out.add(`+${international}`);
  }
  const digits = international ?? n;
  if (digits.startsWith('86') && digits.length >= 12) out.add(digits.slice(2));
  return [...out];
}

/** Glob match: `*` any run of characters, `?` one character, everything else literal. */
export function globMatch(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(value);
}

/** The first pattern that matches any form of the number. */
export function matchingPattern(patterns: readonly string[], number: string): string | undefined {
  const variants = numberVariants(number);
  return patterns.find((p) => variants.some((v) => globMatch(p, v)));
}

export function isEmergencyNumber(number: string): boolean {
  return numberVariants(number).some((v) => EMERGENCY_NUMBERS.has(v.replace(/^\+/, '')));
}

// ---------------------------------------------------------------------------------------------
// Callees in operation inputs

/** Input keys (any depth) that hold the numbers an operation calls. Caller-ID keys are not listed. */
const CALLEE_KEYS = new Set(['callednumber', 'callee', 'called', 'callednum', 'phone', 'phonenumber', 'outto']);

const LOOKS_LIKE_NUMBER = /^\+?[\d\s\-().]{3,30}$/;

function collect(value: unknown, keys: Set<string>, out: Set<string>, underKey: boolean, depth = 0): void {
  if (depth > 8 || value === undefined || value === null) return;
  if (typeof value === 'string') {
    const t = value.trim();
    if ((t.startsWith('{') || t.startsWith('[')) && t.length < 5_000_000) {
      try {
        collect(JSON.parse(t), keys, out, underKey, depth + 1);
        return;
      } catch {
        // not JSON: fall through
      }
    }
    if (underKey) {
      for (const part of t.split(',')) {
        const p = part.trim();
        if (LOOKS_LIKE_NUMBER.test(p) && /\d{3}/.test(normalizeNumber(p))) out.add(normalizeNumber(p));
      }
    }
    return;
  }
  if (typeof value === 'number') {
    if (underKey && Number.isInteger(value) && value > 99) out.add(String(value));
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collect(item, keys, out, underKey, depth + 1);
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      collect(v, keys, out, keys.has(k.toLowerCase()), depth + 1);
    }
  }
}

/** Every callee number in an operation's (validated) input, normalised and de-duplicated. */
export function calleesOf(op: AnyOperation, input: unknown): string[] {
  const keys = new Set(CALLEE_KEYS);
  for (const k of op.calleeFields ?? []) keys.add(k.toLowerCase());
  const out = new Set<string>();
  collect(input, keys, out, false);
  return [...out];
}

/** Keys naming the task or campaign an operation acts on, in priority order. */
const TASK_KEYS = ['TaskOpenId', 'TaskId', 'JobGroupId', 'Id'];

/** "<product>:<task id>" when the input names a task/campaign. */
export function taskKeyOf(op: AnyOperation, input: Record<string, unknown>): string | undefined {
  for (const key of TASK_KEYS) {
    const v = input[key];
    if (typeof v === 'string' || typeof v === 'number') return `${op.product}:${String(v)}`;
  }
  return undefined;
}

/** The task/campaign a create operation made, from its output. */
export function createdTaskKey(op: AnyOperation, output: unknown): string | undefined {
  if (!/^(Create|Assign)/.test(op.action) || output === null || typeof output !== 'object') return undefined;
  const o = output as Record<string, unknown>;
  const result = o.Result as Record<string, unknown> | undefined;
  const group = o.JobGroup as Record<string, unknown> | undefined;
  const candidates = [result?.TaskOpenId, o.JobGroupId, group?.JobGroupId, op.product === 'dyvms' ? o.Data : undefined];
  const id = candidates.find((v) => typeof v === 'string' || typeof v === 'number');
  return id === undefined ? undefined : `${op.product}:${String(id)}`;
}
