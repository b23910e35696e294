// Validation errors name each field once, with each rule once: a field that breaks a rule declared
// twice (bytes(): a character bound for JSON Schema and the UTF-8 byte rule) is not reported twice.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { operations } from '../../core/catalog/index.js';
import { CallbridgeError } from '../../core/errors.js';
import { bytes } from '../../core/fields.js';
import type { AnyOperation } from '../../core/operation.js';
import { catalog } from '../../core/registry.js';
import { validateInput } from '../../core/validate.js';

function refusal(op: AnyOperation, input: unknown): CallbridgeError {
  try {
    validateInput(op, input);
  } catch (error) {
    expect(error).toBeInstanceOf(CallbridgeError);
    return error as CallbridgeError;
  }
  throw new Error(`${op.id}: ${JSON.stringify(input)} was accepted`);
}

/** How many times the message reports `field` ("field: ..." at the start or after "; "). */
function mentions(message: string, field: string): number {
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (message.match(new RegExp(`(?:sent\\. |; )${escaped}: `, 'g')) ?? []).length;
}

const tts = catalog.get('dyvms.SingleCallByTts') as AnyOperation;
const base = { CalledNumber: '13800000000', TtsCode: 'TTS_1' };

describe('each field is reported once', () => {
  it.each([
    ['16 ASCII characters', '1234567890123456'],
    ['empty', ''],
    ['6 characters, 18 bytes', '订单号订单号'],
    ['40 characters', 'x'.repeat(40)],
  ])('OutId %s: one "1-15 bytes" rule, no character-count message', (_, OutId) => {
    const e = refusal(tts, { ...base, OutId });
    expect(e.field).toBe('OutId');
    expect(mentions(e.message, 'OutId'), e.message).toBe(1);
    expect(e.message.match(/1-15 bytes/g), e.message).toHaveLength(1);
    expect(e.message).not.toMatch(/Too (big|small)|characters/);
    expect(e.message).toContain(`(got ${JSON.stringify(OutId)})`);
  });

  it('bytes() still declares its character bounds in JSON Schema', () => {
    expect(z.toJSONSchema(bytes(1, 15))).toMatchObject({ type: 'string', minLength: 1, maxLength: 15 });
    expect(bytes(1, 15).safeParse('订单号订单号').success).toBe(false);
    expect(bytes(1, 15).safeParse('订单号订单').success).toBe(true);
  });

  it('several bad fields: each named once, in order, with its own rule', () => {
    const e = refusal(tts, { ...base, CalledNumber: 'x', OutId: 'y'.repeat(16), Unknown: 1 });
    for (const field of ['CalledNumber', 'OutId', 'Unknown']) expect(mentions(e.message, field), e.message).toBe(1);
    expect(e.message).toMatch(/CalledNumber: must be a phone number.*; OutId: must be 1-15 bytes long \(UTF-8\) \(got "y{16}"\); Unknown: unknown parameter/);
  });

  // Every operation: each top-level string field with a declared length bound, broken by one
  // character too many (or too few), is reported once.
  const cases: Array<[string, string, AnyOperation, Record<string, unknown>]> = [];
  for (const op of operations) {
    const example = op.examples?.[0]?.input as Record<string, unknown> | undefined;
    if (!example || op.sessionManaged) continue;
    const schema = z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { type?: string; maxLength?: number; minLength?: number }> };
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      if (prop.type !== 'string') continue;
      if (prop.maxLength !== undefined) cases.push([op.id, `${name} longer than ${prop.maxLength}`, op, { ...example, [name]: 'a'.repeat(prop.maxLength + 1) }]);
      if (prop.minLength) cases.push([op.id, `${name} shorter than ${prop.minLength}`, op, { ...example, [name]: 'a'.repeat(prop.minLength - 1) }]);
    }
  }

  it('covers the catalog', () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(cases)('%s: %s', (_, change, op, input) => {
    const field = change.split(' ')[0];
    const e = refusal(op, input);
    expect(mentions(e.message, field), e.message).toBe(1);
  });
});
