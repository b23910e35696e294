import { createHash } from 'node:crypto';
import { CallbridgeError } from '../../errors.js';
import type { AnyOperation, PbxApiVersion } from '../../operation.js';
import { decodeBody, type HttpRequest, type HttpResponse } from '../../transport.js';

export interface PbxConfig {
  /** e.g. https://192.168.1.10:8088 */
  baseUrl: string;
  username: string;
  password: string;
  apiVersion?: PbxApiVersion;
  /** Port on this side where the PBX should send event reports (1.x requires one; default 8260). */
  eventPort?: string;
  /** Where the PBX sends event reports, as host:port/path (default: the login's source IP and eventPort). */
  eventUrl?: string;
  /** Event report format asked for at login ('1.0.2' or '2.0.0'; default: the PBX's). */
  eventVersion?: string;
  /**
   * IP address of this side as the PBX should send event reports to it. The heartbeat requires it (ipaddr);
   * without it the session keeps its token alive by logging in again instead.
   */
  eventHost?: string;
}

export const PBX_DEFAULT_VERSION: PbxApiVersion = 'v1.1.0';
/** errno values meaning the token is unknown (20004), blank (20005) or timed out (20006). */
export const PBX_TOKEN_ERRNOS = new Set(['20004', '20005', '20006']);
/** The PBX locks the caller's IP for 10 minutes after 5 failed logins; we stop after 3 in a row. */
export const PBX_MAX_FAILED_LOGINS = 3;
/** Tokens expire after 30 idle minutes; a heartbeat before then keeps them. */
export const PBX_HEARTBEAT_MS = 20 * 60_000;

export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

export function pbxUrl(config: PbxConfig, path: string): string {
  const base = config.baseUrl.replace(/\/+$/, '');
  const version = config.apiVersion ?? PBX_DEFAULT_VERSION;
  return `${base}/api/${version}/${path}`;
}

export function pbxPath(op: AnyOperation, version: PbxApiVersion): string {
  return op.wire?.pbxPaths?.[version] ?? op.action;
}

export function pbxLoginRequest(config: PbxConfig): HttpRequest {
  return {
    method: 'POST',
    url: pbxUrl(config, 'login'),
    headers: { 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json' },
    body: JSON.stringify({
      username: config.username,
      password: md5Hex(config.password),
      port: config.eventPort ?? '8260',
      ...(config.eventVersion ? { version: config.eventVersion } : {}),
      ...(config.eventUrl ? { url: config.eventUrl, urltag: '1' } : {}),
    }),
  };
}

/** The JSON body for the configured API version (op.pbxBody renames v2.0.0 fields and refuses ones the version lacks). */
export function pbxBody(op: AnyOperation, input: Record<string, unknown>, config: PbxConfig): Record<string, unknown> {
  return op.wire?.pbxBody ? op.wire.pbxBody(input, config.apiVersion ?? PBX_DEFAULT_VERSION) : input;
}

/** The request before the session token: the version's path and JSON body. */
export function buildPbx(op: AnyOperation, input: Record<string, unknown>, config: PbxConfig): HttpRequest {
  return {
    method: 'POST',
    url: pbxUrl(config, pbxPath(op, config.apiVersion ?? PBX_DEFAULT_VERSION)),
    headers: { 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json' },
    body: JSON.stringify(pbxBody(op, input, config)),
  };
}

/** The request with the session token in its query string (the PBX's only authentication). */
export function withPbxToken(request: HttpRequest, token: string): HttpRequest {
  return { ...request, url: `${request.url}${request.url.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}` };
}

/** What the PBX's errno values mean (Yeastar S-Series API error codes). */
const ERRNO_MEANING: Record<string, string> = {
  '10003': 'unsupported API request',
  '10004': 'a required parameter is blank',
  '10006': 'the extension does not exist',
  '10007': 'the call does not exist',
  '10008': 'the extension is not idle',
  '10011': 'the called number does not exist',
  '10023': 'the audio file does not exist',
  '10024': 'the extension has no outbound call permission',
  '10031': 'the callee number does not meet the requirement',
  '20000': 'only JSON is accepted',
  '20001': 'only POST is accepted',
  '20002': 'login refused: this IP is locked out after repeated failed logins (10 minutes)',
  '20003': 'login failed: invalid username or password',
  '20004': 'no such token',
  '20005': 'the token is blank',
  '20006': 'the token timed out',
};

interface PbxBody {
  status?: string;
  errno?: string | number;
  errmsg?: string;
  token?: string;
}

function parse(text: string): PbxBody | undefined {
  try {
    return JSON.parse(text) as PbxBody;
  } catch {
    return undefined;
  }
}

export function isTokenError(error: unknown): boolean {
  return error instanceof CallbridgeError && error.vendor === 'pbx' && error.code !== undefined && PBX_TOKEN_ERRNOS.has(error.code);
}

export function pbxResponse(operationId: string, response: HttpResponse): PbxBody & Record<string, unknown> {
  const text = decodeBody(response.body);
  const body = parse(text);
  if (body && response.status < 400 && body.status === 'Success') return body as PbxBody & Record<string, unknown>;
  const code = body?.errno !== undefined ? String(body.errno) : `HTTP${response.status}`;
  throw new CallbridgeError({
    kind: 'vendor',
    operationId,
    vendor: 'pbx',
    code,
    httpStatus: response.status,
    retryable: response.status >= 500,
    mayHaveBeenProcessed: response.status >= 500 || !body,
    message: body
      ? `${operationId} failed: PBX answered status "${body.status ?? '?'}" errno ${code}${ERRNO_MEANING[code] ? ` (${ERRNO_MEANING[code]})` : ''}${body.errmsg ? `: ${body.errmsg}` : ''}`
      : `${operationId} failed: HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`,
  });
}
