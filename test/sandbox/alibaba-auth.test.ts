import OpenApi, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import OpenApiUtil from '@alicloud/openapi-util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { AK, officialSigned, popClient, popError, SECRET, sendForm } from './helpers.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ seed: 'auth' });
});
afterAll(() => sb.close());

const TTS = { CalledNumber: '13800000001', TtsCode: 'TTS_100001', TtsParam: '{"code":"123456"}', OutId: 'auth-1' };

describe('official @alicloud/pop-core requests', () => {
  it('accepts a correctly signed POST and GET and places the call', async () => {
    const client = popClient(sb.url);
    const post = (await client.request('SingleCallByTts', TTS, { method: 'POST' })) as Record<string, string>;
    expect(post.Code).toBe('OK');
    expect(post.CallId).toMatch(/^\d+\^\d+$/);
    expect(post.RequestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    const get = (await client.request('SingleCallByTts', { ...TTS, CalledNumber: '13800000002' }, { method: 'GET' })) as Record<string, string>;
    expect(get.Code).toBe('OK');
    const placed = sb.context.calls().map((c) => c.id);
    expect(placed).toEqual(expect.arrayContaining([post.CallId, get.CallId]));
  });

  it('rejects a wrong secret with SignatureDoesNotMatch (400) and places nothing', async () => {
    const before = sb.context.calls().length;
    const error = await popError(popClient(sb.url, { secret: 'wrong-secret' }).request('SingleCallByTts', TTS, { method: 'POST' }));
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.entry?.response?.statusCode).toBe(400);
    expect(error.data?.HostId).toBe('dyvmsapi.aliyuncs.com');
    expect(error.data?.Message).toContain('server string to sign is:POST&%2F&');
    expect(error.data?.Recommend).toContain('SignatureDoesNotMatch');
    expect(sb.context.calls().length).toBe(before);
  });

  it('rejects an unknown AccessKeyId with InvalidAccessKeyId.NotFound (404)', async () => {
    const error = await popError(popClient(sb.url, { accessKeyId: 'LTAI-not-ours' }).request('QueryRobotv2AllList', {}, { method: 'POST' }));
    expect(error.code).toBe('InvalidAccessKeyId.NotFound');
    expect(error.entry?.response?.statusCode).toBe(404);
  });

  it('rejects an unknown Action', async () => {
    const error = await popError(popClient(sb.url).request('NoSuchAction', {}, { method: 'POST' }));
    expect(error.code).toBe('InvalidAction.NotFound');
    expect(error.entry?.response?.statusCode).toBe(404);
  });

  it('names a missing or invalid parameter (MissingParameter / InvalidParameter, 400)', async () => {
    const missing = await popError(popClient(sb.url).request('SingleCallByTts', { TtsCode: 'TTS_1' }, { method: 'POST' }));
    expect(missing.code).toBe('MissingParameter');
    expect(missing.entry?.response?.statusCode).toBe(400);
    expect(missing.data?.Message).toContain('"CalledNumber"');
    const invalid = await popError(popClient(sb.url).request('SingleCallByTts', { ...TTS, CalledNumber: '13800000009', PlayTimes: 7 }, { method: 'POST' }));
    expect(invalid.code).toBe('InvalidParameter');
    expect(invalid.data?.Message).toContain('PlayTimes');
    const badJson = await popError(popClient(sb.url).request('SingleCallByTts', { ...TTS, CalledNumber: '13800000009', TtsParam: '{not json' }, { method: 'POST' }));
    expect(badJson.code).toBe('InvalidParameter');
    expect(badJson.data?.Message).toContain('TtsParam');
  });
});

describe('official @alicloud/openapi-client (RPC, signature v1)', () => {
  it('is routed by Version on "/" and accepted when right, rejected with a wrong secret', async () => {
    const make = (secret: string) =>
      new OpenApi(new Config({ accessKeyId: AK, accessKeySecret: secret, endpoint: `127.0.0.1:${sb.port}`, protocol: 'http', signatureAlgorithm: 'v2' }));
    const params = new Params({
      action: 'SingleCallByTts',
      version: '2017-05-25',
      protocol: 'HTTP',
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    });
    const request = () => new OpenApiRequest({ query: OpenApiUtil.query({ ...TTS, CalledNumber: '13800000003' }) });
    const ok = (await make(SECRET).callApi(params, request(), { autoretry: false } as never)) as { statusCode: number; body: Record<string, string> };
    expect(ok.statusCode).toBe(200);
    expect(ok.body.Code).toBe('OK');
    expect(sb.context.getCall(ok.body.CallId)?.number).toBe('13800000003');
    const failed = await make('nope').callApi(params, request(), { autoretry: false } as never).catch((e: { code?: string; data?: { statusCode?: number } }) => e);
    expect((failed as { code?: string }).code).toBe('SignatureDoesNotMatch');
    expect((failed as { data?: { statusCode?: number } }).data?.statusCode).toBe(400);
  });
});

