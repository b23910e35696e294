// One of several processes reserving against one shared store at once.
// Args: <store setting> <child index> <reserves> <per-hour cap> <clock ms>. Prints {"placed":[[reservationId, callId], ...]}.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStore } from '../../../mcp/stores/open-store.js';
import { number, request } from '../policy-store.contract.js';
import { readyThenGo } from './children.js';

const [setting, index, reserves, cap, clock] = process.argv.slice(2);
const runtime = { now: () => Number(clock), sleep: (ms: number) => sleep(ms), random: Math.random, nonce: randomUUID };
const opened = await openStore(setting, { setting: '--store', runtime });
await readyThenGo();
const placed: Array<[string, string]> = [];
for (let i = 0; i < Number(reserves); i++) {
  const result = await opened.store.reserve(request([number(Number(index) * 100_000 + i)], { perHour: Number(cap) }, { direct: true }));
  if (!result.ok) continue;
  const callId = `call-${index}-${i}`;
  await opened.store.attachCallIds(result.id, [callId]);
  placed.push([result.id, callId]);
  // A breath between requests, as a real server has: SQLite's lock waiter (which backs off in steps of
  // milliseconds) gets its turn, so the processes really interleave instead of taking turns in bursts.
  await sleep(1);
}
await opened.close();
process.stdout.write(`${JSON.stringify({ placed })}\n`);
