// One of several processes reserving against one SQLite store file at once.
// Args: <file> <child index> <reserves> <per-hour cap> <clock ms>. Prints {"placed":[[reservationId, callId], ...]}.
import { randomUUID } from 'node:crypto';
import { SqliteStore } from '../../../mcp/stores/sqlite-store.js';
import { number, request } from '../policy-store.contract.js';
import { readyThenGo } from './children.js';

const [file, index, reserves, cap, clock] = process.argv.slice(2);
const store = await SqliteStore.open(file, { now: () => Number(clock), nonce: randomUUID });
await readyThenGo();
const placed: Array<[string, string]> = [];
for (let i = 0; i < Number(reserves); i++) {
  const result = await store.reserve(request([number(Number(index) * 100_000 + i)], { perHour: Number(cap) }, { direct: true }));
  if (!result.ok) continue;
  const callId = `call-${index}-${i}`;
  await store.attachCallIds(result.id, [callId]);
  placed.push([result.id, callId]);
}
await store.close();
process.stdout.write(`${JSON.stringify({ placed })}\n`);
