import type { Runtime } from './transport.js';

/** Waits until the next request of an operation may go out at its QPS (per process, or shared through a store). */
export interface RatePacer {
  /** `key` names the operation (the pacer knows the account); no wait when qps is missing or 0. */
  wait(key: string, qps: number | undefined): Promise<void>;
}

/**
 * Spaces requests of each operation evenly at its documented QPS, so bulk work runs at the
 * vendor's limit without collecting throttling errors. Safe under concurrency: each caller
 * reserves the next free slot before it sleeps.
 */
export class Pacer implements RatePacer {
  private readonly nextFree = new Map<string, number>();

  constructor(private readonly runtime: Runtime) {}

  async wait(key: string, qps: number | undefined): Promise<void> {
    if (!qps || qps <= 0) return;
    const interval = 1000 / qps;
    const now = this.runtime.now();
    const slot = Math.max(now, this.nextFree.get(key) ?? now);
    this.nextFree.set(key, slot + interval);
    if (slot > now) await this.runtime.sleep(slot - now);
  }
}
