// Polls a query until its answer is final (a call's result, a campaign's status) or a timeout passes.
// Time and sleep come from the injected Runtime, so tests run on a fake clock.
import type { CallResult } from './call-result.js';
import { CallbridgeError, messageOf } from './errors.js';
import type { Runtime } from './transport.js';

/** What a polled query answers: at least whether the thing it follows reached a final state. */
export interface Finality {
  final: boolean;
}

export interface WaitProgress<T extends Finality = CallResult> {
  /** 1-based number of the poll that just finished. */
  attempt: number;
  elapsedMs: number;
  timeoutMs: number;
  /** The latest result, when the poll succeeded. */
  result?: T;
  /** The message of a transient error that will be retried. */
  error?: string;
}

export interface WaitOptions<T extends Finality = CallResult> {
  runtime: Runtime;
  /** Give up after this long (ms). */
  timeoutMs: number;
  /** First delay between polls (default 3 s); it grows by half each time up to maxIntervalMs. */
  intervalMs?: number;
  /** Largest delay between polls (default 15 s). */
  maxIntervalMs?: number;
  /** Called after every poll. */
  onProgress?: (progress: WaitProgress<T>) => void | Promise<void>;
  /** Stop early (the caller went away). */
  signal?: { readonly aborted: boolean };
  /** Whether a failed poll is retried (default: CallbridgeErrors marked retryable). Others end the wait. */
  retryOn?: (error: unknown) => boolean;
  /**
   * Cuts a pause between polls short: registers a wake-up (e.g. CallEvents.onEnded for this call, fired when
   * another replica or a receipt saw it end) and returns the function that unregisters it.
   */
  wakeOn?: (wake: () => void) => () => void;
}

export interface WaitOutcome<T extends Finality = CallResult> {
  /** The last result seen (undefined if every poll failed). */
  result?: T;
  /** True when the last result is final. */
  final: boolean;
  timedOut: boolean;
  aborted: boolean;
  attempts: number;
  elapsedMs: number;
}

const defaultRetryOn = (error: unknown) => error instanceof CallbridgeError && error.retryable;

/** Polls `poll` until it returns a final answer, the timeout passes or the signal aborts. */
export async function waitUntilFinal<T extends Finality>(poll: () => Promise<T>, options: WaitOptions<T>): Promise<WaitOutcome<T>> {
  const { runtime, timeoutMs } = options;
  if (!(timeoutMs >= 0)) throw new CallbridgeError({ kind: 'validation', field: 'timeout', message: 'timeout must be 0 or more milliseconds' });
  const maxInterval = Math.max(1, options.maxIntervalMs ?? 15_000);
  let interval = Math.min(Math.max(1, options.intervalMs ?? 3_000), maxInterval);
  const retryOn = options.retryOn ?? defaultRetryOn;
  const started = runtime.now();
  let result: T | undefined;
  let attempts = 0;
  for (;;) {
    if (options.signal?.aborted) return { result, final: false, timedOut: false, aborted: true, attempts, elapsedMs: runtime.now() - started };
    attempts++;
    let error: string | undefined;
    try {
      result = await poll();
    } catch (e) {
      if (!retryOn(e)) throw e;
      error = messageOf(e);
    }
    const elapsedMs = runtime.now() - started;
    await options.onProgress?.({ attempt: attempts, elapsedMs, timeoutMs, result: error ? undefined : result, error });
    if (!error && result?.final) return { result, final: true, timedOut: false, aborted: false, attempts, elapsedMs };
    const remaining = timeoutMs - elapsedMs;
    if (remaining <= 0) return { result, final: false, timedOut: true, aborted: false, attempts, elapsedMs };
    await pause(Math.min(interval, remaining), options);
    interval = Math.min(maxInterval, Math.round(interval * 1.5));
  }
}

/** Sleeps, unless the wake-up fires first. */
async function pause<T extends Finality>(ms: number, { runtime, wakeOn }: WaitOptions<T>): Promise<void> {
  if (!wakeOn) return runtime.sleep(ms);
  let stop = () => {};
  const woken = new Promise<void>((resolve) => {
    stop = wakeOn(resolve);
  });
  try {
    await Promise.race([runtime.sleep(ms), woken]);
  } finally {
    stop();
  }
}

/** Polls a call-result query until the call reaches a final state or the timeout passes. */
export function waitForCallResult(poll: () => Promise<CallResult>, options: WaitOptions): Promise<WaitOutcome> {
  return waitUntilFinal(poll, options);
}
