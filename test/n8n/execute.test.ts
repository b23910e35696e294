// The generated nodes' execute() against the sandbox: every request signed by the real credential class.
import { NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeProduct } from '../../nodes/shared/execute.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { fakeExecute, sandboxCredentials } from './helpers.js';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ speed: 60, seed: 7 });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('Alibaba Cloud Voice node', () => {
  it('places a TTS call signed by the credential and returns the CallId', async () => {
    const { ctx, requests } = fakeExecute({
      credentials: sandboxCredentials(sandbox),
      parameters: [
        {
          resource: 'call',
          operation: 'SingleCallByTts',
          CalledNumber: '13800000001',
          TtsCode: 'TTS_100001',
          additionalFields: { TtsParam: { values: [{ name: 'code', value: '123456' }] }, OutId: 'order-1' },
          waitForResult: false,
        },
      ],
    });
    const [items] = await executeProduct.call(ctx, 'dyvms');
    expect(items).toHaveLength(1);
    expect(items[0].json.CallId).toMatch(/^\d+\^\d+$/);
    expect(items[0].pairedItem).toEqual({ item: 0 });
    // Signed by the credential (core's signer) and carrying the structured TtsParam as JSON text.
    const body = new URLSearchParams(requests[0].body);
    expect(body.get('AccessKeyId')).toBe('sandbox-ak');
    expect(body.get('Signature')).toBeTruthy();
    expect(body.get('TtsParam')).toBe('{"code":"123456"}');
    expect(body.get('OutId')).toBe('order-1');
    const calls = (await (await fetch(`${sandbox.url}/_sandbox/calls?outId=order-1`)).json()) as unknown[];
    expect(calls).toHaveLength(1);
  });

  it('waits for the call to end and returns the vendor-neutral result next to the raw record', async () => {
    const { ctx } = fakeExecute({
      credentials: sandboxCredentials(sandbox),
      parameters: [
        { resource: 'call', operation: 'SingleCallByTts', CalledNumber: '13800000002', TtsCode: 'TTS_100001', additionalFields: {}, waitForResult: true, waitTimeout: 60, pollInterval: 1 },
      ],
    });
    const [items] = await executeProduct.call(ctx, 'dyvms');
    const json = items[0].json as IDataObject & { result: IDataObject; raw: IDataObject; wait: IDataObject };
    expect(json.CallId).toBeTruthy();
    expect(json.result.provider).toBe('dyvms');
    expect(json.result.final).toBe(true);
    expect(['completed', 'no_answer', 'busy', 'failed']).toContain(json.result.status);
    expect(json.result.callId).toBe(json.CallId);
    expect(typeof json.result.durationSeconds).toBe('number');
    expect(json.raw).toMatchObject({ callee: '13800000002' });
    expect(json.wait).toMatchObject({ final: true, timedOut: false });
    const [placed] = (await (await fetch(`${sandbox.url}/_sandbox/calls?number=13800000002`)).json()) as Array<{ status: string; durationSeconds?: number }>;
    const expected = { completed: 'completed', no_answer: 'no_answer', busy: 'busy', power_off: 'failed', failed: 'failed' }[placed.status];
    expect(json.result.status).toBe(expected);
  }, 60_000);

  it('returns a NodeApiError with the vendor code and request ID, and nothing secret', async () => {
    const { ctx } = fakeExecute({
      credentials: sandboxCredentials(sandbox),
      parameters: [{ resource: 'call', operation: 'SingleCallByTts', CalledNumber: '13800000003', TtsCode: 'NOT_A_TEMPLATE', additionalFields: {} }],
    });
    const error = await executeProduct.call(ctx, 'dyvms').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NodeApiError);
    const apiError = error as NodeApiError;
    expect(apiError.message).toContain('isv.TTS_TEMPLATE_ILLEGAL');
    expect(apiError.description).toMatch(/Vendor code: isv\.TTS_TEMPLATE_ILLEGAL \| Request ID: \S+/);
    expect(JSON.stringify(apiError)).not.toContain('sandbox-secret');
  });

  it('refuses bad input before sending, naming the field (NodeOperationError)', async () => {
    const { ctx, requests } = fakeExecute({
      credentials: sandboxCredentials(sandbox),
      parameters: [{ resource: 'call', operation: 'SingleCallByTts', CalledNumber: 'not-a-number', TtsCode: 'TTS_1', additionalFields: {} }],
    });
    const error = await executeProduct.call(ctx, 'dyvms').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeOperationError);
    expect((error as Error).message).toContain('CalledNumber');
    expect(requests).toHaveLength(0);
  });

  it('continueOnFail: one error item per failed input item, the others succeed', async () => {
    const { ctx } = fakeExecute({
      continueOnFail: true,
      credentials: sandboxCredentials(sandbox),
      parameters: [
        { resource: 'call', operation: 'SingleCallByTts', CalledNumber: '13800000004', TtsCode: 'BAD', additionalFields: {} },
        { resource: 'call', operation: 'SingleCallByTts', CalledNumber: '13800000005', TtsCode: 'TTS_2', additionalFields: {} },
      ],
    });
    const [items] = await executeProduct.call(ctx, 'dyvms');
    expect(items).toHaveLength(2);
    expect(items[0].json).toMatchObject({ kind: 'vendor', code: 'isv.TTS_TEMPLATE_ILLEGAL' });
    expect(items[0].json.requestId).toBeTruthy();
    expect(items[0].pairedItem).toEqual({ item: 0 });
    expect(items[1].json.CallId).toBeTruthy();
    expect(items[1].pairedItem).toEqual({ item: 1 });
  });

  it('a wrong AccessKey secret fails with the gateway code', async () => {
    const credentials = sandboxCredentials(sandbox);
    credentials.callbridgeAlibabaCloudApi.accessKeySecret = 'wrong-secret';
    const { ctx } = fakeExecute({ credentials, parameters: [{ resource: 'robotTask', operation: 'QueryRobotv2AllList' }] });
    const error = (await executeProduct.call(ctx, 'dyvms').catch((e: unknown) => e)) as NodeApiError;
    expect(error).toBeInstanceOf(NodeApiError);
    expect(error.message).toContain('SignatureDoesNotMatch');
    expect(error.message).not.toContain('wrong-secret');
  });

  it('Return All / Limit walk the pages of a paginated operation', async () => {
    const credentials = sandboxCredentials(sandbox);
    // Three robot tasks to list.
    for (const name of ['n8n-a', 'n8n-b', 'n8n-c']) {
      const { ctx } = fakeExecute({
        credentials,
        parameters: [{ resource: 'robotTask', operation: 'CreateRobotTask', TaskName: name, DialogId: '1000000000001', Caller: '057100000001', RetryType: 0, additionalFields: {} }],
      });
      await executeProduct.call(ctx, 'dyvms');
    }
    const limited = fakeExecute({ credentials, parameters: [{ resource: 'robotTask', operation: 'QueryRobotTaskList', returnAll: false, limit: 2, additionalFields: {} }] });
    const [two] = await executeProduct.call(limited.ctx, 'dyvms');
    expect(two).toHaveLength(2);
    const all = fakeExecute({ credentials, parameters: [{ resource: 'robotTask', operation: 'QueryRobotTaskList', returnAll: true, additionalFields: {} }] });
    const [every] = await executeProduct.call(all.ctx, 'dyvms');
    expect(every.length).toBeGreaterThanOrEqual(3);
    expect(every.map((i) => i.json.taskName)).toEqual(expect.arrayContaining(['n8n-a', 'n8n-b', 'n8n-c']));
  });
});

