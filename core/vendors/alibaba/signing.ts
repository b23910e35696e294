import { createHmac } from 'node:crypto';
import type { HttpRequest, Runtime } from '../../transport.js';

const RESERVED_TEST = /[!'()*]/;
const RESERVED = /[!'()*]/g;
const RESERVED_CODES: Record<string, string> = { '!': '%21', "'": '%27', '(': '%28', ')': '%29', '*': '%2A' };

/** RFC 3986 percent-encoding as the Alibaba RPC signature requires: only A-Z a-z 0-9 - _ . ~ stay as they are. */
export function percentEncode(value: string): string {
  const encoded = encodeURIComponent(value);
  // encodeURIComponent leaves ! ' ( ) * as they are; most values have none, so skip the replace then.
  return RESERVED_TEST.test(encoded) ? encoded.replace(RESERVED, (ch) => RESERVED_CODES[ch]) : encoded;
}

/** The canonicalized query string: parameters sorted by name (byte order), each name=value percent-encoded. */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((key) => key !== 'Signature')
    .sort() // UTF-16 code unit order, the same as a < b comparison
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
    .join('&');
}

export function rpcStringToSign(method: 'GET' | 'POST', params: Record<string, string>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

/** Alibaba Cloud RPC signature v1: Base64(HMAC-SHA1(secret + "&", StringToSign)). */
export function rpcSignature(method: 'GET' | 'POST', params: Record<string, string>, secret: string): string {
  return createHmac('sha1', `${secret}&`).update(rpcStringToSign(method, params), 'utf8').digest('base64');
}

export interface AlibabaAuth {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** UTC timestamp in the yyyy-MM-ddTHH:mm:ssZ form the RPC API wants. */
export function rpcTimestamp(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}

function withCommonParams(params: Record<string, string>, auth: AlibabaAuth, epochMs: number, nonce: string): Record<string, string> {
  const signed: Record<string, string> = {
    ...params,
    Format: 'JSON',
    AccessKeyId: auth.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: nonce,
    Timestamp: rpcTimestamp(epochMs),
  };
  if (auth.securityToken) signed.SecurityToken = auth.securityToken;
  return signed;
}

/**
 * The business parameters with the common parameters and the signature, as one form/query string:
 * the canonical (sorted) order with Signature last, as the official SDK sends them. Each value is
 * encoded once, for the signature and the wire alike.
 */
export function signedRpcQuery(method: 'GET' | 'POST', params: Record<string, string>, auth: AlibabaAuth, epochMs: number, nonce: string): string {
  const canonical = canonicalQuery(withCommonParams(params, auth, epochMs, nonce));
  const signature = createHmac('sha1', `${auth.accessKeySecret}&`).update(`${method}&%2F&${percentEncode(canonical)}`, 'utf8').digest('base64');
  return `${canonical}&Signature=${percentEncode(signature)}`;
}

/** Adds the common parameters and the signature to the business parameters. */
export function signRpcParams(
  method: 'GET' | 'POST',
  params: Record<string, string>,
  auth: AlibabaAuth,
  epochMs: number,
  nonce: string,
): Record<string, string> {
  const signed = withCommonParams(params, auth, epochMs, nonce);
  signed.Signature = rpcSignature(method, signed, auth.accessKeySecret);
  return signed;
}

/** Parameters signAlibaba sets itself; a request that already has them (signed before) gets them anew. */
const COMMON_PARAMS = new Set(['AccessKeyId', 'Format', 'SecurityToken', 'Signature', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp']);

const pairName = (pair: string): string => {
  const eq = pair.indexOf('=');
  return eq < 0 ? pair : pair.slice(0, eq);
};

/** A name=value pair with its name, sorted by name. */
interface Pair {
  name: string;
  pair: string;
}

const byName = (a: Pair, b: Pair) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Signs built RPC requests with one set of credentials (its form body, or the query of a GET, holds the
 * percent-encoded business parameters): adds the common parameters, sorts every name=value pair by name
 * and appends the Signature, as the official SDK sends them. Works on the encoded pairs as they are;
 * parameter names are plain ASCII (letters, digits, dots), which percent-encoding leaves alone, so they
 * sort as the raw names do. The pairs that are the same on every request are encoded once, here.
 */
export function alibabaSigner(auth: AlibabaAuth): (request: HttpRequest, runtime: Pick<Runtime, 'now' | 'nonce'>) => HttpRequest {
  const key = `${auth.accessKeySecret}&`;
  const fixed: Pair[] = Object.entries(withCommonParams({}, auth, 0, ''))
    .filter(([name]) => name !== 'SignatureNonce' && name !== 'Timestamp')
    .map(([name, value]) => ({ name, pair: `${name}=${percentEncode(value)}` }));
  return (request, runtime) => {
    const inQuery = request.method === 'GET';
    const at = request.url.indexOf('?');
    const base = inQuery && at >= 0 ? request.url.slice(0, at) : request.url;
    const given = inQuery ? (at >= 0 ? request.url.slice(at + 1) : '') : (request.body ?? '');
    const pairs = [
      ...fixed,
      { name: 'SignatureNonce', pair: `SignatureNonce=${percentEncode(runtime.nonce())}` },
      { name: 'Timestamp', pair: `Timestamp=${percentEncode(rpcTimestamp(runtime.now()))}` },
    ];
    for (const pair of given.split('&')) {
      const name = pairName(pair);
      if (pair && !COMMON_PARAMS.has(name)) pairs.push({ name, pair });
    }
    const canonical = pairs
      .sort(byName)
      .map((p) => p.pair)
      .join('&');
    const signature = createHmac('sha1', key).update(`${request.method}&%2F&${percentEncode(canonical)}`, 'utf8').digest('base64');
    const signed = `${canonical}&Signature=${percentEncode(signature)}`;
    return inQuery ? { ...request, url: `${base}?${signed}` } : { ...request, body: signed };
  };
}

/** Signs one built RPC request (see alibabaSigner, which a client keeps for all its requests). */
export function signAlibaba(request: HttpRequest, auth: AlibabaAuth, runtime: Pick<Runtime, 'now' | 'nonce'>): HttpRequest {
  return alibabaSigner(auth)(request, runtime);
}
