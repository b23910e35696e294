import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Service } from '@volcengine/openapi';
import Signer from '@volcengine/openapi/lib/base/sign';
import { CallbridgeClient } from '../../core/client.js';
import { CallbridgeError } from '../../core/errors.js';
import { catalog } from '../../core/registry.js';
import { UndiciTransport } from '../../mcp/undici-transport.js';
import { systemRuntime } from '../../mcp/runtime.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { callbackAuthCode, VOLC_CALLBACK_AUTH_TOKEN } from '../../sandbox/volcengine/index.js';
import { beijingDateTime } from '../../sandbox/sim-util.js';
import type { PlacedCall } from '../../sandbox/types.js';
import { startRecordingServer } from '../helpers/recording-server.js';
import { waitFor } from '../helpers/wait-for.js';

const AK = 'volc-test-ak';
const SK = 'volc-test-sk';

let sandbox: RunningSandbox;
let transport: UndiciTransport;
let client: CallbridgeClient;
let receiver: Awaited<ReturnType<typeof startRecordingServer>>;


async function calls(query = 'vendor=volcengine'): Promise<PlacedCall[]> {
  const res = await fetch(`${sandbox.url}/_sandbox/calls?${query}`);
  return (await res.json()) as PlacedCall[];
}

beforeAll(async () => {
  sandbox = await startSandbox({ speed: 100, seed: 'volc', env: { VOLCENGINE_ACCESS_KEY: AK, VOLCENGINE_SECRET_KEY: SK } });
  receiver = await startRecordingServer(() => ({ status: 200, body: { ok: true } }));
  transport = new UndiciTransport();
  client = new CallbridgeClient(
    { validateOutput: true,
      volcengine: { accessKeyId: AK, secretAccessKey: SK, endpoint: `${sandbox.url}/volcengine/` },
      transport,
      runtime: systemRuntime,
      maxAttempts: 1,
    },
    catalog,
  );
});

afterAll(async () => {
  await transport?.close();
  await sandbox?.close();
  await receiver?.close();
});

