/**
 * Dials a growing list of callees with at most `concurrency` calls in progress, in sandbox time,
 * without timers: advance(now) replays every line-free moment up to `now` (event order), so a
 * task is only as expensive as the calls it has placed. Supports pause/resume, stop, scheduled
 * start and redials (onEnd returns a delay). Shared by robot tasks, the Task Center and job groups.
 */

export interface DialJob {
  /** Index of the callee in the task's list. */
  index: number;
  /** 0 for the first call, 1.. for redials. */
  attempt: number;
}

export interface DialerHooks {
  /** How many callees the task has now (it may grow while running). */
  total(): number;
  /** Places the call for `job` at sandbox time `at`; returns its id and when it ends. */
  place(job: DialJob, at: number): { callId: string; endAt: number };
  /** Called once the call has ended (at sandbox time >= endAt); return a delay in ms to redial, or undefined (ignored once stopped). */
  onEnd?(job: DialJob, callId: string): number | undefined;
}

interface Event {
  at: number;
  job?: DialJob;
  callId?: string;
}

class MinHeap<T> {
  private items: T[] = [];
  constructor(private readonly key: (item: T) => number) {}
  get size() {
    return this.items.length;
  }
  peek(): T | undefined {
    return this.items[0];
  }
  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.key(a[p]) <= this.key(a[i])) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.key(a[l]) < this.key(a[m])) m = l;
        if (r < a.length && this.key(a[r]) < this.key(a[m])) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

export type DialerState = 'idle' | 'running' | 'paused' | 'stopped';

export class Dialer {
  private readonly events = new MinHeap<Event>((e) => e.at);
  private readonly retries = new MinHeap<{ due: number; job: DialJob }>((r) => r.due);
  private nextFresh = 0;
  private parked = 0;
  private inProgress = 0;
  state: DialerState = 'idle';
  /** Sandbox time the last call ended. */
  lastEndAt?: number;

  constructor(
    private readonly concurrency: number,
    private readonly hooks: DialerHooks,
  ) {}

  /** Starts dialing at sandbox time `at` (may be in the past, for scheduled starts caught up late). */
  start(at: number): void {
    if (this.state !== 'idle') return;
    this.state = 'running';
    for (let i = 0; i < this.concurrency; i++) this.events.push({ at });
  }

  advance(now: number): void {
    for (let e = this.events.peek(); e && e.at <= now; e = this.events.peek()) {
      this.events.pop();
      if (e.callId && e.job) {
        this.inProgress--;
        this.lastEndAt = Math.max(this.lastEndAt ?? 0, e.at);
        const delay = this.hooks.onEnd?.(e.job, e.callId);
        if (delay !== undefined && this.state !== 'stopped') this.retries.push({ due: e.at + delay, job: { index: e.job.index, attempt: e.job.attempt + 1 } });
      }
      if (this.state !== 'running') {
        this.parked++;
        continue;
      }
      this.fill(e.at);
    }
  }

  private fill(at: number): void {
    const retry = this.retries.peek();
    let job: DialJob | undefined;
    if (retry && retry.due <= at) {
      this.retries.pop();
      job = retry.job;
    } else if (this.nextFresh < this.hooks.total()) {
      job = { index: this.nextFresh++, attempt: 0 };
    } else if (retry) {
      this.events.push({ at: retry.due });
      return;
    } else {
      this.parked++;
      return;
    }
    const { callId, endAt } = this.hooks.place(job, at);
    this.inProgress++;
    this.events.push({ at: Math.max(endAt, at), job, callId });
  }

  /** Stops placing new calls after `now` (calls in progress run to their end). */
  pause(now: number): void {
    this.advance(now);
    if (this.state === 'running') this.state = 'paused';
  }

  resume(now: number): void {
    if (this.state !== 'paused') return;
    this.state = 'running';
    this.wake(now);
  }

  /** New callees were added: put idle lines back to work. */
  wake(now: number): void {
    if (this.state !== 'running') return;
    for (; this.parked > 0; this.parked--) this.events.push({ at: now });
    this.advance(now);
  }

  /** Terminates: no new calls, no redials. */
  stop(now: number): void {
    this.advance(now);
    this.state = 'stopped';
  }

  /** Every callee dialed (with redials) and every call ended. */
  finished(now: number): boolean {
    this.advance(now);
    return this.state === 'running' && this.nextFresh >= this.hooks.total() && this.retries.size === 0 && this.inProgress === 0;
  }

  get dialed(): number {
    return this.nextFresh;
  }

  get active(): number {
    return this.inProgress;
  }
}
