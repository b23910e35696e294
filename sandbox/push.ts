import { request } from 'undici';
import { realDelay } from './clock.js';
import type { PushOptions, SandboxClock } from './types.js';

export interface PushAttempt {
  url: string;
  kind?: string;
  attempt: number;
  /** Real epoch ms of the attempt. */
  at: number;
  ok: boolean;
  status?: number;
  error?: string;
}

interface PendingPush {
  url: string;
  body: string;
  retryDelaysMs: number[];
  options: PushOptions;
  attempt: number;
}

/**
 * Pushes receipts to receivers the way the vendors do: POST JSON, wait at most `timeoutMs`,
 * retry after the given sandbox delays, then give up. Bounded: at most `maxPending` pushes wait
 * for a retry (the oldest is dropped beyond that); close() cancels everything.
 */
export class Pusher {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly controllers = new Set<AbortController>();
  private readonly log: PushAttempt[] = [];
  private closed = false;
  dropped = 0;

  constructor(
    private readonly clock: SandboxClock,
    private readonly maxPending = 10_000,
    private readonly maxLog = 2_000,
  ) {}

  push(url: string, body: unknown, retryDelaysMs: number[], options: PushOptions = {}): void {
    if (this.closed) return;
    const pending: PendingPush = { url, body: JSON.stringify(body), retryDelaysMs, options, attempt: 0 };
    void this.attempt(pending);
  }

  private async attempt(p: PendingPush): Promise<void> {
    if (this.closed) return;
    p.attempt++;
    const controller = new AbortController();
    this.controllers.add(controller);
    const timer = setTimeout(() => controller.abort(), p.options.timeoutMs ?? 700);
    const entry: PushAttempt = { url: p.url, kind: p.options.kind, attempt: p.attempt, at: this.clock.realNow(), ok: false };
    try {
      const res = await request(p.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json;charset=utf-8' },
        body: p.body,
        signal: controller.signal,
      });
      const text = await res.body.text();
      entry.status = res.statusCode;
      entry.ok = (p.options.accept ?? ((status: number) => status >= 200 && status < 300))(res.statusCode, text);
    } catch (error) {
      entry.error = (error as Error).message;
    } finally {
      clearTimeout(timer);
      this.controllers.delete(controller);
    }
    this.record(entry);
    if (!entry.ok) this.scheduleRetry(p);
  }

  private scheduleRetry(p: PendingPush): void {
    const delay = p.retryDelaysMs[p.attempt - 1];
    if (delay === undefined || this.closed) return;
    if (this.timers.size >= this.maxPending) {
      this.dropped++;
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(p);
    }, realDelay(this.clock, delay));
    timer.unref();
    this.timers.add(timer);
  }

  private record(entry: PushAttempt): void {
    this.log.push(entry);
    if (this.log.length > this.maxLog) this.log.splice(0, this.log.length - this.maxLog);
  }

  attempts(): PushAttempt[] {
    return [...this.log];
  }

  get pendingRetries(): number {
    return this.timers.size;
  }

  /** Forgets the log and cancels retries (POST /_sandbox/reset). */
  reset(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.log.length = 0;
    this.dropped = 0;
  }

  close(): void {
    this.closed = true;
    this.reset();
    for (const c of this.controllers) c.abort();
    this.controllers.clear();
  }
}

/** Alibaba HTTP batch push: received when HTTP 200 and the JSON answer has a numeric `code`. */
export function alibabaPushAccepted(status: number, body: string): boolean {
  if (status !== 200) return false;
  try {
    return typeof (JSON.parse(body) as { code?: unknown }).code === 'number';
  } catch {
    return false;
  }
}
