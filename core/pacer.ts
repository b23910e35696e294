import type { Runtime } from './transport.js';

/** Waits until the next request of an operation may go out at its QPS (per process, or shared through a store). */
export interface RatePacer {
  /** `key` names the operation (the pacer knows the account); no wait when qps is missing or 0. */
  wait(key: string, qps: number | undefined): Promise<void>;
}

/**
 * Requests an idle operation may send at once: a tenth of a second's worth (at least one). The
 * vendors' gateways meter with token buckets that hold a whole second's worth, so this never draws
 * a throttling answer, and it keeps the first answers' latency from costing a bulk job its rate.
 */
export function burstOf(qps: number): number {
  return Math.max(1, Math.floor(qps / 10));
}

/**
 * Paces each operation at its documented QPS on a fixed schedule of slots (a token bucket in the
 * GCRA form): every request reserves the next slot before it sleeps, so slots are never lost to
 * timer lateness or to answers that take long while other requests wait, and requests of an idle
 * operation may go out `burstOf(qps)` at once. Safe under concurrency.
 */
export class Pacer implements RatePacer {
  /** Per operation: when its schedule would be back to idle (the theoretical arrival time after the last reserved slot). */
  private readonly idleAt = new Map<string, number>();

  constructor(private readonly runtime: Runtime) {}

  wait(key: string, qps: number | undefined): Promise<void> {
    if (!qps || qps <= 0) return RESOLVED;
    const interval = 1000 / qps;
    const now = this.runtime.now();
    const idleAt = Math.max(now, this.idleAt.get(key) ?? now) + interval;
    this.idleAt.set(key, idleAt);
    const slot = idleAt - burstOf(qps) * interval;
    return slot > now ? this.runtime.sleep(slot - now) : RESOLVED;
  }
}

const RESOLVED: Promise<void> = Promise.resolve();
