// The credential types sign with core's signers: the request a credential signs is byte for byte the one
// core's own client sends (same time and nonce), the sandbox's gateways accept it (n8n's credential test
// request form included), and a wrong secret is refused. PBX: login body and TLS options.
import type { IHttpRequestOptions } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../core/registry.js';
import { validateInput } from '../../core/validate.js';
import { alibaba } from '../../core/vendors/alibaba/index.js';
import { md5Hex } from '../../core/vendors/pbx/index.js';
import { volcengine } from '../../core/vendors/volcengine/index.js';
import { CallbridgeAlibabaCloudApi } from '../../credentials/CallbridgeAlibabaCloudApi.credentials.js';
import { CallbridgePbxApi } from '../../credentials/CallbridgePbxApi.credentials.js';
import { CallbridgeVolcengineApi } from '../../credentials/CallbridgeVolcengineApi.credentials.js';
import { pbxLoginOptions, pbxTokenFromLogin, signAlibabaRequest, signVolcengineRequest } from '../../nodes/shared/auth.js';
import { fakeRuntime } from '../helpers/fakes.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { httpRequest, requestWithCredential, sandboxCredentials } from './helpers.js';

const T = Date.UTC(2026, 0, 2, 3, 4, 5);
const op = (id: string) => {
  const found = catalog.get(id);
  if (!found) throw new Error(id);
  return found;
};

/** A fixed clock and nonce: the credential and core must sign identically. */
const FIXED = { ...fakeRuntime(T), nonce: () => 'nonce-1' };

describe('same bytes as core', () => {
  it('Alibaba: the credential signs the unsigned request into exactly what the core client sends', () => {
    const tts = op('dyvms.SingleCallByTts');
    const input = validateInput(tts, { CalledNumber: '13800000000', TtsCode: 'TTS_1', TtsParam: { code: '12 34*' }, OutId: 'a(b)' });
    const config = { accessKeyId: 'ak-1', accessKeySecret: 'sk-1', endpoints: { dyvms: 'https://example.test/' } };
    const unsigned = alibaba.build(tts, input, config);
    const core = alibaba.sign(unsigned, config, FIXED);
    const signed = signAlibabaRequest({ accessKeyId: 'ak-1', accessKeySecret: 'sk-1' }, { method: 'POST', url: unsigned.url, headers: unsigned.headers, body: unsigned.body }, FIXED);
    expect(signed.url).toBe(core.url);
    expect(signed.body).toBe(core.body);
    expect(unsigned.body).not.toContain('Signature');
  });

  it('Volcengine: same URL, body and signature headers as the core client', () => {
    const list = op('volcengine.NumberPoolList');
    const input = validateInput(list, { Limit: 5, Offset: 0 });
    const config = { accessKeyId: 'AK', secretAccessKey: 'SK', region: 'cn-north-1', endpoint: 'https://vms.example.test/' };
    const unsigned = volcengine.build(list, input, config);
    const core = volcengine.sign(unsigned, config, FIXED);
    const signed = signVolcengineRequest(
      { accessKeyId: 'AK', secretAccessKey: 'SK', region: 'cn-north-1' },
      { method: unsigned.method, url: unsigned.url, headers: unsigned.headers, body: unsigned.body },
      FIXED,
    );
    expect(signed.url).toBe(core.url);
    expect(signed.body).toBe(core.body);
    for (const name of ['Authorization', 'X-Date', 'X-Content-Sha256', 'Host']) expect((signed.headers as Record<string, string>)[name]).toBe(core.headers[name]);
  });
});

