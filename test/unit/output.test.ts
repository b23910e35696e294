import { describe, expect, it } from 'vitest';
import { CallbridgeClient } from '../../core/client.js';
import { CallbridgeError } from '../../core/errors.js';
import type { AnyOperation } from '../../core/operation.js';
import { normalizeOutput, outputProblems } from '../../core/output.js';
import { catalog } from '../../core/registry.js';
import { sampleOf } from '../../sandbox/schema-sample.js';
import { fakeRuntime, jsonResponse, scriptedTransport } from '../helpers/fakes.js';

const operation = (id: string): AnyOperation => {
  const op = catalog.get(id);
  if (!op) throw new Error(`${id} is not in the catalog`);
  return op;
};

/** The normaliser's result next to the schema's, for an answer that fits the schema. */
function both(op: AnyOperation, body: unknown): { normalized: unknown; parsed: unknown } {
  return { normalized: normalizeOutput(op, body), parsed: op.output.parse(body) };
}

describe('the output normaliser gives the output schema\'s result without running it', () => {
  it('agrees with the schema on a minimal answer of every operation', () => {
    for (const op of catalog.values()) {
      const body = sampleOf(op.output);
      expect(outputProblems(op, body, normalizeOutput(op, body)), op.id).toBeUndefined();
    }
  });

  it('converts what the vendors send loosely: numbers as text, JSON in a string, one item for a list, misspelled keys', () => {
    const list = operation('dyvms.QueryRobotTaskCallList');
    const answer = { Code: 200, Data: JSON.stringify([{ konwledgeCount: '3', transferFailReson: 'user hung up', hangupDirection: '0', extra: 'kept' }]) };
    const { normalized, parsed } = both(list, answer);
    expect(normalized).toEqual(parsed);
    expect(normalized).toMatchObject({ Code: '200', Data: [{ knowledgeCount: 3, konwledgeCount: 3, transferFailReason: 'user hung up', extra: 'kept' }] });

    const detail = operation('dyvms.QueryCallDetailByCallId');
    const text = both(detail, { Code: 'OK', Data: '{"callId":"1^2","duration":"12","state":"200000"}' });
    expect(text.normalized).toEqual(text.parsed);
    expect(text.normalized).toMatchObject({ Data: { duration: 12, state: '200000' } });

    const append = operation('volcengine.SingleBatchAppend');
    const one = both(append, { ResponseMetadata: { RequestId: 'r' }, Result: { SuccessList: { Phone: 13800000000, SingleOpenId: 'a' } } });
    expect(one.normalized).toEqual(one.parsed);
    expect(one.normalized).toMatchObject({ Result: { SuccessList: [{ Phone: '13800000000', SingleOpenId: 'a' }] } });
  });

  it('passes an answer that does not fit through as it is, and reports it when asked', () => {
    const op = operation('volcengine.SingleBatchAppend');
    const body = { Result: { SuccessList: [] } };
    expect(normalizeOutput(op, body)).toEqual(body);
    expect(outputProblems(op, body, normalizeOutput(op, body))).toMatch(/ResponseMetadata/);
  });
});

describe('validateOutput', () => {
  const alibaba = { accessKeyId: 'id', accessKeySecret: 'output-secret-1234' };
  const call = { CalledNumber: '13800000000', TtsCode: 'TTS_1', OutId: 'out-42' };
  const drifted = jsonResponse(200, { RequestId: 'r', Code: 'OK', CallId: { id: '1^2' } });
  const client = (validateOutput: boolean) =>
    new CallbridgeClient({ alibaba, transport: scriptedTransport([drifted]), runtime: fakeRuntime(), validateOutput }, catalog);

  it('off (the default): a drifted answer comes back in the documented form as far as it goes', async () => {
    await expect(client(false).invoke('dyvms.SingleCallByTts', call)).resolves.toEqual({ RequestId: 'r', Code: 'OK', CallId: { id: '1^2' } });
  });

  it('on (the test suite, or on demand): a drifted answer fails with UnexpectedResponse naming the field', async () => {
    const error = await client(true)
      .invoke('dyvms.SingleCallByTts', call)
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(CallbridgeError);
    expect(error).toMatchObject({ code: 'UnexpectedResponse', kind: 'outcome_unknown' });
    expect((error as CallbridgeError).message).toContain('CallId');
  });
});
