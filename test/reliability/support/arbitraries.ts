// fast-check arbitraries for catalog operations: random inputs drawn from each operation's input
// JSON Schema, blended with its documented examples (each field either the example's value or a
// random one, optional fields sometimes dropped).
import fc from 'fast-check';
import { z } from 'zod';
import type { AnyOperation } from '../../../core/operation.js';
import type { JsonSchema } from '../../helpers/json-schema.js';

export function inputSchema(op: AnyOperation): JsonSchema {
  return z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const word = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const declaredMax = s.maxLength ?? Number.POSITIVE_INFINITY;
  const max = Math.min(declaredMax, min + 24);
  // Only the declared bounds filter (a pattern alone may need longer strings than the default length).
  const inBounds = (v: string) => v.length >= min && v.length <= declaredMax;
  if (s.format === 'email') return fc.emailAddress().filter(inBounds);
  if (s.format === 'uri') return fc.webUrl().filter(inBounds);
  if (s.pattern !== undefined) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter(inBounds);
    } catch {
      return fc.constant('x'.repeat(Math.max(min, 1)));
    }
  }
  // Mostly printable text, sometimes any unicode (Chinese names, emoji): the signers must cope.
  return fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, min + 8) })).filter(inBounds);
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  let min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-6) : -1_000_000);
  let max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-6) : 1_000_000);
  min = Math.max(min, Number.MIN_SAFE_INTEGER);
  max = Math.min(max, Number.MAX_SAFE_INTEGER);
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Random values of a JSON Schema (as zod's toJSONSchema writes them). */
export function fromSchema(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (s.anyOf || s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf ?? []).map((x) => fromSchema(x, depth + 1)));
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((t) => fromSchema({ ...s, type: t }, depth + 1)));
  switch (s.type) {
    case 'string':
      return stringArb(s);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = s.minItems ?? 0;
      const maxLength = Math.min(s.maxItems ?? minLength + 3, minLength + 3);
      return fc.array(s.items ? fromSchema(s.items, depth + 1) : word, { minLength, maxLength });
    }
    case 'object': {
      if (s.properties && Object.keys(s.properties).length) {
        const shape = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, fromSchema(v, depth + 1)]));
        return fc.record(shape, { requiredKeys: s.required ?? [] });
      }
      if (typeof s.additionalProperties === 'object') {
        const keys = s.propertyNames ? (stringArb({ type: 'string', ...s.propertyNames }) as fc.Arbitrary<string>) : word;
        return fc.dictionary(keys, fromSchema(s.additionalProperties, depth + 1), { maxKeys: 3 });
      }
      return fc.dictionary(word, fc.oneof(word, fc.integer()), { maxKeys: depth > 2 ? 0 : 2 });
    }
    default:
      return depth > 3 ? fc.constant('x') : fc.oneof(word, fc.integer({ min: 0, max: 1_000_000 }), fc.boolean());
  }
}

/** An example's input with each top-level field randomly kept, replaced by a random value, or (if optional) dropped. */
function blended(example: Record<string, unknown>, s: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const keys = [...new Set([...Object.keys(example), ...Object.keys(props)])];
  const choices = Object.fromEntries(
    keys.map((k) => {
      const options: Array<fc.Arbitrary<unknown>> = [];
      if (k in example) options.push(fc.constant(example[k]));
      if (props[k]) options.push(fromSchema(props[k]));
      if (!required.has(k)) options.push(fc.constant(undefined));
      return [k, fc.oneof(...options)];
    }),
  );
  return fc.record(choices).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
}

export interface ValidInput {
  input: Record<string, unknown>;
  /** false when the random candidate broke a rule the schema cannot express and an example was used instead. */
  random: boolean;
}

/** Valid inputs of an operation: random candidates from its schema and examples; invalid candidates fall back to an example. */
export function validInputs(op: AnyOperation): fc.Arbitrary<ValidInput> {
  const schema = inputSchema(op);
  const examples = (op.examples ?? []).map((e) => e.input);
  const candidates = fc.oneof(
    { weight: 1, arbitrary: fromSchema(schema) as fc.Arbitrary<Record<string, unknown>> },
    ...examples.map((e) => ({ weight: 2, arbitrary: blended(e, schema) })),
  );
  return fc.tuple(candidates, fc.nat()).map(([candidate, pick]) => {
    if (op.input.safeParse(candidate).success) return { input: candidate, random: true };
    return { input: structuredClone(examples[pick % Math.max(1, examples.length)] ?? {}), random: false };
  });
}
