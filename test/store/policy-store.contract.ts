// The behaviour every PolicyStore must have, run against each implementation (memory, SQLite, Redis).
import { beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../../core/policy/store-rules.js';
import type { Limits, PolicyStore, ReserveRequest, ReserveResult } from '../../core/policy/types.js';

export interface OpenedStore {
  store: PolicyStore;
  /** Another instance on the same state (another connection or file handle), as a second process would open it. */
  another(): Promise<PolicyStore>;
}

/** Opens a fresh, empty store whose clock reads `now()`. */
export type OpenStore = (now: () => number) => Promise<OpenedStore>;

const START = Date.UTC(2026, 2, 2, 9, 0, 0);
const OPEN: Limits = {
  perNumberPerHour: 1000,
  perNumberPerDay: 1000,
  perHour: 1000,
  perDay: 1000,
  maxConcurrentCalls: 1000,
  callMaxMs: 15 * 60_000,
};

export function number(i: number): string {
  return `+86138${String(i).padStart(8, '0')}`;
}

export function request(numbers: string[], limits: Partial<Limits>, extra: Partial<ReserveRequest> = {}): ReserveRequest {
  return {
    scope: 'dyvms:acct-1',
    operation: 'dyvms.SingleCallByTts',
    numbers: numbers.map((n) => ({ number: n, attempts: 1 })),
    direct: false,
    limits: { ...OPEN, ...limits },
    ...extra,
  };
}

function reservationId(result: ReserveResult): string {
  if (!result.ok) throw new Error(`expected the reservation to succeed, got ${JSON.stringify(result)}`);
  return result.id;
}

export function policyStoreContract(name: string, open: OpenStore): void {
  describe(`PolicyStore contract: ${name}`, () => {
    let time = START;
    const now = () => time;
    let opened: OpenedStore;
    let store: PolicyStore;
    const others: PolicyStore[] = [];

    beforeEach(async () => {
      time = START;
      opened = await open(now);
      store = opened.store;
      return async () => {
        await Promise.all(others.splice(0).map((s) => s.close()));
        await store.close();
      };
    });

    async function another(): Promise<PolicyStore> {
      const s = await opened.another();
      if (s !== store) others.push(s);
      return s;
    }

    it('refuses a number past its hourly cap, names the rule, and counts it again once the hour has rolled on', async () => {
      const limits = { perNumberPerHour: 2 };
      expect((await store.reserve(request([number(1)], limits))).ok).toBe(true);
      time += 10 * 60_000;
      expect((await store.reserve(request([number(1)], limits))).ok).toBe(true);
      expect(await store.reserve(request([number(1)], limits))).toEqual({ ok: false, rule: 'max-per-number-per-hour', counted: 2, limit: 2, number: number(1) });
      expect((await store.reserve(request([number(2)], limits))).ok).toBe(true);
      time = START + HOUR_MS; // the first call is exactly one hour old: out of the window
      expect((await store.reserve(request([number(1)], limits))).ok).toBe(true);
      expect((await store.reserve(request([number(1)], limits))).ok).toBe(false);
    });

    it('rolls the windows to the millisecond, also in the middle of a minute', async () => {
      const limits = { perHour: 2 };
      time = START + 30_500;
      expect((await store.reserve(request([number(1)], limits))).ok).toBe(true);
      time = START + 90_000;
      expect((await store.reserve(request([number(2)], limits))).ok).toBe(true);
      time = START + HOUR_MS + 30_499;
      expect(await store.reserve(request([number(3)], limits))).toEqual({ ok: false, rule: 'max-calls-per-hour', counted: 2, limit: 2 });
      time = START + HOUR_MS + 30_500; // the first is exactly an hour old
      expect((await store.reserve(request([number(3)], limits))).ok).toBe(true);
      expect(await store.reserve(request([number(4)], limits))).toEqual({ ok: false, rule: 'max-calls-per-hour', counted: 2, limit: 2 });
    });

    it('counts every attempt: redials count against the per-number and total caps', async () => {
      const three = (n: string) => ({ ...request([], {}), numbers: [{ number: n, attempts: 3 }] });
      expect(await store.reserve({ ...three(number(1)), limits: { ...OPEN, perNumberPerHour: 2 } })).toEqual({
        ok: false, rule: 'max-per-number-per-hour', counted: 0, limit: 2, number: number(1),
      });
      expect((await store.reserve({ ...three(number(1)), limits: { ...OPEN, perHour: 5 } })).ok).toBe(true);
      expect(await store.reserve({ ...three(number(2)), limits: { ...OPEN, perHour: 5 } })).toEqual({ ok: false, rule: 'max-calls-per-hour', counted: 3, limit: 5 });
    });

    it('keeps rolling 24-hour counts per number and in total', async () => {
      const limits = { perNumberPerDay: 3, perDay: 5 };
      for (let i = 0; i < 3; i++) {
        expect((await store.reserve(request([number(1)], limits))).ok).toBe(true);
        time += 2 * HOUR_MS;
      }
      expect(await store.reserve(request([number(1)], limits))).toEqual({ ok: false, rule: 'max-per-number-per-day', counted: 3, limit: 3, number: number(1) });
      expect((await store.reserve(request([number(2), number(3)], limits))).ok).toBe(true);
      expect(await store.reserve(request([number(4)], limits))).toEqual({ ok: false, rule: 'max-calls-per-day', counted: 5, limit: 5 });
      time = START + DAY_MS; // the first reservation left the 24-hour window
      expect((await store.reserve(request([number(1)], limits))).ok).toBe(true);
      expect((await store.reserve(request([number(4)], limits))).ok).toBe(false);
    });

    it('reserves all numbers of a request or none', async () => {
      const limits = { perNumberPerHour: 1 };
      expect((await store.reserve(request([number(2)], limits))).ok).toBe(true);
      expect((await store.reserve(request([number(1), number(2), number(3)], limits))).ok).toBe(false);
      expect((await store.reserve(request([number(1)], limits))).ok).toBe(true);
      expect((await store.reserve(request([number(3)], limits))).ok).toBe(true);
    });

    it('counts each scope (provider and account) on its own', async () => {
      const limits = { perHour: 1 };
      expect((await store.reserve(request([number(1)], limits))).ok).toBe(true);
      expect((await store.reserve(request([number(1)], limits))).ok).toBe(false);
      expect((await store.reserve(request([number(1)], limits, { scope: 'vms:acct-9' }))).ok).toBe(true);
    });

    it('keeps a cap exact under 200 parallel reserves from two store instances', async () => {
      const second = await another();
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) => (i % 2 ? second : store).reserve(request([number(i)], { perHour: 50 }))),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(50);
      const refused = results.filter((r) => !r.ok);
      expect(refused).toHaveLength(150);
      for (const r of refused) expect(r).toEqual({ ok: false, rule: 'max-calls-per-hour', counted: 50, limit: 50 });
    });

    it('counts live direct calls for the concurrency limit until they end or grow older than callMaxMs', async () => {
      const limits = { maxConcurrentCalls: 2, callMaxMs: 10 * 60_000 };
      const a = reservationId(await store.reserve(request([number(1)], limits, { direct: true })));
      reservationId(await store.reserve(request([number(2)], limits, { direct: true })));
      expect((await store.reserve(request([number(3)], limits, { direct: false }))).ok).toBe(true); // a task: not live
      expect(await store.reserve(request([number(4)], limits, { direct: true }))).toEqual({ ok: false, rule: 'max-concurrent-calls', counted: 2, limit: 2 });

      await store.attachCallIds(a, ['call-a']);
      await store.markEnded('vms:acct-1', 'call-a'); // another provider's call with the same id: ends nothing
      expect((await store.reserve(request([number(4)], limits, { direct: true }))).ok).toBe(false);
      await (await another()).markEnded('dyvms:acct-1', 'call-a');
      const c = reservationId(await store.reserve(request([number(4)], limits, { direct: true })));
      expect((await store.reserve(request([number(5)], limits, { direct: true }))).ok).toBe(false);

      time += 10 * 60_000; // number(2)'s call (no id, no result) and c reach callMaxMs
      await store.attachCallIds(c, ['call-c']);
      const placed = await Promise.all([store.reserve(request([number(5)], limits, { direct: true })), store.reserve(request([number(6)], limits, { direct: true }))]);
      expect(placed.map((r) => r.ok)).toEqual([true, true]);
    });

    it('counts a request of several direct calls as that many live calls', async () => {
      const limits = { maxConcurrentCalls: 3 };
      expect((await store.reserve(request([number(1), number(2)], limits, { direct: true }))).ok).toBe(true);
      expect(await store.reserve(request([number(3), number(4)], limits, { direct: true }))).toEqual({ ok: false, rule: 'max-concurrent-calls', counted: 2, limit: 3 });
    });

    it('release frees a reservation at once (the vendor refused: nothing was dialled); releasing twice or an unknown id is harmless', async () => {
      const limits = { perHour: 1, maxConcurrentCalls: 1 };
      const id = reservationId(await store.reserve(request([number(1)], limits, { direct: true })));
      expect((await store.reserve(request([number(2)], limits, { direct: true }))).ok).toBe(false);
      await (await another()).release(id);
      await store.release(id);
      await store.release('r-never-issued');
      expect((await store.reserve(request([number(2)], limits, { direct: true }))).ok).toBe(true);
    });

    it('keeps an unknown outcome (never released nor attached) counted until it leaves the windows', async () => {
      const limits = { perHour: 1, perDay: 2, maxConcurrentCalls: 1, callMaxMs: 20 * 60_000 };
      reservationId(await store.reserve(request([number(1)], limits, { direct: true })));
      expect(await store.reserve(request([number(2)], limits))).toEqual({ ok: false, rule: 'max-calls-per-hour', counted: 1, limit: 1 });
      time += 30 * 60_000;
      expect(await store.reserve(request([number(2)], limits))).toEqual({ ok: false, rule: 'max-calls-per-hour', counted: 1, limit: 1 });
      time += 30 * 60_000;
      expect((await store.reserve(request([number(2)], limits, { direct: true }))).ok).toBe(true);
      time += HOUR_MS;
      expect(await store.reserve(request([number(3)], limits))).toEqual({ ok: false, rule: 'max-calls-per-day', counted: 2, limit: 2 });
    });

    it('never loses a call id: 50 parallel calls attached from two instances are all found, by their own scope only', async () => {
      const second = await another();
      const ids = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => reservationId(await store.reserve(request([number(i), number(100 + i)], {}, { direct: true })))),
      );
      await Promise.all(ids.map((id, i) => (i % 2 ? second : store).attachCallIds(id, [`call-${i}`, i % 5 ? `call-${i}-b` : undefined])));
      for (const [i] of ids.entries()) {
        const call = await second.placedCall('dyvms:acct-1', `call-${i}`);
        expect(call).toEqual({ scope: 'dyvms:acct-1', operation: 'dyvms.SingleCallByTts', number: number(i), at: START, callId: `call-${i}` });
        const b = await store.placedCall('dyvms:acct-1', `call-${i}-b`);
        expect(b?.number).toBe(i % 5 ? number(100 + i) : undefined);
      }
      expect(await store.placedCall('vms:acct-1', 'call-1')).toBeUndefined();
      time += 1000;
      await store.markEnded('dyvms:acct-1', 'call-3');
      expect(await second.placedCall('dyvms:acct-1', 'call-3')).toMatchObject({ callId: 'call-3', endedAt: START + 1000 });
      time += 1000;
      await store.markEnded('dyvms:acct-1', 'call-3'); // the first end stands
      expect((await store.placedCall('dyvms:acct-1', 'call-3'))?.endedAt).toBe(START + 1000);
    });

    it('refuses to attach call ids to a reservation it does not hold', async () => {
      await expect(store.attachCallIds('r-never-issued', ['call-x'])).rejects.toThrow(/r-never-issued/);
    });

    it('remembers task numbers, marks them counted when a reservation for the task succeeds, and unmarks them on release', async () => {
      const task = 'outboundbot:jg-1';
      expect(await store.taskNumbers(task)).toBeUndefined();
      await store.addTaskNumbers(task, [number(1), number(2)], false);
      await (await another()).addTaskNumbers(task, [number(3)], true);
      expect(await store.taskNumbers(task)).toEqual({ all: [number(1), number(2), number(3)], uncounted: [number(1), number(2)] });

      const id = reservationId(await store.reserve(request([number(1)], {}, { taskKey: task })));
      expect((await store.taskNumbers(task))?.uncounted).toEqual([number(2)]);
      await store.release(id);
      expect((await store.taskNumbers(task))?.uncounted).toEqual([number(1), number(2)]);

      expect((await store.reserve(request([number(1), number(2)], { perHour: 1 }, { taskKey: task }))).ok).toBe(false);
      expect((await store.taskNumbers(task))?.uncounted).toEqual([number(1), number(2)]);
      await store.addTaskNumbers(task, [number(2)], true);
      expect((await store.taskNumbers(task))?.uncounted).toEqual([number(1)]);
      await store.addTaskNumbers(task, [number(2)], false); // counted stays counted
      expect((await store.taskNumbers(task))?.uncounted).toEqual([number(1)]);
    });

    it('says whether a task started (some of its numbers counted) without reading all its numbers', async () => {
      const task = 'dyvms:task-9';
      const started = (key: string) => (store.taskStarted ? store.taskStarted(key) : Promise.reject(new Error(`${name} has no taskStarted`)));
      expect(await started(task)).toBeUndefined();
      await store.addTaskNumbers(task, [number(1), number(2)], false);
      expect(await started(task)).toBe(false);
      const id = reservationId(await store.reserve(request([number(1)], {}, { taskKey: task })));
      expect(await started(task)).toBe(true);
      await store.release(id);
      expect(await started(task)).toBe(false);
      await (await another()).addTaskNumbers(task, [number(2)], true);
      await store.addTaskNumbers(task, [number(2)], true); // already counted: counted once
      expect(await started(task)).toBe(true);
      const again = reservationId(await store.reserve(request([number(1)], {}, { taskKey: task })));
      await store.release(again);
      expect(await started(task)).toBe(true); // number 2 stays counted
    });

    it('claimOnce says yes once per id within its TTL, across instances and in parallel', async () => {
      const second = await another();
      const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? second : store).claimOnce('receipt', 'id-1', 60_000)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.claimOnce('confirm', 'id-1', 60_000)).toBe(true);
      time += 59_999;
      expect(await second.claimOnce('receipt', 'id-1', 60_000)).toBe(false);
      time += 1;
      expect(await second.claimOnce('receipt', 'id-1', 60_000)).toBe(true);
      expect(await store.claimOnce('receipt', 'id-1', 60_000)).toBe(false);
    });

    it('treats an Infinity limit as no limit and a 0 limit as none allowed', async () => {
      const unlimited = { perNumberPerHour: Infinity, perNumberPerDay: Infinity, perHour: Infinity, perDay: Infinity, maxConcurrentCalls: Infinity };
      for (let i = 0; i < 5; i++) expect((await store.reserve(request([number(1)], unlimited, { direct: true }))).ok).toBe(true);
      expect(await store.reserve(request([number(2)], { perDay: 0 }))).toEqual({ ok: false, rule: 'max-calls-per-day', counted: 5, limit: 0 });
    });

    it('rejects a malformed request naming the field', async () => {
      await expect(store.reserve(request(['13800000000'], {}))).rejects.toThrow(/numbers\[0\]\.number must be canonical E\.164/);
      await expect(store.reserve(request([number(1), number(1)], {}))).rejects.toThrow(/numbers\[1\]\.number appears twice/);
      await expect(store.reserve(request([number(1)], { perHour: -1 }))).rejects.toThrow(/limits\.perHour/);
    });
  });
}
