// What the n8n credential types do with each request: turn n8n's request options into core's HttpRequest,
// authenticate it with core's `sign` (Alibaba RPC v1, Volcengine HMAC-SHA256, the PBX token) and turn it
// back, as n8n's own AWS credential signs inside `authenticate`. The nodes send the requests core builds
// through n8n's httpRequestWithAuthentication (Alibaba, Volcengine), so credential tests are signed the same way.
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';
import { CallbridgeError } from '../../core/errors.js';
import { pbxApiVersionOf, type PbxApiVersion } from '../../core/operation.js';
import type { HttpRequest, Runtime } from '../../core/transport.js';
import { alibaba, ALIBABA_DEFAULT_ENDPOINTS, percentEncode, type AlibabaConfig } from '../../core/vendors/alibaba/index.js';
import { pbx, PBX_DEFAULT_VERSION, pbxLoginRequest, type PbxConfig } from '../../core/vendors/pbx/index.js';
import { volcCanonicalQuery, volcengine, VOLCENGINE_DEFAULT_ENDPOINT, VOLCENGINE_DEFAULT_REGION, type VolcengineConfig } from '../../core/vendors/volcengine/index.js';
import { n8nRuntime } from './runtime.js';

type Creds = ICredentialDataDecryptedObject;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/** The request's absolute URL (n8n's credential tests give baseURL + url). */
export function absoluteUrl(options: IHttpRequestOptions): string {
  if (!options.baseURL) return options.url;
  const base = options.baseURL.replace(/\/+$/, '');
  const path = (options.url ?? '').replace(/^\/+/, '');
  return `${base}/${path}`;
}

function flat(record: IDataObject | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record ?? {})) {
    if (value === undefined || value === null) continue;
    out[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
}

const methodOf = (options: IHttpRequestOptions): 'GET' | 'POST' => ((options.method ?? 'GET').toUpperCase() === 'GET' ? 'GET' : 'POST');

function headersOf(options: IHttpRequestOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.headers ?? {})) if (value !== undefined && value !== null) headers[key] = String(value);
  return headers;
}

