// Pins the exact bytes every catalog example goes on the wire as (method, URL, headers, body), signed with
// fixed credentials, a fixed clock and a fixed nonce: once as core's client sends it (CLI, MCP) and once as an
// n8n node sends it (core builds it, the credential type signs it). Any refactor of building or signing that changes a byte fails here.
// The expected table is test/catalog/wire-bytes.json, written by this test on its first run (vitest file
// snapshot); regenerate it only for an intended wire change: npx vitest run test/catalog/wire-bytes.test.ts -u
import type { IHttpRequestOptions } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { operations } from '../../core/catalog/index.js';
import { CallbridgeClient, type ClientConfig } from '../../core/client.js';
import { CallbridgeError } from '../../core/errors.js';
import { PBX_API_VERSIONS, type AnyOperation, type PbxApiVersion } from '../../core/operation.js';
import type { HttpRequest, HttpResponse, Runtime, Transport } from '../../core/transport.js';
import { alibabaAuth, alibabaEndpoints, pbxConfig, pbxLoginOptions, signAlibabaRequest, signVolcengineRequest, volcengineConfig } from '../../nodes/shared/auth.js';
import { fakeRuntime, jsonResponse } from '../helpers/fakes.js';

const EPOCH = Date.UTC(2026, 0, 1);
const NONCE = 'nonce-1';

/** Fixed fake credentials, as n8n credential data (the core configs below hold the same values). */
const ALIBABA = { accessKeyId: 'LTAI-wire-test', accessKeySecret: 'wire-test-secret', region: 'cn-shanghai' };
const ALIBABA_STS = { ...ALIBABA, securityToken: 'wire-test-sts-token' };
const VOLCENGINE = { accessKeyId: 'AKLT-wire-test', secretAccessKey: 'wire-test-secret-key', region: 'cn-north-1' };
const PBX = { baseUrl: 'https://pbx.example.test:8088', username: 'api', password: 'wire-test-password', eventPort: '8260' };
const PBX_TOKEN = 'pbx-token-1';

interface Wire {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Records every request; answers a PBX login with a token and everything else with an error (nothing to retry). */
function recorder(authenticates = false): Transport & { sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  return {
    sent,
    authenticates: () => authenticates,
    async send(request): Promise<HttpResponse> {
      sent.push(request);
      if (request.url.includes('/login')) return jsonResponse(200, { status: 'Success', token: PBX_TOKEN });
      return jsonResponse(400, { status: 'Failed', errno: 10003, Code: 'WireTest', ResponseMetadata: { Error: { Code: 'WireTest' } } });
    },
  };
}

function sorted(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(headers ?? {}).sort()) out[key] = String((headers ?? {})[key]);
  return out;
}

function wireOf(request: HttpRequest): Wire {
  return { method: request.method, url: request.url, headers: sorted(request.headers), ...(request.body !== undefined ? { body: request.body } : {}) };
}

/** n8n request options as n8n puts them on the wire: `qs` appended to the URL. */
function n8nWire(options: IHttpRequestOptions): Wire {
  let url = options.url;
  const qs = Object.entries(options.qs ?? {}).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  if (qs.length) url += `${url.includes('?') ? '&' : '?'}${qs.join('&')}`;
  const body = typeof options.body === 'string' ? options.body : options.body === undefined ? undefined : JSON.stringify(options.body);
  return { method: String(options.method ?? 'GET'), url, headers: sorted(options.headers as Record<string, unknown>), ...(body !== undefined ? { body } : {}) };
}

/** Every request core's client sends for one invocation (a PBX login first), or the error it refuses with. */
async function viaClient(op: AnyOperation, input: unknown, config: Omit<ClientConfig, 'transport' | 'runtime'>, transportSigns = false): Promise<Wire[] | { refused: string }> {
  const transport = recorder(transportSigns);
  const client = new CallbridgeClient({ validateOutput: true, ...config, transport, runtime: fakeRuntime(EPOCH), pace: false, maxAttempts: 1 }, new Map([[op.id, op]]));
  try {
    await client.invoke(op.id, input);
  } catch (error) {
    // Nothing sent: pin that, and why (error kind and code, not the wording).
    if (!transport.sent.length) return { refused: error instanceof CallbridgeError ? `${error.kind}${error.code ? ` ${error.code}` : ''}` : String(error) };
  }
  return transport.sent.map(wireOf);
}

const FIXED: Runtime = { ...fakeRuntime(EPOCH), nonce: () => NONCE };

/**
 * The request the n8n node sends for one invocation: core builds it and the credential type signs it
 * (Alibaba, Volcengine); PBX requests carry the token of core's session, after its login (pinned in `client`).
 */
