// Volcengine OpenAPI gateway signature check (HMAC-SHA256, "V4" style), as the vendor's gateway does it.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { volcEncode } from '../../core/vendors/volcengine/index.js';
import type { SandboxRequest } from '../types.js';
import { header, queryPairs } from './sim-util.js';

export const VOLC_SERVICE = 'vms';
export const VOLC_REGIONS = new Set(['cn-north-1', 'cn-beijing']);
/** How far X-Date may be from real time. */
export const VOLC_MAX_SKEW_MS = 15 * 60_000;

export interface VolcGatewayError {
  status: number;
  code: string;
  codeN: number;
  message: string;
}

/** The gateway's common error table (Code, CodeN, HTTP status, message template). */
export const GATEWAY_ERRORS = {
  MissingParameter: { status: 400, codeN: 100002, message: 'The request is missing %s parameter.' },
  MissingAuthenticationToken: { status: 401, codeN: 100003, message: 'Request is missing Authentication Token.' },
  MissingRequestInfo: { status: 400, codeN: 100004, message: 'The request is missing %s information.' },
  MissingSignature: { status: 401, codeN: 100005, message: 'The request is missing signature.' },
  InvalidTimestamp: { status: 400, codeN: 100006, message: 'The Signature of the request is expired.' },
  ServiceNotFound: { status: 404, codeN: 100007, message: 'This service[%s] not found.' },
  InvalidActionOrVersion: { status: 404, codeN: 100008, message: 'Could not find operation %s for version %s.' },
  InvalidAccessKey: { status: 401, codeN: 100009, message: 'The accesskey [%s] included in the request is invalid.' },
  SignatureDoesNotMatch: {
    status: 401,
    codeN: 100010,
    message:
      'The request signature we calculated does not match the signature you provided. Check your Secret Access Key and signing method. Consult the service documentation for details.',
  },
  InvalidAuthorization: { status: 400, codeN: 100011, message: "Invalid 'Authorization' header, Pls check authorization header." },
  InternalError: { status: 500, codeN: 100014, message: 'Service has some internal Error. Pls Contact With Admin.' },
  FlowLimitExceeded: { status: 429, codeN: 100018, message: 'Request rate exceeded the flow limit of %s, please try again later.' },
} as const;

export type GatewayCode = keyof typeof GATEWAY_ERRORS;

export function gatewayError(code: GatewayCode, ...args: string[]): VolcGatewayError {
  const entry = GATEWAY_ERRORS[code];
  let i = 0;
  const message = entry.message.replace(/%s/g, () => args[i++] ?? '');
  return { status: entry.status, code, codeN: entry.codeN, message };
}

export interface VolcCredentialScope {
  accessKey: string;
  date: string;
  region: string;
  service: string;
}

export type VolcAuthResult = { ok: true; scope: VolcCredentialScope } | { ok: false; error: VolcGatewayError; region?: string };

const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

function parseAuthorization(value: string): { scope: VolcCredentialScope; signedHeaders: string[]; signature: string } | undefined {
  const m = /^HMAC-SHA256\s+(.*)$/.exec(value.trim());
  if (!m) return undefined;
  const parts: Record<string, string> = {};
  for (const piece of m[1].split(',')) {
    const eq = piece.indexOf('=');
    if (eq < 0) return undefined;
    parts[piece.slice(0, eq).trim()] = piece.slice(eq + 1).trim();
  }
  const credential = parts.Credential?.split('/');
  if (!credential || credential.length !== 5 || credential[4] !== 'request' || !parts.SignedHeaders || !parts.Signature) return undefined;
  return {
    scope: { accessKey: credential[0], date: credential[1], region: credential[2], service: credential[3] },
    signedHeaders: parts.SignedHeaders.split(';').map((h) => h.trim().toLowerCase()).filter(Boolean),
    signature: parts.Signature,
  };
}

/** X-Date (yyyyMMdd'T'HHmmss'Z') to epoch ms. */
export function parseXDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value.trim());
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  return Number.isNaN(ms) ? undefined : ms;
}

export function canonicalQueryFromPairs(pairs: Array<[string, string]>): string {
  const byKey = new Map<string, string[]>();
  for (const [k, v] of pairs) byKey.set(k, [...(byKey.get(k) ?? []), v]);
  return [...byKey.keys()]
    .sort()
    .map((k) =>
      (byKey.get(k) as string[])
        .map((v) => volcEncode(v))
        .sort()
        .map((v) => `${volcEncode(k)}=${v}`)
        .join('&'),
    )
    .join('&');
}

/**
 * Recomputes the signature from the request as received: method, raw path, query string,
 * the headers listed in SignedHeaders and the SHA-256 of the body, with the region taken
 * from the credential scope.
 */
export function verifyVolcengine(
  request: SandboxRequest,
  account: { accessKey: string; secretKey: string },
  realNowMs: number,
): VolcAuthResult {
  const authorization = header(request, 'authorization');
  if (!authorization) return { ok: false, error: gatewayError('MissingAuthenticationToken') };
  const parsed = parseAuthorization(authorization);
  if (!parsed) return { ok: false, error: gatewayError('InvalidAuthorization') };
  const { scope } = parsed;
  const region = scope.region;
  const xDate = header(request, 'x-date');
  if (!xDate) return { ok: false, region, error: gatewayError('MissingRequestInfo', 'X-Date') };
  const dateMs = parseXDate(xDate);
  if (dateMs === undefined || Math.abs(realNowMs - dateMs) > VOLC_MAX_SKEW_MS) {
    return { ok: false, region, error: gatewayError('InvalidTimestamp') };
  }
  if (scope.service !== VOLC_SERVICE) return { ok: false, region, error: gatewayError('ServiceNotFound', scope.service) };
  if (scope.accessKey !== account.accessKey) return { ok: false, region, error: gatewayError('InvalidAccessKey', scope.accessKey) };
  if (!/^[0-9a-f]{64}$/i.test(parsed.signature)) return { ok: false, region, error: gatewayError('SignatureDoesNotMatch') };
  // A scope date other than X-Date's, an unknown region, or a signed header that is absent: the
  // signature the gateway computes cannot match.
  const mismatch = { ok: false as const, region, error: gatewayError('SignatureDoesNotMatch') };
  if (scope.date !== xDate.slice(0, 8) || !VOLC_REGIONS.has(region)) return mismatch;
  const headerLines: string[] = [];
  for (const name of [...parsed.signedHeaders].sort()) {
    const value = header(request, name);
    if (value === undefined) return mismatch;
    headerLines.push(`${name}:${value.replace(/\s+/g, ' ').trim()}`);
  }
  const path = request.rawPath.split('?')[0] || '/';
  const canonicalRequest = [
    request.method.toUpperCase(),
    path,
    canonicalQueryFromPairs(queryPairs(request)),
    `${headerLines.join('\n')}\n`,
    [...parsed.signedHeaders].sort().join(';'),
    sha256Hex(request.body),
  ].join('\n');
  const credentialScope = `${scope.date}/${region}/${scope.service}/request`;
  const stringToSign = ['HMAC-SHA256', xDate, credentialScope, sha256Hex(canonicalRequest)].join('\n');
  const kDate = hmac(account.secretKey, scope.date);
  const kSigning = hmac(hmac(hmac(kDate, region), scope.service), 'request');
  const expected = Buffer.from(createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest('hex'));
  const given = Buffer.from(parsed.signature.toLowerCase());
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return mismatch;
  return { ok: true, scope };
}
