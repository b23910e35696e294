import { createHash, createHmac } from 'node:crypto';
import type { HttpRequest, Runtime } from '../../transport.js';

/** The signing scope's service, and its region when none is configured. */
export const VOLCENGINE_SERVICE = 'vms';
export const VOLCENGINE_DEFAULT_REGION = 'cn-north-1';

export interface VolcengineAuth {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface VolcengineSignInput {
  method: 'GET' | 'POST';
  /** host[:port] exactly as sent in the Host header */
  host: string;
  path: string;
  /** The query parameters, or the query string already in canonical form (sorted, RFC 3986 encoded). */
  query: Record<string, string> | string;
  /** Headers to send besides the ones the signer adds (e.g. Content-Type, which is not signed). */
  headers?: Record<string, string>;
  body: string;
  region: string;
  service: string;
}

const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding used in Volcengine canonical query strings. */
export function volcEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function volcCanonicalQuery(query: Record<string, string>): string {
  return Object.keys(query)
    .sort()
    .map((key) => `${volcEncode(key)}=${volcEncode(query[key])}`)
    .join('&');
}

/** X-Date form: yyyyMMdd'T'HHmmss'Z' */
export function volcDate(epochMs: number): string {
  const iso = new Date(epochMs).toISOString(); // yyyy-MM-ddTHH:mm:ss.sssZ
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** Headers that take part in the signature (the vendor SDK leaves these out). */
const UNSIGNED = new Set(['authorization', 'content-type', 'content-length', 'user-agent', 'presigned-expires', 'expect']);

export function volcSigningParts(input: VolcengineSignInput, headers: Record<string, string>, xDate: string, bodyHash = sha256Hex(input.body)) {
  const signable = Object.keys(headers)
    .map((name) => [name.toLowerCase(), headers[name].replace(/\s+/g, ' ').trim()] as const)
    .filter(([name]) => !UNSIGNED.has(name))
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const signedHeaders = signable.map(([name]) => name).join(';');
  const canonicalRequest = [
    input.method,
    input.path || '/',
    typeof input.query === 'string' ? input.query : volcCanonicalQuery(input.query),
    signable.map(([name, value]) => `${name}:${value}`).join('\n') + '\n',
    signedHeaders,
    bodyHash,
  ].join('\n');
  const scope = `${xDate.slice(0, 8)}/${input.region}/${input.service}/request`;
  const stringToSign = ['HMAC-SHA256', xDate, scope, sha256Hex(canonicalRequest)].join('\n');
  return { signedHeaders, canonicalRequest, scope, stringToSign };
}

function signingKey(secretAccessKey: string, day: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(secretAccessKey, day), region), service), 'request');
}

export function volcSignature(secretAccessKey: string, xDate: string, region: string, service: string, stringToSign: string) {
  const kSigning = signingKey(secretAccessKey, xDate.slice(0, 8), region, service);
  return createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest('hex');
}

/** Returns every header to send, including Host, X-Date, X-Content-Sha256 and Authorization. */
export function signVolcengine(input: VolcengineSignInput, auth: VolcengineAuth, epochMs: number): Record<string, string> {
  const xDate = volcDate(epochMs);
  const bodyHash = sha256Hex(input.body);
  const headers: Record<string, string> = {
    ...input.headers,
    Host: input.host,
    'X-Date': xDate,
    'X-Content-Sha256': bodyHash,
  };
  if (auth.sessionToken) headers['X-Security-Token'] = auth.sessionToken;
  const { signedHeaders, scope, stringToSign } = volcSigningParts(input, headers, xDate, bodyHash);
  const signature = volcSignature(auth.secretAccessKey, xDate, input.region, input.service, stringToSign);
  headers.Authorization = `HMAC-SHA256 Credential=${auth.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}

export interface VolcengineSigning extends VolcengineAuth {
  region?: string;
}

/**
 * Signs a built request (its URL carries the canonical query): adds Host, X-Date, X-Content-Sha256 (and
 * X-Security-Token) and Authorization over exactly the method, path, query, headers and body sent.
 */
export function signVolcengineRequest(request: HttpRequest, auth: VolcengineSigning, runtime: Pick<Runtime, 'now'>): HttpRequest {
  const at = request.url.indexOf('?');
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (!/^(host|authorization|x-date|x-content-sha256|x-security-token)$/i.test(name)) headers[name] = value;
  const signed = signVolcengine(
    {
      method: request.method,
      host: url.host,
      path: url.pathname || '/',
      query: at >= 0 ? request.url.slice(at + 1) : '',
      headers,
      body: request.body ?? '',
      region: auth.region ?? VOLCENGINE_DEFAULT_REGION,
      service: VOLCENGINE_SERVICE,
    },
    auth,
    runtime.now(),
  );
  return { ...request, headers: signed };
}
