import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { LocalCallEvents, type CallEvents } from '../../core/call-events.js';
import type { CallResult, CallStatus } from '../../core/call-result.js';
import type { Runtime } from '../../core/transport.js';
import { waitForCallResult } from '../../core/wait.js';
import { connectRedis } from '../../mcp/stores/redis-connection.js';
import { RedisCallEvents } from '../../mcp/stores/redis-call-events.js';
import { startRedis } from './support/redis-server.js';

/** A runtime whose sleeps never end: a wait can only move on when it is woken. */
const sleepless: Runtime = { now: () => 0, sleep: () => new Promise<void>(() => {}), random: () => 0.5, nonce: () => 'n' };

function result(status: CallStatus): CallResult {
  return { provider: 'dyvms', callId: 'call-1', status, final: status === 'completed', raw: {} };
}

/** Waits for call-1 through `waiter`, polls once, and then only moves when `waiter` hears the call ended. */
async function waitWoken(waiter: CallEvents, tell: () => Promise<void>): Promise<number> {
  const statuses: CallStatus[] = ['ringing', 'completed'];
  let polled!: () => void;
  const firstPoll = new Promise<void>((resolve) => (polled = resolve));
  const waiting = waitForCallResult(
    async () => {
      polled();
      return result(statuses.shift() ?? 'unknown');
    },
    { runtime: sleepless, timeoutMs: 600_000, intervalMs: 300_000, wakeOn: (wake) => waiter.onEnded('dyvms:acct-1', 'call-1', wake) },
  );
  await firstPoll;
  await tell();
  const outcome = await waiting;
  expect(outcome.result?.status).toBe('completed');
  return outcome.attempts;
}

describe('call events', () => {
  it('wake a wait in this process at once, only for that call, and stop listening after', async () => {
    const events = new LocalCallEvents();
    const attempts = await waitWoken(events, async () => {
      await events.ended('vms:acct-1', 'call-1'); // another provider's call-1: no wake-up
      await events.ended('dyvms:acct-1', 'call-2');
      expect(events.watched).toBe(1);
      await events.ended('dyvms:acct-1', 'call-1');
    });
    expect(attempts).toBe(2);
    expect(events.watched).toBe(0);
  });

  it('carry "ended" from one replica to a wait on another through Redis, also after Redis restarts', async () => {
    const redis = await startRedis();
    const replicas = await Promise.all([1, 2].map(async () => {
      const connection = await connectRedis(redis.url);
      return { connection, events: await RedisCallEvents.open(connection, { prefix: 'deploy-a' }) };
    }));
    const [a, b] = replicas;
    try {
      expect(await waitWoken(a.events, () => b.events.ended('dyvms:acct-1', 'call-1'))).toBe(2);

      await redis.stop();
      await redis.start();
      for (const { connection } of replicas) if (connection.redis.status !== 'ready') await once(connection.redis, 'ready');
      // Both replicas' subscribers come back by themselves (polled state: Redis's subscriber count).
      while ((await b.connection.redis.pubsub('NUMSUB', 'deploy-a:call-ended'))[1] !== 2) await new Promise((resolve) => setImmediate(resolve));
      expect(await waitWoken(a.events, () => b.events.ended('dyvms:acct-1', 'call-1'))).toBe(2);
    } finally {
      for (const { connection, events } of replicas) {
        await events.close();
        await connection.redis.quit();
      }
      await redis.stop();
    }
  });
});
