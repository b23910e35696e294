import type { Rng } from './types.js';

/** Turns any seed (number or text) into a 32-bit state. */
function hashSeed(seed: string | number): number {
  const text = String(seed);
  let h = 2166136261 >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

/** mulberry32: small, fast, good enough for simulation; the same seed gives the same sequence. */
export function seededRng(seed: string | number): Rng {
  let state = hashSeed(seed);
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** An independent stream for one purpose (calls, faults, ids...), so one does not shift the others. */
export function deriveRng(seed: string | number, purpose: string): Rng {
  return seededRng(`${seed}/${purpose}`);
}

/** Uniform number in [min, max). */
export function uniform(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng.next();
}

/** Integer in [min, max]. */
export function randomInt(rng: Rng, min: number, max: number): number {
  return Math.floor(uniform(rng, min, max + 1));
}

/** Picks a key by weight. */
export function weighted<K extends string>(rng: Rng, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = rng.next() * total;
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) return key;
  }
  return entries[entries.length - 1][0];
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng.next() * items.length)];
}

export function digits(rng: Rng, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += Math.floor(rng.next() * 10);
  return out;
}
