/** Token buckets keyed by e.g. account + operation: `rate` tokens per second, burst = rate. Real time. */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /** Takes one token; false when the bucket is empty (the request is throttled). */
  take(key: string, rate: number, now: number): boolean {
    const bucket = this.buckets.get(key) ?? { tokens: rate, at: now };
    bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  reset(): void {
    this.buckets.clear();
  }
}

export interface Window {
  ms: number;
  max: number;
}

/** The carriers' per-callee flow control for notifications: 1/minute, 5/hour, 20/day. */
export const CALLEE_WINDOWS: Window[] = [
  { ms: 60_000, max: 1 },
  { ms: 3_600_000, max: 5 },
  { ms: 86_400_000, max: 20 },
];

/** Sliding-window counters per key (sandbox time). Rejected attempts do not count. */
export class SlidingWindows {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly windows: Window[]) {}

  /** Records a hit and returns true, or returns the window that is full. */
  hit(key: string, now: number): true | Window {
    const longest = Math.max(...this.windows.map((w) => w.ms));
    const list = (this.hits.get(key) ?? []).filter((t) => t > now - longest);
    for (const w of this.windows) {
      if (list.filter((t) => t > now - w.ms).length >= w.max) {
        this.hits.set(key, list);
        return w;
      }
    }
    list.push(now);
    this.hits.set(key, list);
    return true;
  }

  reset(): void {
    this.hits.clear();
  }
}

/** Remembers values for a while (signature nonces: 15 minutes), in insertion order so expiry is cheap. */
export class ExpiringSet {
  private readonly seen = new Map<string, number>();

  constructor(private readonly ttlMs: number) {}

  /** Adds the value; false when it was already there and not expired. */
  add(value: string, now: number): boolean {
    for (const [key, at] of this.seen) {
      if (at > now - this.ttlMs) break;
      this.seen.delete(key);
    }
    if (this.seen.has(value)) return false;
    this.seen.set(value, now);
    return true;
  }

  reset(): void {
    this.seen.clear();
  }
}
