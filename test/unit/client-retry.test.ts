import { describe, expect, it } from 'vitest';
import { CallbridgeClient } from '../../core/client.js';
import { CallbridgeError } from '../../core/errors.js';
import { catalog } from '../../core/registry.js';
import { NetworkError } from '../../core/transport.js';
import { fakeRuntime, jsonResponse, scriptedTransport } from '../helpers/fakes.js';

const alibaba = { accessKeyId: 'id', accessKeySecret: 'retry-secret-1234' };
const call = { CalledNumber: '13800000000', TtsCode: 'TTS_1', OutId: 'out-42' };
const ok = jsonResponse(200, { RequestId: 'r', Code: 'OK', CallId: '1^2' });
const throttled = jsonResponse(400, { RequestId: 'r', Code: 'Throttling.User', Message: 'Request was denied due to user flow control.' });
const serverError = jsonResponse(500, { RequestId: 'r-500', Code: 'InternalError', Message: 'boom' });

function client(steps: Parameters<typeof scriptedTransport>[0]) {
  const transport = scriptedTransport(steps);
  const runtime = fakeRuntime();
  return { transport, runtime, client: new CallbridgeClient({ validateOutput: true, alibaba, transport, runtime }, catalog) };
}

async function failure(promise: Promise<unknown>): Promise<CallbridgeError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CallbridgeError);
  return error as CallbridgeError;
}

describe('retries of a billed call', () => {
  it('retries when the connection was refused (provably not sent), signing each attempt afresh', async () => {
    const { client: c, transport } = client([new NetworkError('ECONNREFUSED', false, 'ECONNREFUSED'), ok]);
    await expect(c.invoke('dyvms.SingleCallByTts', call)).resolves.toMatchObject({ CallId: '1^2' });
    const nonces = transport.requests.map((r) => new URLSearchParams(r.body).get('SignatureNonce'));
    expect(nonces).toEqual(['nonce-1', 'nonce-2']);
    expect(new URLSearchParams(transport.requests[0].body).get('Signature')).not.toBe(new URLSearchParams(transport.requests[1].body).get('Signature'));
  });

  it('retries on the vendor throttling code', async () => {
    const { client: c, transport } = client([throttled, ok]);
    await expect(c.invoke('dyvms.SingleCallByTts', call)).resolves.toMatchObject({ CallId: '1^2' });
    expect(transport.requests).toHaveLength(2);
  });

  it('does not retry a reset after sending: outcome unknown, with the OutId to check', async () => {
    const { client: c, transport } = client([new NetworkError('ECONNRESET', true, 'ECONNRESET'), ok]);
    const error = await failure(c.invoke('dyvms.SingleCallByTts', call));
    expect(transport.requests).toHaveLength(1);
    expect(error.kind).toBe('outcome_unknown');
    expect(error.checkWith).toEqual({ CalledNumber: '13800000000', OutId: 'out-42' });
    expect(error.message).toContain('OutId=out-42');
  });

  it('does not retry a 5xx: outcome unknown', async () => {
    const { client: c, transport } = client([serverError, ok]);
    const error = await failure(c.invoke('dyvms.SingleCallByTts', call));
    expect(transport.requests).toHaveLength(1);
    expect(error.kind).toBe('outcome_unknown');
    expect(error.requestId).toBe('r-500');
  });

  it('does not retry a vendor business error and reports it as a vendor error', async () => {
    const { client: c, transport } = client([jsonResponse(200, { RequestId: 'r', Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: 'flow control' }), ok]);
    const error = await failure(c.invoke('dyvms.SingleCallByTts', call));
    expect(transport.requests).toHaveLength(1);
    expect(error.kind).toBe('vendor');
    expect(error.code).toBe('isv.BUSINESS_LIMIT_CONTROL');
  });

  it('gives up after maxAttempts of throttling', async () => {
    const { client: c, transport } = client([throttled, throttled, throttled, ok]);
    const error = await failure(c.invoke('dyvms.SingleCallByTts', call));
    expect(transport.requests).toHaveLength(3);
    expect(error.code).toBe('Throttling.User');
    expect(error.kind).toBe('vendor');
  });

  it('never puts the secret in an error message', async () => {
    const { client: c } = client([jsonResponse(400, { Code: 'SignatureDoesNotMatch', Message: `secret was ${alibaba.accessKeySecret}` })]);
    const error = await failure(c.invoke('dyvms.SingleCallByTts', call));
    expect(error.message).not.toContain(alibaba.accessKeySecret);
    expect(JSON.stringify(error)).not.toContain(alibaba.accessKeySecret);
  });
});

describe('pacing', () => {
  it('spaces requests of one operation at its documented QPS after the first tenth of a second\'s worth', async () => {
    const { client: c, runtime } = client(Array.from({ length: 105 }, () => ok));
    const start = runtime.now();
    for (let i = 0; i < 105; i++) await c.invoke('dyvms.SingleCallByTts', call);
    // qps 1000: 100 requests at once, then 1 ms apart; the 105th goes out 5 ms after the first.
    expect(runtime.now() - start).toBe(5);
  });
});
