import { CallbridgeError } from './errors.js';
import type { Access } from './operation.js';
import { NetworkError } from './transport.js';

/**
 * Whether a failed attempt may be tried again. Reads retry on network errors, 5xx and throttling.
 * Writes and billed calls retry only when the request provably was not carried out: it never
 * left (connection refused, DNS, TLS) or the vendor refused it for throttling.
 */
export function shouldRetry(access: Access, error: unknown): boolean {
  if (error instanceof NetworkError) return access === 'read' || !error.sent;
  if (error instanceof CallbridgeError && error.kind === 'vendor') {
    return access === 'read' ? error.retryable : error.retryable && !error.mayHaveBeenProcessed;
  }
  return false;
}

/** Exponential backoff with full jitter: random in [0, base * 2^attempt], capped. */
export function backoffMs(attempt: number, random: number, baseMs = 200, capMs = 5000): number {
  return Math.round(random * Math.min(capMs, baseMs * 2 ** attempt));
}
