import { describe, expect, it } from 'vitest';
import type { CallResult, CallStatus } from '../../core/call-result.js';
import { CallbridgeError } from '../../core/errors.js';
import { waitForCallResult, type WaitProgress } from '../../core/wait.js';
import { fakeRuntime } from '../helpers/fakes.js';

const result = (status: CallStatus, final = ['completed', 'no_answer', 'busy', 'failed'].includes(status)): CallResult => ({
  provider: 'dyvms',
  callId: 'c1',
  status,
  final,
  raw: {},
});

describe('waitForCallResult', () => {
  it('polls until a final result, reporting progress, with growing intervals', async () => {
    const runtime = fakeRuntime();
    const statuses: CallStatus[] = ['queued', 'ringing', 'answered', 'completed'];
    const progress: WaitProgress[] = [];
    const outcome = await waitForCallResult(async () => result(statuses.shift() ?? 'unknown'), {
      runtime,
      timeoutMs: 60_000,
      intervalMs: 1000,
      onProgress: (p) => void progress.push(p),
    });
    expect(outcome).toMatchObject({ final: true, timedOut: false, attempts: 4 });
    expect(outcome.result?.status).toBe('completed');
    expect(runtime.slept).toEqual([1000, 1500, 2250]);
    expect(progress.map((p) => p.result?.status)).toEqual(['queued', 'ringing', 'answered', 'completed']);
    expect(progress.map((p) => p.elapsedMs)).toEqual([0, 1000, 2500, 4750]);
  });

  it('times out with the last result when the call never ends, never sleeping past the deadline', async () => {
    const runtime = fakeRuntime();
    const outcome = await waitForCallResult(async () => result('ringing'), { runtime, timeoutMs: 10_000, intervalMs: 3000, maxIntervalMs: 4000 });
    expect(outcome).toMatchObject({ final: false, timedOut: true, elapsedMs: 10_000 });
    expect(outcome.result?.status).toBe('ringing');
    expect(runtime.slept).toEqual([3000, 4000, 3000]);
  });

  it('retries transient errors, rethrows others', async () => {
    const runtime = fakeRuntime();
    let n = 0;
    const outcome = await waitForCallResult(
      async () => {
        n++;
        if (n === 1) throw new CallbridgeError({ kind: 'vendor', code: 'Throttling', retryable: true, message: 'slow down' });
        return result('busy');
      },
      { runtime, timeoutMs: 10_000, intervalMs: 100 },
    );
    expect(outcome).toMatchObject({ final: true, attempts: 2 });
    await expect(
      waitForCallResult(
        async () => {
          throw new CallbridgeError({ kind: 'vendor', code: 'InvalidCallId', message: 'bad id' });
        },
        { runtime, timeoutMs: 10_000 },
      ),
    ).rejects.toThrow('bad id');
  });

  it('stops when aborted and rejects a negative timeout', async () => {
    const runtime = fakeRuntime();
    const signal = { aborted: false };
    const outcome = await waitForCallResult(
      async () => {
        signal.aborted = true;
        return result('ringing');
      },
      { runtime, timeoutMs: 10_000, signal },
    );
    expect(outcome).toMatchObject({ aborted: true, attempts: 1 });
    await expect(waitForCallResult(async () => result('ringing'), { runtime, timeoutMs: -1 })).rejects.toThrow('timeout');
  });

  it('a zero timeout polls exactly once', async () => {
    const runtime = fakeRuntime();
    const outcome = await waitForCallResult(async () => result('queued'), { runtime, timeoutMs: 0 });
    expect(outcome).toMatchObject({ attempts: 1, timedOut: true });
    expect(runtime.slept).toEqual([]);
  });
});
