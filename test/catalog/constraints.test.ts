// Every operation in the catalog (all products) refuses input that breaks a rule its own input JSON
// Schema declares: a missing required field, a number out of range, a string against its pattern,
// enum or length, an unknown key. Each bad input starts from the operation's first example input and
// changes exactly one thing. The refusal must be a validation error naming the field, and the client
// must refuse it before anything is sent.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { operations } from '../../core/catalog/index.js';
import { CallbridgeClient } from '../../core/client.js';
import { CallbridgeError } from '../../core/errors.js';
import type { AnyOperation } from '../../core/operation.js';
import { validateInput } from '../../core/validate.js';
import { fakeRuntime, scriptedTransport } from '../helpers/fakes.js';
import type { JsonSchema } from '../helpers/json-schema.js';

type Path = Array<string | number>;

interface BadInput {
  rule: string;
  /** Where the change was made (dotted path). */
  where: string;
  /** Text the error message must contain: the dotted path of the field (or the unknown key). */
  names: string;
  input: Record<string, unknown>;
}

const UNKNOWN_KEY = 'callbridgeUnknownParam';
const NOT_A_VALUE = '__not_a_valid_value__';
/** Strings tried, in order, until one does not match a field's pattern. */
const PATTERN_PROBES = ['', ' ', '!', 'x', '0', '-1', 'not valid !', '@@@', '中文', 'a'.repeat(300)];

function clone<T>(value: T): T {
  return structuredClone(value);
}

function setAt(root: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const out = clone(root);
  let node: Record<string | number, unknown> = out;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return out;
}

function deleteAt(root: Record<string, unknown>, path: Path): Record<string, unknown> {
  const out = clone(root);
  let node: Record<string | number, unknown> = out;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  delete node[path[path.length - 1]];
  return out;
}

function isObjectSchema(s: JsonSchema): boolean {
  return s.type === 'object' && s.properties !== undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Values that break one declared rule of a scalar schema, with the rule's name. */
function violations(s: JsonSchema): Array<{ rule: string; value: unknown }> {
  if (s.anyOf || s.oneOf || Array.isArray(s.type)) return [];
  const out: Array<{ rule: string; value: unknown }> = [];
  if (s.type === 'integer' || s.type === 'number') {
    const step = s.type === 'integer' ? 1 : 0.5;
    // Bounds at the safe-integer limits are zod's implicit integer range, not a declared rule.
    if (s.minimum !== undefined && s.minimum > Number.MIN_SAFE_INTEGER) out.push({ rule: `below minimum ${s.minimum}`, value: s.minimum - step });
    if (s.exclusiveMinimum !== undefined) out.push({ rule: `at exclusive minimum ${s.exclusiveMinimum}`, value: s.exclusiveMinimum });
    if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) out.push({ rule: `above maximum ${s.maximum}`, value: s.maximum + step });
    if (s.exclusiveMaximum !== undefined) out.push({ rule: `at exclusive maximum ${s.exclusiveMaximum}`, value: s.exclusiveMaximum });
  }
  if (s.enum) out.push({ rule: 'not in enum', value: NOT_A_VALUE });
  else if (s.const !== undefined) out.push({ rule: 'not the constant', value: NOT_A_VALUE });
  if (s.type === 'string') {
    if (s.pattern !== undefined) {
      const re = new RegExp(s.pattern, 'u');
      const probe = PATTERN_PROBES.find((p) => !re.test(p));
      if (probe !== undefined) out.push({ rule: `against pattern ${s.pattern}`, value: probe });
    }
    if (s.minLength !== undefined && s.minLength > 0) out.push({ rule: `shorter than ${s.minLength}`, value: 'a'.repeat(s.minLength - 1) });
    if (s.maxLength !== undefined) out.push({ rule: `longer than ${s.maxLength}`, value: 'a'.repeat(s.maxLength + 1) });
  }
  return out;
}

