import { createHash, createHmac } from 'crypto';

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
  query: Record<string, string>;
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
  return new Date(epochMs).toISOString().replace(/[:-]|\.\d{3}/g, '');
}

/** Headers that take part in the signature (the vendor SDK leaves these out). */
const UNSIGNED = new Set(['authorization', 'content-type', 'content-length', 'user-agent', 'presigned-expires', 'expect']);

export function volcSigningParts(input: VolcengineSignInput, headers: Record<string, string>, xDate: string) {
  const signable = Object.keys(headers)
    .map((name) => [name.toLowerCase(), headers[name].replace(/\s+/g, ' ').trim()] as const)
    .filter(([name]) => !UNSIGNED.has(name))
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const signedHeaders = signable.map(([name]) => name).join(';');
  const canonicalRequest = [
    input.method,
    input.path || '/',
    volcCanonicalQuery(input.query),
    signable.map(([name, value]) => `${name}:${value}`).join('\n') + '\n',
    signedHeaders,
    sha256Hex(input.body),
  ].join('\n');
  const scope = `${xDate.slice(0, 8)}/${input.region}/${input.service}/request`;
  const stringToSign = ['HMAC-SHA256', xDate, scope, sha256Hex(canonicalRequest)].join('\n');
  return { signedHeaders, canonicalRequest, scope, stringToSign };
}

export function volcSignature(secretAccessKey: string, xDate: string, region: string, service: string, stringToSign: string) {
  const kDate = hmac(secretAccessKey, xDate.slice(0, 8));
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  const kSigning = hmac(kService, 'request');
  return createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest('hex');
}

/** Returns every header to send, including Host, X-Date, X-Content-Sha256 and Authorization. */
export function signVolcengine(input: VolcengineSignInput, auth: VolcengineAuth, epochMs: number): Record<string, string> {
  const xDate = volcDate(epochMs);
  const headers: Record<string, string> = {
    ...input.headers,
    Host: input.host,
    'X-Date': xDate,
    'X-Content-Sha256': sha256Hex(input.body),
  };
  if (auth.sessionToken) headers['X-Security-Token'] = auth.sessionToken;
  const { signedHeaders, scope, stringToSign } = volcSigningParts(input, headers, xDate);
  const signature = volcSignature(auth.secretAccessKey, xDate, input.region, input.service, stringToSign);
  headers.Authorization = `HMAC-SHA256 Credential=${auth.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}
