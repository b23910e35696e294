import { randomUUID } from 'node:crypto';
import type { Runtime } from '../core/transport.js';

export const systemRuntime: Runtime = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
  nonce: () => randomUUID(),
};