/** n8n request options carrying the signed request: its URL, headers and body, nothing left in qs or baseURL. */
function optionsOf(options: IHttpRequestOptions, request: HttpRequest): IHttpRequestOptions {
  const out: IHttpRequestOptions = { ...options, method: request.method, url: request.url, headers: request.headers };
  delete out.baseURL;
  delete out.qs;
  if (request.body === undefined) delete out.body;
  else out.body = request.body;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Alibaba Cloud (dyvms, outboundbot): RPC signature v1

export function alibabaAuth(credentials: Creds) {
  return {
    accessKeyId: text(credentials.accessKeyId),
    accessKeySecret: text(credentials.accessKeySecret),
    securityToken: text(credentials.securityToken) || undefined,
  };
}

/** Endpoints from the credential: the override serves both products (the RPC gateway routes by Version). */
export function alibabaEndpoints(credentials: Creds): NonNullable<AlibabaConfig['endpoints']> {
  const override = text(credentials.endpoint);
  if (override) {
    const url = override.endsWith('/') || override.includes('?') ? override : `${override}/`;
    return { dyvms: url, outboundbot: url };
  }
  const region = text(credentials.region) || 'cn-shanghai';
  return { dyvms: ALIBABA_DEFAULT_ENDPOINTS.dyvms, outboundbot: `https://outboundbot.${region}.aliyuncs.com/` };
}

/**
 * The n8n request as core's HttpRequest: the RPC parameters as percent-encoded pairs in the form body (or the
 * query of a GET). A node's request (built by core) already is one; the credential test's gives them as
 * objects in `body` and `qs`.
 */
function alibabaRequestOf(options: IHttpRequestOptions): HttpRequest {
  const method = methodOf(options);
  const url = absoluteUrl(options);
  const at = url.indexOf('?');
  const pairs = (record: IDataObject | undefined) => Object.entries(flat(record)).map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`);
  const body = typeof options.body === 'string' ? [options.body] : options.body && typeof options.body === 'object' ? pairs(options.body as IDataObject) : [];
  const params = [at >= 0 ? url.slice(at + 1) : '', ...pairs(options.qs), ...body].filter(Boolean).join('&');
  const base = at >= 0 ? url.slice(0, at) : url;
  const headers: Record<string, string> = { Accept: 'application/json', ...headersOf(options) };
  if (method === 'GET') return { method, url: `${base}?${params}`, headers };
  for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-type') delete headers[key];
  headers['Content-Type'] = 'application/x-www-form-urlencoded';
  return { method, url: base, headers, body: params };
}

/** Signs a request with the credential (core's Alibaba RPC signature v1): the credential type's authenticate. */
export function signAlibabaRequest(credentials: Creds, options: IHttpRequestOptions, runtime: Runtime = n8nRuntime): IHttpRequestOptions {
  return optionsOf(options, alibaba.sign(alibabaRequestOf(options), alibabaAuth(credentials), runtime));
}

// ---------------------------------------------------------------------------------------------
// Volcengine: HMAC-SHA256 (V4 style)

export function volcengineConfig(credentials: Creds): VolcengineConfig {
  return {
    accessKeyId: text(credentials.accessKeyId),
    secretAccessKey: text(credentials.secretAccessKey),
    region: text(credentials.region) || VOLCENGINE_DEFAULT_REGION,
    endpoint: text(credentials.endpoint) || VOLCENGINE_DEFAULT_ENDPOINT,
  };
}

/**
 * The n8n request as core's HttpRequest: the query in canonical form, the body as text. A node's request
 * (built by core) already is one; the credential test's gives its query in `qs` and its body as an object.
 */
function volcengineRequestOf(options: IHttpRequestOptions): HttpRequest {
  const method = methodOf(options);
  let url = absoluteUrl(options);
  if (options.qs && Object.keys(options.qs).length) {
    const parsed = new URL(url);
    const query = { ...Object.fromEntries(parsed.searchParams), ...flat(options.qs) };
    url = `${parsed.origin}${parsed.pathname || '/'}?${volcCanonicalQuery(query)}`;
  }
  const headers = headersOf(options);
  if (!Object.keys(headers).some((k) => k.toLowerCase() === 'accept')) headers.Accept = 'application/json';
  let body: string | undefined = typeof options.body === 'string' ? options.body : undefined;
  if (options.body !== undefined && options.body !== null && typeof options.body === 'object') {
    body = JSON.stringify(options.body);
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json; charset=utf-8';
  }
  return { method, url, headers, body: method === 'GET' ? undefined : (body ?? '') };
}

/** Signs a request with the credential (core's Volcengine HMAC-SHA256 signature): the credential type's authenticate. */
export function signVolcengineRequest(credentials: Creds, options: IHttpRequestOptions, runtime: Runtime = n8nRuntime): IHttpRequestOptions {
  return optionsOf(options, volcengine.sign(volcengineRequestOf(options), volcengineConfig(credentials), runtime));
}

// ---------------------------------------------------------------------------------------------
// PBX (Yeastar S-Series family): login token in the query string

export function pbxApiVersion(credentials: Creds): PbxApiVersion {
  const version = text(credentials.apiVersion);
  return pbxApiVersionOf(version) ?? PBX_DEFAULT_VERSION;
}

export function pbxConfig(credentials: Creds): PbxConfig {
  return {
    baseUrl: text(credentials.baseUrl).replace(/\/+$/, ''),
    username: text(credentials.username),
    password: typeof credentials.password === 'string' ? credentials.password : '',
    apiVersion: pbxApiVersion(credentials),
    eventPort: text(credentials.eventPort) || undefined,
    eventUrl: text(credentials.eventUrl).replace(/^https?:\/\//, '') || undefined,
    eventVersion: text(credentials.eventVersion) || undefined,
  };
}

/** TLS options of the credential, for every PBX request (self-signed PBX certificates are common). */
export function pbxTlsOptions(credentials: Creds): Pick<IHttpRequestOptions, 'skipSslCertificateValidation' | 'agentOptions'> {
  const out: Pick<IHttpRequestOptions, 'skipSslCertificateValidation' | 'agentOptions'> = {};
  if (credentials.ignoreTlsErrors === true) out.skipSslCertificateValidation = true;
  const ca = typeof credentials.caCertificate === 'string' ? credentials.caCertificate.trim() : '';
  if (ca) out.agentOptions = { ca };
  return out;
}

/**
 * Adds the stored session token (core's PBX `sign`) and the TLS options: the credential type's authenticate, used
 * by n8n's credential test. The nodes do not use it: core's PBX session logs in and keeps the token itself.
 */
export function authenticatePbxRequest(credentials: Creds, options: IHttpRequestOptions): IHttpRequestOptions {
  const body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body ?? {});
  const url = absoluteUrl(options);
  const qs = Object.entries(flat(options.qs)).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  const withQuery = qs.length ? `${url}${url.includes('?') ? '&' : '?'}${qs.join('&')}` : url;
  const request: HttpRequest = { method: methodOf(options), url: withQuery, headers: headersOf(options), body };
  return { ...optionsOf(options, pbx.sign(request, { token: text(credentials.token) }, n8nRuntime)), ...pbxTlsOptions(credentials) };
}

/** The login request: MD5 of the password, the event-report port and, when given, where event reports go. */
export function pbxLoginOptions(credentials: Creds): IHttpRequestOptions {
  const request = pbxLoginRequest(pbxConfig(credentials));
  return {
    method: 'POST',
    url: request.url,
    headers: request.headers,
    body: request.body,
    json: false,
    returnFullResponse: true,
    ignoreHttpStatusErrors: true,
    encoding: 'text',
    timeout: 15_000,
    ...pbxTlsOptions(credentials),
  };
}

const LOGIN_ERRORS: Record<string, string> = {
  '20002': 'the PBX has locked this IP address after repeated failed logins; wait 10 minutes or unblock it on the PBX',
  '20003': 'invalid username or password',
};

/** Reads a login answer; throws a clear error without secrets when there is no token. */
export function pbxTokenFromLogin(status: number, body: unknown): string {
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = typeof body === 'string' ? (JSON.parse(body) as Record<string, unknown>) : (body as Record<string, unknown>);
  } catch {
    parsed = undefined;
  }
  if (parsed && parsed.status === 'Success' && typeof parsed.token === 'string' && parsed.token) return parsed.token;
  const errno = parsed?.errno !== undefined ? String(parsed.errno) : undefined;
  const why = errno ? `errno ${errno}${LOGIN_ERRORS[errno] ? `: ${LOGIN_ERRORS[errno]}` : ''}` : `HTTP ${status}, no PBX answer`;
  // No `code`: n8n's credential test would show only the code instead of this message.
  throw new CallbridgeError({ kind: 'config', vendor: 'pbx', message: `PBX login failed (${why}). Check the base URL, API version, username and password.` });
}

/** The credential's preAuthentication: logs in and returns the token (n8n stores it in the hidden, expirable field). */
export async function pbxPreAuthentication(helper: IHttpRequestHelper, credentials: Creds): Promise<IDataObject> {
  const response = (await helper.helpers.httpRequest(pbxLoginOptions(credentials))) as { statusCode: number; body: unknown };
  return { token: pbxTokenFromLogin(response.statusCode, response.body) };
}