/** Walks the schema alongside the example input and derives one bad input per declared rule. */
function derive(root: Record<string, unknown>, schema: JsonSchema, value: unknown, path: Path, out: BadInput[]): void {
  if (!isObjectSchema(schema)) return;
  const here = isPlainObject(value) ? value : {};
  const dotted = (key: string) => [...path, key].join('.');
  for (const key of schema.required ?? []) {
    if (key in here) out.push({ rule: 'missing required field', where: dotted(key), names: dotted(key), input: deleteAt(root, [...path, key]) });
  }
  if (schema.additionalProperties === false) {
    out.push({ rule: 'unknown extra key', where: dotted(UNKNOWN_KEY), names: UNKNOWN_KEY, input: setAt(root, [...path, UNKNOWN_KEY], 'x') });
  }
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    for (const { rule, value: bad } of violations(prop)) {
      out.push({ rule, where: dotted(key), names: dotted(key), input: setAt(root, [...path, key], bad) });
    }
    const current = here[key];
    if (isPlainObject(current)) derive(root, prop, current, [...path, key], out);
    if (Array.isArray(current) && prop.type === 'array') {
      if (prop.minItems !== undefined && prop.minItems > 0) {
        out.push({ rule: `fewer than ${prop.minItems} items`, where: dotted(key), names: dotted(key), input: setAt(root, [...path, key], current.slice(0, prop.minItems - 1)) });
      }
      if (prop.maxItems !== undefined && prop.maxItems <= 1000 && current.length > 0) {
        const tooMany = Array.from({ length: prop.maxItems + 1 }, () => clone(current[0]) as unknown);
        out.push({ rule: `more than ${prop.maxItems} items`, where: dotted(key), names: dotted(key), input: setAt(root, [...path, key], tooMany) });
      }
    }
    if (Array.isArray(current) && current.length > 0 && prop.items) {
      const first = [...path, key, 0];
      if (isPlainObject(current[0])) derive(root, prop.items, current[0], first, out);
      else {
        for (const { rule, value: bad } of violations(prop.items)) {
          out.push({ rule: `item ${rule}`, where: first.join('.'), names: first.join('.'), input: setAt(root, first, bad) });
        }
      }
    }
  }
}

function badInputs(op: AnyOperation): { base: Record<string, unknown>; cases: BadInput[] } {
  const base = clone(op.examples?.[0]?.input ?? {});
  const schema = z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const cases: BadInput[] = [];
  derive(base, schema, base, [], cases);
  return { base, cases };
}

function newClient(op: AnyOperation) {
  const transport = scriptedTransport([]);
  const client = new CallbridgeClient(
    { validateOutput: true,
      alibaba: { accessKeyId: 'test-id', accessKeySecret: 'test-secret' },
      volcengine: { accessKeyId: 'test-ak', secretAccessKey: 'test-sk' },
      pbx: { baseUrl: 'http://127.0.0.1:1', username: 'api', password: 'test-password' },
      transport,
      runtime: fakeRuntime(),
      pace: false,
    },
    new Map([[op.id, op]]),
  );
  return { client, transport };
}

const all = operations.map((op) => ({ op, ...badInputs(op) }));

describe('the catalog', () => {
  it('derives bad inputs for every operation', () => {
    expect(all.length).toBeGreaterThan(0);
    const total = all.reduce((n, o) => n + o.cases.length, 0);
    expect(total).toBeGreaterThan(all.length);
  });
});

describe.each(all.map((o) => [o.op.id, o] as const))('%s', (_id, { op, base, cases }) => {
  it('accepts its first example input', () => {
    expect(() => validateInput(op, base)).not.toThrow();
  });

  it.each(cases.map((c) => [`${c.rule} at ${c.where}`, c] as const))('refuses %s', async (_label, bad) => {
    let error: unknown;
    try {
      validateInput(op, bad.input);
    } catch (e) {
      error = e;
    }
    expect(error, `validateInput accepted ${JSON.stringify(bad.input)}`).toBeInstanceOf(CallbridgeError);
    expect((error as CallbridgeError).kind).toBe('validation');
    expect((error as CallbridgeError).message).toContain(bad.names);

    const { client, transport } = newClient(op);
    const refused = await client.invoke(op.id, bad.input).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(CallbridgeError);
    // Operations the client performs itself (the PBX login) are refused outright, before the input is read.
    const managed = 'sessionManaged' in op && op.sessionManaged === true;
    if (!managed) {
      expect((refused as CallbridgeError).kind).toBe('validation');
      expect((refused as CallbridgeError).message).toContain(bad.names);
    }
    expect(transport.requests).toHaveLength(0);
  });
});
