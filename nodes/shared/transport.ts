import type { IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions, IN8nHttpFullResponse } from 'n8n-workflow';
import { CallbridgeError } from '../../core/errors.js';
import { NetworkError, type HttpRequest, type HttpResponse, type SendOptions, type Transport } from '../../core/transport.js';

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

/**
 * core's Transport on n8n's HTTP helpers. With a credential type, every request goes through
 * httpRequestWithAuthentication and the credential type signs it (Alibaba, Volcengine); without one (the
 * PBX, whose session core keeps) through httpRequest with the given extra options (TLS).
 */
export class N8nTransport implements Transport {
  constructor(
    private readonly ctx: IExecuteFunctions | ILoadOptionsFunctions,
    private readonly via: { credentialType: string } | { extraOptions: Partial<IHttpRequestOptions> },
  ) {}

  authenticates(): boolean {
    return 'credentialType' in this.via;
  }

  async send(request: HttpRequest, options: SendOptions = {}): Promise<HttpResponse> {
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
      response =
        'credentialType' in this.via
          ? ((await this.ctx.helpers.httpRequestWithAuthentication.call(this.ctx, this.via.credentialType, requestOptions)) as IN8nHttpFullResponse)
          : ((await this.ctx.helpers.httpRequest({ ...requestOptions, ...this.via.extraOptions })) as IN8nHttpFullResponse);
    } catch (error) {
      failure = error;
    }
    if (!response) throw transportError(failure);
    return { status: response.statusCode, headers: lowerHeaders(response.headers), body: toBytes(response.body) };
  }
}
