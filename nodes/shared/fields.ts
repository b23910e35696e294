// From an operation's zod input schema (via z.toJSONSchema) to FieldSpecs: what n8n fields an operation
// has (properties.ts renders them, field-values.ts reads their values back). No per-operation code.
import { z } from 'zod';
import { lookupOf, type Lookup } from '../../core/lookup.js';
import type { AnyOperation } from '../../core/operation.js';
import { lookupParents } from './lookup-fields.js';

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  description?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  /** Where the field's values are picked from (core/lookup.ts). */
  lookup?: Lookup;
  /** What each code means (core/fields.ts coded()). */
  codes?: Record<string, string>;
  /** 'unix-ms': a point in time sent as Unix milliseconds (core/fields.ts unixTimeMs()). */
  time?: string;
}

export type FieldKind = 'string' | 'number' | 'dateTime' | 'boolean' | 'options' | 'multiOptions' | 'list' | 'keyValue' | 'objectList' | 'collection' | 'groups' | 'json';

export interface FieldSpec {
  /** The input key, e.g. "CalledNumber". */
  key: string;
  /** The n8n parameter name (the key, unless it collides with one of the node's own parameters). */
  name: string;
  kind: FieldKind;
  required: boolean;
  schema: JsonSchema;
  /** list: how items are sent. */
  itemKind?: 'string' | 'number';
  /** objectList/collection: the item's fields; groups: one objectList per property. */
  children?: FieldSpec[];
  /** string/number: picked from this list; list: its items are. Only where the operation has the list's other inputs. */
  lookup?: Lookup;
}

/** Parameter names the generated nodes use themselves. */
export const RESERVED_NAMES = new Set([
  'resource',
  'operation',
  'additionalFields',
  'returnAll',
  'limit',
  'waitForResult',
  'waitTimeout',
  'pollInterval',
  'download',
  'binaryPropertyName',
  'options',
]);

export const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export function inputSchema(op: AnyOperation): JsonSchema {
  return z.toJSONSchema(op.input, {
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const lookup = lookupOf(zodSchema);
      if (lookup) Object.assign(jsonSchema, { lookup });
    },
  }) as JsonSchema;
}

export function unwrap(schema: JsonSchema | undefined): JsonSchema {
  if (!schema) return {};
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const nonNull = union.filter((s) => s.type !== 'null');
    if (nonNull.length === 1) return { ...nonNull[0], description: schema.description ?? nonNull[0].description };
  }
  return schema;
}

export function types(schema: JsonSchema): string[] {
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}

function scalarKind(schema: JsonSchema): 'string' | 'number' | 'boolean' | 'options' | undefined {
  if (schema.codes && Object.keys(schema.codes).length && !types(schema).includes('array')) return 'options';
  if (schema.enum?.length && schema.enum.every((v) => typeof v === 'string' || typeof v === 'number')) return 'options';
  if (schema.const !== undefined && (typeof schema.const === 'string' || typeof schema.const === 'number')) return 'options';
  const t = types(schema);
  if (t.length === 0) return undefined;
  if (t.includes('string')) return 'string';
  if (t.every((x) => x === 'integer' || x === 'number')) return 'number';
  if (t.length === 1 && t[0] === 'boolean') return 'boolean';
  return undefined;
}

const SIMPLE: ReadonlySet<FieldKind> = new Set(['string', 'number', 'boolean', 'options', 'multiOptions', 'list']);

export function paramName(key: string): string {
  return RESERVED_NAMES.has(key) ? `${key}Value` : key;
}

/** Classifies one schema property. depth 0: a top-level field; deeper fields become JSON when complex. */
export function analyze(key: string, raw: JsonSchema, required: boolean, depth = 0): FieldSpec {
  const schema = unwrap(raw);
  const base = { key, name: depth === 0 ? paramName(key) : key, required, schema };
  if (schema.anyOf || schema.oneOf) return { ...base, kind: 'json' };
  if (schema.time === 'unix-ms') return { ...base, kind: 'dateTime' };
  const scalar = scalarKind(schema);
  if (scalar) return { ...base, kind: scalar, ...(schema.lookup && scalar !== 'options' ? { lookup: schema.lookup } : {}) };
  const t = types(schema);
  if (t.includes('array')) {
    const items = unwrap(schema.items);
    const itemScalar = scalarKind(items);
    if (itemScalar === 'options') return { ...base, kind: 'multiOptions' };
    if (itemScalar === 'string' || itemScalar === 'number') return { ...base, kind: 'list', itemKind: itemScalar, ...(items.lookup ? { lookup: items.lookup } : {}) };
    if (depth === 0 && types(items).includes('object') && items.properties && Object.keys(items.properties).length) {
      const children = objectChildren(items, depth + 1);
      return { ...base, kind: 'objectList', children };
    }
    return { ...base, kind: 'json' };
  }
  if (t.includes('object')) {
    const props = schema.properties ?? {};
    const keys = Object.keys(props);
    if (keys.length === 0) {
      const extra = typeof schema.additionalProperties === 'object' ? unwrap(schema.additionalProperties) : undefined;
      const value = extra ? scalarKind(extra) : undefined;
      if (value === 'string' || value === 'number' || value === 'options') return { ...base, kind: 'keyValue' };
      return { ...base, kind: 'json' };
    }
    if (depth > 0) return { ...base, kind: 'json' };
    const children = objectChildren(schema, depth + 1);
    if (children.every((c) => SIMPLE.has(c.kind))) return { ...base, kind: 'collection', children };
    const groups = keys.map((k) => analyze(k, props[k], (schema.required ?? []).includes(k), depth));
    if (groups.every((g) => g.kind === 'objectList')) return { ...base, kind: 'groups', children: groups };
    return { ...base, kind: 'json' };
  }
  return { ...base, kind: 'json' };
}

function objectChildren(schema: JsonSchema, depth: number): FieldSpec[] {
  const props = schema.properties ?? {};
  return Object.keys(props).map((k) => {
    const child = analyze(k, props[k], (schema.required ?? []).includes(k), depth);
    return child.kind === 'keyValue' ? { ...child, kind: 'json' as const } : child;
  });
}

/** The top-level fields of an operation, minus the ones the node sets itself (page number and size). */
export function operationFields(op: AnyOperation): FieldSpec[] {
  const schema = inputSchema(op);
  const skip = new Set(op.pagination ? [op.pagination.pageParam, op.pagination.sizeParam] : []);
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {})
    .filter(([key]) => !skip.has(key))
    .map(([key, prop]) => analyze(key, prop, required.has(key)));
  const keys = new Set(fields.map((f) => f.key));
  // A list needing an input the operation does not have (a job list needs its job group) cannot be shown.
  return fields.map((f) => (f.lookup && !lookupParents(f.lookup).every((k) => keys.has(k)) ? { ...f, lookup: undefined } : f));
}