describe('requests signed by the official signer, then tampered', () => {
  const query = { Action: 'QueryRobotv2AllList' };

  it('accepts the untampered request', async () => {
    const res = await sendForm(sb.url, officialSigned(query));
    expect(res.status).toBe(200);
    expect(res.body.Code).toBe('OK');
  });

  it('rejects one changed byte of the signature', async () => {
    const signed = officialSigned(query);
    const sig = signed.Signature;
    signed.Signature = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    const res = await sendForm(sb.url, signed);
    expect(res.status).toBe(400);
    expect(res.body.Code).toBe('SignatureDoesNotMatch');
  });

  it('rejects a timestamp changed after signing (signature) and a stale signed timestamp (expired)', async () => {
    const signed = officialSigned(query);
    signed.Timestamp = signed.Timestamp.replace(/(\d)Z$/, (_, d: string) => `${(Number(d) + 1) % 10}Z`);
    const tampered = await sendForm(sb.url, signed);
    expect(tampered.status).toBe(400);
    expect(tampered.body.Code).toBe('SignatureDoesNotMatch');
    const stale = new Date(Date.now() - 16 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const expired = await sendForm(sb.url, officialSigned(query, { timestamp: stale }));
    expect(expired.status).toBe(400);
    expect(expired.body.Code).toBe('InvalidTimeStamp.Expired');
    const future = new Date(Date.now() + 16 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect((await sendForm(sb.url, officialSigned(query, { timestamp: future }))).body.Code).toBe('InvalidTimeStamp.Expired');
    const near = new Date(Date.now() - 14 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect((await sendForm(sb.url, officialSigned(query, { timestamp: near }))).body.Code).toBe('OK');
  });

  it('rejects a nonce changed after signing, and a reused nonce', async () => {
    const signed = officialSigned(query);
    const changed = { ...signed, SignatureNonce: `${signed.SignatureNonce}x` };
    expect((await sendForm(sb.url, changed)).body.Code).toBe('SignatureDoesNotMatch');
    expect((await sendForm(sb.url, signed)).body.Code).toBe('OK');
    const replay = await sendForm(sb.url, signed);
    expect(replay.status).toBe(400);
    expect(replay.body.Code).toBe('SignatureNonceUsed');
  });

  it('verifies GET signatures over the query string', async () => {
    const signed = officialSigned(query, { method: 'GET' });
    expect((await sendForm(sb.url, signed, 'GET')).body.Code).toBe('OK');
    const asPost = officialSigned(query, { method: 'GET' });
    expect((await sendForm(sb.url, asPost, 'POST')).body.Code).toBe('SignatureDoesNotMatch');
  });
});

describe('limits', () => {
  // Time stands still in this sandbox (real time included: the token bucket refills by it), so the bucket
  // holds exactly its burst however slowly the requests arrive. Signatures stay valid: the test runs in seconds.
  let frozen: RunningSandbox;
  beforeAll(async () => {
    const at = Date.now();
    frozen = await startSandbox({ seed: 'auth-limits', clock: { speed: 1, now: () => at, realNow: () => at } });
  });
  afterAll(() => frozen.close());

  it('throttles an operation above its documented QPS per account (Throttling.User, 400)', async () => {
    const client = popClient(frozen.url);
    const results = await Promise.allSettled(Array.from({ length: 160 }, () => client.request('QueryRobotv2AllList', {}, { method: 'POST' })));
    const accepted = results.filter((r) => r.status === 'fulfilled').length;
    const throttled = results.filter((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'Throttling.User');
    // The burst is the documented QPS (100); nothing refills while time stands still.
    expect(accepted).toBe(100);
    expect(throttled).toHaveLength(60);
    expect((throttled[0] as PromiseRejectedResult).reason.entry.response.statusCode).toBe(400);
  });
});
