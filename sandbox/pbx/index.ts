// Yeastar S-Series style PBX API simulator (also OpenVox UC style clones): /api/{version}/...,
// POST JSON only, HTTP 200 with {"status":"Success"|"Failed","errno"}; login with the MD5 of the
// password, tokens that expire after 30 idle minutes (sandbox time), heartbeat, logout, IP lockout
// after 5 failed logins; extensions, dial and prompt calls through the calls engine, call
// queries and hang-ups, and event reports (1.0.0, 1.0.2 and 2.0 formats) pushed to the receiver
// named at login or heartbeat, or to the sandbox's pbxEventUrl. Each endpoint is a handler over
// the scope (endpoints.ts); session.ts, call-api.ts and events.ts do the work. A body that leaves out a
// field the catalog definitions require on that version is refused first (catalog-check.ts).
// Facts: docs/research/yeastar-pbx.md and seed 000 (outbound/playprompt, v0.0.1).
import type { SandboxContext, SandboxRequest, SandboxResponse, VendorSimulator } from '../types.js';
import { header } from '../sim-util.js';
import { checkRequired } from './catalog-check.js';
import { COMMON_ENDPOINTS, V1_ENDPOINTS, V2_ENDPOINTS } from './endpoints.js';
import { step } from './events.js';
import { PbxFailure, type Body } from './scope.js';
import { findSession, login } from './session.js';
import { PbxState, type Family } from './state.js';

export { PBX_EVENT_RETRY_MS, PBX_LOCKOUT_MS, PBX_MAX_FAILED_LOGINS, PBX_SN, PBX_TOKEN_IDLE_MS, PBX_TRUNK } from './state.js';

function respond(body: unknown): SandboxResponse {
  return {
    status: 200,
    headers: {
      'Content-Type': 'application/json',
      'Access-control-allow-origin': '*',
      'Access-control-allow-methods': 'GET, POST, OPTIONS, PUT, DELETE',
    },
    body: JSON.stringify(body),
  };
}

const ok = (payload: Record<string, unknown>): SandboxResponse => respond({ status: 'Success', ...payload });
const failed = (errno: string): SandboxResponse => respond({ status: 'Failed', errno });

function parseBody(request: SandboxRequest): Body {
  const text = request.body.trim();
  const type = (header(request, 'content-type') ?? '').toLowerCase();
  if (!text) return {};
  if (type && !type.includes('json')) throw new PbxFailure('20000');
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new PbxFailure('20000');
    return parsed as Body;
  } catch {
    throw new PbxFailure('20000');
  }
}

/** A fresh simulator with its own state (one per sandbox server). */
export function createPbxSimulator(): VendorSimulator & { state: PbxState } {
  const state = new PbxState();

  return {
    vendor: 'pbx',
    state,
    handle(request: SandboxRequest, ctx: SandboxContext): SandboxResponse {
      const path = request.path.split('?')[0];
      const m = /^\/api\/(v[\d.]+)\/([A-Za-z_/]+?)\/?$/.exec(path);
      if (!m) return { status: 404, headers: { 'Content-Type': 'text/html' }, body: '<html><body>404 Not Found</body></html>' };
      const version = m[1];
      const family: Family | undefined = /^v2\./.test(version) ? '2.0' : /^v[01]\./.test(version) ? '1.x' : undefined;
      step(state, ctx);
      try {
        if (request.method !== 'POST') throw new PbxFailure('20001');
        const body = parseBody(request);
        if (!family) throw new PbxFailure('10003');
        const endpoint = m[2];
        if (endpoint === 'login') return ok(login(state, body, request, ctx, family));
        const session = findSession(state, request, ctx);
        const handler = COMMON_ENDPOINTS[endpoint] ?? (family === '2.0' ? V2_ENDPOINTS : V1_ENDPOINTS)[endpoint];
        if (!handler) throw new PbxFailure('10003');
        checkRequired(endpoint, version, body);
        const result = handler({ body, session, family, version, ctx, state });
        step(state, ctx);
        return ok(result);
      } catch (error) {
        if (error instanceof PbxFailure) return failed(error.errno);
        throw error;
      }
    },
    tick(ctx: SandboxContext) {
      step(state, ctx);
    },
    faultResponse(fault) {
      // A PBX has no throttling code; both faults look like its API server being unavailable.
      return fault === '5xx' ? { status: 503, headers: { 'Content-Type': 'text/html' }, body: '<html><body>503 Service Unavailable</body></html>' } : failed('30003');
    },
    reset() {
      state.reset();
    },
  };
}

export default createPbxSimulator;
