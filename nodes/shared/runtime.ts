import { randomUUID } from 'crypto';
import { sleep } from 'n8n-workflow';
import type { Runtime } from '../../core/transport.js';

/**
 * Time, sleep and randomness for core inside n8n: sleep comes from n8n-workflow (community nodes may not
 * use timers themselves).
 */
export const n8nRuntime: Runtime = {
  now: () => Date.now(),
  sleep: async (ms) => {
    if (ms > 0) await sleep(ms);
  },
  random: () => Math.random(),
  nonce: () => randomUUID(),
};
