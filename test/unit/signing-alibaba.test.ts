import OpenApiUtil from '@alicloud/openapi-util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rpcSignature, signRpcParams } from '../../core/vendors/alibaba/index.js';

const tricky = fc.constantFrom('', ' ', '*', '~', '+', '/', '&', '=', '%', '中文', 'é', '😀', '{"a":"b c"}', 'a b', '-_.', "!'()");
const value = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), tricky, fc.array(tricky).map((a) => a.join('')));
const name = fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9.]{0,20}$/), fc.constantFrom('TtsParam', 'MenuKeyMap.1.Key', 'a.b', 'Z'));
const params = fc.dictionary(name, value, { maxKeys: 12 }).filter((p) => !('Signature' in p));

describe('Alibaba RPC signature v1', () => {
  it('matches @alicloud/openapi-util getRPCSignature on 1,500 random inputs (GET and POST)', () => {
    fc.assert(
      fc.property(params, fc.constantFrom('GET', 'POST') as fc.Arbitrary<'GET' | 'POST'>, fc.string({ minLength: 1 }), (p, method, secret) => {
        expect(rpcSignature(method, p, secret)).toBe(OpenApiUtil.getRPCSignature({ ...p }, method, secret));
      }),
      { numRuns: 1500 },
    );
  });

  it('signs the common parameters too, and a new nonce or timestamp changes the signature', () => {
    const auth = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
    const a = signRpcParams('GET', { Action: 'X' }, auth, Date.UTC(2024, 0, 1), 'n1');
    const { Signature, ...rest } = a;
    expect(Signature).toBe(OpenApiUtil.getRPCSignature(rest, 'GET', 'testsecret'));
    expect(a.Timestamp).toBe('2024-01-01T00:00:00Z');
    expect(signRpcParams('GET', { Action: 'X' }, auth, Date.UTC(2024, 0, 1), 'n2').Signature).not.toBe(Signature);
    expect(signRpcParams('GET', { Action: 'X' }, auth, Date.UTC(2024, 0, 1, 0, 0, 1), 'n1').Signature).not.toBe(Signature);
  });

  it('reproduces the ECS DescribeRegions vector that the outboundbot doc copied (catalog defect 1)', () => {
    // The doc's value belongs to ECS DescribeRegions 2014-05-26, not to CreateIntent: see seed-catalog.md §3.1.
    const p = {
      Action: 'DescribeRegions', Version: '2014-05-26', AccessKeyId: 'testid', Format: 'XML', SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf', SignatureVersion: '1.0', Timestamp: '2016-02-23T12:46:24Z',
    };
    expect(rpcSignature('GET', p, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
    expect(rpcSignature('GET', { ...p, Action: 'CreateIntent', Version: '2019-12-26' }, 'testsecret')).not.toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });
});
