// From an operation's zod input schema (via z.toJSONSchema) to n8n fields, and from the values n8n hands
// back to the operation's input object. No per-operation code: every catalog operation goes through here.
import type { IDataObject, INodeProperties, INodePropertyOptions, NodeParameterValueType } from 'n8n-workflow';
import { z } from 'zod';
import { lookupOf, type Lookup } from '../../core/lookup.js';
import type { AnyOperation } from '../../core/operation.js';
import { lookupParents, lookupProperty } from './lookup-fields.js';
import { inN8nWords } from './wording.js';

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

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

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

function unwrap(schema: JsonSchema | undefined): JsonSchema {
  if (!schema) return {};
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const nonNull = union.filter((s) => s.type !== 'null');
    if (nonNull.length === 1) return { ...nonNull[0], description: schema.description ?? nonNull[0].description };
  }
  return schema;
}

function types(schema: JsonSchema): string[] {
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

// ---------------------------------------------------------------------------------------------
// n8n properties

const ACRONYMS: Record<string, string> = { Id: 'ID', Ids: 'IDs', Tts: 'TTS', Url: 'URL', Asr: 'ASR', Ivr: 'IVR', Json: 'JSON', Qps: 'QPS', Rtc: 'RTC', Mqtt: 'MQTT', Itn: 'ITN', Sms: 'SMS', Ip: 'IP' };

/** The PBX API's lower-case names, spelled out. */
const LOWERCASE_NAMES: Record<string, string> = {
  extid: 'Extension',
  outto: 'Number to Call',
  fromext: 'From Extension',
  autoanswer: 'Auto Answer',
  channelid: 'Channel ID',
  outboundid: 'Outbound Call ID',
  inboundid: 'Inbound Call ID',
  callid: 'Call ID',
  ipaddr: 'IP Address',
  urltag: 'URL Tag',
  phonenumber: 'Phone Number',
  referenceId: 'Reference ID',
};

export function displayName(key: string): string {
  if (LOWERCASE_NAMES[key]) return LOWERCASE_NAMES[key];
  const words = key
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ')
    .filter(Boolean)
    .map((w) => ACRONYMS[w] ?? w.charAt(0).toUpperCase() + w.slice(1));
  return words.join(' ');
}

function sentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = inN8nWords(text);
  return /[.!?)]$/.test(t) ? t : `${t}.`;
}

function numberBounds(schema: JsonSchema): { minValue?: number; maxValue?: number } {
  const out: { minValue?: number; maxValue?: number } = {};
  if (typeof schema.minimum === 'number' && Math.abs(schema.minimum) < MAX_SAFE) out.minValue = schema.minimum;
  if (typeof schema.maximum === 'number' && Math.abs(schema.maximum) < MAX_SAFE) out.maxValue = schema.maximum;
  return out;
}

function enumValues(schema: JsonSchema): Array<string | number> {
  if (schema.enum) return schema.enum as Array<string | number>;
  if (schema.codes && schema.const === undefined) {
    const numeric = types(schema).every((t) => t === 'integer' || t === 'number');
    return Object.keys(schema.codes).map((code) => (numeric ? Number(code) : code));
  }
  return schema.const !== undefined ? [schema.const as string | number] : [];
}

/** The choices of a coded field, named by what each code means where the definition says it. */
function codeOptions(values: JsonSchema, field: JsonSchema): INodePropertyOptions[] {
  const codes = field.codes ?? values.codes;
  return enumValues(values).map((v) => {
    const meaning = codes?.[String(v)];
    return meaning ? { name: meaning, value: v, description: `Code ${v}` } : { name: String(v), value: v };
  });
}

function defaultFor(spec: FieldSpec, example: unknown): NodeParameterValueType {
  switch (spec.kind) {
    case 'number': {
      if (typeof example === 'number') return example;
      if (typeof example === 'string' && /^-?\d+(\.\d+)?$/.test(example)) return Number(example);
      const { minValue } = numberBounds(spec.schema);
      return minValue !== undefined && minValue > 0 ? minValue : 0;
    }
    case 'boolean':
      return typeof example === 'boolean' ? example : false;
    case 'options': {
      const values = enumValues(spec.schema);
      return values.includes(example as string | number) ? (example as string | number) : (values[0] ?? '');
    }
    case 'multiOptions':
      return [];
    case 'keyValue':
    case 'objectList':
    case 'collection':
    case 'groups':
      return {};
    case 'json':
      return '';
    default:
      return '';
  }
}

function placeholderFor(spec: FieldSpec, example: unknown): string | undefined {
  if (example === undefined || example === null) return undefined;
  if (spec.kind === 'string' && (typeof example === 'string' || typeof example === 'number')) return `e.g. ${example}`;
  if (spec.kind === 'list' && Array.isArray(example)) return `e.g. ${example.map(String).join(', ')}`;
  if (spec.kind === 'json') return `e.g. ${typeof example === 'string' ? example : JSON.stringify(example)}`;
  return undefined;
}

