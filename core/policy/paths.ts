// Reading a declared field path (see FieldPath in types.ts) out of an operation's validated input.
import { isRecord } from '../vendors/read.js';
import type { FieldPath } from './types.js';

/** One value found at a path, with where it was: "JobsJson[2].contacts[0].phonenumber". */
export interface Found {
  field: string;
  value: unknown;
}

/** A string holding a JSON object or array, parsed; anything else as is. */
function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return value;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return value;
  }
}

/**
 * Every value at `path` in `input`: keys are followed (through JSON text on the way), `[]` walks each
 * item of an array. Missing keys give nothing. The values at the end are returned as they are.
 */
export function valuesAt(input: unknown, path: FieldPath): Found[] {
  let current: Found[] = [{ field: '', value: input }];
  for (const segment of path.split('.')) {
    const walk = segment.endsWith('[]');
    const key = walk ? segment.slice(0, -2) : segment;
    const next: Found[] = [];
    for (const { field, value } of current) {
      const holder = parsed(value);
      if (!isRecord(holder) || holder[key] === undefined || holder[key] === null) continue;
      const at = field ? `${field}.${key}` : key;
      if (!walk) {
        next.push({ field: at, value: holder[key] });
        continue;
      }
      const items = parsed(holder[key]);
      if (Array.isArray(items)) items.forEach((item: unknown, i) => next.push({ field: `${at}[${i}]`, value: item }));
    }
    current = next;
  }
  return current;
}

/**
 * The scalar entries at `path`: an array at the end is walked, JSON text parsed, and a comma-separated
 * string split ("13800000000,13900000000"). Numbers become text.
 */
export function entriesAt(input: unknown, path: FieldPath): Array<{ field: string; text: string }> {
  const out: Array<{ field: string; text: string }> = [];
  const add = (field: string, value: unknown): void => {
    const v = parsed(value);
    if (Array.isArray(v)) v.forEach((item: unknown, i) => add(`${field}[${i}]`, item));
    else if (typeof v === 'number' && Number.isFinite(v)) out.push({ field, text: String(v) });
    else if (typeof v === 'string') {
      const parts = v.split(',').map((p) => p.trim()).filter((p) => p.length > 0);
      if (parts.length > 1) parts.forEach((text, i) => out.push({ field: `${field}[${i}]`, text }));
      else if (parts.length === 1) out.push({ field, text: parts[0] });
    }
  };
  for (const { field, value } of valuesAt(input, path)) add(field, value);
  return out;
}

/** The array items a concrete field lies in: "List[2].Phone" -> "List[2]"; "outto" -> "". */
export function itemOf(field: string): string {
  const end = field.lastIndexOf(']');
  return end < 0 ? '' : field.slice(0, end + 1);
}
