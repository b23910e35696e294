// When requests passed the gateway's QPS check and how many it throttled, per operation (real time), so a
// test or bench can judge the rate at which requests reached the vendor by the sandbox's own record.

/** Arrivals kept per operation (the oldest are dropped beyond this). */
const MAX_KEPT = 1_000_000;

export interface RateSummary {
  /** Requests that passed the QPS check. */
  accepted: number;
  /** Requests refused with the vendor's throttling error. */
  throttled: number;
  /** Real time (epoch ms) of the first and last accepted request. */
  firstAt?: number;
  lastAt?: number;
  /** The most accepted requests within any one second. */
  peakInOneSecond: number;
}

export class RateLog {
  private readonly arrivals = new Map<string, number[]>();
  private readonly throttledCounts = new Map<string, number>();

  record(operationId: string, at: number, throttled: boolean): void {
    if (throttled) {
      this.throttledCounts.set(operationId, (this.throttledCounts.get(operationId) ?? 0) + 1);
      return;
    }
    const list = this.arrivals.get(operationId) ?? [];
    list.push(at);
    if (list.length > MAX_KEPT) list.shift();
    this.arrivals.set(operationId, list);
  }

  summary(): Record<string, RateSummary> {
    const out: Record<string, RateSummary> = {};
    for (const id of new Set([...this.arrivals.keys(), ...this.throttledCounts.keys()])) {
      const times = this.arrivals.get(id) ?? [];
      out[id] = { accepted: times.length, throttled: this.throttledCounts.get(id) ?? 0, firstAt: times[0], lastAt: times.at(-1), peakInOneSecond: peak(times) };
    }
    return out;
  }

  reset(): void {
    this.arrivals.clear();
    this.throttledCounts.clear();
  }
}

/** The most entries of a sorted list within any window of 1000 ms. */
function peak(times: readonly number[]): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end] - times[start] >= 1000) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
