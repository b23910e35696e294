// Property-based tests (fast-check) over every operation of the catalog:
//  1. serialisation + signing round trip: random valid inputs (from each operation's input schema,
//     blended with its examples) are serialised and signed by the client, then checked by the
//     sandbox's own verifiers: the Alibaba RPC gateway (signature v1, nonce, timestamp, decoding the
//     flat wire form back and validating it against the catalog) and the Volcengine gateway
//     (HMAC-SHA256); what the vendor decodes must equal what the user meant.
//  2. every documented input rule (docs/operations.md), broken once with hand-written values per kind of
//     rule, is refused before anything is sent: the transport sees no request at all (not even a PBX
//     login), and the error is a validation error naming the field.
// Every run must make at least one assertion, and every operation must run its stated number of cases.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../core/catalog/index.js';
import { CallbridgeClient } from '../../core/client.js';
import { CallbridgeError } from '../../core/errors.js';
import type { AnyOperation } from '../../core/operation.js';
import { catalog } from '../../core/registry.js';
import type { HttpRequest, Transport } from '../../core/transport.js';
import { validateInput } from '../../core/validate.js';
import type { AlibabaConfig } from '../../core/vendors/alibaba/index.js';
import { VENDORS } from '../../core/vendors/index.js';
import type { PbxConfig } from '../../core/vendors/pbx/index.js';
import type { VolcengineConfig } from '../../core/vendors/volcengine/index.js';
import { isGatewayParam, RpcGate } from '../../sandbox/alibaba-rpc.js';
import { DYVMS_PRODUCT } from '../../sandbox/dyvms/index.js';
import { OUTBOUNDBOT_PRODUCT } from '../../sandbox/outboundbot/index.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import type { SandboxRequest } from '../../sandbox/types.js';
import { verifyVolcengine } from '../../sandbox/volcengine/auth.js';
import { fastRuntime } from './support/clients.js';
import { validInputs } from './support/arbitraries.js';
import { applyBreakage, breakages, documentedFields } from './support/documented-rules.js';
import { recordFigures } from './support/figures.js';

const RUNS = Number(process.env.CALLBRIDGE_PROPERTY_RUNS ?? 40);

/** Runs `body`, and fails unless it made at least one assertion (a property run that checks nothing proves nothing). */
async function asserting<T>(what: string, body: () => T | Promise<T>): Promise<T> {
  const before = expect.getState().assertionCalls;
  const result = await body();
  const made = expect.getState().assertionCalls - before;
  if (made < 1) throw new Error(`${what}: this run made no assertion`);
  return result;
}
const SEED = Number(process.env.CALLBRIDGE_PROPERTY_SEED ?? 20260101);

let sandbox: RunningSandbox;
let client: CallbridgeClient;
let pbx: PbxConfig;
const gates = new Map<string, RpcGate>();
const figures: Record<string, { runs: number; randomInputs: number; refusedForApiVersion?: number }> = {};
const refusals: Record<string, { cases: number; refused: number }> = {};

/** Records requests; fails every send (nothing may be sent in the refusal property). */
class RecordingTransport implements Transport {
  readonly requests: HttpRequest[] = [];
  async send(request: HttpRequest): Promise<never> {
    this.requests.push(request);
    throw new Error('the transport must not be reached');
  }
}

/** The client's HTTP request as the sandbox server hands it to a simulator. */
function toSandboxRequest(request: HttpRequest): SandboxRequest {
  const url = new URL(request.url);
  const headers: Record<string, string> = { host: url.host };
  for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
  const path = url.pathname.replace(/^\/(dyvms|outboundbot|volcengine|pbx)(?=\/|$)/, '') || '/';
  return {
    method: request.method,
    path,
    rawPath: `${url.pathname}${url.search}`,
    query: Object.fromEntries(url.searchParams),
    headers,
    body: request.body ?? '',
    remoteAddress: '127.0.0.1',
  };
}

function alibabaConfig(): AlibabaConfig {
  const a = sandbox.context.accounts;
  return { accessKeyId: a.alibaba.accessKeyId, accessKeySecret: a.alibaba.accessKeySecret, endpoints: { dyvms: sandbox.env.CALLBRIDGE_DYVMS_ENDPOINT, outboundbot: sandbox.env.CALLBRIDGE_OUTBOUNDBOT_ENDPOINT } };
}

