// core's Transport on top of n8n: every request goes through httpRequestWithAuthentication, so the
// credential type signs it (Alibaba, Volcengine) or adds the PBX token (and logs in first when needed).
import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { CallbridgeError } from '../../core/errors.js';
import { decodeBody, NetworkError, type HttpRequest, type HttpResponse, type SendOptions, type Transport } from '../../core/transport.js';
import { PBX_TOKEN_ERRNOS } from '../../core/vendors/pbx.js';

/** Error codes meaning the request never reached the server (so a billed call was not placed). */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_INVALID_URL',
]);

/** The first error code found on an error or along its `cause` chain. */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const record = current as { code?: unknown; cause?: unknown; message?: unknown };
    if (typeof record.code === 'string' && /^[A-Z_]+$/.test(record.code)) return record.code;
    if (typeof record.message === 'string') {
      const match = /\b(E[A-Z]{3,}|ERR_[A-Z_]+|[A-Z_]*CERT[A-Z_]*)\b/.exec(record.message);
      if (match) return match[1];
    }
    current = record.cause;
  }
  return undefined;
}

/** A CallbridgeError raised inside the credential (PBX login refused) stays what it is; anything else is a network error. */
export function transportError(error: unknown): Error {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    if (current instanceof CallbridgeError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return new NetworkError(message, !(code !== undefined && NOT_SENT.has(code)), code);
}

function lowerHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers && typeof headers === 'object') {
    for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
      if (value !== undefined && value !== null) out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
  }
  return out;
}

function toBytes(body: unknown): Uint8Array {
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body === undefined || body === null) return new Uint8Array();
  return new TextEncoder().encode(JSON.stringify(body));
}

function pbxTokenRejected(response: HttpResponse): boolean {
  try {
    const body = JSON.parse(decodeBody(response.body)) as { status?: unknown; errno?: unknown };
    return body.status !== 'Success' && body.errno !== undefined && PBX_TOKEN_ERRNOS.has(String(body.errno));
  } catch {
    return false;
  }
}

export class N8nTransport implements Transport {
  constructor(
    private readonly ctx: IExecuteFunctions,
    private readonly credentialType: string,
    private readonly options: { pbx?: boolean } = {},
  ) {}

  async send(request: HttpRequest, options: SendOptions = {}): Promise<HttpResponse> {
    const response = await this.once(request, options);
    if (this.options.pbx && pbxTokenRejected(response)) {
      // The stored token expired (30 idle minutes) or was revoked: log in again once through the credential's
      // preAuthentication (it runs when the token field is empty) and resend.
      return this.once(request, options, await this.withoutToken());
    }
    return response;
  }

  private async withoutToken() {
    const data = (await this.ctx.getCredentials(this.credentialType)) as ICredentialDataDecryptedObject;
    const ref = this.ctx.getNode().credentials?.[this.credentialType];
    return { credentialsDecrypted: { id: ref?.id ?? '', name: ref?.name ?? '', type: this.credentialType, data: { ...data, token: '' } } };
  }

  private async once(request: HttpRequest, options: SendOptions, extra?: Awaited<ReturnType<N8nTransport['withoutToken']>>): Promise<HttpResponse> {
    const requestOptions: IHttpRequestOptions = {
      method: request.method,
      url: request.url,
      headers: { ...request.headers },
      body: request.body,
      json: false,
      encoding: 'arraybuffer',
      returnFullResponse: true,
      ignoreHttpStatusErrors: true,
      timeout: options.timeoutMs,
    };
    let response: IN8nHttpFullResponse | undefined;
    let failure: unknown;
    try {
      response = (await this.ctx.helpers.httpRequestWithAuthentication.call(this.ctx, this.credentialType, requestOptions, extra)) as IN8nHttpFullResponse;
    } catch (error) {
      failure = error;
    }
    if (!response) throw transportError(failure);
    return { status: response.statusCode, headers: lowerHeaders(response.headers), body: toBytes(response.body) };
  }
}
