import { FaultSpecError, type Faults } from './faults.js';
import type { Pusher } from './push.js';
import { recordingWav } from './recordings.js';
import type { PlacedCall, SandboxConfig, SandboxContext, SandboxRequest, SandboxResponse } from './types.js';

/** What the /_sandbox/ control API reaches into. */
export interface ControlTarget {
  context: SandboxContext;
  faults: Faults;
  pusher: Pusher;
  seed: string | number;
  reset(): void;
}

const json = (status: number, body: unknown): SandboxResponse => ({
  status,
  headers: { 'content-type': 'application/json;charset=utf-8' },
  body: JSON.stringify(body, null, 2),
});

function parseBody(text: string): Record<string, unknown> | string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return trimmed;
  return JSON.parse(trimmed) as Record<string, unknown>;
}

const CONFIG_KEYS = ['receiptUrl', 'receiptUrls', 'alibabaRetryDelaysMs', 'taskConcurrency', 'pbxEventUrl'] as const;

function applyConfig(config: SandboxConfig, patch: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(patch)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) return `unknown setting "${key}"; known: ${CONFIG_KEYS.join(', ')}`;
    if ((key === 'receiptUrl' || key === 'pbxEventUrl') && value !== null && (typeof value !== 'string' || !/^https?:\/\//.test(value))) {
      return `${key} must be an http(s) URL or null`;
    }
    if (key === 'receiptUrls' && value !== null) {
      const ok = typeof value === 'object' && !Array.isArray(value) && Object.values(value as object).every((v) => typeof v === 'string' && /^https?:\/\//.test(v));
      if (!ok) return 'receiptUrls must map message types (VoiceReport, VoiceCallReport, VoiceRecordReport) to http(s) URLs, or be null';
    }
    if (key === 'taskConcurrency' && (!Number.isInteger(value) || (value as number) < 1)) return 'taskConcurrency must be a positive integer';
    if (key === 'alibabaRetryDelaysMs' && (!Array.isArray(value) || value.some((v) => typeof v !== 'number' || v < 0))) {
      return 'alibabaRetryDelaysMs must be an array of non-negative numbers (sandbox ms)';
    }
  }
  for (const [key, value] of Object.entries(patch)) {
    (config as unknown as Record<string, unknown>)[key] = value === null ? undefined : value;
  }
  return undefined;
}

function filterCalls(calls: PlacedCall[], query: Record<string, string>): PlacedCall[] {
  const keys = ['vendor', 'operation', 'number', 'outId', 'taskId', 'status'] as const;
  return calls.filter((c) => keys.every((k) => query[k] === undefined || String(c[k] ?? '') === query[k]));
}

export const CONTROL_ROUTES = {
  'GET /_sandbox/calls': 'every call placed (filters: vendor, operation, number, outId, taskId, status)',
  'GET /_sandbox/calls/<id>': 'one call',
  'GET /_sandbox/faults': 'the fault spec in force, and how often each fault was injected per operation',
  'POST /_sandbox/faults': 'body: SPEC text or {"spec": "..."}; replaces the faults (empty clears them)',
  'POST /_sandbox/reset': 'forgets calls, tasks, nonces, throttling state, pushes and the counts of injected faults (fault rules and config stay)',
  'GET /_sandbox/config': 'live settings',
  'POST /_sandbox/config': 'body: {"receiptUrl": "http://...", "taskConcurrency": 50, ...}',
  'GET /_sandbox/pushes': 'receipt push attempts (latest 2000)',
  'GET /_sandbox/recordings/<callId>.wav': 'a call recording',
  'GET /_sandbox/health': 'status, seed, speed, sandbox time',
  'GET /_sandbox/rates': 'per Alibaba RPC operation: requests that passed the QPS check (first, last, most in any one second, real time) and how many were throttled',
};

export function handleControl(request: SandboxRequest, target: ControlTarget): SandboxResponse {
  const { context } = target;
  const path = request.path.replace(/\/+$/, '') || '/_sandbox';
  const route = `${request.method} ${path}`;
  try {
    if (route === 'GET /_sandbox') return json(200, { routes: CONTROL_ROUTES });
    if (route === 'GET /_sandbox/health') {
      return json(200, { ok: true, seed: target.seed, speed: context.clock.speed, now: new Date(context.clock.now()).toISOString(), calls: context.calls().length });
    }
    if (route === 'GET /_sandbox/rates') return json(200, context.rates.summary());
    if (route === 'GET /_sandbox/calls') return json(200, filterCalls(context.calls(), request.query));
    if (request.method === 'GET' && path.startsWith('/_sandbox/calls/')) {
      const call = context.getCall(decodeURIComponent(path.slice('/_sandbox/calls/'.length)));
      return call ? json(200, call) : json(404, { error: 'no such call' });
    }
    if (route === 'GET /_sandbox/faults') return json(200, { spec: target.faults.spec, rules: target.faults.list(), injected: target.faults.injected() });
    if (route === 'POST /_sandbox/faults') {
      const body = parseBody(request.body);
      const spec = typeof body === 'string' ? body : typeof body.spec === 'string' ? body.spec : undefined;
      if (spec === undefined) return json(400, { error: 'send the SPEC as the body or as {"spec": "..."}' });
      target.faults.set(spec);
      return json(200, { spec: target.faults.spec, rules: target.faults.list() });
    }
    if (route === 'POST /_sandbox/reset') {
      target.reset();
      return json(200, { reset: true });
    }
    if (route === 'GET /_sandbox/config') return json(200, context.config);
    if (route === 'POST /_sandbox/config') {
      const body = parseBody(request.body);
      if (typeof body === 'string') return json(400, { error: 'send a JSON object, e.g. {"receiptUrl": "http://127.0.0.1:9000/receipts"}' });
      const problem = applyConfig(context.config, body);
      return problem ? json(400, { error: problem }) : json(200, context.config);
    }
    if (route === 'GET /_sandbox/pushes') return json(200, { attempts: target.pusher.attempts(), pendingRetries: target.pusher.pendingRetries, dropped: target.pusher.dropped });
    if (request.method === 'GET' && path.startsWith('/_sandbox/recordings/')) {
      const id = decodeURIComponent(path.slice('/_sandbox/recordings/'.length)).replace(/\.wav$/, '');
      const call = context.getCall(id);
      if (!call || call.answerAt === undefined) return json(404, { error: 'no recording for this call' });
      return { status: 200, headers: { 'content-type': 'audio/wav' }, body: recordingWav(Math.min(call.durationSeconds ?? 1, 3)) };
    }
  } catch (error) {
    if (error instanceof FaultSpecError || error instanceof SyntaxError) return json(400, { error: error.message });
    throw error;
  }
  return json(404, { error: `unknown control route ${route}`, routes: CONTROL_ROUTES });
}
