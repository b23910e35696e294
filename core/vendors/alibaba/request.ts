import { CallbridgeError } from '../../errors.js';
import type { AnyOperation, WireEncoding } from '../../operation.js';
import { type AlibabaAuth, percentEncode } from './signing.js';
import { decodeBody, type HttpRequest, type HttpResponse } from '../../transport.js';

export const ALIBABA_VERSIONS = { dyvms: '2017-05-25', outboundbot: '2019-12-26' } as const;
export const ALIBABA_DEFAULT_ENDPOINTS = {
  dyvms: 'https://dyvmsapi.aliyuncs.com/',
  outboundbot: 'https://outboundbot.cn-shanghai.aliyuncs.com/',
} as const;

export interface AlibabaConfig extends AlibabaAuth {
  endpoints?: { dyvms?: string; outboundbot?: string };
}

const SUCCESS_CODES = new Set(['OK', '200']);
/** Vendor codes meaning "too many requests; nothing was done". */
export const ALIBABA_THROTTLING_CODES = new Set(['Throttling', 'Throttling.User', 'Throttling.Api', 'Throttling.AK', 'ServiceUnavailable.Throttling']);

function isPlain(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function flatten(name: string, value: unknown, encoding: WireEncoding | undefined, out: Record<string, string>): void {
  if (value === undefined || value === null) return;
  if (isPlain(value)) {
    out[name] = String(value);
    return;
  }
  if (Array.isArray(value)) {
    const mode = encoding ?? 'repeat';
    if (mode === 'json') out[name] = JSON.stringify(value);
    else if (mode === 'comma') out[name] = value.map(String).join(',');
    else
      value.forEach((item, index) => {
        const key = `${name}.${index + 1}`;
        if (mode === 'repeat-json') out[key] = isPlain(item) ? String(item) : JSON.stringify(item);
        else if (isPlain(item) || Array.isArray(item)) flatten(key, item, 'json', out);
        else for (const [sub, subValue] of Object.entries(item as object)) flatten(`${key}.${sub}`, subValue, undefined, out);
      });
    return;
  }
  out[name] = JSON.stringify(value);
}

/** Turns validated natural JSON into the flat string map the RPC API takes (RepeatLists, JSON strings). */
export function encodeAlibabaParams(op: AnyOperation, input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    const codes = op.wire?.wireValues?.[name];
    const mapped = codes && (typeof value === 'string' || typeof value === 'number') && Object.hasOwn(codes, String(value));
    const wire = mapped ? codes[String(value)] : value;
    flatten(name, wire, op.wire?.encoding?.[name], out);
  }
  return out;
}

/**
 * The request before signing: the business parameters with Action and Version, each name and value
 * percent-encoded once (RFC 3986), as a form body (or the query of a GET). signAlibaba adds the common
 * parameters and the signature to exactly these pairs.
 */
export function buildAlibaba(op: AnyOperation, input: Record<string, unknown>, config: Pick<AlibabaConfig, 'endpoints'>): HttpRequest {
  const product = op.product as 'dyvms' | 'outboundbot';
  const endpoint = config.endpoints?.[product] ?? ALIBABA_DEFAULT_ENDPOINTS[product];
  const method = op.wire?.method ?? 'POST';
  const params = { ...encodeAlibabaParams(op, input), Action: op.action, Version: ALIBABA_VERSIONS[product] };
  const encoded = Object.entries(params)
    .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
    .join('&');
  if (method === 'GET') {
    return { method, url: `${endpoint}${endpoint.includes('?') ? '&' : '?'}${encoded}`, headers: { Accept: 'application/json' } };
  }
  return { method, url: endpoint, headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' }, body: encoded };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Returns the parsed body, or throws a vendor error for an error HTTP status or a Code other than OK/200. */
export function readAlibaba(op: AnyOperation, response: HttpResponse): unknown {
  const text = decodeBody(response.body);
  const body = parseJson(text) as Record<string, unknown> | undefined;
  const code = body && body.Code !== undefined ? String(body.Code) : undefined;
  const failed = response.status >= 400 || (code !== undefined && !SUCCESS_CODES.has(code)) || String(body?.Success) === 'false';
  if (body && !failed) return body;
  const throttled = (code !== undefined && ALIBABA_THROTTLING_CODES.has(code)) || response.status === 429;
  throw new CallbridgeError({
    kind: 'vendor',
    operationId: op.id,
    vendor: op.product,
    code: code ?? `HTTP${response.status}`,
    requestId: typeof body?.RequestId === 'string' ? body.RequestId : undefined,
    httpStatus: response.status,
    retryable: throttled || response.status >= 500,
    mayHaveBeenProcessed: !throttled && (response.status >= 500 || !body),
    message: body
      ? `${op.id} failed: ${code ?? `HTTP ${response.status}`}: ${String(body.Message ?? '')}`.trim()
      : `${op.id} failed: HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`,
  });
}