describe('Volcengine simulator through the callbridge client', () => {
  it('runs a task: CreateTask Start=true dials, PauseTask stops new calls, ResumeTask continues, records are queryable and pushed', async () => {
    await fetch(`${sandbox.url}/_sandbox/config`, {
      method: 'POST',
      body: JSON.stringify({ receiptUrls: { VolcengineCallRecord: `${receiver.url}/cdr` } }),
    });
    const now = sandbox.context.clock.now();
    const phones = ['13800000001', '13800000002', '13800000003', '13800000004', '13800000005', '13800000006'];
    const created = (await client.invoke('volcengine.CreateTask', {
      Name: 'sandbox test',
      Type: 1,
      Resource: 'sandbox-tts-001',
      NumberPoolNo: 'NP162212345678900001',
      PhoneList: phones.map((Phone, i) => ({ Phone, PhoneParam: { code: String(1000 + i) }, Ext: `ext-${i}` })),
      Start: true,
      StartTime: beijingDateTime(now - 60_000),
      EndTime: beijingDateTime(now + 86_400_000),
      Concurrency: 2,
    })) as { Result: { TaskOpenId: string; FailList: unknown[] } };
    const taskId = created.Result.TaskOpenId;
    expect(taskId).toMatch(/^\d+$/);
    expect(created.Result.FailList).toEqual([]);

    // Start=true dials at once (two at a time: Concurrency 2; a short failed call may already have been replaced).
    const first = await calls(`taskId=${taskId}`);
    expect(first.length).toBeGreaterThanOrEqual(2);
    expect(first.length).toBeLessThan(phones.length);
    expect(first.every((c) => c.operation === 'volcengine.CreateTask' && phones.includes(c.number))).toBe(true);

    await client.invoke('volcengine.PauseTask', { TaskOpenId: taskId });
    const atPause = (await calls(`taskId=${taskId}`)).length;
    // While paused, calls in progress finish but no new ones start (running, the task would replace each
    // finished call at once: Concurrency 2).
    const afterPause = await waitFor('the calls in progress at the pause to end', async () => {
      const list = await calls(`taskId=${taskId}`);
      return list.every((c) => c.endAt !== undefined) ? list : undefined;
    });
    expect(afterPause.length).toBe(atPause);
    await expect(client.invoke('volcengine.PauseTask', { TaskOpenId: taskId })).rejects.toMatchObject({ code: 'OperationDenied' });

    await client.invoke('volcengine.ResumeTask', { TaskOpenId: taskId });
    const all = await waitFor('every callee dialled and finished', async () => {
      const list = await calls(`taskId=${taskId}`);
      return list.length === phones.length && list.every((c) => c.endAt !== undefined) ? list : undefined;
    });
    expect(new Set(all.map((c) => c.number))).toEqual(new Set(phones));
    // Never more than Concurrency calls at the same sandbox moment.
    const moments = all.flatMap((c) => [
      { at: c.createdAt, delta: 1 },
      { at: c.endAt as number, delta: -1 },
    ]);
    moments.sort((a, b) => a.at - b.at || a.delta - b.delta);
    let open = 0;
    let most = 0;
    for (const m of moments) most = Math.max(most, (open += m.delta));
    expect(most).toBe(2);

    const records = (await client.invoke('volcengine.QueryCallRecordMsg', { CallIdList: all.map((c) => c.id) })) as {
      Result: Array<Record<string, unknown>>;
    };
    expect(records.Result).toHaveLength(phones.length);
    for (const record of records.Result) {
      const call = all.find((c) => c.id === record.CallId) as PlacedCall;
      expect(record.Callee).toBe(call.number);
      expect(record.TaskOpenId).toBe(taskId);
      expect(record.CallResult).toBe(call.status === 'completed' ? 1 : call.status === 'no_answer' ? 7 : call.status === 'busy' ? 8 : call.status === 'power_off' ? 2 : 6);
      expect(record.CallDuration).toBe(call.durationSeconds);
    }

    // Call records are pushed (camelCase, one flat object each) with the callback signature in the query.
    const pushes = await waitFor('one CDR push per call', async () => {
      const got = receiver.requests.filter((r) => r.url.startsWith('/cdr'));
      return got.length >= phones.length ? got : undefined;
    });
    for (const push of pushes) {
      const body = JSON.parse(push.body) as Record<string, unknown>;
      expect(all.map((c) => c.id)).toContain(body.callId);
      expect(body.taskOpenId).toBe(taskId);
      const url = new URL(push.url, 'http://x');
      const ts = Number(url.searchParams.get('timestamp'));
      expect(url.searchParams.get('authCode')).toBe(callbackAuthCode(ts, push.body, VOLC_CALLBACK_AUTH_TOKEN));
    }

    // A recording of an answered call is downloadable from the signed URL.
    const answered = all.find((c) => c.status === 'completed');
    if (answered) {
      const urls = (await client.invoke('volcengine.QueryAudioRecordFileUrl', { CallId: answered.id })) as { Result: { AudioRecordFileUrl: string } };
      const wav = await fetch(urls.Result.AudioRecordFileUrl);
      expect(wav.status).toBe(200);
      const bytes = new Uint8Array(await wav.arrayBuffer());
      expect(Buffer.from(bytes.slice(0, 4)).toString('ascii')).toBe('RIFF');
      const tampered = urls.Result.AudioRecordFileUrl.replace(/x-signature=(.)/, (_m, c: string) => `x-signature=${c === '0' ? '1' : '0'}`);
      expect((await fetch(tampered)).status).toBe(403);
    }

    await client.invoke('volcengine.StopTask', { TaskOpenId: taskId });
    await expect(client.invoke('volcengine.ResumeTask', { TaskOpenId: taskId })).rejects.toMatchObject({ code: 'OperationDenied' });
  });

  it('rejects unknown tasks and invalid input with the vendor codes', async () => {
    const error = await client.invoke('volcengine.PauseTask', { TaskOpenId: '999' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallbridgeError);
    expect((error as CallbridgeError).code).toBe('InvalidParameter');
    expect((error as CallbridgeError).httpStatus).toBe(400);
  });
  it('answers every volcengine catalog example with its documented shape or a documented error (no 5xx, no unexpected shape)', async () => {
    for (const op of catalog.values()) {
      if (op.product !== 'volcengine') continue;
      for (const example of op.examples ?? []) {
        const outcome = await client.invoke(op.id, example.input).catch((e: unknown) => e);
        if (!(outcome instanceof Error)) continue;
        expect(outcome, `${op.id}: ${outcome.message}`).toBeInstanceOf(CallbridgeError);
        const error = outcome as CallbridgeError;
        expect(error.code, `${op.id}: ${error.message}`).not.toBe('UnexpectedResponse');
        expect(['InvalidParameter', 'OperationDenied'], `${op.id}: ${error.message}`).toContain(error.code);
      }
    }
  });
});

describe('Volcengine simulator with the official @volcengine/openapi SDK', () => {
  const sdk = () =>
    new Service({
      host: `127.0.0.1:${sandbox.port}`,
      protocol: 'http:',
      region: 'cn-north-1',
      serviceName: 'vms',
      defaultVersion: '2022-01-01',
      accessKeyId: AK,
      secretKey: SK,
    });

  // The SDK posts to "/" of its host; the sandbox routes Version=2022-01-01 requests there to Volcengine.
  it('accepts signed JSON, form and GET requests from the SDK Service', async () => {
    const service = sdk();
    const resources = (await service.createAPI('QueryUsableResourceV2', { method: 'GET' })({ Type: 1 })) as {
      ResponseMetadata: { Error?: unknown; Region: string };
      Result: { Records: Array<{ ResourceKey: string }> };
    };
    expect(resources.ResponseMetadata.Error).toBeUndefined();
    expect(resources.ResponseMetadata.Region).toBe('cn-north-1');
    expect(resources.Result.Records.map((r) => r.ResourceKey)).toContain('sandbox-tts-001');

    const now = sandbox.context.clock.now();
    const created = (await service.createJSONAPI('CreateTask')(
      {
        Name: 'sdk task',
        Type: 0,
        Resource: 'sandbox-voice-001',
        NumberPoolNo: 'NP162212345678900001',
        PhoneList: [{ Phone: '13900000001' }],
        Start: false,
        StartTime: beijingDateTime(now),
        EndTime: beijingDateTime(now + 3_600_000),
        Concurrency: 1,
      },
    )) as { ResponseMetadata: { Error?: unknown }; Result: { TaskOpenId: string } };
    expect(created.ResponseMetadata.Error).toBeUndefined();
    expect(created.Result.TaskOpenId).toMatch(/^\d+$/);

    // Form body (the old doc pages' style) with region cn-beijing.
    const beijing = sdk();
    beijing.setRegion('cn-beijing');
    const paused = (await beijing.createUrlEncodeAPI('ResumeTask')({ TaskOpenId: created.Result.TaskOpenId })) as {
      ResponseMetadata: { Error?: unknown; Region: string };
    };
    expect(paused.ResponseMetadata).toMatchObject({ Action: 'ResumeTask', Version: '2022-01-01', Service: 'vms', Region: 'cn-beijing' });
    expect(paused.ResponseMetadata.Error).toBeUndefined();
  });

  function signed(mutate: (headers: Record<string, string>) => void, date?: Date, sentBody?: string) {
    const body = JSON.stringify({ Type: 1 });
    const request = {
      region: 'cn-north-1',
      method: 'POST',
      pathname: '/volcengine/',
      params: { Action: 'QueryUsableResourceV2', Version: '2022-01-01' },
      headers: { 'Content-Type': 'application/json' } as Record<string, string>,
      body,
    };
    const signer = new Signer(request, 'vms');
    signer.addAuthorization({ accessKeyId: AK, secretKey: SK }, date);
    mutate(request.headers);
    return fetch(`${sandbox.url}/volcengine/?Action=QueryUsableResourceV2&Version=2022-01-01`, { method: 'POST', headers: request.headers, body: sentBody ?? body });
  }

  it('rejects a tampered signature, a stale X-Date, an unknown key and a changed body with the gateway errors', async () => {
    const ok = await signed(() => {});
    expect(ok.status).toBe(200);

    const tampered = await signed((h) => {
      h.Authorization = h.Authorization.replace(/Signature=([0-9a-f])/, (_m, c: string) => `Signature=${c === '0' ? '1' : '0'}`);
    });
    expect(tampered.status).toBe(401);
    const tamperedBody = (await tampered.json()) as { ResponseMetadata: { Error: { Code: string; CodeN: number } } };
    expect(tamperedBody.ResponseMetadata.Error).toMatchObject({ Code: 'SignatureDoesNotMatch', CodeN: 100010 });

    const stale = await signed(() => {}, new Date(Date.now() - 20 * 60_000));
    expect(stale.status).toBe(400);
    expect(((await stale.json()) as { ResponseMetadata: { Error: { Code: string } } }).ResponseMetadata.Error.Code).toBe('InvalidTimestamp');

    const changedDate = await signed((h) => {
      h['X-Date'] = h['X-Date'].replace(/\d{2}Z$/, (s) => `${String((Number(s.slice(0, 2)) + 1) % 60).padStart(2, '0')}Z`);
    });
    expect(changedDate.status).toBe(401);

    const unknownKey = await signed((h) => {
      h.Authorization = h.Authorization.replace(AK, 'someone-else');
    });
    expect(unknownKey.status).toBe(401);
    expect(((await unknownKey.json()) as { ResponseMetadata: { Error: { Code: string } } }).ResponseMetadata.Error.Code).toBe('InvalidAccessKey');

    const changedBody = await signed(() => {}, undefined, JSON.stringify({ Type: 2 }));
    expect(changedBody.status).toBe(401);
    expect(((await changedBody.json()) as { ResponseMetadata: { Error: { Code: string } } }).ResponseMetadata.Error.Code).toBe('SignatureDoesNotMatch');

    const unsigned = await fetch(`${sandbox.url}/volcengine/?Action=QueryUsableResourceV2&Version=2022-01-01`, { method: 'POST', body: '{}' });
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as { ResponseMetadata: { Error: { Code: string } } }).ResponseMetadata.Error.Code).toBe('MissingAuthenticationToken');
  });

  it('answers the vendor codes for a missing parameter and an unknown action', async () => {
    const service = sdk();
    const missing = (await service.createJSONAPI('PauseTask')({})) as { ResponseMetadata: { Error: { Code: string } } };
    expect(missing.ResponseMetadata.Error.Code).toBe('MissingParameter');
    const unknown = (await service.createJSONAPI('NoSuchAction')({})) as { ResponseMetadata: { Error: { Code: string } } };
    expect(unknown.ResponseMetadata.Error.Code).toBe('InvalidActionOrVersion');
  });
});
