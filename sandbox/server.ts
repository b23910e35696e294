import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PRODUCTS } from '../core/operation.js';
import { accountsFromEnv, sandboxEnv } from './accounts.js';
import { rpcParams } from './alibaba-rpc.js';
import { RateLog } from './rates.js';
import { CallEngine } from './calls.js';
import { createClock } from './clock.js';
import { handleControl } from './control.js';
import createDyvms from './dyvms/index.js';
import createOutboundbot from './outboundbot/index.js';
import createPbx from './pbx/index.js';
import createVolcengine from './volcengine/index.js';
import { AFTER_PROCESSING_FAULTS, Faults, type FaultRule } from './faults.js';
import { Pusher } from './push.js';
import { deriveRng } from './rng.js';
import type { SandboxClock, SandboxConfig, SandboxContext, SandboxRequest, SandboxResponse, VendorName, VendorSimulator } from './types.js';

export interface SandboxOptions {
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** Seed of every random draw (default 1). */
  seed?: string | number;
  /** Sandbox time runs this many times faster than real time (default 1). */
  speed?: number;
  /** Fault SPEC, see sandbox/faults.ts. */
  faults?: string | FaultRule[];
  /** Where accounts come from (ALIBABA_CLOUD_ACCESS_KEY_ID...); defaults apply to anything unset. */
  env?: Record<string, string | undefined>;
  /** Initial live settings (receiptUrl, taskConcurrency...). */
  config?: Partial<SandboxConfig>;
  /** A clock to use instead of real time x speed (tests that step sandbox time by hand). */
  clock?: SandboxClock;
  /** Replace or add simulators (tests). */
  simulators?: Partial<Record<VendorName, VendorSimulator>>;
}

export interface RunningSandbox {
  url: string;
  port: number;
  /** KEY=value pairs that point callbridge at this sandbox (what --print-env prints). */
  env: Record<string, string>;
  context: SandboxContext;
  faults: Faults;
  close(): Promise<void>;
}

export const VENDORS: readonly VendorName[] = PRODUCTS;
const ALIBABA_VERSIONS: Record<string, VendorName> = { '2017-05-25': 'dyvms', '2019-12-26': 'outboundbot' };
const MAX_BODY = 16 * 1024 * 1024;

