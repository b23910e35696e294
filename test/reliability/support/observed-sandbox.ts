// A real sandbox whose vendor simulators are wrapped so the test sees every request a simulator
// actually processed (after the server's fault injection decided to let it through), with the
// simulator's answer. The wrapper only observes: the simulator's own code handles everything.
import { rpcParams } from '../../../sandbox/alibaba-rpc.js';
import createDyvms from '../../../sandbox/dyvms/index.js';
import createOutboundbot from '../../../sandbox/outboundbot/index.js';
import createPbx from '../../../sandbox/pbx/index.js';
import createVolcengine from '../../../sandbox/volcengine/index.js';
import { operationIdOf, startSandbox, type RunningSandbox, type SandboxOptions } from '../../../sandbox/server.js';
import type { PlacedCall, SandboxRequest, SandboxResponse, VendorName, VendorSimulator } from '../../../sandbox/types.js';
import { ALIBABA_THROTTLING_CODES } from '../../../core/vendors/alibaba/index.js';
import { PBX_TOKEN_ERRNOS } from '../../../core/vendors/pbx/index.js';
import { VOLCENGINE_THROTTLING_CODES } from '../../../core/vendors/volcengine/index.js';

export interface Processed {
  vendor: VendorName;
  /** `<vendor>.<Action>` as fault rules name it. */
  operationId: string;
  /** Business parameters as sent (Alibaba: flat RPC map; Volcengine: query + body; PBX: query + JSON body). */
  params: Record<string, unknown>;
  status: number;
  /** The vendor's error code in its answer, if any. */
  code?: string;
  /**
   * The vendor refused it without doing anything and said so: throttling, or (PBX) an unknown or
   * expired session token. A client may send such a request again.
   */
  refused: boolean;
  /** Real ms since the epoch when the simulator answered. */
  at: number;
  /** The sandbox replaced or cut the simulator's answer (reset-, 5xx-, timeout-after-processing, malformed). */
  faultAfterProcessing?: string;
}

export interface ObservedSandbox extends RunningSandbox {
  processed: Processed[];
  /** Every session token the PBX simulator issued (secrets to look for in outputs). */
  pbxTokens: string[];
  /** GET /_sandbox/calls over HTTP (the public control API), optionally filtered. */
  calls(query?: Record<string, string>): Promise<PlacedCall[]>;
  setFaults(spec: string): Promise<void>;
}

function text(body: SandboxResponse['body']): string {
  return typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
}

function json(textBody: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(textBody) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The parameters of a request in the vendor's own terms. */
export function paramsOf(vendor: VendorName, request: SandboxRequest): Record<string, unknown> {
  if (vendor === 'dyvms' || vendor === 'outboundbot') return rpcParams(request);
  const out: Record<string, unknown> = { ...request.query };
  const body = request.body.trim();
  if (body.startsWith('{')) Object.assign(out, json(body) ?? {});
  else if (body) for (const [k, v] of new URLSearchParams(body)) out[k] = v;
  return out;
}

function codeOf(vendor: VendorName, response: SandboxResponse): string | undefined {
  const body = json(text(response.body));
  if (!body) return undefined;
  if (vendor === 'volcengine') {
    const meta = body.ResponseMetadata as { Error?: { Code?: string } } | undefined;
    return meta?.Error?.Code;
  }
  if (vendor === 'pbx') return body.status === 'Success' ? undefined : String(body.errno ?? body.status ?? '');
  const code = body.Code;
  return code === undefined || code === 'OK' || code === '200' || code === 200 ? undefined : String(code);
}

function observe(sim: VendorSimulator, log: Processed[], tokens: string[]): VendorSimulator {
  const wrapped: VendorSimulator = {
    vendor: sim.vendor,
    async handle(request, context) {
      const response = await sim.handle(request, context);
      const code = codeOf(sim.vendor, response);
      if (sim.vendor === 'pbx') {
        const token = json(text(response.body))?.token;
        if (typeof token === 'string' && token) tokens.push(token);
      }
      log.push({
        vendor: sim.vendor,
        operationId: operationIdOf(sim.vendor, request),
        params: paramsOf(sim.vendor, request),
        status: response.status,
        code,
        refused:
          response.status === 429 ||
          (code !== undefined && (ALIBABA_THROTTLING_CODES.has(code) || VOLCENGINE_THROTTLING_CODES.has(code) || (sim.vendor === 'pbx' && PBX_TOKEN_ERRNOS.has(code)))),
        at: Date.now(),
        ...(request.faultAfterProcessing ? { faultAfterProcessing: request.faultAfterProcessing } : {}),
      });
      return response;
    },
    reset: () => sim.reset(),
  };
  if (sim.tick) wrapped.tick = (context) => sim.tick?.(context);
  if (sim.faultResponse) wrapped.faultResponse = (fault, request) => sim.faultResponse?.(fault, request) as SandboxResponse;
  if (sim.close) wrapped.close = () => sim.close?.();
  return wrapped;
}

export interface ObservedOptions extends Omit<SandboxOptions, 'simulators'> {
  /** Per-operation QPS overrides for the Alibaba gateways (e.g. lift limits for bulk fault runs). */
  alibabaQps?: Record<string, number>;
}

export async function startObservedSandbox(options: ObservedOptions = {}): Promise<ObservedSandbox> {
  const processed: Processed[] = [];
  const pbxTokens: string[] = [];
  // Every simulator is imported statically: one that fails to load fails the run with its reason.
  const simulators: Record<VendorName, VendorSimulator> = {
    dyvms: observe(createDyvms({ qps: options.alibabaQps }), processed, pbxTokens),
    outboundbot: observe(createOutboundbot({ qps: options.alibabaQps }), processed, pbxTokens),
    volcengine: observe(createVolcengine(), processed, pbxTokens),
    pbx: observe(createPbx(), processed, pbxTokens),
  };
  const { alibabaQps: _ignored, ...rest } = options;
  void _ignored;
  const sandbox = await startSandbox({ ...rest, simulators });
  return {
    ...sandbox,
    processed,
    pbxTokens,
    async calls(query = {}) {
      const qs = new URLSearchParams(query).toString();
      const res = await fetch(`${sandbox.url}/_sandbox/calls${qs ? `?${qs}` : ''}`);
      if (!res.ok) throw new Error(`GET /_sandbox/calls: HTTP ${res.status}`);
      return (await res.json()) as PlacedCall[];
    },
    async setFaults(spec: string) {
      const res = await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ spec }) });
      if (!res.ok) throw new Error(`POST /_sandbox/faults: HTTP ${res.status} ${await res.text()}`);
    },
  };
}
