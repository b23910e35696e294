// core/signing/volcengine.ts against the official @volcengine/openapi Signer on random requests.
import { createHash } from 'node:crypto';
import Signer from '@volcengine/openapi/lib/base/sign.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineOperation } from '../../core/operation.js';
import { signVolcengine, volcEncode } from '../../core/vendors/volcengine/index.js';
import { volcengine } from '../../core/vendors/volcengine/index.js';
import { fakeRuntime } from '../helpers/fakes.js';
import { z } from 'zod';

const OfficialSigner = ((Signer as unknown as { default?: typeof Signer }).default ?? Signer) as typeof Signer;
const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface Case {
  method: 'GET' | 'POST';
  host: string;
  path: string;
  region: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  epochMs: number;
}

/** The Authorization header the vendor's own SDK computes for the same request and header set. */
function official(c: Case): string {
  const headers: Record<string, string> = { Host: c.host, ...c.headers };
  // The SDK adds X-Content-Sha256 only for a non-empty body; ours always sends (and signs) it.
  if (!c.body) headers['X-Content-Sha256'] = sha256Hex('');
  const signer = new OfficialSigner(
    { method: c.method, region: c.region, params: { ...c.query }, headers, body: c.body || undefined, pathname: c.path },
    'vms',
  );
  signer.addAuthorization({ accessKeyId: c.accessKeyId, secretKey: c.secretAccessKey, sessionToken: c.sessionToken }, new Date(c.epochMs));
  return String(signer.request.headers.Authorization);
}

function ours(c: Case): Record<string, string> {
  return signVolcengine(
    { method: c.method, host: c.host, path: c.path, query: c.query, headers: c.headers, body: c.body, region: c.region, service: 'vms' },
    { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken },
    c.epochMs,
  );
}

// ---- arbitraries ----

const tricky = fc.constantFrom(
  '', ' ', '  two  spaces ', '*', '~', '+', '/', '&', '=', '%', '%20', '?', '#', "!'()", '-_.', 'a b', 'a+b', 'a&b=c',
  '中文', '通知任务', 'é', 'ü', '😀', '【ABCD】', '{"a":"b c"}', '["13344445555","13255556666"]', '{"k":[1,2,{"x":"*~"}]}', '\t', 'line\nbreak',
);
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  tricky,
  fc.array(tricky, { maxLength: 4 }).map((parts) => parts.join('')),
  fc.jsonValue().map((v) => JSON.stringify(v)),
);
const paramName = fc
  .oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,20}$/), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), tricky.filter((t) => t !== ''))
  // Integer-like names ("0", "12") are left out: JavaScript enumerates them before all other keys, so
  // the official SDK's "sorted" canonical query puts them first, out of byte order. No vendor parameter
  // has such a name; our signer sorts them correctly.
  .filter((k) => k !== '__proto__' && !/^(0|[1-9]\d*)$/.test(k));
const query = fc
  .tuple(fc.dictionary(paramName, text, { maxKeys: 10 }), fc.constantFrom('CreateTask', 'QueryUsableResourceV2', 'NumberList'))
  .map(([params, action]) => ({ ...params, Action: action, Version: '2022-01-01' }));

const RESERVED = new Set(['host', 'x-date', 'x-content-sha256', 'x-security-token', 'authorization', 'content-type', 'content-length', 'user-agent', 'expect', 'presigned-expires']);
const headerName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/).filter((n) => !RESERVED.has(n.toLowerCase()));
const headerValue = fc.oneof(fc.string({ unit: 'grapheme-ascii' }), fc.constantFrom('application/json', '  padded  value ', 'a\t\tb', 'vms'));
const extraHeaders = fc
  .dictionary(headerName, headerValue, { maxKeys: 3 })
  .map((h) => Object.fromEntries(Object.entries(h).filter(([k], i, all) => all.findIndex(([other]) => other.toLowerCase() === k.toLowerCase()) === i)));

const jsonBody = fc.dictionary(paramName, fc.oneof(text, fc.integer(), fc.boolean(), fc.array(text, { maxLength: 3 })), { maxKeys: 6 }).map((o) => JSON.stringify(o));
const formBody = fc
  .dictionary(paramName, text, { minKeys: 1, maxKeys: 6 })
  .map((o) => Object.entries(o).map(([k, v]) => `${volcEncode(k)}=${volcEncode(v)}`).join('&'));

