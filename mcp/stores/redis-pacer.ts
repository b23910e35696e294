// Paces one vendor account's requests across every process sharing a Redis: one schedule per
// operation and QPS, handed out slot by slot by a Lua script on Redis's clock. Without Redis (or while
// it is unreachable) each process paces itself, as the in-process pacer always did.
import type { Redis } from 'ioredis';
import { Pacer, type RatePacer } from '../../core/pacer.js';
import type { Runtime } from '../../core/transport.js';
import { messageOf, type RedisConnection } from './redis-connection.js';
import { PACE } from './redis-scripts.js';

export interface RedisPacerOptions {
  /** Namespace of one deployment's keys (default "callbridge"). */
  prefix?: string;
  /** The vendor account the QPS belongs to (provider + account id, never a secret). */
  scope: string;
  runtime: Runtime;
  /** Told when Redis cannot be reached and this process paces itself. */
  warn?: (message: string) => void;
}

/** A slot on the shared schedule: when it begins (Redis clock, epoch ms) and how long to wait for it. */
export interface PaceSlot {
  at: number;
  waitMs: number;
}

/** How long a connected but slow Redis is asked again before this process paces itself. */
const RETRY_LATE_MS = 30_000;

/** A request that reaches its slot later than this takes a new one (the vendor's burst allowance is one second). */
const MAX_LATE_MS = 250;
/** After this many missed slots in a row the request goes anyway (a process that is always this late). */
const MAX_STALE_SLOTS = 20;

/** ioredis's commandTimeout error. */
function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === 'Command timed out';
}

export class RedisPacer implements RatePacer {
  private readonly redis: Redis;
  private readonly label: string;
  private readonly local: Pacer;

  constructor(
    connection: RedisConnection,
    private readonly options: RedisPacerOptions,
  ) {
    this.redis = connection.redis;
    this.label = connection.label;
    this.local = new Pacer(options.runtime);
  }

  async wait(key: string, qps: number | undefined): Promise<void> {
    await this.waitForSlot(key, qps);
  }

  /** Waits for the next shared slot and returns it (undefined: no pacing, or paced in this process only). */
  async waitForSlot(key: string, qps: number | undefined): Promise<PaceSlot | undefined> {
    if (!qps || qps <= 0) return undefined;
    const { runtime } = this.options;
    const started = runtime.now();
    for (let stale = 0; ; ) {
      const asked = runtime.now();
      let slot: PaceSlot;
      try {
        slot = await this.take(key, qps);
      } catch (error) {
        // Connected but answered late (usually this process is busy, not Redis): ask again. A slot the late
        // answer held goes unused, so the schedule only gets slower, never faster than the QPS.
        if (this.redis.status === 'ready' && isTimeout(error) && runtime.now() - started < RETRY_LATE_MS) continue;
        this.options.warn?.(`shared pacing via ${this.label} unavailable (${messageOf(error)}); pacing ${key} in this process only`);
        await this.local.wait(key, qps);
        return undefined;
      }
      const answered = runtime.now();
      if (slot.waitMs > 0) await runtime.sleep(Math.ceil(slot.waitMs));
      // How late this process is for its slot, on its own clock (no skew with Redis's): the answer's round
      // trip plus how much later than asked the sleep ended. Requests that all missed their slots and went
      // out together would exceed the vendor's burst, so a request that missed its slot takes a new one.
      const late = answered - asked + (runtime.now() - answered - Math.max(0, slot.waitMs));
      if (late <= MAX_LATE_MS || ++stale >= MAX_STALE_SLOTS) return slot;
    }
  }

  /** Takes the next free slot of `key` at `qps` on the shared schedule. */
  async take(key: string, qps: number): Promise<PaceSlot> {
    const redisKey = `${this.options.prefix ?? 'callbridge'}:{${encodeURIComponent(this.options.scope)}}:pace:${encodeURIComponent(key)}:${qps}`;
    const reply = await this.redis.eval(PACE, 1, redisKey, 1000 / qps);
    if (!Array.isArray(reply) || reply.length !== 2) throw new Error('unexpected reply from the pacing script');
    const [atMicros, waitMicros] = reply.map(Number);
    return { at: atMicros / 1000, waitMs: waitMicros / 1000 };
  }
}
