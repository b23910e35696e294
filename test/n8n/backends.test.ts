// Volcengine, PBX and Outbound Bot nodes against the sandbox, each request authenticated by the real
// credential class (Volcengine HMAC signature; PBX login through preAuthentication, token in the query).
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeProduct } from '../../nodes/shared/execute.js';
import { DEFAULT_INSTANCE_ID, DEFAULT_SCRIPT_ID } from '../../sandbox/outboundbot/state.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { fakeExecute, sandboxCredentials } from './helpers.js';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ speed: 60, seed: 11 });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('Volcengine Voice node', () => {
  it('places a one-off call (fixed collection List) and waits for its call record', async () => {
    const { ctx, requests } = fakeExecute({
      credentials: sandboxCredentials(sandbox),
      parameters: [
        {
          resource: 'singleCall',
          operation: 'SingleBatchAppend',
          List: {
            values: [{ SingleOpenId: 'n8nsingle0001', Phone: '13900000001', Type: 1, Resource: 'res-1', NumberPoolNo: 'NP162213338604093530', Ext: 'n8n-1' }],
          },
          waitForResult: true,
          waitTimeout: 60,
          pollInterval: 1,
        },
      ],
    });
    const [items] = await executeProduct.call(ctx, 'volcengine');
    expect(items).toHaveLength(1);
    const json = items[0].json as IDataObject & { result: IDataObject; wait: IDataObject };
    expect(json.callId).toBe('n8nsingle0001');
    expect(json.result).toMatchObject({ provider: 'volcengine', final: true, callId: 'n8nsingle0001' });
    expect(['completed', 'no_answer', 'busy', 'failed']).toContain(json.result.status);
    expect(json.wait).toMatchObject({ final: true, timedOut: false });
    // Signed by the credential: HMAC-SHA256 over the exact body sent.
    expect(requests[0].headers.Authorization).toMatch(/^HMAC-SHA256 Credential=sandbox-volc-ak\/\d{8}\/cn-north-1\/vms\/request, SignedHeaders=/);
    expect(JSON.parse(requests[0].body ?? '{}')).toMatchObject({ List: [{ SingleOpenId: 'n8nsingle0001', Phone: '13900000001', Type: 1 }] });
  }, 60_000);

  it('a wrong secret key fails with the gateway code (HTTP 401), the secret masked', async () => {
    const credentials = sandboxCredentials(sandbox);
    credentials.callbridgeVolcengineApi.secretAccessKey = 'wrong-secret-key';
    const { ctx } = fakeExecute({ credentials, parameters: [{ resource: 'number', operation: 'NumberPoolList', additionalFields: {} }] });
    const error = (await executeProduct.call(ctx, 'volcengine').catch((e: unknown) => e)) as NodeApiError;
    expect(error).toBeInstanceOf(NodeApiError);
    expect(error.message).toContain('SignatureDoesNotMatch');
    expect(error.httpCode).toBe('401');
    expect(JSON.stringify(error)).not.toContain('wrong-secret-key');
  });
});

describe('PBX node', () => {
  it("logs in through core's PBX session once, dials and waits until the call has ended with the token in every query", async () => {
    const { ctx, requests, store } = fakeExecute({
      credentials: sandboxCredentials(sandbox),
      parameters: [{ resource: 'extension', operation: 'extension.dial_outbound', extid: '1000', outto: '013800000000', additionalFields: {}, waitForResult: true, waitTimeout: 90, pollInterval: 1 }],
    });
    const [items] = await executeProduct.call(ctx, 'pbx');
    const json = items[0].json as IDataObject & { result: IDataObject };
    expect(json.callid).toBeTruthy();
    expect(json.result).toMatchObject({ provider: 'pbx', final: true });
    // One login (MD5 of the password, never the password), then the token in the query of every call.
    const logins = requests.filter((r) => r.url.endsWith('/api/v1.1.0/login'));
    expect(logins).toHaveLength(1);
    expect(logins[0].body).not.toContain('sandbox-password');
    expect(JSON.parse(logins[0].body ?? '{}').password).toMatch(/^[0-9a-f]{32}$/);
    const calls = requests.filter((r) => !r.url.endsWith('/login'));
    const token = new URL(calls[0].url).searchParams.get('token');
    expect(token).toBeTruthy();
    expect(calls.every((r) => new URL(r.url).searchParams.get('token') === token)).toBe(true);
    // The session is core's: the credential's stored token (used only by n8n's credential test) is left alone.
    expect(store.callbridgePbxApi.token).toBe('');
  }, 90_000);

  it('API v2.0.0: dial through call/dial with the renamed fields, wait through call/query', async () => {
    const credentials = sandboxCredentials(sandbox);
    credentials.callbridgePbxApi.apiVersion = 'v2.0.0';
    const { ctx, requests } = fakeExecute({
      credentials,
      parameters: [{ resource: 'extension', operation: 'extension.dial_outbound', extid: '1001', outto: '013800000001', additionalFields: {}, waitForResult: true, waitTimeout: 90, pollInterval: 1 }],
    });
    const [items] = await executeProduct.call(ctx, 'pbx');
    const json = items[0].json as IDataObject & { result: IDataObject };
    expect(json.result).toMatchObject({ provider: 'pbx', final: true, callId: json.callid });
    const dial = requests.find((r) => r.url.includes('/api/v2.0.0/call/dial'));
    expect(JSON.parse(dial?.body ?? '{}')).toMatchObject({ caller: '1001', callee: '013800000001' });
    expect(requests.some((r) => r.url.includes('/api/v2.0.0/call/query'))).toBe(true);
  }, 90_000);

  it("does not use a token stored in the credential: core's session logs in with the credential's username and password", async () => {
    const credentials = sandboxCredentials(sandbox);
    credentials.callbridgePbxApi.token = 'stale-token-0000';
    const { ctx, requests } = fakeExecute({ credentials, parameters: [{ resource: 'extension', operation: 'extensionlist.query' }] });
    const [items] = await executeProduct.call(ctx, 'pbx');
    // The extension list is split into items, one per extension.
    expect(items.length).toBeGreaterThan(1);
    expect(items.every((item) => typeof item.json.extnumber === 'string')).toBe(true);
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(['/pbx/api/v1.1.0/login', '/pbx/api/v1.1.0/extensionlist/query']);
    expect(new URL(requests[1].url).searchParams.get('token')).not.toBe('stale-token-0000');
  });

  it('a wrong password is a clear error naming the errno, without the password', async () => {
    const credentials = sandboxCredentials(sandbox);
    credentials.callbridgePbxApi.password = 'not-the-password';
    const { ctx } = fakeExecute({ credentials, parameters: [{ resource: 'extension', operation: 'extensionlist.query' }] });
    const error = (await executeProduct.call(ctx, 'pbx').catch((e: unknown) => e)) as NodeApiError;
    expect(error).toBeInstanceOf(NodeApiError);
    expect(error.message).toMatch(/errno 20003 \(login failed: invalid username or password\)/);
    expect(JSON.stringify(error)).not.toContain('not-the-password');
  });
});

