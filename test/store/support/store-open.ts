// One of several processes opening the same new SQLite store files at the same moment.
// Args: <dir> <files>. Opens <dir>/open-0.sqlite ... in turn, each at a set moment after "go" (so every
// process opens file i together), reserves one call in each, and prints {"opened":N}.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SqliteStore } from '../../../mcp/stores/sqlite-store.js';
import { readyThenGo } from './children.js';

const [dir, files] = process.argv.slice(2);
const limits = { perNumberPerHour: 1000, perNumberPerDay: 1000, perHour: 1000, perDay: 1000, maxConcurrentCalls: 1000, callMaxMs: 60_000 };
await readyThenGo();
const goAt = Date.now();
let opened = 0;
for (let i = 0; i < Number(files); i++) {
  await sleep(Math.max(0, goAt + i * 40 - Date.now()));
  const store = await SqliteStore.open(join(dir, `open-${i}.sqlite`), { now: Date.now, nonce: randomUUID });
  const reserved = await store.reserve({ scope: 'dyvms:a', operation: 'op', numbers: [{ number: '+8613800000001', attempts: 1 }], direct: true, limits });
  if (!reserved.ok) throw new Error('reservation refused');
  await store.close();
  opened++;
}
process.stdout.write(`${JSON.stringify({ opened })}\n`);
