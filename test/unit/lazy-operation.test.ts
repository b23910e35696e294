// An operation's schemas are built on first use: defining (importing) it and reading its facts builds none,
// the first read of a schema builds that one once, and every later read returns the same schema.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineOperation } from '../../core/operation.js';
import { catalog, listOperations } from '../../core/registry.js';

describe('lazy operation schemas', () => {
  it('builds each schema once, on its first read, and not for the facts', () => {
    const built: string[] = [];
    const op = defineOperation({
      id: 'dyvms.LazyProbe',
      title: 'probe',
      description: 'd',
      access: 'read',
      input: () => (built.push('input'), z.strictObject({ A: z.string() })),
      output: () => (built.push('output'), z.looseObject({})),
    });
    expect([op.id, op.product, op.action, op.title, op.access, op.idempotent]).toEqual(['dyvms.LazyProbe', 'dyvms', 'LazyProbe', 'probe', 'read', true]);
    expect(built).toEqual([]);
    const input = op.input;
    expect(input.safeParse({ A: 'x' }).success).toBe(true);
    expect(op.input).toBe(input);
    expect(built).toEqual(['input']);
    expect(op.output).toBe(op.output);
    expect(built).toEqual(['input', 'output']);
  });

  it('every catalog operation defers its schemas to getters, and each yields one schema instance', () => {
    const eager = listOperations().filter((op) => typeof Object.getOwnPropertyDescriptor(op, 'input')?.get !== 'function' || typeof Object.getOwnPropertyDescriptor(op, 'output')?.get !== 'function');
    expect(eager.map((op) => op.id)).toEqual([]);
    const tts = catalog.get('dyvms.SingleCallByTts')!;
    expect(tts.input).toBe(tts.input);
    expect(tts.output).toBe(tts.output);
  });
});
