// Compares one catalog operation with what the vendor's SDK states about it (a fixture of
// test/fixtures/fidelity/), and names every difference as a short, stable string such as
// "param TtsParam: SDK max 249 characters, catalog allows 250".
import { z } from 'zod';
import type { AnyOperation } from '../../../core/operation.js';
import { validateInput } from '../../../core/validate.js';
import { buildAlibaba, encodeAlibabaParams } from '../../../core/vendors/alibaba/index.js';
import { buildVolcengine } from '../../../core/vendors/volcengine/index.js';
import type { FactType, FieldFact, OperationFact, ParamFact } from '../../../scripts/fidelity/fixture.js';
import type { JsonSchema } from '../../helpers/json-schema.js';

const ALIBABA = new Set(['dyvms', 'outboundbot']);

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
}

/** The JSON types a schema admits (anyOf flattened). */
function kinds(s: JsonSchema | undefined): Set<string> {
  if (!s) return new Set();
  if (s.anyOf) return new Set(s.anyOf.flatMap((x) => [...kinds(x)]));
  const t = s.type;
  if (t === undefined) return new Set(s.properties ? ['object'] : ['any']);
  return new Set(Array.isArray(t) ? t : [t]);
}

/** Whether a catalog parameter of these JSON types can carry an SDK parameter of this type. */
function compatible(sdk: FactType, catalog: Set<string>, alibaba: boolean): boolean {
  if (catalog.has('any') || sdk === 'any') return true;
  if (sdk === 'integer') return catalog.has('integer');
  if (sdk === 'number') return catalog.has('integer') || catalog.has('number');
  if (sdk === 'string') {
    // Alibaba RPC parameters are form text: a catalog object or list is sent as JSON or comma text (checked on the wire).
    return catalog.has('string') || (alibaba && (catalog.has('object') || catalog.has('array')));
  }
  return catalog.has(sdk);
}

/** What a JSON value on the wire is, in fixture terms. */
function wireKind(value: unknown): FactType {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'any';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value === 'object' ? 'object' : (typeof value as FactType);
}

/**
 * Names, required flags, types and list caps. `required` is what the validator refuses when absent (a field
 * with a preprocess step shows as optional in JSON Schema); `wire` is an example's value of this level, so a
 * value the catalog turns into the SDK's type before sending (object -> JSON text, list -> comma text) counts as that type.
 */
function paramDifferences(prefix: string, facts: Record<string, ParamFact>, schema: JsonSchema, alibaba: boolean, required: Set<string>, wire: Record<string, unknown>): string[] {
  const out: string[] = [];
  const props = schema.properties ?? {};
  for (const [name, fact] of Object.entries(facts)) {
    const p = props[name];
    if (!p) {
      out.push(`${prefix}${name}: in the SDK, not in the catalog`);
      continue;
    }
    if (fact.required && !required.has(name)) out.push(`${prefix}${name}: required in the SDK, optional in the catalog`);
    if (!fact.required && required.has(name)) out.push(`${prefix}${name}: optional in the SDK, required in the catalog`);
    const k = kinds(p);
    const sentAs = name in wire ? wireKind(wire[name]) : undefined;
    if (!compatible(fact.type, k, alibaba) && sentAs !== fact.type) out.push(`${prefix}${name}: SDK type ${fact.type}, catalog ${[...k].join('|')}`);
    if (fact.type === 'array' && fact.items && k.has('array') && p.items && !compatible(fact.items, kinds(p.items), alibaba)) {
      out.push(`${prefix}${name}: SDK items ${fact.items}, catalog items ${[...kinds(p.items)].join('|')}`);
    }
    if (fact.maxItems !== undefined && p.maxItems !== fact.maxItems) out.push(`${prefix}${name}: SDK at most ${fact.maxItems} items, catalog ${p.maxItems ?? 'no cap'}`);
    if (fact.fields) {
      const inner = fact.type === 'array' ? p.items : p;
      const item = Array.isArray(wire[name]) ? (wire[name] as unknown[])[0] : wire[name];
      const itemWire = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
      if (inner?.properties) out.push(...paramDifferences(`${prefix}${name}.`, fact.fields, inner, alibaba, new Set(inner.required ?? []), itemWire));
    }
  }
  for (const name of Object.keys(props)) if (!(name in facts)) out.push(`${prefix}${name}: in the catalog, not in the SDK`);
  return out;
}

/**
 * String length limits, checked by what the catalog's validator does: the SDK's longest value must pass
 * (else the catalog is stricter) and one character more must be refused. An object sent as JSON text is
 * probed with {"k": "..."} of that JSON length.
 */
function lengthDifferences(op: AnyOperation, facts: Record<string, ParamFact>, schema: JsonSchema): string[] {
  const out: string[] = [];
  for (const [name, fact] of Object.entries(facts)) {
    if (fact.maxLength === undefined || !schema.properties?.[name]) continue;
    const isObject = kinds(schema.properties[name]).has('object');
    const url = schema.properties[name].format === 'uri' ? 'https://a.cn/' : '';
    const probe = (length: number) => (isObject ? { k: '1'.repeat(length - '{"k":""}'.length) } : url + '1'.repeat(length - url.length));
    const refused = (length: number) =>
      op.input.safeParse({ [name]: probe(length) }).error?.issues.some((i) => i.path[0] === name) ?? false;
    const unit = fact.lengthUnit ? ` ${fact.lengthUnit}` : '';
    if (!refused(fact.maxLength + 1)) out.push(`param ${name}: SDK max ${fact.maxLength}${unit}, catalog allows more`);
    else if (refused(fact.maxLength)) out.push(`param ${name}: SDK max ${fact.maxLength}${unit}, catalog refuses that length`);
  }
  return out;
}

