import { z } from 'zod';

/** UTF-8 byte length, without Buffer or TextEncoder (core stays free of runtime globals). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // a surrogate pair: one code point of 4 bytes (a lone surrogate counts 3, as TextEncoder's replacement character)
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

// ---- input building blocks ----

/**
 * A string whose UTF-8 length is between min and max bytes. The implied character bounds
 * (max bytes >= characters >= min bytes / 4) are declared too, so JSON Schema shows them; they fail
 * with the byte rule's message and stop there, so a value is refused once, not once per bound.
 */
export function bytes(min: number, max: number) {
  const message = `must be ${min === max ? min : `${min}-${max}`} bytes long (UTF-8)`;
  return z
    .string()
    .min(Math.ceil(min / 4), { message, abort: true })
    .max(max, { message, abort: true })
    .refine((s) => {
      const length = utf8Length(s);
      return length >= min && length <= max;
    }, { message });
}

/** An integer; numeric strings such as "20" are accepted and sent as numbers. */
export function int(min?: number, max?: number) {
  let schema = z.number().int();
  if (min !== undefined) schema = schema.min(min);
  if (max !== undefined) schema = schema.max(max);
  return z.preprocess((v) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v), schema);
}

/**
 * A coded value with what each code means, e.g. coded(int(0, 1), { 0: 'Home location first', 1: 'Random' }).
 * The meanings travel in the JSON Schema (`codes`): the n8n nodes show them as labelled options.
 */
export function coded<T extends z.ZodType>(schema: T, meanings: Record<string, string>): T {
  return schema.meta({ codes: meanings });
}

/** A point in time the vendor takes as Unix milliseconds (the n8n nodes show a date-time picker for it). */
export function unixTimeMs<T extends z.ZodType>(schema: T): T {
  return schema.meta({ time: 'unix-ms' });
}

/** A boolean; "true"/"false" strings are accepted. */
export function flag() {
  return z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());
}

/** A phone number as the vendors take it: digits, optionally with a leading + or country code. */
export function phoneNumber() {
  return z.string().regex(/^\+?\d{3,20}$/, 'must be a phone number of 3-20 digits (optionally starting with +)');
}

/** Correlation ID echoed back in receipts: 1-15 bytes. */
export function outId() {
  return bytes(1, 15).describe(
    'Your own correlation ID (1-15 bytes), echoed back in call receipts; use it to match results to your records.',
  );
}

/** A JSON object whose values are template variables; sent as a JSON string. */
export function templateParams() {
  return z.record(z.string(), z.union([z.string(), z.number()]));
}

/** 'yyyy-MM-dd HH:mm:ss' */
export function dateTime() {
  return z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must be "yyyy-MM-dd HH:mm:ss"');
}

/**
 * An opaque vendor ID such as a UUID: letters, digits, '-' and '_' only. Numbers are accepted as text.
 * Refuses file paths and URLs pasted by mistake (the outboundbot docs show an OSS .xlsx path as an InstanceId).
 */
export function resourceId() {
  return z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : v),
    z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, "must be an ID such as a UUID (letters, digits, '-' and '_' only)"),
  );
}

/**
 * A list of strings, sent as a flat JSON array. Accepts an array, a JSON array in a string, or a
 * comma-separated string; items that are themselves JSON-encoded arrays (the Volcengine CreateTask
 * example sends ["[\"a\",\"b\"]"]) are flattened, and numbers become text.
 */
export function stringList<T extends z.ZodType<string>>(item: T, bounds: { min?: number; max?: number } = {}) {
  const flatten = (v: unknown): unknown[] => {
    if (Array.isArray(v)) return v.flatMap(flatten);
    if (typeof v === 'number') return [String(v)];
    if (typeof v === 'string' && v.trim().startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(v.trim());
        if (Array.isArray(parsed)) return parsed.flatMap(flatten);
      } catch {
        // not JSON: kept as one item, for the item schema to judge
      }
    }
    return [v];
  };
  let array = z.array(item);
  if (bounds.min !== undefined) array = array.min(bounds.min);
  if (bounds.max !== undefined) array = array.max(bounds.max);
  return z.preprocess((v) => {
    if (typeof v === 'string' && !v.trim().startsWith('[')) {
      return v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    }
    return v === undefined || v === null ? v : flatten(v);
  }, array);
}

// ---- output building blocks: accept what vendors really return, hand back clean values ----

/** A number that may arrive as a string. */
export function num() {
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v),
    z.number(),
  );
}

/** A boolean that may arrive as "true"/"false" (any case) or 1/0. */
export function bool() {
  return z.preprocess((v) => {
    if (typeof v === 'string') {
      const lower = v.toLowerCase();
      if (lower === 'true' || lower === '1') return true;
      if (lower === 'false' || lower === '0') return false;
    }
    if (v === 1) return true;
    if (v === 0) return false;
    return v;
  }, z.boolean());
}

/** A string that may arrive as a number. */
export function str() {
  return z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string());
}

/** A value that may arrive as a JSON string or as the parsed value; returned parsed. */
export function jsonValue<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const trimmed = v.trim();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return v;
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return v;
    }
  }, schema);
}

/** A list that may arrive as an array, a JSON string of an array, or a single value. */
export function list<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => {
    if (v === undefined || v === null || v === '') return [];
    if (Array.isArray(v)) return v;
    if (typeof v === 'string' && v.trim().startsWith('[')) {
      try {
        return JSON.parse(v) as unknown;
      } catch {
        return [v];
      }
    }
    return [v];
  }, z.array(item));
}

/**
 * An object whose keys may arrive under other spellings (e.g. outboundbot instance APIs answer "creationTime",
 * "requestId", "success"). Each alias is renamed to its documented name when that name is absent.
 */
export function aliased<T extends z.ZodType>(aliases: Record<string, readonly string[]>, schema: T) {
  return z.preprocess((v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
    for (const [name, others] of Object.entries(aliases)) {
      if (out[name] !== undefined) continue;
      const found = others.find((o) => out[o] !== undefined);
      if (found === undefined) continue;
      out[name] = out[found];
      delete out[found];
    }
    return out;
  }, schema);
}

/** Alibaba RPC response envelope plus the operation's own fields; unknown fields are kept. */
export function alibabaResponse<S extends z.ZodRawShape>(shape: S) {
  return z.looseObject({
    RequestId: z.string().optional().describe('Vendor request ID; quote it to support.'),
    Code: str().optional().describe('Vendor status code: "OK" or "200" on success.'),
    Message: z.string().optional(),
    ...shape,
  });
}

/** Volcengine response envelope around the operation's Result. */
export function volcengineResponse<T extends z.ZodType>(result: T) {
  return z.looseObject({
    ResponseMetadata: z.looseObject({
      RequestId: z.string().optional(),
      Action: z.string().optional(),
      Version: z.string().optional(),
      Service: z.string().optional(),
      Region: z.string().optional(),
    }),
    Result: result.optional(),
  });
}

/** PBX response envelope. */
export function pbxResponse<S extends z.ZodRawShape>(shape: S) {
  return z.looseObject({ status: z.string(), ...shape });
}
