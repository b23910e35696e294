// What every policy store does the same way: the windows, the checks on a reserve request, and the
// order in which caps are judged (the Redis store repeats the judging in Lua, in the same order).
import type { Limits, ReserveRequest, ReserveResult } from './types.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** A refusal from `reserve`. */
export type CapRefusal = Extract<ReserveResult, { ok: false }>;

/** What a store has counted, in one scope, for the rolling windows ending now. */
export interface WindowCounts {
  /** Attempts counted for this number in the last `windowMs`. */
  number(number: string, windowMs: number): number;
  /** Attempts counted in total in the last `windowMs`. */
  total(windowMs: number): number;
  /** Direct calls not seen ending and younger than callMaxMs. */
  live(): number;
}

const LIMIT_KEYS: ReadonlyArray<keyof Limits> = ['perNumberPerHour', 'perNumberPerDay', 'perHour', 'perDay', 'maxConcurrentCalls'];

/** Throws an Error naming the field when a reserve request is malformed (a programming error, not a refusal). */
export function checkReserveRequest(request: ReserveRequest): void {
  if (!request.scope) throw new Error('reserve: scope must be a non-empty string');
  const seen = new Set<string>();
  for (const [i, { number, attempts }] of request.numbers.entries()) {
    if (!/^\+[1-9]\d{1,14}$/.test(number)) throw new Error(`reserve: numbers[${i}].number must be canonical E.164 (got "${number}")`);
    if (seen.has(number)) throw new Error(`reserve: numbers[${i}].number appears twice; give each number once with its attempts`);
    seen.add(number);
    if (!Number.isInteger(attempts) || attempts < 1) throw new Error(`reserve: numbers[${i}].attempts must be an integer of at least 1`);
  }
  for (const key of LIMIT_KEYS) {
    const limit = request.limits[key];
    if (!(limit === Infinity || (Number.isInteger(limit) && limit >= 0))) throw new Error(`reserve: limits.${key} must be a whole number of at least 0 (or Infinity)`);
  }
  const { callMaxMs } = request.limits;
  if (!Number.isInteger(callMaxMs) || callMaxMs <= 0 || callMaxMs > DAY_MS) throw new Error('reserve: limits.callMaxMs must be a whole number of ms between 1 and 24 hours');
}

/** The first cap the request would exceed: each number's hour then day, then the totals, then concurrency. */
export function firstRefusal(request: ReserveRequest, counts: WindowCounts): CapRefusal | undefined {
  const { limits } = request;
  let total = 0;
  for (const { number, attempts } of request.numbers) {
    total += attempts;
    const hour = counts.number(number, HOUR_MS);
    if (hour + attempts > limits.perNumberPerHour) return { ok: false, rule: 'max-per-number-per-hour', counted: hour, limit: limits.perNumberPerHour, number };
    const day = counts.number(number, DAY_MS);
    if (day + attempts > limits.perNumberPerDay) return { ok: false, rule: 'max-per-number-per-day', counted: day, limit: limits.perNumberPerDay, number };
  }
  const hour = counts.total(HOUR_MS);
  if (hour + total > limits.perHour) return { ok: false, rule: 'max-calls-per-hour', counted: hour, limit: limits.perHour };
  const day = counts.total(DAY_MS);
  if (day + total > limits.perDay) return { ok: false, rule: 'max-calls-per-day', counted: day, limit: limits.perDay };
  if (request.direct) {
    const live = counts.live();
    if (live + request.numbers.length > limits.maxConcurrentCalls) return { ok: false, rule: 'max-concurrent-calls', counted: live, limit: limits.maxConcurrentCalls };
  }
  return undefined;
}