/** The operation id a request is for, as fault rules name it. */
export function operationIdOf(vendor: VendorName, request: SandboxRequest): string {
  if (vendor === 'dyvms' || vendor === 'outboundbot') return `${vendor}.${rpcParams(request).Action ?? ''}`;
  if (vendor === 'volcengine') return `volcengine.${request.query.Action ?? ''}`;
  const path = request.path.replace(/^\/api\/v[\d.]+\//, '').replace(/^\/+|\/+$/g, '');
  return `pbx.${path.replace(/\//g, '.')}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function route(path: string, query: Record<string, string>, body: string, contentType: string): { vendor?: VendorName; rest: string } {
  const m = /^\/(dyvms|outboundbot|volcengine|pbx)(?=\/|$)(.*)$/.exec(path);
  if (m) return { vendor: m[1] as VendorName, rest: m[2] || '/' };
  if (/^\/*$/.test(path)) {
    // Official SDKs that take a bare host (e.g. @alicloud/openapi-client) post to "/": route by Version.
    const version = query.Version ?? (contentType.includes('form') ? new URLSearchParams(body).get('Version') ?? undefined : undefined);
    if (version && ALIBABA_VERSIONS[version]) return { vendor: ALIBABA_VERSIONS[version], rest: '/' };
    if (version === '2022-01-01' && query.Action) return { vendor: 'volcengine', rest: '/' };
  }
  return { rest: path };
}

function genericFault(fault: '5xx' | 'throttle'): SandboxResponse {
  return fault === '5xx'
    ? { status: 503, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Code: 'ServiceUnavailable', Message: 'The request has failed due to a temporary failure of the server.' }) }
    : { status: 429, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Code: 'Throttling', Message: 'Request was denied due to request throttling.' }) };
}

function send(res: ServerResponse, response: SandboxResponse): void {
  const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : Buffer.from(response.body);
  res.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) });
  res.end(body);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The longest a timeout-after-processing answer is held before the connection is dropped. */
const MAX_HOLD_MS = 10 * 60_000;

/** Never answers: holds the connection until the client gives up and closes it (at most MAX_HOLD_MS). */
function holdUntilClientGivesUp(req: IncomingMessage): void {
  const socket = req.socket;
  const timer = setTimeout(() => socket.destroy(), MAX_HOLD_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const seed = options.seed ?? 1;
  const clock = options.clock ?? createClock(options.speed ?? 1);
  const engine = new CallEngine(clock, deriveRng(seed, 'calls'));
  const pusher = new Pusher(clock);
  const faults = new Faults(deriveRng(seed, 'faults'));
  if (options.faults) faults.set(options.faults);
  const config: SandboxConfig = { alibabaRetryDelaysMs: [60_000, 300_000, 600_000], taskConcurrency: 50, ...options.config };

  const simulators = new Map<VendorName, VendorSimulator>();
  simulators.set('dyvms', createDyvms());
  simulators.set('outboundbot', createOutboundbot());
  simulators.set('volcengine', createVolcengine());
  simulators.set('pbx', createPbx());
  for (const vendor of VENDORS) {
    const given = options.simulators?.[vendor];
    if (given) simulators.set(vendor, given);
  }

  let baseUrl = '';
  const context: SandboxContext = {
    clock,
    rng: deriveRng(seed, 'vendors'),
    accounts: accountsFromEnv(options.env ?? {}),
    placeCall: (init) => engine.place(init),
    calls: () => engine.list(),
    getCall: (id) => engine.get(id),
    callEndsAt: (id) => engine.endsAt(id),
    endCall: (id, side) => engine.end(id, clock.now(), side),
    push: (url, body, delays, pushOptions) => pusher.push(url, body, delays, pushOptions),
    get baseUrl() {
      return baseUrl;
    },
    config,
    recordingUrl: (callId) => `${baseUrl}/_sandbox/recordings/${encodeURIComponent(callId)}.wav`,
    rates: new RateLog(),
  };

  const reset = () => {
    engine.reset();
    pusher.reset();
    faults.forgetInjected();
    context.rates.reset();
    for (const sim of simulators.values()) sim.reset();
  };
  const target = { context, faults, pusher, seed, reset };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const query = Object.fromEntries(url.searchParams);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      let body: string;
      try {
        body = await readBody(req);
      } catch {
        send(res, { status: 413, body: 'request body too large' });
        return;
      }
      const base: SandboxRequest = { method: req.method ?? 'GET', path: url.pathname, query, headers, body, remoteAddress: req.socket.remoteAddress ?? '', rawPath: url.pathname };
      if (url.pathname === '/_sandbox' || url.pathname.startsWith('/_sandbox/')) {
        send(res, handleControl(base, target));
        return;
      }
      const { vendor, rest } = route(url.pathname, query, body, headers['content-type'] ?? '');
      if (!vendor) {
        send(res, { status: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: `No vendor at ${url.pathname}; use /dyvms/, /outboundbot/, /volcengine/, /pbx/ or /_sandbox/` }) });
        return;
      }
      const simulator = simulators.get(vendor);
      if (!simulator) {
        send(res, { status: 501, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: `The ${vendor} simulator is not available in this build.` }) });
        return;
      }
      const request: SandboxRequest = { ...base, path: rest };
      const decision = faults.decide(operationIdOf(vendor, request));
      if (decision.fault && AFTER_PROCESSING_FAULTS.has(decision.fault)) request.faultAfterProcessing = decision.fault;
      if (decision.latencyMs) await sleep(decision.latencyMs);
      if (decision.fault === 'reset-before-processing') {
        req.socket.destroy();
        return;
      }
      if (decision.fault === '5xx' || decision.fault === 'throttle') {
        send(res, simulator.faultResponse?.(decision.fault, request) ?? genericFault(decision.fault));
        return;
      }
      const response = await simulator.handle(request, context);
      if (decision.fault === 'reset-after-processing') {
        req.socket.destroy();
        return;
      }
      if (decision.fault === '5xx-after-processing') {
        send(res, simulator.faultResponse?.('5xx', request) ?? genericFault('5xx'));
        return;
      }
      if (decision.fault === 'timeout-after-processing') {
        holdUntilClientGivesUp(req);
        return;
      }
      if (decision.fault === 'malformed') {
        const text = typeof response.body === 'string' ? response.body : Buffer.from(response.body).toString('utf8');
        send(res, { status: 200, headers: response.headers, body: text.slice(0, Math.max(1, Math.floor(text.length / 2))) });
        return;
      }
      send(res, response);
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Code: 'InternalError', Message: String((error as Error).message ?? error) }) });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  const ticker = setInterval(() => {
    for (const sim of simulators.values()) {
      try {
        sim.tick?.(context);
      } catch {
        // A failing tick must not stop the sandbox; the next request shows the problem.
      }
    }
  }, 100);
  ticker.unref();

  return {
    url: baseUrl,
    port,
    env: sandboxEnv(baseUrl, context.accounts),
    context,
    faults,
    close: async () => {
      clearInterval(ticker);
      pusher.close();
      for (const sim of simulators.values()) sim.close?.();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
