// signedRpcQuery (the wire form alibabaRequest sends) carries exactly the parameters and signature signRpcParams computes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentEncode, rpcTimestamp, signedRpcQuery, signRpcParams } from '../../core/vendors/alibaba/index.js';
import { signingKeys, volcDate, volcSignature } from '../../core/vendors/volcengine/index.js';
import { createHmac } from 'node:crypto';

describe('signedRpcQuery', () => {
  it('equals signRpcParams, in canonical order with Signature last, on random inputs', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => k !== 'Signature'), fc.string({ maxLength: 40 }), { maxKeys: 8 }),
        fc.constantFrom('GET' as const, 'POST' as const),
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
        fc.integer({ min: 0, max: 4102444799999 }),
        (params, method, secret, securityToken, epochMs) => {
          const auth = { accessKeyId: 'ak-1', accessKeySecret: secret, securityToken };
          const query = signedRpcQuery(method, params, auth, epochMs, 'nonce-1');
          const signed = signRpcParams(method, params, auth, epochMs, 'nonce-1');
          expect(Object.fromEntries(new URLSearchParams(query))).toEqual(signed);
          const names = query.split('&').map((pair) => decodeURIComponent(pair.split('=')[0]));
          expect(names.at(-1)).toBe('Signature');
          const rest = names.slice(0, -1);
          expect(rest).toEqual([...rest].sort());
        },
      ),
      { numRuns: 500 },
    );
  });

  it('percent-encodes the RFC 3986 reserved characters that encodeURIComponent keeps', () => {
    expect(percentEncode("a!b'c(d)e*f~g h")).toBe('a%21b%27c%28d%29e%2Af~g%20h');
    expect(percentEncode('plain-Value_1.2')).toBe('plain-Value_1.2');
  });

  it('formats timestamps as yyyy-MM-ddTHH:mm:ssZ and yyyyMMddTHHmmssZ', () => {
    expect(rpcTimestamp(Date.UTC(2024, 5, 7, 1, 2, 3, 456))).toBe('2024-06-07T01:02:03Z');
    expect(volcDate(Date.UTC(2024, 5, 7, 1, 2, 3, 456))).toBe('20240607T010203Z');
  });

  it('derives the Volcengine signing key afresh when the day, region or secret changes', () => {
    const expected = (secret: string, day: string, region: string) => {
      const h = (k: string | Buffer, d: string) => createHmac('sha256', k).update(d).digest();
      return createHmac('sha256', h(h(h(h(secret, day), region), 'vms'), 'request')).update('text').digest('hex');
    };
    for (const [secret, xDate, region] of [
      ['sk-1', '20240607T010203Z', 'cn-north-1'],
      ['sk-1', '20240607T235959Z', 'cn-north-1'],
      ['sk-1', '20240608T000000Z', 'cn-north-1'],
      ['sk-2', '20240608T000000Z', 'cn-north-1'],
      ['sk-2', '20240608T000000Z', 'cn-beijing'],
      ['sk-1', '20240607T010203Z', 'cn-north-1'],
    ]) {
      expect(volcSignature(secret, xDate, region, 'vms', 'text')).toBe(expected(secret, xDate.slice(0, 8), region));
    }
  });

  it("a client's kept signing key changes with the day and region, as a fresh derivation does", () => {
    const expected = (secret: string, day: string, region: string) => {
      const h = (k: string | Buffer, d: string) => createHmac('sha256', k).update(d).digest();
      return createHmac('sha256', h(h(h(h(secret, day), region), 'vms'), 'request')).update('text').digest('hex');
    };
    const kept = signingKeys('sk-1');
    for (const [xDate, region] of [
      ['20240607T010203Z', 'cn-north-1'],
      ['20240607T235959Z', 'cn-north-1'],
      ['20240608T000000Z', 'cn-north-1'],
      ['20240608T000000Z', 'cn-beijing'],
      ['20240607T010203Z', 'cn-north-1'],
    ]) {
      expect(volcSignature(kept, xDate, region, 'vms', 'text')).toBe(expected('sk-1', xDate.slice(0, 8), region));
    }
  });
});
