// The one lenient reader of vendor records, shared by the vendor adapters (answers, call results,
// receipts), the vendor-neutral providers and the sandbox's simulators: a field may come as a JSON
// string, a number as text, a list as one item. Pure functions.

export type Rec = Record<string, unknown>;

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Rec {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** JSON text parsed; any other value as it is; undefined for text that is not JSON. */
export function parsedJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** An object, or JSON text of one; undefined for anything else. */
export function asRecord(value: unknown): Rec | undefined {
  if (typeof value === 'string') return value.trim().startsWith('{') ? asRecord(parsedJson(value.trim())) : undefined;
  return isRecord(value) ? value : undefined;
}

/** An object, or JSON text of one; an empty record for anything else. */
export const record = (value: unknown): Rec => asRecord(value) ?? {};

/** A list, JSON text of one, or one item as a list of one; absent or empty is an empty list. */
export function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string' && value.trim().startsWith('[')) {
    const parsed = parsedJson(value.trim());
    return Array.isArray(parsed) ? parsed : [];
  }
  return value === undefined || value === null || value === '' ? [] : [value];
}

/** A list of records (asArray, each item as a record). */
export const records = (value: unknown): Rec[] => asArray(value).map(record);

/** Text of a scalar (trimmed; a number or boolean as written); undefined when absent, blank or not a scalar. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A finite number, or text of one; undefined for anything else. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** First present, non-empty value among keys (case-sensitive, in order). */
export function pick(rec: Rec, ...keys: string[]): unknown {
  for (const key of keys) {
    const v = rec[key];
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

/** The text of the first present key. */
export const text = (rec: Rec, ...keys: string[]): string | undefined => textOf(pick(rec, ...keys));

/** The number of the first present key. */
export const number = (rec: Rec, ...keys: string[]): number | undefined => numberOf(pick(rec, ...keys));