function volcengineConfig(): VolcengineConfig {
  const a = sandbox.context.accounts;
  return { accessKeyId: a.volcengine.accessKey, secretAccessKey: a.volcengine.secretKey, endpoint: sandbox.env.CALLBRIDGE_VOLCENGINE_ENDPOINT };
}

/** The request exactly as the client signs it (a preview shows a placeholder instead of the signature); PBX: as previewed. */
function signedRequest(op: AnyOperation, input: Record<string, unknown>): HttpRequest {
  if (op.product === 'pbx') return client.preview(op.id, input);
  const parsed = validateInput(op, input);
  if (op.product === 'volcengine') return VENDORS.volcengine.sign(VENDORS.volcengine.build(op, parsed, volcengineConfig()), volcengineConfig(), fastRuntime);
  return VENDORS.alibaba.sign(VENDORS.alibaba.build(op, parsed, alibabaConfig()), alibabaConfig(), fastRuntime);
}

function newClient(transport: Transport): CallbridgeClient {
  return new CallbridgeClient(
    { validateOutput: true,
      alibaba: alibabaConfig(),
      volcengine: volcengineConfig(),
      pbx,
      transport,
      runtime: fastRuntime,
      pace: false,
    },
    catalog,
  );
}

/** How the Volcengine client puts a value on the wire in query and form bodies. */
const wireText = (v: unknown) => (typeof v === 'object' ? JSON.stringify(v) : String(v));

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'properties' });
  const a = sandbox.context.accounts;
  pbx = { baseUrl: sandbox.env.CALLBRIDGE_PBX_URL, username: a.pbx.username, password: a.pbx.password, apiVersion: 'v1.1.0' };
  client = newClient(new RecordingTransport());
  const unlimited = Object.fromEntries(operations.map((op) => [op.id, 1e9]));
  gates.set('dyvms', new RpcGate({ ...DYVMS_PRODUCT, qps: unlimited }));
  gates.set('outboundbot', new RpcGate({ ...OUTBOUNDBOT_PRODUCT, qps: unlimited }));
});

afterAll(async () => {
  await sandbox?.close();
  recordFigures('properties', 'roundTrip', { runsPerOperation: RUNS, seed: SEED, operations: figures });
  recordFigures('properties', 'refusedBeforeSending', { operations: refusals });
});

function roundTrip(op: AnyOperation, input: Record<string, unknown>): 'checked' | 'refused-for-api-version' {
  const parsed = op.input.parse(input) as Record<string, unknown>;
  let request: HttpRequest;
  try {
    request = signedRequest(op, input);
  } catch (error) {
    // PBX: a field the configured API version lacks is refused before anything is built.
    if (op.product !== 'pbx') throw error;
    expect(error, `${op.id} ${JSON.stringify(input)}`).toBeInstanceOf(CallbridgeError);
    expect((error as CallbridgeError).kind).toBe('validation');
    expect((error as CallbridgeError).message).toMatch(/(not available|is required) on PBX API v1\.1\.0/);
    return 'refused-for-api-version';
  }
  const wire = toSandboxRequest(request);
  if (op.product === 'dyvms' || op.product === 'outboundbot') {
    const checked = (gates.get(op.product) as RpcGate).check(wire, sandbox.context);
    if (!checked.ok) throw new Error(`${op.id}: the sandbox gateway refused ${JSON.stringify(input)}: ${String(checked.response.body)}`);
    expect(checked.call.operationId).toBe(op.id);
    // An operation's own fields are never taken for gateway parameters: the tag operations' RegionId
    // is decoded and validated with the rest of the input.
    for (const k of Object.keys(parsed)) expect(isGatewayParam(k, op), `${op.id} ${k}`).toBe(false);
    // What the vendor decodes from the flat wire form is what the user meant.
    expect(checked.call.input, `${op.id} ${JSON.stringify(input)}`).toEqual(parsed);
  } else if (op.product === 'volcengine') {
    const verified = verifyVolcengine(wire, sandbox.context.accounts.volcengine, Date.now());
    if (!verified.ok) throw new Error(`${op.id}: the sandbox gateway refused the signature: ${verified.error.code} for ${JSON.stringify(input)}`);
    const { Action, Version, ...query } = wire.query;
    expect(Action).toBe(op.action);
    expect(Version).toBe('2022-01-01');
    const expected = Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined && v !== null));
    if ((op.wire?.bodyType ?? 'json') === 'json') {
      expect(JSON.parse(wire.body), op.id).toEqual(JSON.parse(JSON.stringify(parsed)));
    } else {
      const sent = op.wire?.bodyType === 'form' ? Object.fromEntries(new URLSearchParams(wire.body)) : query;
      expect(sent, op.id).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, wireText(v)])));
    }
  } else {
    expect(wire.method).toBe('POST');
    expect(wire.path).toMatch(/^\/api\/v[\d.]+\/[a-z_/]+$/);
    // On API v1.1.0 every field keeps its own name (only v2.0.0 renames some): the body is the validated input,
    // except that 1.x asks for every extension by leaving extid out (the pages' "all").
    expect(wire.path).toContain('/api/v1.1.0/');
    const { extid, ...rest } = parsed;
    const expected = op.id === 'pbx.extension.query' && extid === 'all' ? rest : parsed;
    expect(JSON.parse(wire.body), op.id).toEqual(JSON.parse(JSON.stringify(expected)));
  }
  return 'checked';
}