const request = fc
  .record({
    kind: fc.constantFrom('get', 'json', 'form', 'empty-post'),
    host: fc.constantFrom('cloud-vms.volcengineapi.com', '127.0.0.1:8080', 'localhost:1'),
    path: fc.constantFrom('/', '/api', '/a/b-c_d.e'),
    region: fc.oneof(fc.constantFrom('cn-north-1', 'cn-beijing', 'cn-shanghai', 'ap-southeast-1'), fc.stringMatching(/^[a-z]{2}-[a-z]{2,9}-\d$/)),
    query,
    extra: extraHeaders,
    json: jsonBody,
    form: formBody,
    accessKeyId: fc.stringMatching(/^AK[A-Za-z0-9]{4,40}$/),
    secretAccessKey: fc.oneof(fc.string({ minLength: 1 }), fc.string({ unit: 'grapheme', minLength: 1 })),
    sessionToken: fc.option(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 200 }), { nil: undefined }),
    date: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
  })
  .map((r): Case => {
    const body = r.kind === 'json' ? r.json : r.kind === 'form' ? r.form : '';
    const headers: Record<string, string> = { Accept: 'application/json', ...r.extra };
    if (r.kind === 'json') headers['Content-Type'] = 'application/json; charset=utf-8';
    if (r.kind === 'form') headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=utf-8';
    return {
      method: r.kind === 'get' ? 'GET' : 'POST',
      host: r.host,
      path: r.path,
      region: r.region,
      query: r.query,
      headers,
      body,
      accessKeyId: r.accessKeyId,
      secretAccessKey: r.secretAccessKey,
      sessionToken: r.sessionToken,
      epochMs: r.date.getTime(),
    };
  });

describe('Volcengine HMAC-SHA256 signature', () => {
  it('matches the official @volcengine/openapi Signer on 2,000 random requests', () => {
    fc.assert(
      fc.property(request, (c) => {
        const headers = ours(c);
        expect(headers.Authorization).toBe(official(c));
        expect(headers['X-Content-Sha256']).toBe(sha256Hex(c.body));
        expect(headers['X-Security-Token']).toBe(c.sessionToken);
      }),
      { numRuns: 2000 },
    );
  });

  it('covers the cases that matter: session token, empty values, non-ASCII, reserved characters, both body types', () => {
    const base: Case = {
      method: 'POST',
      host: 'cloud-vms.volcengineapi.com',
      path: '/',
      region: 'cn-north-1',
      query: { Action: 'CreateTask', Version: '2022-01-01', Empty: '', Name: '通知 任务*~+/&=' },
      headers: { 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json' },
      body: '{"NumberList":["13344445555"],"MaxRingDuration":20}',
      accessKeyId: 'AKLTexample',
      secretAccessKey: 'c2VjcmV0',
      epochMs: Date.UTC(2025, 4, 27, 11, 46, 34),
    };
    const withToken = { ...base, sessionToken: 'STS2eyJ0b2tlbiI6dHJ1ZX0=' };
    const form = { ...base, body: 'CallIdList=NM1%2CD2', headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' } };
    for (const c of [base, withToken, form, { ...base, method: 'GET' as const, body: '' }]) expect(ours(c).Authorization).toBe(official(c));
    expect(ours(withToken).Authorization).toContain('SignedHeaders=accept;host;x-content-sha256;x-date;x-security-token,');
    expect(ours(base).Authorization).toMatch(/^HMAC-SHA256 Credential=AKLTexample\/20250527\/cn-north-1\/vms\/request, SignedHeaders=accept;host;x-content-sha256;x-date, Signature=[0-9a-f]{64}$/);
    // Content-Type is sent but, as in the SDK, not signed.
    expect(ours(form).Authorization).toContain('SignedHeaders=host;x-content-sha256;x-date,');
  });

  it('every request the Volcengine adapter builds and signs (query, form and JSON operations) verifies with the official signer as sent', () => {
    const ops = (['json', 'form', 'query'] as const).map((bodyType) =>
      defineOperation({ id: `volcengine.Probe${bodyType}`, title: 't', description: 'd', access: 'read', wire: { bodyType }, input: () => z.looseObject({}), output: () => z.unknown() }),
    );
    const inputs = fc.dictionary(paramName.filter((k) => k !== 'Action' && k !== 'Version'), text, { maxKeys: 8 });
    fc.assert(
      fc.property(fc.constantFrom(...ops), inputs, fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (op, input, date) => {
        const config = { accessKeyId: 'AKLTprobe', secretAccessKey: 'probe-secret', region: 'cn-beijing', endpoint: 'https://cloud-vms.volcengineapi.com/' };
        const req = volcengine.sign(volcengine.build(op, input, config), config, { ...fakeRuntime(date.getTime()) });
        const url = new URL(req.url);
        const query: Record<string, string> = {};
        url.searchParams.forEach((value, key) => (query[key] = value));
        const signedNames = /SignedHeaders=([^,]+)/.exec(req.headers.Authorization)?.[1].split(';') ?? [];
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers)) {
          if (signedNames.includes(name.toLowerCase()) && name.toLowerCase() !== 'x-date' && name !== 'Host') headers[name] = value;
        }
        const c: Case = {
          method: req.method,
          host: url.host,
          path: url.pathname,
          region: 'cn-beijing',
          query,
          headers,
          body: req.body ?? '',
          accessKeyId: config.accessKeyId,
          secretAccessKey: config.secretAccessKey,
          epochMs: date.getTime(),
        };
        if (c.body) delete c.headers['X-Content-Sha256'];
        expect(req.headers.Authorization).toBe(official(c));
        if (op.wire?.bodyType === 'query') expect(query).toEqual({ ...input, Action: op.action, Version: '2022-01-01' });
      }),
      { numRuns: 600 },
    );
  });
});
