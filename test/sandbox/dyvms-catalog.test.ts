import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallbridgeError } from '../../core/errors.js';
import { listOperations } from '../../core/registry.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { callbridgeClient } from './helpers.js';

/** Business answers the simulator gives for examples that name objects this sandbox does not have (e.g. task 1045001). */
const NOT_FOUND_CODES = new Set(['isv.INVALID_PARAMETERS']);

const examples = listOperations('dyvms').flatMap((op) => (op.examples ?? []).map((example, i) => [`${op.id} #${i + 1}`, op.id, example.input] as const));

describe('every dyvms catalog example against the simulator', () => {
  let sb: RunningSandbox;
  let cb: ReturnType<typeof callbridgeClient>;
  beforeAll(async () => {
    sb = await startSandbox({ seed: 'catalog', speed: 1 });
    cb = callbridgeClient(sb.env, { maxAttempts: 1 });
  });
  afterAll(async () => {
    await cb.close();
    await sb.close();
  });

  it('has examples', () => expect(examples.length).toBeGreaterThan(30));

  it.each(examples)('%s gets a documented-shape answer', async (_, id, input) => {
    try {
      const out = (await cb.client.invoke(id, input)) as Record<string, unknown>;
      expect(['OK', '200']).toContain(String(out.Code));
    } catch (error) {
      expect(error).toBeInstanceOf(CallbridgeError);
      const e = error as CallbridgeError;
      expect(e.kind, e.message).toBe('vendor');
      expect(NOT_FOUND_CODES.has(String(e.code)), e.message).toBe(true);
    }
  });
});
