// Volcengine Voice (vms, 2022-01-01) simulator: gateway signature, validation from the catalog,
// notification tasks (CreateTask / Pause / Resume / Stop / Update / BatchAppend), single sends,
// resources and number pools, call records, recordings, and CDR / recording pushes. Each
// operation is a handler over the scope (parameters, request, sandbox, state): tasks.ts,
// singles.ts, resources.ts, records.ts; dialing.ts places the calls.
// Facts: docs/research/volcengine-vms.md and the seed catalog (004 CreateTask).
import { catalog } from '../../core/registry.js';
import type { SandboxContext, SandboxRequest, SandboxResponse, VendorSimulator } from '../types.js';
import { gatewayError, verifyVolcengine, type VolcGatewayError } from './auth.js';
import { step } from './dialing.js';
import { requestParams, validateWithCatalog, VolcError, type BusinessError, type VolcHandler } from './params.js';
import { recordHandlers, serveRecording } from './records.js';
import { resourceHandlers } from './resources.js';
import { beijingDateTime, digits, json, queryPairs } from '../sim-util.js';
import { singleHandlers } from './singles.js';
import { VOLC_VERSION, VolcState } from './state.js';
import { taskHandlers } from './tasks.js';

export { callbackAuthCode } from './receipts.js';
export { VOLC_ACCOUNT_ID, VOLC_CALLBACK_AUTH_TOKEN, VOLC_PUSH_RETRY_MS, VOLC_RECEIPT_KEYS, VOLC_VERSION } from './state.js';

const handlers: Record<string, VolcHandler> = { ...taskHandlers, ...singleHandlers, ...resourceHandlers, ...recordHandlers };

/** Operations that exist in the catalog but have no simulated state: a success envelope. */
const generic = (action: string): unknown => (/^(Query|List|Get|Describe)/.test(action) ? { Records: [], Total: 0 } : undefined);

function requestId(ctx: SandboxContext): string {
  const hex6 = Math.floor(ctx.rng.next() * 0xffffff)
    .toString(16)
    .toUpperCase()
    .padStart(6, '0');
  return `${beijingDateTime(ctx.clock.now()).replace(/\D/g, '')}${hex6}${digits(ctx, 12)}`;
}

/** Whether this request is over the operation's QPS in the current real second. */
function throttled(state: VolcState, ak: string, action: string, qps: number, realNow: number): boolean {
  const key = `${ak}|${action}`;
  const second = Math.floor(realNow / 1000);
  const slot = state.qps.get(key);
  if (!slot || slot.second !== second) {
    state.qps.set(key, { second, count: 1 });
    return false;
  }
  slot.count += 1;
  return slot.count > qps;
}

/** A fresh simulator with its own state (one per sandbox server). */
export function createVolcengineSimulator(): VendorSimulator & { state: VolcState; actions(): string[] } {
  const state = new VolcState();

  return {
    vendor: 'volcengine',
    state,
    /** Actions the simulator answers: its own handlers plus every volcengine operation in the catalog. */
    actions() {
      const fromCatalog = [...catalog.values()].filter((op) => op.product === 'volcengine').map((op) => op.action);
      return [...new Set([...Object.keys(handlers), ...fromCatalog])];
    },

    handle(request: SandboxRequest, ctx: SandboxContext): SandboxResponse {
      const path = request.path.split('?')[0];
      if (request.method === 'GET' && path.startsWith('/recordings/')) return serveRecording(state, request, ctx);
      step(state, ctx);

      const query = Object.fromEntries(queryPairs(request));
      const action = query.Action ?? '';
      const version = query.Version ?? '';
      const meta = { RequestId: requestId(ctx), Action: action, Version: version, Service: 'vms', Region: 'cn-north-1' };
      const fail = (e: VolcGatewayError | (BusinessError & { codeN?: number })) =>
        json(e.status, {
          ResponseMetadata: { ...meta, Error: { Code: e.code, ...('codeN' in e && e.codeN ? { CodeN: e.codeN } : {}), Message: e.message } },
        });

      const auth = verifyVolcengine(request, ctx.accounts.volcengine, ctx.clock.realNow());
      if (!auth.ok) {
        if (auth.region) meta.Region = auth.region;
        return fail(auth.error);
      }
      meta.Region = auth.scope.region;
      if (!action) return fail(gatewayError('MissingParameter', 'Action'));
      if (!version) return fail(gatewayError('MissingParameter', 'Version'));
      const op = catalog.get(`volcengine.${action}`);
      const handler = handlers[action];
      if (version !== VOLC_VERSION || (!handler && !op)) return fail(gatewayError('InvalidActionOrVersion', action, version));
      if (op?.qps && throttled(state, auth.scope.accessKey, action, op.qps, ctx.clock.realNow())) {
        return fail(gatewayError('FlowLimitExceeded', `${op.qps}/s`));
      }

      try {
        let params = requestParams(request, query);
        if (op) params = validateWithCatalog(op, params);
        const result = handler ? handler({ params, ctx, request, state }) : generic(action);
        step(state, ctx);
        return json(200, result === undefined ? { ResponseMetadata: meta } : { ResponseMetadata: meta, Result: result });
      } catch (error) {
        if (error instanceof VolcError) return fail(error.error);
        console.error('volcengine simulator:', error);
        return fail(gatewayError('InternalError'));
      }
    },

    /** Injected faults in the gateway's own shape: 500 InternalError, 429 FlowLimitExceeded. */
    faultResponse(fault, request) {
      const error = fault === '5xx' ? gatewayError('InternalError') : gatewayError('FlowLimitExceeded', 'the account');
      return json(error.status, {
        ResponseMetadata: {
          RequestId: `${Date.now()}`,
          Action: request.query.Action ?? '',
          Version: request.query.Version ?? '',
          Service: 'vms',
          Region: 'cn-north-1',
          Error: { Code: error.code, CodeN: error.codeN, Message: error.message },
        },
      });
    },

    tick(ctx: SandboxContext) {
      step(state, ctx);
    },

    reset() {
      state.reset();
    },
  };
}

export default createVolcengineSimulator;
