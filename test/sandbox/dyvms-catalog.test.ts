import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallbridgeError } from '../../core/errors.js';
import { listOperations } from '../../core/registry.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { callbridgeClient } from './helpers.js';

/**
 * The examples (copied from the vendor's docs) that name objects this sandbox does not have, and the exact
 * isv.INVALID_PARAMETERS answer each must get. Every other example must succeed.
 */
const NAMES_A_MISSING_OBJECT: Record<string, string> = {
  'dyvms.CancelOrderRobotTask #1': 'Robot task 1045001 does not exist.',
  'dyvms.CancelRobotTask #1': 'Robot task 1045001 does not exist.',
  'dyvms.CreateRobotTask #1': 'Robot script DialogId 10000230000 does not exist; list them with QueryRobotv2AllList.',
  'dyvms.CreateRobotTask #2': 'Robot script DialogId 10000230000 does not exist; list them with QueryRobotv2AllList.',
  'dyvms.DeleteRobotTask #1': 'Robot task 4001112222 does not exist.',
  'dyvms.ExecuteCallTask #1': 'Task 22560000 does not exist.',
  'dyvms.ExecuteCallTask #2': 'Task 22560000 does not exist.',
  'dyvms.ListCallTaskDetail #1': 'Task 1500010000 does not exist.',
  'dyvms.QueryRobotTaskCallDetail #1': 'Robot task 1045001 does not exist.',
  'dyvms.QueryRobotTaskCallList #1': 'Robot task 1045001 does not exist.',
  'dyvms.QueryRobotTaskCallList #2': 'Robot task 1045001 does not exist.',
  'dyvms.QueryRobotTaskDetail #1': 'Robot task 1045001 does not exist.',
  'dyvms.StartRobotTask #1': 'Robot task 1045001 does not exist.',
  'dyvms.StartRobotTask #2': 'Robot task 1045001 does not exist.',
  'dyvms.StopRobotTask #1': 'Robot task 1045001 does not exist.',
  'dyvms.UploadRobotTaskCalledFile #1': 'Robot task 10450000 does not exist.',
  'dyvms.UploadRobotTaskCalledFile #2': 'Robot task 10450000 does not exist.',
};

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

  it('the table of examples naming missing objects lists real examples only', () => {
    const labels = new Set<string>(examples.map(([label]) => label));
    expect(Object.keys(NAMES_A_MISSING_OBJECT).filter((label) => !labels.has(label))).toEqual([]);
  });

  it.each(examples)('%s gets a documented-shape answer, or the one error for the object it names', async (label, id, input) => {
    const missing = NAMES_A_MISSING_OBJECT[label];
    const outcome = await cb.client.invoke(id, input).then(
      (out) => out as Record<string, unknown>,
      (error: unknown) => error,
    );
    if (missing === undefined) {
      expect(outcome, outcome instanceof Error ? outcome.message : '').not.toBeInstanceOf(Error);
      expect(['OK', '200']).toContain(String((outcome as Record<string, unknown>).Code));
      return;
    }
    expect(outcome).toBeInstanceOf(CallbridgeError);
    const e = outcome as CallbridgeError;
    expect(e.kind, e.message).toBe('vendor');
    expect(e.code).toBe('isv.INVALID_PARAMETERS');
    expect(e.message).toBe(`${id} failed: isv.INVALID_PARAMETERS: ${missing}`);
  });
});
