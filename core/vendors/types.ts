// What every vendor module exports: one adapter that builds requests, authenticates them and reads the
// vendor's answers. The client picks the adapter of an operation's product from the table in ./index.ts.
import type { CallResult, MapOptions } from '../call-result.js';
import type { AnyOperation, Product } from '../operation.js';
import type { HttpRequest, HttpResponse, Runtime, Transport } from '../transport.js';

/** Authenticates the requests of one client for one vendor (signs them, or adds a session token). */
export interface Authenticator {
  /**
   * The request as it is sent: signed afresh (new time and nonce), or with the current session token
   * (a promise when it may have to log in first; a signature is made at once).
   */
  authenticate(request: HttpRequest): HttpRequest | Promise<HttpRequest>;
  /** The request as a dry run shows it (without logging in; secrets are redacted by the client). */
  preview(request: HttpRequest): HttpRequest;
  /**
   * After a failed attempt of `sent`: true when the failure means its authentication expired and was
   * dropped, so one more attempt may pass (a newer one, got meanwhile by a parallel request, is kept).
   */
  expired(error: unknown, sent: HttpRequest): boolean;
  /** The vendor answered (keeps a session alive). */
  answered(): void;
  /** Secrets it obtained itself (a session token), for redaction. */
  secrets(): string[];
}

export interface VendorAdapter<Config, Credentials> {
  /** What its credentials are called, in words any front end can show ("the X is not configured"). */
  readonly credentialsName: string;
  /** The products whose operations this vendor serves. */
  readonly products: readonly Product[];
  /** The request before authentication: method, URL, headers and body from the operation's definition and validated input. */
  build(op: AnyOperation, input: Record<string, unknown>, config: Config): HttpRequest;
  /** The built request authenticated with these credentials (a signature by the runtime's clock and nonce, or a session token). */
  sign(request: HttpRequest, credentials: Credentials, runtime: Runtime): HttpRequest;
  /** What authenticates a client's requests, with the client's transport and runtime. */
  authenticator(config: Config, transport: Transport, runtime: Runtime): Authenticator;
  /** The vendor account a configuration uses: an identifier, never a secret (policy counts are scoped by it). */
  account(config: Config): string;
  /** The secrets in a configuration, in every form the vendor may echo them (for redaction). */
  secrets(config: Config): string[];
  /** One message of a receipt the vendor pushed (an object): its event type and vendor-neutral call result. */
  receipt(message: Record<string, unknown>, options: MapOptions): { eventType: string; result: CallResult };
  /** What the vendor expects back for a received push. */
  readonly receiptAnswer: { status: number; body: Record<string, unknown> };
  /** The vendor's answer: the parsed body, or a CallbridgeError (vendor code, retryable, may have been processed). */
  read(op: AnyOperation, response: HttpResponse): unknown;
}

/** What a dry run shows instead of a signature or token: readable, never accepted by the vendor. */
export const PREVIEW_SIGNATURE = 'PREVIEW-NOT-SIGNED';

/**
 * An authenticator for vendors that sign each request with fixed credentials (no session). A preview is
 * signed, then `unsign` replaces the signature with PREVIEW_SIGNATURE, so it can be read but not replayed.
 */
export function signingAuthenticator(sign: (request: HttpRequest) => HttpRequest, unsign: (request: HttpRequest) => HttpRequest): Authenticator {
  return {
    authenticate: (request) => sign(request),
    preview: (request) => unsign(sign(request)),
    expired: () => false,
    answered: () => undefined,
    secrets: () => [],
  };
}

/** The non-empty strings among these. */
export function present(values: Array<string | undefined>): string[] {
  return values.filter((s): s is string => typeof s === 'string' && s.length > 0);
}