const callable = operations.filter((op) => !op.sessionManaged);

describe('serialisation + signing round trip through the sandbox verifiers (random valid inputs)', () => {
  it.each(callable.map((op) => [op.id, op] as const))('%s', async (_id, op) => {
    const stats = { runs: 0, randomInputs: 0, refusedForApiVersion: 0 };
    await fc.assert(
      fc.asyncProperty(validInputs(op), async ({ input, random }) => {
        const result = await asserting(`${op.id} ${JSON.stringify(input)}`, () => roundTrip(op, input));
        stats.runs++;
        if (random) stats.randomInputs++;
        if (result === 'refused-for-api-version') stats.refusedForApiVersion++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    figures[op.id] = stats;
    expect(stats.runs, `${op.id}: runs that asserted`).toBe(RUNS);
    // Most inputs are random, not the documented examples.
    expect(stats.randomInputs, `${op.id}: only ${stats.randomInputs}/${stats.runs} inputs were random`).toBeGreaterThan(0);
  });
});

describe('inputs breaking a documented rule (docs/operations.md) are refused before anything is sent, naming the field', () => {
  const documented = documentedFields();
  it('docs/operations.md documents every operation', () => {
    expect([...documented.keys()].sort()).toEqual(operations.map((op) => op.id).sort());
  });

  it.each(operations.map((op) => [op.id, op] as const))('%s', async (_id, op) => {
    const valid = (op.examples ?? []).map((e) => e.input).find((input) => op.input.safeParse(input).success) ?? {};
    const cases = breakages(documented.get(op.id) ?? []);
    const stats = { cases: cases.length, refused: 0 };
    for (const breakage of cases) {
      const input = applyBreakage(valid, breakage);
      const what = `${op.id}: ${breakage.field} (${breakage.rule}) = ${JSON.stringify('value' in breakage.change ? breakage.change.value : 'dropped')}`;
      await asserting(what, async () => {
        const transport = new RecordingTransport();
        const error = await newClient(transport).invoke(op.id, input).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(transport.requests, `${what} reached the transport`).toEqual([]);
        expect(error, what).toBeInstanceOf(CallbridgeError);
        const e = error as CallbridgeError;
        // The PBX login is refused as "done by the client", before the input is read.
        if (op.sessionManaged) {
          expect(e.kind).toBe('config');
          return;
        }
        expect(e.kind, `${what}: ${e.message}`).toBe('validation');
        expect(e.message, what).toMatch(/nothing was sent/);
        expect(e.message, what).toMatch(new RegExp(`(^|[ ;.,])${breakage.field}(\\.[^:]*)?:`));
        stats.refused++;
      });
    }
    refusals[op.id] = stats;
    expect(stats.refused + (op.sessionManaged ? stats.cases : 0)).toBe(stats.cases);
  });
});