describe('against the sandbox gateways', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 2 });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  // What n8n's credential test sends: the credential's `test.request` (a body object), resolved.
  // (The Alibaba body's Action and Version are expressions on Test With: test/e2e-n8n/server.test.ts has n8n resolve them.)
  const testRequest = (credential: { test: { request: IHttpRequestOptions | object } }, url: string, body?: IHttpRequestOptions['body']): IHttpRequestOptions =>
    ({ ...(credential.test.request as IHttpRequestOptions), url, ...(body ? { body } : {}), json: true, returnFullResponse: true, ignoreHttpStatusErrors: true }) as IHttpRequestOptions;
  const VOICE_SERVICE_TEST = { Action: 'QueryRobotv2AllList', Version: '2017-05-25' };

  it('Alibaba credential test request: accepted with the secret, 400 SignatureDoesNotMatch without', async () => {
    const store = sandboxCredentials(sandbox);
    const credential = new CallbridgeAlibabaCloudApi();
    const good = (await requestWithCredential('callbridgeAlibabaCloudApi', store, testRequest(credential, `${sandbox.url}/`, VOICE_SERVICE_TEST))) as { statusCode: number; body: { Code: string } };
    expect(good.statusCode).toBe(200);
    expect(good.body.Code).toBe('OK');
    const bad = (await requestWithCredential('callbridgeAlibabaCloudApi', store, testRequest(credential, `${sandbox.url}/`, VOICE_SERVICE_TEST), {
      ...store.callbridgeAlibabaCloudApi,
      accessKeySecret: 'nope',
    })) as { statusCode: number; body: { Code: string } };
    expect(bad.statusCode).toBe(400);
    expect(bad.body.Code).toBe('SignatureDoesNotMatch');
    expect(credential.test.rules?.map((r) => r.properties.value)).toContain(400);
  });

  it('Volcengine credential test request: accepted with the secret, 401 without', async () => {
    const store = sandboxCredentials(sandbox);
    const credential = new CallbridgeVolcengineApi();
    const url = `${sandbox.url}/volcengine/`;
    const good = (await requestWithCredential('callbridgeVolcengineApi', store, testRequest(credential, url))) as { statusCode: number };
    expect(good.statusCode).toBe(200);
    const bad = (await requestWithCredential('callbridgeVolcengineApi', store, testRequest(credential, url), { ...store.callbridgeVolcengineApi, secretAccessKey: 'nope' })) as {
      statusCode: number;
    };
    expect(bad.statusCode).toBe(401);
    expect(credential.test.rules?.map((r) => r.properties.value)).toContain(401);
  });

  it('PBX: preAuthentication logs in and returns the token; a wrong password is refused clearly', async () => {
    const store = sandboxCredentials(sandbox);
    const credential = new CallbridgePbxApi();
    const helper = { helpers: { httpRequest: (o: IHttpRequestOptions) => httpRequest(o) } };
    const out = await credential.preAuthentication.call(helper as never, store.callbridgePbxApi);
    expect(out.token).toMatch(/^\w{8,}$/);
    const wrong = credential.preAuthentication.call(helper as never, { ...store.callbridgePbxApi, password: 'wrong-pass' });
    await expect(wrong).rejects.toThrow('PBX login failed (errno 20003: invalid username or password)');
    await expect(credential.preAuthentication.call(helper as never, { ...store.callbridgePbxApi, password: 'wrong-pass' })).rejects.not.toThrow('wrong-pass');
  });
});

describe('PBX login and request options', () => {
  const base = { baseUrl: 'https://pbx.example:8088/', username: 'api', password: 'p@ss', apiVersion: 'v1.1.0', eventPort: '8260', token: 'tok' };

  it('login: MD5 of the password, event port, and the report URL as an absolute url when set', () => {
    const options = pbxLoginOptions({ ...base, eventUrl: 'https://n8n.example:5678/webhook/abc/receipt', eventVersion: '1.0.2' });
    expect(options.url).toBe('https://pbx.example:8088/api/v1.1.0/login');
    expect(JSON.parse(options.body as string)).toEqual({ username: 'api', password: md5Hex('p@ss'), port: '8260', version: '1.0.2', url: 'n8n.example:5678/webhook/abc/receipt', urltag: '1' });
    expect(options.body).not.toContain('p@ss');
  });

  it('TLS options apply to the login and to every request; the token goes in the query', async () => {
    const ca = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    expect(pbxLoginOptions({ ...base, ignoreTlsErrors: true, caCertificate: ca })).toMatchObject({ skipSslCertificateValidation: true, agentOptions: { ca } });
    const credential = new CallbridgePbxApi();
    const out = await credential.authenticate({ ...base, ignoreTlsErrors: true }, { method: 'POST', url: 'https://pbx.example:8088/api/v1.1.0/heartbeat', qs: { a: '1' } });
    expect(out).toMatchObject({ url: 'https://pbx.example:8088/api/v1.1.0/heartbeat?a=1&token=tok', skipSslCertificateValidation: true });
    expect(out.qs).toBeUndefined();
  });

  it('a login answer without a token is an error naming the errno only', () => {
    expect(() => pbxTokenFromLogin(200, '{"status":"Failed","errno":"20002"}')).toThrow(/errno 20002: the PBX has locked this IP/);
    expect(() => pbxTokenFromLogin(502, '<html>')).toThrow(/HTTP 502/);
    expect(pbxTokenFromLogin(200, { status: 'Success', token: 'abc' })).toBe('abc');
  });
});