const SECRET_KEY = /password|secret/i;

/**
 * An optional field inside a fixed collection: n8n stores every value of a fixed-collection entry with its
 * default, so numbers, booleans and choices get an empty "not set" default there (left out of the input).
 */
function optionalChildProperty(spec: FieldSpec, example: unknown): INodeProperties | undefined {
  const common = { displayName: displayName(spec.key), name: spec.name, ...(spec.schema.description ? { description: sentence(spec.schema.description) } : {}) };
  if (spec.kind === 'number') {
    const placeholder = typeof example === 'number' || typeof example === 'string' ? `e.g. ${example}` : undefined;
    return { ...common, type: 'string', default: '', ...(placeholder ? { placeholder } : {}) };
  }
  if (spec.kind === 'boolean') {
    return { ...common, type: 'options', default: '', options: [{ name: 'Not Set', value: '' }, { name: 'True', value: true }, { name: 'False', value: false }] };
  }
  if (spec.kind === 'options') {
    return { ...common, type: 'options', default: '', options: [{ name: 'Not Set', value: '' }, ...codeOptions(spec.schema, spec.schema)] };
  }
  return undefined;
}

/** One field as an n8n property (no displayOptions). */
export function toProperty(spec: FieldSpec, example?: unknown): INodeProperties {
  const description = sentence(spec.schema.description);
  const common = {
    displayName: displayName(spec.key),
    name: spec.name,
    ...(description ? { description } : {}),
    ...(spec.required ? { required: true } : {}),
  };
  const placeholder = placeholderFor(spec, example);
  if (spec.lookup) return lookupProperty(spec, common, placeholder);
  switch (spec.kind) {
    case 'string':
      return {
        ...common,
        type: 'string',
        default: '',
        ...(placeholder ? { placeholder } : {}),
        ...(SECRET_KEY.test(spec.key) ? { typeOptions: { password: true } } : {}),
      };
    case 'dateTime':
      return { ...common, ...(description ? { description: dateTimeWords(description) } : {}), type: 'dateTime', default: '' };
    case 'number': {
      const bounds = numberBounds(spec.schema);
      return { ...common, type: 'number', default: defaultFor(spec, example), ...(Object.keys(bounds).length ? { typeOptions: bounds } : {}) };
    }
    case 'boolean':
      return { ...common, type: 'boolean', default: defaultFor(spec, example) };
    case 'options':
    case 'multiOptions': {
      const options = codeOptions(spec.kind === 'options' ? spec.schema : unwrap(spec.schema.items), spec.schema);
      return { ...common, type: spec.kind, options, default: defaultFor(spec, example) };
    }
    case 'list':
      return {
        ...common,
        description: `${description ?? ''} Several values: separate them with commas, or give a JSON array.`.trim(),
        type: 'string',
        default: '',
        ...(placeholder ? { placeholder } : {}),
      };
    case 'keyValue':
      return {
        ...common,
        type: 'fixedCollection',
        placeholder: 'Add Variable',
        typeOptions: { multipleValues: true },
        default: {},
        options: [
          {
            name: 'values',
            displayName: 'Variable',
            values: [
              { displayName: 'Name', name: 'name', type: 'string', default: '' },
              { displayName: 'Value', name: 'value', type: 'string', default: '' },
            ],
          },
        ],
      };
    case 'objectList':
      return {
        ...common,
        type: 'fixedCollection',
        placeholder: 'Add Item',
        typeOptions: { multipleValues: true },
        default: {},
        options: [{ name: 'values', displayName: 'Item', values: childProperties(spec, example, true) }],
      };
    case 'groups':
      return {
        ...common,
        type: 'fixedCollection',
        placeholder: 'Add Entry',
        typeOptions: { multipleValues: true },
        default: {},
        options: (spec.children ?? []).map((group) => ({
          name: group.key,
          displayName: displayName(group.key),
          values: childProperties(group, exampleAt(example, group.key), true),
        })),
      };
    case 'collection':
      return { ...common, type: 'collection', placeholder: 'Add Field', default: {}, options: childProperties(spec, example, false) };
    case 'json':
      return { ...common, type: 'json', default: '', ...(placeholder ? { placeholder } : {}) };
  }
}

function exampleAt(example: unknown, key: string): unknown {
  if (Array.isArray(example)) example = example[0];
  return example && typeof example === 'object' ? (example as Record<string, unknown>)[key] : undefined;
}

