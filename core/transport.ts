import type { VendorName } from './vendors/index.js';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface SendOptions {
  /** Abort the request when no response has arrived within this many ms. */
  timeoutMs?: number;
}

/** The one way core reaches the network; the CLI/MCP side passes an undici transport, n8n its own helpers. */
export interface Transport {
  send(request: HttpRequest, options?: SendOptions): Promise<HttpResponse>;
  /**
   * True when this transport authenticates the vendor's requests itself (n8n: the credential type signs
   * them with core's `sign`); the client then sends them as built. Default: the client authenticates.
   */
  authenticates?(vendor: VendorName): boolean;
}

/**
 * Thrown by transports when no HTTP response was received.
 * `sent` is false only when the request provably never left (connection refused, DNS or TLS failure).
 */
/** Error codes that prove the request never reached the server (so a billed call was not placed). */
export const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_INVALID_URL',
]);

export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(
    message: string,
    readonly sent: boolean,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Time, sleep and randomness come in from outside so core stays pure and testable. */
export interface Runtime {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
  nonce(): string;
}

const utf8 = new TextDecoder();

export function decodeBody(body: Uint8Array): string {
  return utf8.decode(body);
}
