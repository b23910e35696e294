// The values n8n hands back, as the operation's input: lists, key/value pairs, collections, JSON
// text and dates, each refused with the field named when it cannot be read.
import type { IDataObject } from 'n8n-workflow';
import type { FieldSpec } from './fields.js';

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
