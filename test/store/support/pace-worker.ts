// One of several processes sending through one shared Redis pacer.
// Args: <redis url> <prefix> <scope> <operation> <qps> <requests>. Prints {"slots":[[slotAt, sentAt], ...]} (epoch ms).
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectRedis } from '../../../mcp/stores/redis-connection.js';
import { RedisPacer } from '../../../mcp/stores/redis-pacer.js';
import { readyThenGo } from './children.js';

const [url, prefix, scope, operation, qps, requests] = process.argv.slice(2);
const connection = await connectRedis(url);
const runtime = { now: Date.now, sleep: (ms: number) => sleep(ms), random: Math.random, nonce: randomUUID };
const pacer = new RedisPacer(connection, { prefix, scope, runtime });
await readyThenGo();
const slots: Array<[number, number]> = [];
for (let i = 0; i < Number(requests); i++) {
  const slot = await pacer.waitForSlot(operation, Number(qps));
  if (!slot) throw new Error('no shared slot: Redis was not used');
  slots.push([slot.at, Date.now()]);
}
await connection.redis.quit();
process.stdout.write(`${JSON.stringify({ slots })}\n`);
