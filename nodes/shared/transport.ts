import type { IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions, IN8nHttpFullResponse } from 'n8n-workflow';
import { CallbridgeError, causeChain, codeOf, messageOf } from '../../core/errors.js';
import { NetworkError, NOT_SENT_CODES, type HttpRequest, type HttpResponse, type SendOptions, type Transport } from '../../core/transport.js';

/** The first error code found on an error or along its `cause` chain. */
export function errorCode(error: unknown): string | undefined {
  for (const current of causeChain(error)) {
    const code = codeOf(current);
    if (code && /^[A-Z_]+$/.test(code)) return code;
    const message = 'message' in current ? current.message : undefined;
    if (typeof message === 'string') {
      const match = /\b(E[A-Z]{3,}|ERR_[A-Z_]+|[A-Z_]*CERT[A-Z_]*)\b/.exec(message);
      if (match) return match[1];
    }
  }
  return undefined;
}

/** A CallbridgeError raised inside the credential (PBX login refused) stays what it is; anything else is a network error. */
export function transportError(error: unknown): Error {
  const raised = causeChain(error).find((e) => e instanceof CallbridgeError);
  if (raised instanceof CallbridgeError) return raised;
  const code = errorCode(error);
  return new NetworkError(messageOf(error), !(code !== undefined && NOT_SENT_CODES.has(code)), code);
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