function childProperties(spec: FieldSpec, example: unknown, fixed: boolean): INodeProperties[] {
  return (spec.children ?? [])
    .map((child) => {
      const childExample = exampleAt(example, child.key);
      const optional = fixed && !child.required ? optionalChildProperty(child, childExample) : undefined;
      return optional ?? toProperty({ ...child, required: false }, childExample);
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

// ---------------------------------------------------------------------------------------------
// values back to input

export class FieldValueError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

/** A resource locator's stored value: { __rl: true, mode, value }. */
function isLocatorValue(value: unknown): value is { value: unknown } {
  return typeof value === 'object' && value !== null && '__rl' in value && 'value' in value;
}

const NOT_JSON = Symbol('not JSON');

function parseJsonText(field: string, text: string): unknown {
  let parsed: unknown = NOT_JSON;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    // reported below
  }
  if (parsed === NOT_JSON) throw new FieldValueError(field, `${field}: not valid JSON`);
  return parsed;
}

function listValue(spec: FieldSpec, value: unknown): unknown {
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else if (typeof value === 'string') {
    const t = value.trim();
    if (t.startsWith('[')) {
      const parsed = parseJsonText(spec.key, t);
      items = Array.isArray(parsed) ? parsed : [parsed];
    } else items = t.split(/[,\n]/).map((s) => s.trim()).filter((s) => s !== '');
  } else items = [value];
  if (spec.itemKind === 'number') items = items.map((v) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v));
  else items = items.map((v) => (typeof v === 'number' ? String(v) : v));
  return items.length ? items : undefined;
}

function entries(value: unknown): IDataObject[] {
  if (Array.isArray(value)) return value as IDataObject[];
  if (value && typeof value === 'object') {
    const values = (value as IDataObject).values;
    if (Array.isArray(values)) return values as IDataObject[];
    if (values && typeof values === 'object') return [values as IDataObject];
  }
  return [];
}

function childrenValue(spec: FieldSpec, item: IDataObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const child of spec.children ?? []) {
    const v = fieldValue(child, item[child.key]);
    if (v !== undefined) out[child.key] = v;
  }
  // Keys the node does not know (e.g. from an expression) are passed on for the schema to judge.
  for (const [k, v] of Object.entries(item)) if (!(spec.children ?? []).some((c) => c.key === k) && !isEmpty(v)) out[k] = v;
  return out;
}

/** A date-time field's description without the wire unit: the editor shows a date picker. */
function dateTimeWords(text: string): string {
  return text
    .replace(/,? Unix ms\./g, '.')
    .replace(/\bA Unix time in milliseconds\b/g, 'A time')
    .replace(/ \(e\.g\. \d{13}\)|, e\.g\. \d{13}/g, '')
    .replace(/ Seconds are refused\./g, '');
}

/** A date-time field's value (the editor's ISO text, a Date, or Unix milliseconds from an expression) in Unix ms. */
function unixMs(field: string, value: unknown): number {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Number(text);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new FieldValueError(field, `${field}: not a date and time (e.g. 2026-01-05T09:30:00)`);
  return ms;
}

/** The input value of one field from its n8n parameter value; undefined leaves the field out. */
export function fieldValue(spec: FieldSpec, value: unknown): unknown {
  if (isLocatorValue(value)) value = value.value;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim() === '' ) return undefined;
  switch (spec.kind) {
    case 'string':
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
    case 'dateTime':
      return unixMs(spec.key, value);
    case 'number':
      if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
      return typeof value === 'number' && Number.isNaN(value) ? undefined : value;
    case 'boolean':
    case 'options':
      return value;
    case 'multiOptions':
      return isEmpty(value) ? undefined : value;
    case 'list':
      return listValue(spec, value);
    case 'json':
      return typeof value === 'string' ? parseJsonText(spec.key, value.trim()) : value;
    case 'keyValue': {
      if (typeof value === 'string') return parseJsonText(spec.key, value.trim());
      if (typeof value === 'object' && !Array.isArray(value) && !('values' in value)) return isEmpty(value) ? undefined : value;
      const out: Record<string, unknown> = {};
      for (const entry of entries(value)) {
        const name = typeof entry.name === 'string' ? entry.name.trim() : '';
        if (name) out[name] = entry.value ?? '';
      }
      return Object.keys(out).length ? out : undefined;
    }
    case 'objectList': {
      if (typeof value === 'string') return parseJsonText(spec.key, value.trim());
      const items = entries(value).map((item) => childrenValue(spec, item)).filter((item) => Object.keys(item).length > 0);
      return items.length ? items : undefined;
    }
    case 'collection': {
      if (typeof value === 'string') return parseJsonText(spec.key, value.trim());
      const out = childrenValue(spec, value as IDataObject);
      return Object.keys(out).length ? out : undefined;
    }
    case 'groups': {
      if (typeof value === 'string') return parseJsonText(spec.key, value.trim());
      const record = value as IDataObject;
      const out: Record<string, unknown> = {};
      for (const group of spec.children ?? []) {
        const items = (Array.isArray(record[group.key]) ? (record[group.key] as IDataObject[]) : record[group.key] ? [record[group.key] as IDataObject] : [])
          .map((item) => childrenValue(group, item))
          .filter((item) => Object.keys(item).length > 0);
        if (items.length) out[group.key] = items;
      }
      return Object.keys(out).length ? out : undefined;
    }
  }
}
