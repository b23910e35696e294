// What the n8n credential types do with each request: sign it with core's signers (Alibaba RPC v1,
// Volcengine HMAC-SHA256) or add the PBX token, as n8n's own AWS credential signs inside `authenticate`.
// The node builds unsigned requests with core (CallbridgeClient with externalAuth); these functions run
// inside n8n's httpRequestWithAuthentication, so credential tests are signed the same way.
import { randomUUID } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';
import { CallbridgeError } from '../../core/errors.js';
import { PBX_API_VERSIONS, type PbxApiVersion } from '../../core/operation.js';
import { catalog } from '../../core/registry.js';
import { signedRpcQuery } from '../../core/signing/alibaba.js';
import { signVolcengine, volcCanonicalQuery } from '../../core/signing/volcengine.js';
import { validateInput } from '../../core/validate.js';
import { ALIBABA_DEFAULT_ENDPOINTS } from '../../core/vendors/alibaba.js';
import { md5Hex, PBX_DEFAULT_VERSION, pbxRequest, type PbxConfig } from '../../core/vendors/pbx.js';
import { VOLCENGINE_DEFAULT_ENDPOINT, VOLCENGINE_DEFAULT_REGION, VOLCENGINE_SERVICE, type VolcengineConfig } from '../../core/vendors/volcengine.js';
import type { AlibabaConfig } from '../../core/vendors/alibaba.js';

type Creds = ICredentialDataDecryptedObject;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/** The request's absolute URL (n8n's credential tests give baseURL + url). */
export function absoluteUrl(options: IHttpRequestOptions): string {
  if (!options.baseURL) return options.url;
  const base = options.baseURL.replace(/\/+$/, '');
  const path = (options.url ?? '').replace(/^\/+/, '');
  return `${base}/${path}`;
}

function parseForm(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    if (eq < 0) out[decode(pair)] = '';
    else out[decode(pair.slice(0, eq))] = decode(pair.slice(eq + 1));
  }
  return out;
}

function flat(record: IDataObject | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record ?? {})) {
    if (value === undefined || value === null) continue;
    out[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
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
 * Adds AccessKeyId, SignatureNonce, Timestamp (and SecurityToken) and the Signature to an RPC request whose
 * business parameters, Action and Version are in the form body, the query string or `qs`.
 */
export function signAlibabaRequest(credentials: Creds, options: IHttpRequestOptions, epochMs: number = Date.now(), nonce: string = randomUUID()): IHttpRequestOptions {
  const method = (options.method ?? 'GET').toUpperCase() === 'GET' ? 'GET' : 'POST';
  const url = new URL(absoluteUrl(options));
  const params: Record<string, string> = { ...parseForm(url.search.slice(1)), ...flat(options.qs) };
  if (typeof options.body === 'string') Object.assign(params, parseForm(options.body));
  else if (options.body && typeof options.body === 'object' && !(options.body instanceof Uint8Array)) Object.assign(params, flat(options.body as IDataObject));
  for (const key of ['Signature', 'AccessKeyId', 'SignatureNonce', 'Timestamp', 'SecurityToken']) delete params[key];
  const encoded = signedRpcQuery(method, params, alibabaAuth(credentials), epochMs, nonce);
  const base = `${url.origin}${url.pathname}`;
  const headers: IDataObject = { Accept: 'application/json', ...options.headers };
  const out: IHttpRequestOptions = { ...options, headers, baseURL: undefined, qs: undefined };
  if (method === 'GET') {
    out.url = `${base}?${encoded}`;
    delete out.body;
  } else {
    out.url = base;
    out.body = encoded;
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-type') delete headers[key];
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  delete out.baseURL;
  delete out.qs;
  return out;
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

/** Signs a Volcengine OpenAPI request: Host, X-Date, X-Content-Sha256 and Authorization over the exact URL and body sent. */
export function signVolcengineRequest(credentials: Creds, options: IHttpRequestOptions, epochMs = Date.now()): IHttpRequestOptions {
  const method = (options.method ?? 'GET').toUpperCase() === 'GET' ? 'GET' : 'POST';
  const config = volcengineConfig(credentials);
  const url = new URL(absoluteUrl(options));
  const query: Record<string, string> = { ...Object.fromEntries(url.searchParams), ...flat(options.qs) };
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.headers ?? {})) if (value !== undefined && value !== null) headers[key] = String(value);
  let body = '';
  if (typeof options.body === 'string') body = options.body;
  else if (options.body !== undefined && options.body !== null && typeof options.body === 'object') {
    body = JSON.stringify(options.body);
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json; charset=utf-8';
  }
  if (method === 'GET') body = '';
  // The request's own headers are signed as core's client signs them (Content-Type is excluded by the
  // signer); headers a previous signing added are dropped first.
  const toSign: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (!/^(host|authorization|x-date|x-content-sha256|x-security-token)$/i.test(k)) toSign[k] = v;
  if (!Object.keys(toSign).some((k) => k.toLowerCase() === 'accept')) toSign.Accept = 'application/json';
  const signed = signVolcengine(
    {
      method,
      host: url.host,
      path: url.pathname || '/',
      query,
      headers: toSign,
      body,
      region: config.region ?? VOLCENGINE_DEFAULT_REGION,
      service: VOLCENGINE_SERVICE,
    },
    config,
    epochMs,
  );
  const search = volcCanonicalQuery(query);
  const out: IHttpRequestOptions = {
    ...options,
    url: `${url.origin}${url.pathname || '/'}${search ? `?${search}` : ''}`,
    headers: signed,
  };
  delete out.baseURL;
  delete out.qs;
  if (method === 'GET') delete out.body;
  else out.body = body;
  return out;
}

// ---------------------------------------------------------------------------------------------
// PBX (Yeastar S-Series family): login token in the query string

export function pbxApiVersion(credentials: Creds): PbxApiVersion {
  const version = text(credentials.apiVersion);
  return (PBX_API_VERSIONS as readonly string[]).includes(version) ? (version as PbxApiVersion) : PBX_DEFAULT_VERSION;
}

export function pbxConfig(credentials: Creds): PbxConfig {
  return {
    baseUrl: text(credentials.baseUrl).replace(/\/+$/, ''),
    username: text(credentials.username),
    password: typeof credentials.password === 'string' ? credentials.password : '',
    apiVersion: pbxApiVersion(credentials),
    eventPort: text(credentials.eventPort) || undefined,
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

export function authenticatePbxRequest(credentials: Creds, options: IHttpRequestOptions): IHttpRequestOptions {
  const token = text(credentials.token);
  return { ...options, ...pbxTlsOptions(credentials), qs: { ...options.qs, token } };
}

/** The login request: MD5 of the password, the event-report port and, when given, where event reports go. */
export function pbxLoginOptions(credentials: Creds): IHttpRequestOptions {
  const config = pbxConfig(credentials);
  const login = catalog.get('pbx.login');
  if (!login) throw new Error('pbx.login is missing from the catalog');
  const eventUrl = text(credentials.eventUrl);
  const eventVersion = text(credentials.eventVersion);
  const input = validateInput(login, {
    username: config.username,
    password: md5Hex(config.password),
    port: config.eventPort ?? '8260',
    ...(eventVersion ? { version: eventVersion } : {}),
    ...(eventUrl ? { url: eventUrl.replace(/^https?:\/\//, ''), urltag: '1' } : {}),
  });
  const request = pbxRequest(login, input, config, '');
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