describe('Outbound Bot node', () => {
  it('StartJob with Wait for Result finds the job by number and returns its vendor-neutral result', async () => {
    const { ctx } = fakeExecute({
      credentials: sandboxCredentials(sandbox),
      parameters: [
        {
          resource: 'job',
          operation: 'StartJob',
          InstanceId: DEFAULT_INSTANCE_ID,
          ScriptId: DEFAULT_SCRIPT_ID,
          JobJson: { contacts: [{ phonenumber: '13700000099', name: 'Waiting callee', referenceId: 'ref-wait' }] },
          additionalFields: {},
          waitForResult: true,
          waitTimeout: 60,
          pollInterval: 1,
        },
      ],
    });
    const [items] = await executeProduct.call(ctx, 'outboundbot');
    const json = items[0].json as IDataObject & { result: IDataObject; raw: IDataObject };
    expect(json.TaskIds).toBeTruthy();
    expect(json.result).toMatchObject({ provider: 'outboundbot', final: true, callee: '13700000099' });
    expect(json.callId).toBe(((json.TaskIds as IDataObject[])[0] as IDataObject).Value);
    expect(json.raw).toMatchObject({ ReferenceId: 'ref-wait' });
  }, 60_000);

  it('StartJob takes the job as structured fields; DownloadRecording returns the recording as binary data', async () => {
    const credentials = sandboxCredentials(sandbox);
    const numbers = ['13700000001', '13700000002', '13700000003', '13700000004', '13700000005', '13700000006'];
    const started = fakeExecute({
      credentials,
      parameters: numbers.map((phonenumber, i) => ({
        resource: 'job',
        operation: 'StartJob',
        InstanceId: DEFAULT_INSTANCE_ID,
        ScriptId: DEFAULT_SCRIPT_ID,
        JobJson: { contacts: [{ phonenumber, name: `Callee ${i}`, referenceId: `ref-${i}` }], extras: [{ key: 'orderId', value: `A${i}` }] },
        additionalFields: {},
      })),
    });
    const [jobs] = await executeProduct.call(started.ctx, 'outboundbot');
    const jobJson = JSON.parse(new URLSearchParams(started.requests[0].body).get('JobJson') ?? '{}');
    expect(jobJson).toEqual({ contacts: [{ phonenumber: '13700000001', name: 'Callee 0', referenceId: 'ref-0' }], extras: [{ key: 'orderId', value: 'A0' }] });
    const taskIds = jobs.map((j) => ((j.json.TaskIds as IDataObject[])[0] as IDataObject).Value as string);
    // Wait until the sandbox has ended every one of these calls (recordings exist only then).
    const deadline = Date.now() + 30_000;
    const ended = () => numbers.every((n) => sandbox.context.calls().some((c) => c.number === n && c.endAt !== undefined));
    while (!ended()) {
      if (Date.now() > deadline) throw new Error('the sandbox did not end the StartJob calls within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const download = fakeExecute({
      continueOnFail: true,
      credentials,
      parameters: taskIds.map((TaskId) => ({ resource: 'recording', operation: 'DownloadRecording', InstanceId: DEFAULT_INSTANCE_ID, TaskId, download: true, binaryPropertyName: 'audio' })),
    });
    const [results] = await executeProduct.call(download.ctx, 'outboundbot');
    const withFile = results.filter((r) => r.binary?.audio);
    expect(withFile.length).toBeGreaterThan(0);
    const audio = withFile[0].binary?.audio as unknown as { data: string; fileName: string; mimeType: string };
    expect(Buffer.from(audio.data, 'base64').subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(audio.fileName).toMatch(/\.wav$/);
    expect((withFile[0].json.DownloadParams as IDataObject).SignatureUrl).toBeTruthy();
    // Unanswered calls have no recording: an error item each (continueOnFail), not a crash.
    for (const r of results.filter((x) => !x.binary)) expect(r.json.error).toBeTruthy();
  }, 60_000);
});
