// What to check after an unknown outcome: the values of the fields the operation declares (`check`),
// so a user can look the request up before retrying it.
import type { AnyOperation } from './operation.js';
import { valuesAt } from './policy/paths.js';

const MAX_CHECK_IDS = 20;

/** e.g. { OutId: 'o-1' } or { 'List.1.SingleOpenId': 'a', 'List.2.SingleOpenId': 'b' } (items counted from 1). */
export function checkWith(op: AnyOperation, input: Record<string, unknown>): Record<string, string> | undefined {
  const found: Record<string, string> = {};
  for (const path of op.check ?? []) {
    for (const { field, value } of valuesAt(input, path)) {
      if (Object.keys(found).length >= MAX_CHECK_IDS) break;
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      found[field.replace(/\[(\d+)\]/g, (_, i: string) => `.${Number(i) + 1}`)] = String(value);
    }
  }
  return Object.keys(found).length ? found : undefined;
}
