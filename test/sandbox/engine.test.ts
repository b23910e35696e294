import { describe, expect, it } from 'vitest';
import { CallEngine } from '../../sandbox/calls.js';
import { Dialer } from '../../sandbox/dialer.js';
import { seededRng } from '../../sandbox/rng.js';
import { manualClock } from './helpers.js';

describe('calls engine', () => {
  it('moves each call through queued -> ringing -> answered -> completed, or to a final no_answer/busy/power_off/failed', () => {
    const clock = manualClock();
    const engine = new CallEngine(clock, seededRng(11));
    const ids = Array.from({ length: 500 }, (_, i) => engine.place({ vendor: 'dyvms', operation: 'dyvms.SingleCallByTts', number: `1${i}` }).id);
    expect(engine.list().every((c) => c.status === 'queued')).toBe(true);
    const seen = new Map<string, string[]>(ids.map((id) => [id, []]));
    for (let t = 0; t <= 120; t++) {
      for (const call of engine.list()) {
        const history = seen.get(call.id) as string[];
        if (history[history.length - 1] !== call.status) history.push(call.status);
      }
      clock.advance(1000);
    }
    const allowed = [
      ['queued', 'ringing', 'answered', 'completed'],
      ['queued', 'ringing', 'no_answer'],
      ['queued', 'busy'],
      ['queued', 'power_off'],
      ['queued', 'failed'],
    ].map((p) => p.join('>'));
    const finals = new Map<string, number>();
    for (const history of seen.values()) {
      // a short step may skip a state (e.g. ringing and answered within one second)
      const path = history.join('>');
      expect(allowed.some((p) => p.includes(path) || isSubsequence(history, p.split('>')))).toBe(true);
      const last = history[history.length - 1];
      finals.set(last, (finals.get(last) ?? 0) + 1);
    }
    expect(finals.get('completed')).toBeGreaterThan(300);
    for (const status of ['no_answer', 'busy', 'power_off', 'failed']) expect(finals.get(status)).toBeGreaterThan(5);
    for (const call of engine.list()) {
      expect(call.endAt).toBeDefined();
      if (call.status === 'completed') expect(call.durationSeconds).toBeGreaterThan(0);
      else expect(call.durationSeconds).toBe(0);
    }
  });

  it('ends a call early on an API hang-up: unanswered calls end as no_answer, answered ones complete', () => {
    const clock = manualClock();
    const engine = new CallEngine(clock, seededRng(3));
    const early = engine.place({ vendor: 'pbx', operation: 'pbx.outbound.playprompt', number: '1' });
    engine.end(early.id, clock.now(), 'platform');
    expect(engine.get(early.id)).toMatchObject({ status: 'no_answer', hangupSide: 'platform', durationSeconds: 0 });
    const calls = Array.from({ length: 50 }, (_, i) => engine.place({ vendor: 'pbx', operation: 'pbx.outbound.playprompt', number: `2${i}` }));
    clock.advance(15_000);
    const answered = calls.map((c) => engine.get(c.id)).find((c) => c?.status === 'answered');
    expect(answered).toBeDefined();
    const before = engine.endsAt(answered!.id)!;
    engine.end(answered!.id, clock.now(), 'platform');
    expect(engine.endsAt(answered!.id)).toBeLessThan(before);
    expect(engine.get(answered!.id)).toMatchObject({ status: 'completed', hangupSide: 'platform', endAt: clock.now() });
  });

  it('is deterministic for a seed and hides moments that have not happened yet', () => {
    const run = () => {
      const clock = manualClock();
      const engine = new CallEngine(clock, seededRng('same'));
      for (let i = 0; i < 50; i++) engine.place({ vendor: 'dyvms', operation: 'x', number: String(i) });
      const early = engine.list();
      clock.advance(3_600_000);
      return { early, late: engine.list() };
    };
    const a = run();
    expect(run()).toEqual(a);
    expect(a.early.every((c) => c.endAt === undefined && c.answerAt === undefined)).toBe(true);
  });

  it('keeps 100,000 calls cheaply (no timers; status computed on read)', () => {
    const clock = manualClock();
    const engine = new CallEngine(clock, seededRng(1));
    const started = Date.now();
    for (let i = 0; i < 100_000; i++) engine.place({ vendor: 'dyvms', operation: 'x', number: String(i) });
    clock.advance(3_600_000);
    expect(engine.list().filter((c) => c.endAt !== undefined)).toHaveLength(100_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

function isSubsequence(items: string[], of: string[]): boolean {
  let i = 0;
  for (const step of of) if (items[i] === step) i++;
  return i === items.length;
}

describe('dialer', () => {
  const setup = (count: number, concurrency: number, durationMs = 1000) => {
    const placed: { index: number; at: number; attempt: number }[] = [];
    let total = count;
    const dialer = new Dialer(concurrency, {
      total: () => total,
      place: (job, at) => {
        placed.push({ ...job, at });
        return { callId: `c${placed.length}`, endAt: at + durationMs };
      },
    });
    return { dialer, placed, grow: (n: number) => (total += n) };
  };

  it('never has more than `concurrency` calls in progress and dials everyone in order', () => {
    const { dialer, placed } = setup(10, 3);
    dialer.start(0);
    dialer.advance(0);
    expect(placed.map((p) => p.index)).toEqual([0, 1, 2]);
    dialer.advance(999);
    expect(placed).toHaveLength(3);
    dialer.advance(1000);
    expect(placed).toHaveLength(6);
    expect(dialer.finished(3999)).toBe(false);
    expect(dialer.finished(4000)).toBe(true);
    expect(placed.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(dialer.lastEndAt).toBe(4000);
  });

  it('pauses, resumes at the resume time, picks up callees added later, and stops', () => {
    const { dialer, placed, grow } = setup(4, 1);
    dialer.start(0);
    dialer.pause(1500);
    expect(placed.map((p) => p.at)).toEqual([0, 1000]);
    dialer.advance(10_000);
    expect(placed).toHaveLength(2);
    dialer.resume(10_000);
    expect(placed.map((p) => p.at)).toEqual([0, 1000, 10_000]);
    dialer.advance(12_000);
    expect(dialer.finished(12_000)).toBe(true);
    grow(2);
    dialer.wake(20_000);
    expect(placed[placed.length - 1]).toMatchObject({ index: 4, at: 20_000 });
    dialer.stop(20_500);
    dialer.advance(50_000);
    expect(placed).toHaveLength(5);
  });

  it('redials after the delay onEnd asks for', () => {
    const placed: { index: number; attempt: number; at: number }[] = [];
    const dialer = new Dialer(1, {
      total: () => 2,
      place: (job, at) => {
        placed.push({ ...job, at });
        return { callId: `c${placed.length}`, endAt: at + 100 };
      },
      onEnd: (job) => (job.index === 0 && job.attempt < 2 ? 1000 : undefined),
    });
    dialer.start(0);
    dialer.advance(10_000);
    expect(placed).toEqual([
      { index: 0, attempt: 0, at: 0 },
      { index: 1, attempt: 0, at: 100 },
      { index: 0, attempt: 1, at: 1100 },
      { index: 0, attempt: 2, at: 2200 },
    ]);
    expect(dialer.finished(10_000)).toBe(true);
  });
});
