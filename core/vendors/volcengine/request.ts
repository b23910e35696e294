import { CallbridgeError } from '../../errors.js';
import type { AnyOperation } from '../../operation.js';
import { volcCanonicalQuery, volcEncode, type VolcengineAuth } from './signing.js';
import { decodeBody, type HttpRequest, type HttpResponse } from '../../transport.js';

export const VOLCENGINE_VERSION = '2022-01-01';
export const VOLCENGINE_DEFAULT_ENDPOINT = 'https://cloud-vms.volcengineapi.com/';

export interface VolcengineConfig extends VolcengineAuth {
  region?: string;
  endpoint?: string;
}

/** Error codes meaning "too many requests; nothing was done". */
export const VOLCENGINE_THROTTLING_CODES = new Set(['FlowLimitExceeded', 'RequestLimitExceeded', 'Throttling', 'QPSLimitExceeded']);

function formEncode(input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    out[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
}

/** Method, query, headers and body of the request before signing (the wire form by the operation's body type). */
function requestParts(op: AnyOperation, input: Record<string, unknown>) {
  const bodyType = op.wire?.bodyType ?? 'json';
  const method = op.wire?.method ?? (bodyType === 'query' ? 'GET' : 'POST');
  let body = '';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (bodyType === 'query') return { method, search: volcCanonicalQuery({ Action: op.action, Version: VOLCENGINE_VERSION, ...formEncode(input) }), headers, body };
  if (bodyType === 'form') {
    body = Object.entries(formEncode(input))
      .map(([k, v]) => `${volcEncode(k)}=${volcEncode(v)}`)
      .join('&');
    headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=utf-8';
  } else {
    body = JSON.stringify(input);
    headers['Content-Type'] = 'application/json; charset=utf-8';
  }
  // Action and Version alone, already in canonical order.
  return { method, search: `Action=${volcEncode(op.action)}&Version=${VOLCENGINE_VERSION}`, headers, body };
}

/** The origin and path of the last endpoint built for, parsed once (a process usually sends to one endpoint). */
let lastEndpoint: { endpoint: string; base: string } | undefined;
function endpointBase(endpoint: string): string {
  if (lastEndpoint?.endpoint !== endpoint) {
    const url = new URL(endpoint);
    lastEndpoint = { endpoint, base: `${url.origin}${url.pathname || '/'}` };
  }
  return lastEndpoint.base;
}

/** The request before signing: Action and Version (and a query-style input) in the canonical query, the body by the operation's body type. */
export function buildVolcengine(op: AnyOperation, input: Record<string, unknown>, config: Pick<VolcengineConfig, 'endpoint'>): HttpRequest {
  const { method, search, headers, body } = requestParts(op, input);
  return { method, url: `${endpointBase(config.endpoint ?? VOLCENGINE_DEFAULT_ENDPOINT)}?${search}`, headers, body: method === 'GET' ? undefined : body };
}

interface VolcengineEnvelope {
  ResponseMetadata?: { RequestId?: string; Error?: { Code?: string; CodeN?: number; Message?: string } };
  Result?: unknown;
}

export function readVolcengine(op: AnyOperation, response: HttpResponse): unknown {
  const text = decodeBody(response.body);
  let body: VolcengineEnvelope | undefined;
  try {
    body = JSON.parse(text) as VolcengineEnvelope;
  } catch {
    body = undefined;
  }
  const error = body?.ResponseMetadata?.Error;
  if (body && !error && response.status < 400) return body;
  const code = error?.Code ?? `HTTP${response.status}`;
  const throttled = VOLCENGINE_THROTTLING_CODES.has(code) || response.status === 429;
  throw new CallbridgeError({
    kind: 'vendor',
    operationId: op.id,
    vendor: 'volcengine',
    code,
    requestId: body?.ResponseMetadata?.RequestId,
    httpStatus: response.status,
    retryable: throttled || response.status >= 500,
    mayHaveBeenProcessed: !throttled && (response.status >= 500 || !body),
    message: body
      ? `${op.id} failed: ${code}: ${error?.Message ?? ''}`.trim()
      : `${op.id} failed: HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`,
  });
}
