// Alibaba Cloud Outbound Bot (outboundbot 2019-12-26) simulator. Auth, QPS and catalog
// validation come from the shared RPC gateway (sandbox/alibaba-rpc.ts); each operation is a
// handler over the scope (request, sandbox, state): instances.ts, groups.ts, jobs.ts, batch.ts,
// recordings.ts; dialing.ts dials jobs through the calls engine according to each group's strategy.
// Facts: seed 003 in /work/shared/reference/seed-catalog.md (§7-§19) and its defects 8, 9, 11.
import { shapeOf } from '../alibaba-decode.js';
import { jsonResponse, RpcGate, rpcOk, type RpcProduct } from '../alibaba-rpc.js';
import { requestId as newRequestId } from '../ids.js';
import { record } from '../../core/vendors/read.js';
import { sampleOf } from '../schema-sample.js';
import type { SandboxContext, SandboxRequest, SandboxResponse, VendorSimulator } from '../types.js';
import { uuid } from '../sim-util.js';
import { batchHandlers } from './batch.js';
import { step } from './dialing.js';
import { groupHandlers } from './groups.js';
import { instanceHandlers } from './instances.js';
import { jobHandlers } from './jobs.js';
import { recordingHandlers, serveRecording } from './recordings.js';
import { findInstance, findScript, ObError, text, type ObHandler } from './scope.js';
import { OutboundbotState } from './state.js';

export { SANDBOX_ROSTER_ROWS } from './batch.js';

export const OUTBOUNDBOT_PRODUCT: RpcProduct = {
  product: 'outboundbot',
  version: '2019-12-26',
  host: 'outboundbot.cn-shanghai.aliyuncs.com',
  recommendName: 'OutboundBot',
};

/**
 * A documented-shape answer: the output schema's required fields, IDs echoed from the input
 * or new ones for created objects; the instance and script named must exist.
 */
const generic: ObHandler = ({ call, ctx, state }) => {
  if (call.input.InstanceId !== undefined) findInstance(state, call.input);
  if (call.input.ScriptId !== undefined) findScript(state, call.input);
  if (!call.operation) return {};
  const sample = record(sampleOf(call.operation.output));
  const shape = shapeOf(call.operation.output) ?? {};
  const idFor = (key: string) => text(call.input, key) ?? uuid(ctx);
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    if (['RequestId', 'Code', 'Message', 'HttpStatusCode', 'Success'].includes(key)) continue;
    if (key.endsWith('Id')) out[key] = idFor(key);
    else if (key in sample) {
      const value = sample[key];
      const sub = shapeOf(schema);
      if (value && typeof value === 'object' && !Array.isArray(value) && sub) {
        const ids = Object.fromEntries(Object.keys(sub).filter((k) => k.endsWith('Id')).map((k) => [k, idFor(k)]));
        out[key] = { ...value, ...ids };
      } else out[key] = value;
    }
  }
  return out;
};

/** A fresh simulator with its own state (one per sandbox server). */
export function createOutboundbotSimulator(options: { qps?: Record<string, number> } = {}): VendorSimulator & { gate: RpcGate; state: OutboundbotState } {
  const state = new OutboundbotState();
  const handlers: Record<string, ObHandler> = { ...instanceHandlers, ...groupHandlers, ...jobHandlers, ...batchHandlers, ...recordingHandlers };
  const gate = new RpcGate({ ...OUTBOUNDBOT_PRODUCT, extraActions: Object.keys(handlers), qps: options.qps });

  return {
    vendor: 'outboundbot',
    gate,
    state,
    handle(request: SandboxRequest, ctx: SandboxContext): SandboxResponse {
      const path = request.path.split('?')[0];
      if (request.method === 'GET' && path.startsWith('/recordings/')) return serveRecording(state, request, ctx);
      if (!/^\/*$/.test(path)) {
        return gate.error(404, 'InvalidApi.NotFound', 'Specified api is not found, please check your url and method.', newRequestId(ctx.rng));
      }
      const checked = gate.check(request, ctx);
      if (!checked.ok) return checked.response;
      const call = checked.call;
      step(state, ctx);
      try {
        const payload = (handlers[call.action] ?? generic)({ call, ctx, state });
        step(state, ctx);
        return rpcOk(call.requestId, { Code: 'OK', HttpStatusCode: 200, Message: 'Success', Success: true, ...payload });
      } catch (error) {
        if (error instanceof ObError) {
          return jsonResponse(
            error.status,
            { RequestId: call.requestId, Code: error.code, Message: error.message, HttpStatusCode: error.status, Success: false },
            { 'x-acs-request-id': call.requestId },
          );
        }
        throw error;
      }
    },
    tick(ctx: SandboxContext) {
      step(state, ctx);
    },
    faultResponse(fault) {
      const id = `${Date.now().toString(16).toUpperCase().padStart(8, '0').slice(-8)}-0000-4000-8000-000000000000`;
      return fault === '5xx'
        ? gate.error(500, 'InternalError', 'An error occurred while processing your request. Please try again later. Submit a ticket if the error still exists.', id)
        : gate.error(400, 'Throttling.User', 'Request was denied due to user flow control.', id);
    },
    reset() {
      state.reset();
      gate.reset();
    },
  };
}

export default createOutboundbotSimulator;
