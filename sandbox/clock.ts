import type { SandboxClock } from './types.js';

/** Sandbox time starts at the real time of creation and runs `speed` times faster. */
export function createClock(speed = 1, realNow: () => number = Date.now): SandboxClock {
  if (!(speed > 0) || !Number.isFinite(speed)) throw new Error(`speed must be a positive number, got ${speed}`);
  const realStart = realNow();
  return {
    speed,
    realNow,
    now: () => realStart + (realNow() - realStart) * speed,
  };
}

/** Real milliseconds that correspond to `sandboxMs` of sandbox time. */
export function realDelay(clock: SandboxClock, sandboxMs: number): number {
  return Math.max(0, sandboxMs / clock.speed);
}