async function viaN8n(op: AnyOperation, input: unknown, version: PbxApiVersion = 'v1.1.0'): Promise<Wire[] | { refused: string }> {
  if (op.product === 'pbx') {
    const sent = await viaClient(op, input, { pbx: pbxConfig({ ...PBX, apiVersion: version }) });
    return Array.isArray(sent) ? sent.slice(1) : sent;
  }
  const config: Omit<ClientConfig, 'transport' | 'runtime'> =
    op.product === 'volcengine' ? { volcengine: volcengineConfig(VOLCENGINE) } : { alibaba: { ...alibabaAuth(ALIBABA), endpoints: alibabaEndpoints(ALIBABA) } };
  const unsigned = await viaClient(op, input, config, true);
  if (!Array.isArray(unsigned)) return unsigned;
  return unsigned.map((request) => {
    const options: IHttpRequestOptions = { method: request.method as 'GET' | 'POST', url: request.url, headers: { ...request.headers }, body: request.body };
    return n8nWire(op.product === 'volcengine' ? signVolcengineRequest(VOLCENGINE, options, FIXED) : signAlibabaRequest(ALIBABA, options, FIXED));
  });
}

async function wireTable(): Promise<Record<string, unknown>> {
  const table: Record<string, unknown> = {};
  for (const op of operations) {
    for (const [index, example] of (op.examples ?? []).entries()) {
      const key = `${op.id} #${index}`;
      if (op.product === 'pbx') {
        for (const version of PBX_API_VERSIONS) {
          const pbx = { ...PBX, apiVersion: version };
          table[`${key} ${version}`] = { client: await viaClient(op, example.input, { pbx }), n8n: await viaN8n(op, example.input, version) };
        }
      } else if (op.product === 'volcengine') {
        const volcengine = { accessKeyId: VOLCENGINE.accessKeyId, secretAccessKey: VOLCENGINE.secretAccessKey, region: VOLCENGINE.region };
        table[key] = { client: await viaClient(op, example.input, { volcengine }), n8n: await viaN8n(op, example.input) };
      } else {
        const alibaba = { accessKeyId: ALIBABA.accessKeyId, accessKeySecret: ALIBABA.accessKeySecret };
        table[key] = { client: await viaClient(op, example.input, { alibaba }), n8n: await viaN8n(op, example.input) };
      }
    }
  }
  return table;
}

/** Temporary credentials add a token to the signed request; one example per vendor pins where it goes. */
async function stsTable(): Promise<Record<string, unknown>> {
  const byId = (id: string) => operations.find((op) => op.id === id) as AnyOperation;
  const tts = byId('dyvms.SingleCallByTts');
  const bot = byId('outboundbot.ListInstances');
  const volc = byId('volcengine.SingleBatchAppend');
  const table: Record<string, unknown> = {};
  for (const op of [tts, bot]) {
    const input = op.examples?.[0]?.input ?? {};
    const alibaba = { accessKeyId: ALIBABA_STS.accessKeyId, accessKeySecret: ALIBABA_STS.accessKeySecret, securityToken: ALIBABA_STS.securityToken };
    table[op.id] = await viaClient(op, input, { alibaba });
  }
  const volcengine = { accessKeyId: VOLCENGINE.accessKeyId, secretAccessKey: VOLCENGINE.secretAccessKey, sessionToken: 'wire-test-session-token' };
  table[volc.id] = await viaClient(volc, volc.examples?.[0]?.input ?? {}, { volcengine });
  return table;
}

/** The n8n PBX credential's login request per event-report setting. */
function pbxLogins(): Record<string, unknown> {
  return {
    plain: n8nWire(pbxLoginOptions({ ...PBX, apiVersion: 'v1.1.0' })),
    events: n8nWire(pbxLoginOptions({ ...PBX, apiVersion: 'v2.0.0', eventUrl: 'https://n8n.example.test:5678/webhook/x', eventVersion: '2.0.0' })),
  };
}

describe('wire bytes of every catalog example', () => {
  it('covers every operation of the four vendors', () => {
    expect(operations.length).toBe(145);
    expect(new Set(operations.map((op) => op.product))).toEqual(new Set(['dyvms', 'outboundbot', 'volcengine', 'pbx']));
    expect(operations.filter((op) => !op.examples?.length).map((op) => op.id)).toEqual([]);
  });

  it('are exactly the pinned bytes', async () => {
    const pinned = { examples: await wireTable(), sts: await stsTable(), pbxLogins: pbxLogins() };
    await expect(`${JSON.stringify(pinned, null, 1)}\n`).toMatchFileSnapshot('./wire-bytes.json');
  });
});
