// An operation's answer made into its documented result without running the output schema on every
// call: the schema is read once and turned into a plain function that applies the same conversions
// (numbers sent as text, JSON in a string, one item for a list, aliased keys: the preprocess steps of
// core/fields.ts) and checks nothing. The full schema still validates where it is asked for
// (ClientConfig.validateOutput: the test suite, and on demand), and then the two must agree.
import { z } from 'zod';
import type { AnyOperation } from './operation.js';
import { isRecord } from './vendors/read.js';

/** Turns one value into its documented form; a value that does not fit the schema is passed on as it is. */
export type Normalize = (value: unknown) => unknown;

const same: Normalize = (value) => value;

/** What zod would return for a value that fits the schema (its conversions applied), or the value itself. */
function byParsing(schema: z.core.$ZodType): Normalize {
  return (value) => {
    const result = z.safeParse(schema, value);
    return result.success ? result.data : value;
  };
}

/** A string schema that rewrites its value (trim, toLowerCase...) is left to zod. */
function rewrites(schema: z.core.$ZodType): boolean {
  return (schema._zod.def.checks ?? []).some((check) => check._zod.def.check === 'overwrite');
}

function objectNormalizer(schema: z.core.$ZodObject): Normalize {
  const { shape, catchall } = schema._zod.def;
  const fields = Object.entries(shape).map(([key, field]) => ({ key, normalize: normalizer(field), defaulted: field._zod.optin === 'defaulted' }));
  const known = new Set(Object.keys(shape));
  // z.object drops unknown keys, z.looseObject keeps them as they are, z.strictObject refuses them (a validation matter).
  const keepsUnknown = catchall !== undefined && !(catchall instanceof z.core.$ZodNever);
  const rest = catchall && keepsUnknown ? normalizer(catchall) : same;
  // Nothing to convert and no key to drop: the object is its own result (the schema's would be an equal copy).
  if (catchall !== undefined && rest === same && fields.every((f) => f.normalize === same && !f.defaulted)) return same;
  return (value) => {
    if (!isRecord(value)) return value;
    const out: Record<string, unknown> = {};
    for (const { key, normalize, defaulted } of fields) {
      if (key in value || defaulted) out[key] = normalize(value[key]);
    }
    if (keepsUnknown) for (const key in value) if (!known.has(key)) out[key] = rest(value[key]);
    return out;
  };
}

/** The plain function that does for a value what parsing it with this schema does, without the checks. */
function normalizer(schema: z.core.$ZodType): Normalize {
  if (schema instanceof z.core.$ZodObject) return objectNormalizer(schema);
  if (schema instanceof z.core.$ZodArray) {
    const item = normalizer(schema._zod.def.element);
    return item === same ? same : (value) => (Array.isArray(value) ? value.map(item) : value);
  }
  if (schema instanceof z.core.$ZodOptional) {
    const inner = normalizer(schema._zod.def.innerType);
    return inner === same ? same : (value) => (value === undefined ? undefined : inner(value));
  }
  if (schema instanceof z.core.$ZodNullable) {
    const inner = normalizer(schema._zod.def.innerType);
    return inner === same ? same : (value) => (value === null ? null : inner(value));
  }
  if (schema instanceof z.core.$ZodPipe) {
    const first = normalizer(schema._zod.def.in);
    const then = normalizer(schema._zod.def.out);
    return (value) => then(first(value));
  }
  if (schema instanceof z.core.$ZodTransform) {
    const { transform } = schema._zod.def;
    // The preprocess steps of core/fields.ts read only the value; a transform that reports issues is left to zod.
    return (value) => {
      const payload = { value, issues: [] };
      const out = transform(value, payload);
      return payload.issues.length || out instanceof Promise ? value : out;
    };
  }
  if (schema instanceof z.core.$ZodRecord) {
    const item = normalizer(schema._zod.def.valueType);
    if (item === same) return same;
    return (value) => (isRecord(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, item(v)])) : value);
  }
  if (schema instanceof z.core.$ZodReadonly) return normalizer(schema._zod.def.innerType);
  const plain =
    schema instanceof z.core.$ZodString ||
    schema instanceof z.core.$ZodNumber ||
    schema instanceof z.core.$ZodBoolean ||
    schema instanceof z.core.$ZodLiteral ||
    schema instanceof z.core.$ZodEnum ||
    schema instanceof z.core.$ZodUnknown ||
    schema instanceof z.core.$ZodAny ||
    schema instanceof z.core.$ZodNull;
  // Unions, defaults, intersections and the rest are rare in outputs: zod does those.
  return plain && !rewrites(schema) ? same : byParsing(schema);
}

const normalizers = new WeakMap<AnyOperation, Normalize>();

/** The operation's answer in its documented form: the output schema's conversions, built once per operation. */
export function normalizeOutput(op: AnyOperation, body: unknown): unknown {
  let normalize = normalizers.get(op);
  if (!normalize) {
    normalize = normalizer(op.output);
    normalizers.set(op, normalize);
  }
  return normalize(body);
}

/**
 * The answer checked against the full output schema: the schema's issues when it does not fit, or a
 * disagreement between the schema's result and normalizeOutput's (a conversion the normaliser misses).
 */
export function outputProblems(op: AnyOperation, body: unknown, normalized: unknown): string | undefined {
  const parsed = op.output.safeParse(body);
  if (!parsed.success) {
    return parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
  }
  const expected = JSON.stringify(parsed.data);
  return expected === JSON.stringify(normalized) ? undefined : `the result differs from the schema's: ${expected.slice(0, 200)}`;
}
