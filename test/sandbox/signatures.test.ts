// The sandbox's signature verifiers (sandbox/signatures/, sandbox/volcengine/auth.ts) are written
// apart from core/signing, so they can judge core. Here they are judged themselves: against the
// official SDKs on random inputs, against a published vector, and on what they must refuse (a
// preview's placeholder signature).
import OpenApiUtil from '@alicloud/openapi-util';
import Signer from '@volcengine/openapi/lib/base/sign.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { alibabaSignature } from '../../sandbox/signatures/alibaba-rpc-v1.js';
import type { SandboxRequest } from '../../sandbox/types.js';
import { verifyVolcengine } from '../../sandbox/volcengine/auth.js';
import { AK, sendForm } from './helpers.js';

const SignerClass = ((Signer as unknown as { default?: typeof Signer }).default ?? Signer) as typeof Signer;

const tricky = fc.constantFrom('', ' ', '*', '~', '+', '/', '&', '=', '%', '中文', 'é', '😀', '{"a":"b c"}', 'a b', '-_.', "!'()");
const value = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), tricky, fc.array(tricky).map((a) => a.join('')));
const name = fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9.]{0,20}$/), fc.constantFrom('TtsParam', 'MenuKeyMap.1.Key', 'a.b', 'Z'));
const params = fc.dictionary(name, value, { maxKeys: 12 }).filter((p) => !('Signature' in p) && !('Action' in p) && !('Version' in p));

describe('sandbox Alibaba RPC v1 verifier', () => {
  it('computes what @alicloud/openapi-util getRPCSignature computes, on 1,000 random inputs', () => {
    fc.assert(
      fc.property(params, fc.constantFrom('GET', 'POST'), fc.string({ minLength: 1 }), (p, method, secret) => {
        expect(alibabaSignature(method, p, secret)).toBe(OpenApiUtil.getRPCSignature({ ...p }, method, secret));
      }),
      { numRuns: 1000 },
    );
  });

  it('reproduces the published ECS DescribeRegions vector', () => {
    const p = {
      Action: 'DescribeRegions', Version: '2014-05-26', AccessKeyId: 'testid', Format: 'XML', SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf', SignatureVersion: '1.0', Timestamp: '2016-02-23T12:46:24Z',
    };
    expect(alibabaSignature('GET', p, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });
});

describe('sandbox Volcengine verifier', () => {
  const account = { accessKey: 'AKLTsandbox', secretKey: 'sandbox-volc-secret' };
  /** A request signed by the official @volcengine/openapi Signer, as the sandbox would receive it. */
  const officialRequest = (query: Record<string, string>, body: string, secretKey = account.secretKey): SandboxRequest => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Host: '127.0.0.1:9' };
    const signer = new SignerClass({ method: 'POST', region: 'cn-north-1', params: query, headers, body, pathname: '/' }, 'vms');
    signer.addAuthorization({ accessKeyId: account.accessKey, secretKey }, new Date());
    const received = Object.fromEntries(Object.entries(signer.request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
    const rawPath = `/?${new URLSearchParams(query).toString()}`;
    return { method: 'POST', path: '/', query, headers: received, body, remoteAddress: '127.0.0.1', rawPath };
  };

  it('accepts what the official Signer signed and refuses it under another secret, on 300 random inputs', () => {
    fc.assert(
      fc.property(params, value, (extra, text) => {
        const query = { Action: 'CreateTask', Version: '2022-01-01', ...extra };
        const body = JSON.stringify({ Name: text });
        expect(verifyVolcengine(officialRequest(query, body), account, Date.now())).toMatchObject({ ok: true });
        const wrong = verifyVolcengine(officialRequest(query, body, 'another-secret'), account, Date.now());
        expect(wrong.ok ? 'accepted' : wrong.error.code).toBe('SignatureDoesNotMatch');
      }),
      { numRuns: 300 },
    );
  });
});

describe('a preview with a placeholder signature is refused', () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ seed: 'placeholder' });
  });
  afterAll(() => sb.close());

  it('Alibaba: SignatureDoesNotMatch, nothing placed', async () => {
    const preview = {
      Action: 'SingleCallByTts', Version: '2017-05-25', Format: 'JSON', AccessKeyId: AK, SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0',
      SignatureNonce: 'preview-nonce', Timestamp: `${new Date().toISOString().slice(0, 19)}Z`, CalledNumber: '13800000001', TtsCode: 'TTS_100001',
      Signature: '<signed when sent>',
    };
    const answer = await sendForm(sb.url, preview);
    expect(answer.status).toBe(400);
    expect(answer.body.Code).toBe('SignatureDoesNotMatch');
    expect(sb.context.calls()).toHaveLength(0);
  });

  it('Volcengine: refused at the gateway, nothing placed', async () => {
    const xDate = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
    const res = await fetch(`${sb.url}/volcengine/?Action=SingleBatchAppend&Version=2022-01-01`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-date': xDate,
        authorization: `HMAC-SHA256 Credential=${sb.env.VOLCENGINE_ACCESS_KEY}/${xDate.slice(0, 8)}/cn-north-1/vms/request, SignedHeaders=host;x-date, Signature=<signed when sent>`,
      },
      body: JSON.stringify({ List: [{ SingleOpenId: 'p-1', Phone: '13800000002', Type: 1, Resource: 'sandbox-tts-001', NumberPoolNo: 'NP162212345678900001' }] }),
    });
    const body = (await res.json()) as { ResponseMetadata: { Error?: { Code: string } } };
    expect(res.status).toBe(401);
    expect(body.ResponseMetadata.Error?.Code).toBe('SignatureDoesNotMatch');
    expect(sb.context.calls()).toHaveLength(0);
  });
});
