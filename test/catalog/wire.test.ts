// Every operation's examples against their hand-written wire form (`example.wire`). Alibaba: the flat
// parameters the client encodes. Volcengine and PBX: the bytes the client would send (body and query),
// compared with bytes made from the hand-written form by this file's own rules: JSON bodies as JSON text
// (key order aside: JSON objects are unordered), form bodies and queries as RFC 3986 pairs.
import { describe, expect, it } from 'vitest';
import { operations } from '../../core/catalog/index.js';
import { CallbridgeClient } from '../../core/client.js';
import { CallbridgeError } from '../../core/errors.js';
import type { PbxApiVersion } from '../../core/operation.js';
import { catalog } from '../../core/registry.js';
import type { HttpRequest } from '../../core/transport.js';
import { validateInput } from '../../core/validate.js';
import { encodeAlibabaParams } from '../../core/vendors/alibaba/index.js';
import { fakeRuntime } from '../helpers/fakes.js';

type Op = (typeof operations)[number];

function client(pbxVersion: PbxApiVersion): CallbridgeClient {
  return new CallbridgeClient(
    { validateOutput: true,
      volcengine: { accessKeyId: 'AK', secretAccessKey: 'SK', endpoint: 'https://open.volcengineapi.com/' },
      pbx: { baseUrl: 'https://pbx.example:8088', username: 'api', password: 'pbx-password', apiVersion: pbxVersion },
      transport: { send: async () => Promise.reject(new Error('nothing is sent here')) },
      runtime: fakeRuntime(Date.UTC(2026, 4, 18, 9, 30, 0)),
      pace: false,
    },
    catalog,
  );
}
const clients = { v1: client('v1.1.0'), v2: client('v2.0.0') };

/** The request the client builds; a PBX example that only API v2.0.0 takes is built for v2.0.0. */
function requestFor(op: Op, input: Record<string, unknown>): HttpRequest {
  try {
    return clients.v1.preview(op.id, input);
  } catch (error) {
    if (op.product === 'pbx' && error instanceof CallbridgeError && /not available on PBX API v1\.1\.0/.test(error.message)) return clients.v2.preview(op.id, input);
    throw error;
  }
}

/** `expected` with its object keys in `actual`'s order (the bytes of every value still count). */
function inOrderOf(expected: unknown, actual: unknown): unknown {
  if (Array.isArray(expected)) return expected.map((v, i) => inOrderOf(v, Array.isArray(actual) ? actual[i] : undefined));
  if (expected === null || typeof expected !== 'object') return expected;
  const source = expected as Record<string, unknown>;
  const order = actual !== null && typeof actual === 'object' && !Array.isArray(actual) ? Object.keys(actual) : [];
  const keys = [...order.filter((k) => k in source), ...Object.keys(source).filter((k) => !order.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, inOrderOf(source[k], (actual as Record<string, unknown> | undefined)?.[k])]));
}

/** RFC 3986 percent-encoding (what Volcengine's signing rules ask for). */
const rfc3986 = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const pairs = (wire: Record<string, unknown>) =>
  Object.entries(wire).map(([k, v]) => `${rfc3986(k)}=${rfc3986(typeof v === 'object' ? JSON.stringify(v) : String(v))}`);

function checkBytes(op: Op, request: HttpRequest, wire: Record<string, unknown>): void {
  const url = new URL(request.url);
  const bodyType = op.product === 'pbx' ? 'json' : (op.wire?.bodyType ?? 'json');
  if (bodyType === 'json') {
    const body = request.body ?? '';
    expect(body).toBe(JSON.stringify(inOrderOf(wire, JSON.parse(body))));
    if (op.product === 'volcengine') expect(url.search).toBe(`?Action=${op.action}&Version=2022-01-01`);
    return;
  }
  if (bodyType === 'form') {
    expect((request.body ?? '').split('&').sort()).toEqual(pairs(wire).sort());
    expect(url.search).toBe(`?Action=${op.action}&Version=2022-01-01`);
    return;
  }
  // Query operations: the whole query, sorted by key as the signature's canonical query is.
  expect(request.body ?? '').toBe('');
  expect(url.search).toBe(`?${[...pairs(wire), `Action=${op.action}`, 'Version=2022-01-01'].sort().join('&')}`);
}

describe.each(operations.map((op) => [op.id, op] as const))('%s', (_id, op) => {
  it('has at least one example with its hand-written wire form', () => {
    expect(op.examples?.some((e) => e.wire)).toBe(true);
  });

  it.each((op.examples ?? []).filter((e) => e.wire).map((e, i) => [i, e] as const))('example %i serialises to exactly its wire form', (_i, example) => {
    const wire = example.wire as Record<string, unknown>;
    if (op.product === 'dyvms' || op.product === 'outboundbot') {
      expect(encodeAlibabaParams(op, validateInput(op, example.input))).toEqual(wire);
    } else if (op.sessionManaged) {
      // pbx.login is sent by the client itself; its example is the documented body.
      expect(validateInput(op, example.input)).toEqual(wire);
    } else {
      checkBytes(op, requestFor(op, example.input), wire);
    }
  });
});
