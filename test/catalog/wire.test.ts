import { describe, expect, it } from 'vitest';
import { operations } from '../../core/catalog/index.js';
import { validateInput } from '../../core/validate.js';
import { encodeAlibabaParams } from '../../core/vendors/alibaba/index.js';

/** The business parameters of a request, as the vendor receives them. */
function wireOf(op: (typeof operations)[number], input: Record<string, unknown>): Record<string, unknown> {
  const parsed = validateInput(op, input);
  if (op.product === 'dyvms' || op.product === 'outboundbot') return encodeAlibabaParams(op, parsed);
  return JSON.parse(JSON.stringify(parsed)) as Record<string, unknown>;
}

describe.each(operations.map((op) => [op.id, op] as const))('%s', (_id, op) => {
  it('has at least one example with its hand-written wire form', () => {
    expect(op.examples?.some((e) => e.wire)).toBe(true);
  });

  it.each((op.examples ?? []).filter((e) => e.wire).map((e, i) => [i, e] as const))('example %i serialises to exactly its wire form', (_i, example) => {
    expect(wireOf(op, example.input)).toEqual(example.wire);
  });
});
