// Phone-number rules: normalisation, glob patterns, emergency numbers, and finding the callees in
// any catalog operation's input (so invoke_operation is guarded like the curated tools).
import { getPath, type AnyOperation } from '../../core/operation.js';
import { planOf } from '../../core/policy/plan.js';

/** Emergency and public-service numbers (CN, EU, US, UK, AU): never dialled by the server, whatever the configuration. */
export const EMERGENCY_NUMBERS: ReadonlySet<string> = new Set(['110', '112', '119', '120', '122', '999', '911', '000', '12110', '12395', '12315']);

/** Strips formatting (spaces, dashes, dots, brackets). */
export function normalizeNumber(raw: string): string {
  return raw.replace(/[\s\-().]/g, '');
}

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
// Callees and tasks in operation inputs: read from each operation's declared effects (core/policy/plan.ts).

/** Every number an operation's (validated) input makes the vendor call or message, normalised and de-duplicated. */
export function calleesOf(op: AnyOperation, input: Record<string, unknown>): string[] {
  return [...new Set(planOf(op, input, { now: 0 }).contacts.map((c) => normalizeNumber(c.raw)))];
}

/** "<product>:<task id>" when the input names a task/campaign. */
export function taskKeyOf(op: AnyOperation, input: Record<string, unknown>): string | undefined {
  return planOf(op, input, { now: 0 }).taskKey;
}

/** The task/campaign an operation created or filled, from its output. */
export function createdTaskKey(op: AnyOperation, output: unknown): string | undefined {
  const id = (op.returns?.taskId ?? []).map((path) => getPath(output, path)).find((v) => typeof v === 'string' || typeof v === 'number');
  return id === undefined ? undefined : `${op.product}:${String(id)}`;
}
