import type { z } from 'zod';
import type { AnyOperation, WireEncoding } from '../core/operation.js';
import { isRecord } from '../core/vendors/read.js';

/**
 * The reverse of core/vendors/alibaba.ts encodeAlibabaParams: flat RPC wire parameters back to the
 * natural JSON an operation's input schema describes (Name.N[.Key] -> arrays, JSON strings ->
 * objects, comma lists -> arrays). Parameters the schema does not name are ignored, as the RPC
 * gateway ignores them.
 */

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  shape?: Record<string, z.ZodType>;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional/default/preprocess wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let depth = 0; depth < 20; depth++) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in && def.out) current = defOf(def.in).type === 'transform' ? def.out : def.in;
    else if (def.type === 'lazy') return current;
    else return current;
  }
  return current;
}

type Kind = 'object' | 'array' | 'scalar';

function kindOf(schema: z.ZodType): Kind {
  const def = defOf(unwrap(schema));
  if (def.type === 'array' || def.type === 'tuple') return 'array';
  if (def.type === 'object' || def.type === 'record' || def.type === 'map') return 'object';
  if (def.type === 'union' && def.options) {
    const kinds = def.options.map(kindOf);
    if (kinds.includes('array')) return 'array';
    if (kinds.includes('object')) return 'object';
  }
  return 'scalar';
}

function elementOf(schema: z.ZodType): z.ZodType | undefined {
  const def = defOf(unwrap(schema));
  if (def.type === 'array') return def.element;
  if (def.type === 'union' && def.options) {
    const arr = def.options.find((o) => kindOf(o) === 'array');
    return arr && elementOf(arr);
  }
  return undefined;
}

export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = defOf(unwrap(schema));
  return def.type === 'object' ? def.shape : undefined;
}

export function defaultEncoding(schema: z.ZodType): WireEncoding | undefined {
  const kind = kindOf(schema);
  return kind === 'object' ? 'json' : kind === 'array' ? 'repeat' : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Values of Name.1, Name.2... (and their sub-keys), indexed by N in order. */
function repeated(prefix: string, params: Record<string, string>): Map<number, Record<string, string>> {
  const items = new Map<number, Record<string, string>>();
  const head = `${prefix}.`;
  for (const [key, value] of Object.entries(params)) {
    if (!key.startsWith(head)) continue;
    const rest = key.slice(head.length);
    const dot = rest.indexOf('.');
    const n = Number(dot < 0 ? rest : rest.slice(0, dot));
    if (!Number.isInteger(n) || n < 1) continue;
    const item = items.get(n) ?? {};
    item[dot < 0 ? '' : rest.slice(dot + 1)] = value;
    items.set(n, item);
  }
  return new Map([...items.entries()].sort((a, b) => a[0] - b[0]));
}

function decodeObjectItem(prefix: string, schema: z.ZodType | undefined, params: Record<string, string>): Record<string, unknown> {
  const shape = schema ? shapeOf(schema) : undefined;
  const out: Record<string, unknown> = {};
  const subKeys = new Set<string>();
  for (const key of Object.keys(params)) {
    if (key.startsWith(`${prefix}.`)) subKeys.add(key.slice(prefix.length + 1).split('.')[0]);
  }
  for (const sub of subKeys) {
    const value = decodeValue(`${prefix}.${sub}`, shape?.[sub], undefined, params);
    if (value !== undefined) out[sub] = value;
  }
  return out;
}

/** Whether a list schema also admits an object (a union such as CreateCallTask.Data: numbers or {paramNames, calleeList}). */
function admitsObject(schema: z.ZodType): boolean {
  const def = defOf(unwrap(schema));
  return def.type === 'union' && (def.options ?? []).some((o) => kindOf(o) === 'object');
}

/**
 * A comma-encoded field (encoding 'comma') is split on commas, never read as JSON: its items may
 * themselves start with "{" (CorpNameList ["{x", "y"] travels as "{x,y"). Only a field whose schema
 * also admits an object (sent as JSON text in place of the list) may carry a JSON object, and it is
 * read as one unless the split list is a valid value of the field and the object is not.
 */
function decodeComma(raw: string, schema: z.ZodType): unknown {
  const list = raw === '' ? [] : raw.split(',');
  if (!admitsObject(schema) || !raw.trim().startsWith('{')) return list;
  const parsed = parseJson(raw);
  if (!isRecord(parsed)) return list;
  return schema.safeParse(list).success && !schema.safeParse(parsed).success ? list : parsed;
}

function decodeValue(name: string, schema: z.ZodType | undefined, encoding: WireEncoding | undefined, params: Record<string, string>): unknown {
  const kind = schema ? kindOf(schema) : 'scalar';
  const raw = params[name];
  if (kind === 'scalar') return raw;
  const mode = encoding ?? defaultEncoding(schema as z.ZodType);
  if (mode === 'comma' && kind === 'array') return raw === undefined ? undefined : decodeComma(raw, schema as z.ZodType);
  // An object sent in place of a repeated list (a list-or-object union) travels as JSON text under the bare name.
  if (kind === 'object' || mode === 'json' || (raw !== undefined && raw.trim().startsWith('{'))) return raw === undefined ? undefined : parseJson(raw);
  const element = elementOf(schema as z.ZodType);
  const elementKind = element ? kindOf(element) : 'scalar';
  const items = repeated(name, params);
  if (!items.size) return undefined;
  const out: unknown[] = [];
  for (const [n, item] of items) {
    if (elementKind === 'object' && mode !== 'repeat-json') out.push(decodeObjectItem(`${name}.${n}`, element, params));
    else if (elementKind === 'scalar') out.push(item['']);
    else out.push(item[''] === undefined ? undefined : parseJson(item['']));
  }
  return out;
}

/** Natural JSON input for the operation from the flat wire parameters. */
export function decodeRpcInput(op: AnyOperation, params: Record<string, string>): Record<string, unknown> {
  const shape = shapeOf(op.input) ?? {};
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(shape)) {
    let value = decodeValue(name, schema, op.wire?.encoding?.[name], params);
    const codes = op.wire?.wireValues?.[name];
    if (codes && typeof value === 'string') {
      // The vendor's wire code back to the user-facing value (e.g. HangupDirection '0' -> 'user').
      const natural = Object.entries(codes).find(([, code]) => code === value);
      if (natural) value = natural[0];
    }
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** The wire parameter an input issue path points at (MenuKeyMap.0.Key -> MenuKeyMap.1.Key). */
export function wireName(op: AnyOperation, path: readonly PropertyKey[]): string {
  const [top, ...rest] = path.map(String);
  if (top === undefined) return '(input)';
  const shape = shapeOf(op.input) ?? {};
  const schema = shape[top];
  const mode = op.wire?.encoding?.[top] ?? (schema ? defaultEncoding(schema) : undefined);
  if (mode !== 'repeat' && mode !== 'repeat-json') return top;
  const parts = [top];
  if (rest[0] !== undefined && /^\d+$/.test(rest[0])) parts.push(String(Number(rest[0]) + 1));
  if (mode === 'repeat' && rest[1] !== undefined) parts.push(rest[1]);
  return parts.join('.');
}
