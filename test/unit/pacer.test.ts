// The in-process pacer: a fixed schedule of slots at the documented QPS, a tenth of a second's worth
// at once when idle. Judged by the send times it hands out (a clock that only moves when told).
import { describe, expect, it } from 'vitest';
import { burstOf, Pacer } from '../../core/pacer.js';
import type { Runtime } from '../../core/transport.js';

/** A clock that moves only when the test says; each wait records when its request may go out. */
function schedule() {
  let now = 0;
  const sendTimes: number[] = [];
  const runtime: Runtime = {
    now: () => now,
    sleep: async (ms) => {
      sendTimes.push(now + ms);
    },
    random: () => 0.5,
    nonce: () => 'n',
  };
  const pacer = new Pacer(runtime);
  /** Reserves `count` requests at the current time; returns their send times (ms). */
  const reserve = async (count: number, qps: number | undefined, key = 'dyvms.UploadRobotTaskCalledFile') => {
    sendTimes.length = 0;
    const immediate: number[] = [];
    for (let i = 0; i < count; i++) {
      const before = sendTimes.length;
      await pacer.wait(key, qps);
      if (sendTimes.length === before) immediate.push(now);
    }
    return [...immediate, ...sendTimes];
  };
  return { reserve, advance: (ms: number) => (now += ms) };
}

/** The most send times within any window of `ms` milliseconds. */
function peak(times: number[], ms: number): number {
  return Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));
}

describe('Pacer', () => {
  it('sends a tenth of a second\'s worth at once, then one request per 1/QPS seconds', async () => {
    const { reserve } = schedule();
    const times = await reserve(250, 100);
    expect(burstOf(100)).toBe(10);
    expect(times.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(times.slice(10, 14)).toEqual([10, 20, 30, 40]);
    expect(times[249]).toBeCloseTo(2400, 6);
    // Never more than a second's worth plus the burst in any second (the gateways' buckets hold a second's worth).
    expect(peak(times, 1000)).toBeLessThanOrEqual(100 + burstOf(100));
  });

  it('keeps reserved slots when the clock runs past them, and allows the burst again only after idling', async () => {
    const { reserve, advance } = schedule();
    await reserve(20, 100); // busy until 110 ms
    advance(50);
    expect((await reserve(1, 100))[0]).toBeCloseTo(110, 6);
    advance(1000); // idle
    expect(await reserve(10, 100)).toEqual(Array(10).fill(1050));
  });

  it('paces operations separately, slow ones one at a time, and not at all without a QPS', async () => {
    const { reserve } = schedule();
    expect(await reserve(3, 1, 'pbx.call.dial')).toEqual([0, 1000, 2000]);
    expect(await reserve(2, 1, 'dyvms.SingleCallByTts')).toEqual([0, 1000]);
    expect(await reserve(5, 0, 'volcengine.BatchAppend')).toEqual([0, 0, 0, 0, 0]);
    expect(await reserve(5, undefined, 'volcengine.BatchAppend')).toEqual([0, 0, 0, 0, 0]);
  });
});
