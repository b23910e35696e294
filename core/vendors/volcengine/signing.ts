import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';
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

/** The signing key of a day, region and service. */
export type SigningKeys = (day: string, region: string, service: string) => KeyObject;

/**
 * The signing keys of one secret, each derived (four HMACs) once and kept for its day as a KeyObject:
 * an HMAC keyed by a KeyObject costs a fraction of one keyed by a Buffer.
 */
export function signingKeys(secretAccessKey: string): SigningKeys {
  let cached: { scope: string; key: KeyObject } | undefined;
  return (day, region, service) => {
    const scope = `${day}/${region}/${service}`;
    if (cached?.scope !== scope) cached = { scope, key: createSecretKey(signingKey(secretAccessKey, day, region, service)) };
    return cached.key;
  };
}

export function volcSignature(secretAccessKey: string | SigningKeys, xDate: string, region: string, service: string, stringToSign: string) {
  const day = xDate.slice(0, 8);
  const kSigning = typeof secretAccessKey === 'string' ? signingKey(secretAccessKey, day, region, service) : secretAccessKey(day, region, service);
  return createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest('hex');
}

/** Returns every header to send, including Host, X-Date, X-Content-Sha256 and Authorization. `keys`: a client's kept signing keys. */
export function signVolcengine(input: VolcengineSignInput, auth: VolcengineAuth, epochMs: number, keys?: SigningKeys): Record<string, string> {
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
  const signature = volcSignature(keys ?? auth.secretAccessKey, xDate, input.region, input.service, stringToSign);
  headers.Authorization = `HMAC-SHA256 Credential=${auth.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}

export interface VolcengineSigning extends VolcengineAuth {
  region?: string;
}

/** Request headers the signer sets itself; a request that already has them (signed before) gets them anew. */
const SIGNER_HEADERS = /^(host|authorization|x-date|x-content-sha256|x-security-token)$/i;

/**
 * Signs built requests with one set of credentials (their URL carries the canonical query): adds Host,
 * X-Date, X-Content-Sha256 (and X-Security-Token) and Authorization over exactly the method, path, query,
 * headers and body sent. The day's signing key is derived once.
 */
export function volcengineSigner(auth: VolcengineSigning): (request: HttpRequest, runtime: Pick<Runtime, 'now'>) => HttpRequest {
  const keys = signingKeys(auth.secretAccessKey);
  const region = auth.region ?? VOLCENGINE_DEFAULT_REGION;
  // Host and path of the last URL base signed for (a client sends to one endpoint): parsed once, not per request.
  let last: { base: string; host: string; path: string } | undefined;
  return (request, runtime) => {
    const at = request.url.indexOf('?');
    const base = at >= 0 ? request.url.slice(0, at) : request.url;
    if (last?.base !== base) {
      const url = new URL(request.url);
      last = { base, host: url.host, path: url.pathname || '/' };
    }
    const headers: Record<string, string> = {};
    for (const name in request.headers) if (!SIGNER_HEADERS.test(name)) headers[name] = request.headers[name];
    const signed = signVolcengine(
      {
        method: request.method,
        host: last.host,
        path: last.path,
        query: at >= 0 ? request.url.slice(at + 1) : '',
        headers,
        body: request.body ?? '',
        region,
        service: VOLCENGINE_SERVICE,
      },
      auth,
      runtime.now(),
      keys,
    );
    return { ...request, headers: signed };
  };
}

/** Signs one built request (see volcengineSigner, which a client keeps for all its requests). */
export function signVolcengineRequest(request: HttpRequest, auth: VolcengineSigning, runtime: Pick<Runtime, 'now'>): HttpRequest {
  return volcengineSigner(auth)(request, runtime);
}
