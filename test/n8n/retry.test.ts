// Billed operations and n8n's Retry On Fail: a retry of the same run of the node (same execution, node,
// run and item) never dials again. Judged by the calls the sandbox recorded. The real-n8n proof is
// test/e2e-n8n/policy.test.ts.
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../core/registry.js';
import { executeProduct } from '../../nodes/shared/execute.js';
import { derivedReference, referencePaths, withDerivedReference } from '../../nodes/shared/idempotency.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import type { PlacedCall } from '../../sandbox/types.js';
import { fakeExecute, sandboxCredentials } from './helpers.js';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ speed: 60, seed: 'n8n-retry' });
});
afterAll(async () => {
  await sandbox?.close();
});
afterEach(async () => {
  await setFaults('');
});

async function setFaults(spec: string): Promise<void> {
  const res = await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ spec }), headers: { 'content-type': 'application/json' } });
  expect(res.status).toBe(200);
}

async function callsTo(number: string): Promise<PlacedCall[]> {
  return (await (await fetch(`${sandbox.url}/_sandbox/calls?number=${number}`)).json()) as PlacedCall[];
}

const tts = (CalledNumber: string, additionalFields: Record<string, unknown> = {}, TtsCode = 'TTS_100001') => ({ resource: 'call', operation: 'SingleCallByTts', CalledNumber, TtsCode, additionalFields });

/** One try of the node, as n8n runs it: the same execution ID and run index on every retry. */
async function attempt(executionId: string, parameters: Array<Record<string, unknown>>, runIndex = 0) {
  const { ctx } = fakeExecute({ credentials: sandboxCredentials(sandbox), parameters, executionId, runIndex });
  return executeProduct.call(ctx, 'dyvms').then(
    (out) => ({ out, error: undefined }),
    (error: unknown) => ({ out: undefined, error }),
  );
}

describe('Retry On Fail never re-dials a billed item', () => {
  it('the answer is lost: the first try says Outcome unknown, the retries refuse naming the Out ID; one call', async () => {
    await setFaults('dyvms.SingleCallByTts:reset-after-processing=1');
    const first = await attempt('exec-lost-1', [tts('13800000301')]);
    expect(first.error).toBeInstanceOf(NodeApiError);
    expect((first.error as Error).message).toContain('Outcome unknown');
    for (let retry = 0; retry < 2; retry++) {
      const again = await attempt('exec-lost-1', [tts('13800000301')]);
      expect(again.error).toBeInstanceOf(NodeOperationError);
      const message = (again.error as Error).message;
      expect(message).toContain('Not sent again');
      expect(message).toContain('13800000301');
      expect(message).toMatch(/OutId n8n[0-9a-f]{12}/);
    }
    const placed = await callsTo('13800000301');
    expect(placed).toHaveLength(1);
    expect(placed[0].outId).toMatch(/^n8n[0-9a-f]{12}$/);
    expect((await attempt('exec-lost-1', [tts('13800000301')])).error?.toString()).toContain(placed[0].outId);
  });

  it('a retry after another item failed gives the placed item its earlier answer instead of calling again', async () => {
    const items = [tts('13800000302'), tts('13800000303', {}, 'NOT_A_TEMPLATE')];
    const first = await attempt('exec-mixed-1', items);
    expect(first.error).toBeInstanceOf(NodeApiError);
    const again = await attempt('exec-mixed-1', [tts('13800000302'), tts('13800000303', {}, 'TTS_100001')]);
    expect(again.error).toBeUndefined();
    const [out] = again.out ?? [[]];
    const [placed] = await callsTo('13800000302');
    expect(out[0].json.CallId).toBe(placed.id);
    expect(await callsTo('13800000302'), 'item 0 was not dialled again').toHaveLength(1);
    // Item 1's first try was refused by the vendor (nothing placed), so its retry was sent.
    expect(await callsTo('13800000303')).toHaveLength(1);
  });

  it('another run of the node (a loop, another tool call) is a new attempt', async () => {
    await attempt('exec-runs-1', [tts('13800000304')], 0);
    const second = await attempt('exec-runs-1', [tts('13800000304')], 1);
    // It was sent: the sandbox's carrier limit (1 call per callee per minute) answered it, not the node.
    expect(second.error).toBeInstanceOf(NodeApiError);
    expect((second.error as NodeApiError).message).toContain('isv.BUSINESS_LIMIT_CONTROL');
  });

  it('an Out ID the workflow sets is kept', async () => {
    await attempt('exec-own-id', [tts('13800000305', { OutId: 'order-305' })]);
    const [placed] = await callsTo('13800000305');
    expect(placed.outId).toBe('order-305');
  });
});

function op(id: string) {
  const found = catalog.get(id);
  if (!found) throw new Error(`no operation ${id}`);
  return found;
}

describe('derived references', () => {
  it('are read from the check paths of the billed operations', () => {
    expect(referencePaths(op('dyvms.SingleCallByTts'))).toEqual(['OutId']);
    expect(referencePaths(op('volcengine.SingleBatchAppend'))).toEqual(['List[].SingleOpenId']);
    expect(referencePaths(op('outboundbot.StartJob'))).toEqual(['JobJson.contacts[].referenceId']);
    expect(referencePaths(op('pbx.extension.dial_outbound'))).toEqual([]);
  });

  it('fill only empty references, one per list item, through JSON text', () => {
    const key = 'exec/node/0/0';
    const ref = derivedReference(key);
    expect(ref).toHaveLength(15);
    const volc = withDerivedReference(op('volcengine.SingleBatchAppend'), { List: [{ Phone: '1' }, { Phone: '2', SingleOpenId: 'mine' }] }, key);
    expect(volc.List).toEqual([
      { Phone: '1', SingleOpenId: `${ref}-1` },
      { Phone: '2', SingleOpenId: 'mine' },
    ]);
    const job = withDerivedReference(op('outboundbot.StartJob'), { JobJson: '{"contacts":[{"phonenumber":"13800000000"}]}' }, key);
    expect(JSON.parse(String(job.JobJson))).toEqual({ contacts: [{ phonenumber: '13800000000', referenceId: ref }] });
  });
});