describe('redaction', () => {
  it('masks an STS token the gateway repeats double-encoded in SignatureDoesNotMatch', async () => {
    const credentials = sandboxCredentials(sandbox);
    credentials.callbridgeAlibabaCloudApi.accessKeySecret = 'wrong-secret';
    credentials.callbridgeAlibabaCloudApi.securityToken = 'StsToken+Qw3/Er5=Ty7Ui9';
    const { ctx } = fakeExecute({ credentials, continueOnFail: true, parameters: [{ resource: 'robotTask', operation: 'QueryRobotv2AllList' }] });
    const [items] = await executeProduct.call(ctx, 'dyvms');
    const text = JSON.stringify(items);
    expect(text).toContain('SignatureDoesNotMatch');
    for (const form of ['StsToken+Qw3/Er5=Ty7Ui9', encodeURIComponent('StsToken+Qw3/Er5=Ty7Ui9'), encodeURIComponent(encodeURIComponent('StsToken+Qw3/Er5=Ty7Ui9'))]) {
      expect(text).not.toContain(form);
    }
  });
});

describe('Wait for Result with several items', () => {
  it('places every item\'s call before following them, and returns one final result per item in item order', async () => {
    const numbers = ['13800003001', '13800003002', '13800003003', '13800003004', '13800003005'];
    const { ctx, requests } = fakeExecute({
      credentials: sandboxCredentials(sandbox),
      parameters: numbers.map((n) => ({ resource: 'call', operation: 'SingleCallByTts', CalledNumber: n, TtsCode: 'TTS_100001', additionalFields: {}, waitForResult: true, waitTimeout: 120, pollInterval: 1 })),
    });
    const [items] = await executeProduct.call(ctx, 'dyvms');
    expect(items.map((i) => (i.json.result as IDataObject).callee)).toEqual(numbers);
    expect(items.every((i) => (i.json.wait as IDataObject).final === true)).toBe(true);
    const action = (r: { body?: string }) => new URLSearchParams(r.body).get('Action');
    const lastPlaced = requests.map(action).lastIndexOf('SingleCallByTts');
    const firstCallId = String(items[0].json.CallId);
    const polls = requests.map((r, i) => ({ i, body: new URLSearchParams(r.body) })).filter((r) => r.body.get('Action') !== 'SingleCallByTts' && r.body.get('CallId') === firstCallId);
    // Followed one by one, every poll of the first call would come before the second call is placed.
    expect(polls.at(-1)?.i).toBeGreaterThan(lastPlaced);
  });
});
