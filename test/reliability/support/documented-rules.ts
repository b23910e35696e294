// The input rules as users read them (docs/operations.md: one table row per parameter), and, per kind of
// rule, hand-written values that break it. The "refused before sending" property draws its invalid inputs
// from these, not from the schema under test, so a rule the docs state but the schema does not enforce fails.
import { readFileSync } from 'node:fs';

export interface DocumentedField {
  name: string;
  type: string;
  required: boolean;
  constraints: string;
}

/** A change to a valid input that breaks one documented rule. */
export interface Breakage {
  /** The top-level field the error must name. */
  field: string;
  rule: string;
  /** The new value, or `drop` to remove the field. */
  change: { drop: true } | { value: unknown };
}

const OPERATIONS_MD = new URL('../../../docs/operations.md', import.meta.url);

/** Every operation's documented parameters, by operation id. */
export function documentedFields(): Map<string, DocumentedField[]> {
  const byOperation = new Map<string, DocumentedField[]>();
  let current: DocumentedField[] | undefined;
  for (const line of readFileSync(OPERATIONS_MD, 'utf8').split('\n')) {
    const heading = /^### `([^`]+)`/.exec(line);
    if (heading) {
      current = [];
      byOperation.set(heading[1], current);
      continue;
    }
    const row = /^\| `([^`]+)` \| ([^|]*) \| (yes|no) \| (.*) \| .* \|$/.exec(line);
    if (row && current) current.push({ name: row[1], type: row[2].trim(), required: row[3] === 'yes', constraints: row[4].trim() });
  }
  return byOperation;
}

const PHONE_PATTERNS = new Set(['^\\+?\\d{3,20}$', '^\\d{3,20}$', '^(\\+?\\d{3,20})?$']);
/** Phone numbers the docs' rule ("3-20 digits, optionally starting with +") refuses. */
const BAD_PHONE_NUMBERS = ['12', '1'.repeat(21), '138-0013-8000', 'call me', '++8613800138000', '+'];
/** Text that breaks most patterns; each is used only where the documented pattern really refuses it. */
const ODD_TEXT = [' ', 'a b', 'line\nbreak', '%%%', '../etc/passwd', '🙂🙂', 'x'.repeat(300), '-leading-dash'];

const valueOf = (text: string) => (/^-?\d+$/.test(text) ? Number(text) : text);

/** One documented field's breakages, from a hand-written table per kind of rule. */
function breakagesOf(field: DocumentedField): Breakage[] {
  const out: Breakage[] = [];
  const set = (rule: string, value: unknown) => out.push({ field: field.name, rule, change: { value } });
  if (field.required) out.push({ field: field.name, rule: 'required', change: { drop: true } });
  const c = field.constraints.replace(/; default .*$/, '');

  const pattern = /^pattern `(.+)`$/.exec(c);
  const length = /^length (\d+)-(\d*)$/.exec(c);
  const range = /^(-?\d+)\.\.(-?\d*)$/.exec(c);
  const oneOf = /^one of (.+)$/.exec(c);
  if (pattern && PHONE_PATTERNS.has(pattern[1])) {
    for (const bad of BAD_PHONE_NUMBERS) set('phone number', bad);
  } else if (pattern) {
    const documented = new RegExp(pattern[1]);
    for (const text of ODD_TEXT.filter((t) => !documented.test(t))) set(`pattern ${pattern[1]}`, text);
  } else if (length) {
    const min = Number(length[1]);
    if (min > 0) set(`at least ${min} characters`, 'x'.repeat(min - 1));
    if (length[2]) set(`at most ${length[2]} characters`, 'x'.repeat(Number(length[2]) + 1));
  } else if (range) {
    set(`at least ${range[1]}`, Number(range[1]) - 1);
    if (range[2]) set(`at most ${range[2]}`, Number(range[2]) + 1);
  } else if (oneOf) {
    const choices = [...oneOf[1].matchAll(/`([^`]*)`/g)].map((m) => valueOf(m[1]));
    set('one of the listed values', typeof choices[0] === 'number' ? Math.max(...(choices as number[])) + 1 : 'not-one-of-these');
  }

  switch (field.type) {
    case 'integer':
      set('an integer', 1.5);
      set('an integer', 'twelve');
      break;
    case 'boolean':
      set('a boolean', 'maybe');
      break;
    case 'string':
      set('text', { not: 'text' });
      break;
    case 'object':
      set('an object', 'not an object');
      break;
    case 'string[]':
    case 'object[]':
      set('a list', { not: 'a list' });
      break;
  }
  return out;
}

/** Every documented rule of one operation broken once, plus an unknown parameter. */
export function breakages(fields: DocumentedField[]): Breakage[] {
  return [...fields.flatMap(breakagesOf), { field: 'callbridgeUnknownField', rule: 'no unknown parameters', change: { value: 'x' } }];
}

export function applyBreakage(valid: Record<string, unknown>, breakage: Breakage): Record<string, unknown> {
  const input = structuredClone(valid);
  if ('drop' in breakage.change) delete input[breakage.field];
  else input[breakage.field] = breakage.change.value;
  return input;
}