/** The request an example becomes: method, body style, and business parameters. */
function exampleRequest(op: AnyOperation, example: { input: Record<string, unknown> }): { method: string; body: OperationFact['body']; wire: Record<string, unknown> } {
  const input = validateInput(op, example.input);
  if (ALIBABA.has(op.product)) {
    const request = buildAlibaba(op, input, {});
    return { method: request.method, body: 'formData', wire: encodeAlibabaParams(op, input) };
  }
  const request = buildVolcengine(op, input, {});
  const contentType = Object.entries(request.headers).find(([h]) => h.toLowerCase() === 'content-type')?.[1] ?? '';
  const body = request.method === 'GET' ? 'query' : contentType.includes('json') ? 'json' : 'formData';
  return { method: request.method, body, wire: JSON.parse(JSON.stringify(input)) as Record<string, unknown> };
}

/** Alibaba: each example parameter goes on the wire in the SDK's style; Volcengine: each JSON value has the SDK's type. */
function wireDifferences(op: AnyOperation, facts: Record<string, ParamFact>, wire: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [name, fact] of Object.entries(facts)) {
    if (ALIBABA.has(op.product)) {
      const repeated = `${name}.1` in wire;
      const text = wire[name];
      if (fact.style === 'repeat' && !repeated && text !== undefined) out.push(`wire ${name}: SDK sends ${name}.N, catalog sends one value`);
      if (fact.style === 'json' && repeated) out.push(`wire ${name}: SDK sends JSON text, catalog sends ${name}.N`);
      if (fact.style === 'json' && typeof text === 'string' && !/^[[{]/.test(text)) out.push(`wire ${name}: SDK sends JSON text, catalog sends ${text}`);
    } else if (name in wire) {
      const kind = wireKind(wire[name]);
      if (kind !== fact.type && !(fact.type === 'number' && kind === 'integer')) out.push(`wire ${name}: SDK type ${fact.type}, catalog sends ${kind}`);
      const item = Array.isArray(wire[name]) ? (wire[name] as unknown[])[0] : undefined;
      if (fact.fields && item && typeof item === 'object') {
        const nested = wireDifferences(op, fact.fields, item as Record<string, unknown>).map((d) => d.replace(/^wire /, `wire ${name}.`));
        out.push(...nested);
      }
    }
  }
  return out;
}

function responseDifferences(prefix: string, facts: Record<string, FieldFact>, schema: JsonSchema | undefined): string[] {
  const out: string[] = [];
  const target = schema?.type === 'array' || kinds(schema).has('array') ? (schema?.items ?? schema?.anyOf?.find((s) => s.items)?.items) : schema;
  for (const [name, p] of Object.entries(target?.properties ?? {})) {
    const fact = facts[name];
    if (!fact) {
      out.push(`response ${prefix}${name}: in the catalog, not in the SDK`);
      continue;
    }
    if (fact.fields) out.push(...responseDifferences(`${prefix}${name}.`, fact.fields, p));
  }
  return out;
}

/** Parameters of two examples together; a list of objects becomes one item with the fields of both first items. */
function mergeWire(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...b, ...a };
  for (const [key, value] of Object.entries(b)) {
    const first = (v: unknown) => (Array.isArray(v) && v[0] && typeof v[0] === 'object' ? (v[0] as Record<string, unknown>) : undefined);
    const [x, y] = [first(a[key]), first(value)];
    if (x && y) out[key] = [mergeWire(x, y)];
  }
  return out;
}

/** Every difference between a catalog operation and its SDK facts. */
export function differences(op: AnyOperation, fact: OperationFact): string[] {
  const alibaba = ALIBABA.has(op.product);
  const input = jsonSchema(op.input, 'input');
  const requests = (op.examples ?? []).map((e) => exampleRequest(op, e));
  // The examples' parameters together (each list's first item merged the same way), for the type checks.
  const wire = requests.map((r) => r.wire).reduce(mergeWire, {});
  const request = requests[0] ? { ...requests[0], wire } : undefined;
  const absentRefused = new Set((op.input.safeParse({}).error?.issues ?? []).map((i) => String(i.path[0])));
  const out = [...paramDifferences('param ', fact.params, input, alibaba, absentRefused, request?.wire ?? {}), ...lengthDifferences(op, fact.params, input)];
  if (request) {
    if (request.method !== fact.method) out.push(`method: SDK ${fact.method}, catalog ${request.method}`);
    if (request.body !== fact.body) out.push(`body: SDK ${fact.body}, catalog ${request.body}`);
    out.push(...wireDifferences(op, fact.params, request.wire));
  }
  const output = jsonSchema(op.output, 'output');
  const result = alibaba ? output : output.properties?.Result;
  out.push(...responseDifferences('', fact.response, result));
  return out.sort();
}
